/**
 * The default server: providers.yaml chooses one of the spec's `servers` by a word of its
 * description or by its position, never by URL, so the generated default follows the vendor when
 * it moves a host. A choice that resolves to no server (or to several) refuses generation.
 */
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PROVIDERS_FILE } from '../config.js';
import { PaykitError } from '../errors.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import { quote, type Finding } from './finding.js';

/** `{ description: "Sandbox" }`: the one server whose description contains the text (case-insensitive); `{ index: 0 }`: by position. */
export type ServerChoice = { description: string } | { index: number };

export interface SpecServer { url: string; description: string; index: number }

export function specServers(document: OpenApiDocument): SpecServer[] {
  const list = Array.isArray(document.servers) ? document.servers : [];
  return list.flatMap((s, index) => (isRecord(s) && typeof s.url === 'string'
    ? [{ url: s.url, description: typeof s.description === 'string' ? s.description : '', index }] : []));
}

/** The chosen server, or why there is none. No choice means the spec's first server. */
export function resolveServerChoice(choice: ServerChoice | undefined, servers: readonly SpecServer[]): { server: SpecServer } | { problem: string } {
  if (choice === undefined || 'index' in choice) {
    const index = choice?.index ?? 0;
    const server = servers.find((s) => s.index === index);
    return server !== undefined ? { server } : { problem: `chooses server ${index}, but the spec lists ${servers.length === 0 ? 'no servers' : `only ${servers.length}`}` };
  }
  const needle = choice.description.toLowerCase();
  const hits = servers.filter((s) => s.description.toLowerCase().includes(needle));
  if (hits.length === 1) return { server: hits[0]! };
  return { problem: `chooses the server whose description contains ${quote(choice.description)}, but ${hits.length === 0 ? 'none does' : `${hits.length} do`}` };
}

function listServers(servers: readonly SpecServer[]): string {
  return servers.length === 0 ? 'none' : servers.map((s) => `${s.index}: ${quote(s.url)}${s.description === '' ? '' : ` (${quote(s.description, 40)})`}`).join(', ');
}

/** The default server as a finding when the choice resolves to nothing. Providers without a choice and without servers fall back to the emitter's default. */
export function serverFindings(project: ProjectConfig, provider: ProviderConfig, normalized: OpenApiDocument): Finding[] {
  const servers = specServers(normalized);
  if (provider.defaultServer === undefined && servers.length === 0) return [];
  const resolved = resolveServerChoice(provider.defaultServer, servers);
  if ('server' in resolved) return [];
  return [{
    kind: 'server',
    source: `${project.configFile}#/providers/${provider.id}/defaultServer`,
    pointer: '/servers',
    message: `${resolved.problem} in generated/${provider.id}/openapi.yaml#/servers (servers: ${listServers(servers)})`,
    fix: 'choose one of those servers by a word of its description ({ description: Sandbox }) or its position ({ index: 0 })',
  }];
}

/** The URL the generated client defaults to. Throws the same refusal as serverFindings. */
export function defaultServerUrl(provider: ProviderConfig, normalized: OpenApiDocument): string {
  const servers = specServers(normalized);
  if (provider.defaultServer === undefined && servers.length === 0) return 'http://127.0.0.1';
  const resolved = resolveServerChoice(provider.defaultServer, servers);
  if ('server' in resolved) return resolved.server.url;
  const finding = serverFindings({ root: '', configFile: PROVIDERS_FILE, providers: [] }, provider, normalized)[0]!;
  throw new PaykitError(PROVIDERS_FILE, `/providers/${provider.id}/defaultServer`, finding.message, finding.fix);
}

export interface ServerChange {
  class: 'breaking' | 'non-breaking' | 'patch';
  action: 'add' | 'remove' | 'replace';
  pointer: string;
  sentence: string;
  before?: string;
  after?: string;
}

/**
 * How the servers changed between two normalized specs, for `paykit diff`:
 * the chosen (default) server's URL changed → patch (no type changes; the generated default follows);
 * the chosen server is gone (the choice resolves to nothing) → breaking;
 * a server added → non-breaking; another server removed → non-breaking (only the SERVERS list shrinks);
 * another server's URL changed (same description or position) → patch.
 */
export function classifyServerChanges(before: OpenApiDocument, after: OpenApiDocument, choice: ServerChoice | undefined): ServerChange[] {
  const was = specServers(before);
  const now = specServers(after);
  const changes: ServerChange[] = [];
  const pairs: [SpecServer, SpecServer][] = [];
  const oldDefault = resolveServerChoice(choice, was);
  const newDefault = resolveServerChoice(choice, now);
  const unpairedBefore = new Set(was);
  const unpairedAfter = new Set(now);
  const pair = (a: SpecServer, b: SpecServer) => { pairs.push([a, b]); unpairedBefore.delete(a); unpairedAfter.delete(b); };
  if ('server' in oldDefault && 'server' in newDefault) pair(oldDefault.server, newDefault.server);
  for (const a of was) {
    const b = now.find((s) => unpairedAfter.has(s) && s.url === a.url);
    if (unpairedBefore.has(a) && b !== undefined) pair(a, b);
  }
  for (const a of was) {
    const b = now.find((s) => unpairedAfter.has(s) && a.description !== '' && s.description === a.description);
    if (unpairedBefore.has(a) && b !== undefined) pair(a, b);
  }
  for (const [a, b] of pairs) {
    if (a.url === b.url) continue;
    const isDefault = 'server' in oldDefault && oldDefault.server === a;
    changes.push({ class: 'patch', action: 'replace', pointer: `/servers/${b.index}/url`, before: a.url, after: b.url,
      sentence: isDefault
        ? `The default server moved from ${a.url} to ${b.url}; the generated client's default follows.`
        : `Server URL changed from ${a.url} to ${b.url}.` });
  }
  if ('server' in oldDefault && !('server' in newDefault) && !unpairedBefore.has(oldDefault.server)) {
    changes.push({ class: 'breaking', action: 'replace', pointer: '/servers', before: oldDefault.server.url,
      sentence: `The default server ${oldDefault.server.url} no longer matches defaultServer in specs/providers.yaml (${newDefault.problem}).` });
  }
  for (const b of now) {
    if (unpairedAfter.has(b)) changes.push({ class: 'non-breaking', action: 'add', pointer: `/servers/${b.index}`, after: b.url, sentence: `Server ${b.url} was added.` });
  }
  for (const a of was) {
    if (!unpairedBefore.has(a)) continue;
    const wasDefault = 'server' in oldDefault && oldDefault.server === a;
    changes.push(wasDefault
      ? { class: 'breaking', action: 'remove', pointer: `/servers/${a.index}`, before: a.url, sentence: `The default server ${a.url} was removed; choose another with defaultServer in specs/providers.yaml.` }
      : { class: 'non-breaking', action: 'remove', pointer: `/servers/${a.index}`, before: a.url, sentence: `Server ${a.url} was removed.` });
  }
  return changes;
}
