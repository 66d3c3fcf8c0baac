/**
 * providers.yaml's auth must be what the normalized spec asks for, or the generated client
 * authenticates the wrong way (a vendor moving from basic to bearer would leave it sending `Basic …`).
 * Each auth kind's plugin (generator/auth/) says which schemes it answers to: bearer ↔ http/bearer,
 * basic ↔ http/basic, hmac-signature ↔ apiKey header schemes named exactly like the recipe's
 * headers (the overlay declares them), none ↔ no security.
 *
 * The operation checked is the mapped one (the mapping's `operation`); a provider without a mapping
 * is checked against the spec's root `security`, when it declares one.
 */
import { join } from 'node:path';
import { allAuthPlugins, authPlugin, type Scheme } from '../auth/index.js';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { joinPointer } from '../errors.js';
import { readDataFile } from '../load/parse.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import { quote, type Finding } from './finding.js';

type Alternative = Scheme[];

export function authFindings(project: ProjectConfig, provider: ProviderConfig, normalized: OpenApiDocument): Finding[] {
  const site = checkedSite(project, provider, normalized);
  if (site === undefined) return [];
  const specFile = `generated/${provider.id}/openapi.yaml`;
  const where = `${project.configFile}#/providers/${provider.id}/auth`;
  const alternatives = site.security.map((req) => Object.keys(isRecord(req) ? req : {}).map((name) => scheme(normalized, name)));
  const auth = provider.auth;
  const anonymous = alternatives.length === 0 || alternatives.some((alt) => alt.length === 0);
  if (auth.kind === 'none') {
    if (anonymous) return [];
    return [finding(`${where}/kind`, site.pointer, `says none, but ${site.label} in ${specFile}#${site.pointer} requires ${describe(alternatives)}`,
      `set auth in ${project.configFile} to ${suggest(alternatives)}, or correct the security scheme in ${overlayOf(provider)} if the vendor spec is wrong`)];
  }
  const plugin = authPlugin(auth);
  if (alternatives.some((alt) => plugin.satisfies(auth, alt))) return [];
  // The right kind of schemes but other names (a header renamed): name the field to correct.
  for (const alt of alternatives) {
    const off = plugin.mismatch?.(auth, alt);
    if (off !== undefined) {
      return [finding(`${where}${joinPointer(off.field)}`, site.pointer, `${off.problem} (${site.label} in ${specFile}#${site.pointer})`,
        `correct the auth in ${project.configFile} to the spec's headers, or the header schemes in ${overlayOf(provider)} if the vendor spec is wrong`)];
    }
  }
  const needs = anonymous && alternatives.every((alt) => alt.length === 0) ? 'declares no security' : `requires ${describe(alternatives)}`;
  return [finding(`${where}/kind`, site.pointer, `says ${auth.kind}, but ${site.label} in ${specFile}#${site.pointer} ${needs}`,
    `set auth in ${project.configFile} to ${suggest(alternatives)}, or correct the security scheme in ${overlayOf(provider)} if the vendor spec is wrong`)];
}

function finding(where: string, pointer: string, message: string, fix: string): Finding {
  return { kind: 'auth', source: where, pointer, message, fix };
}

/** The operation (or document) whose security is checked, its effective security and where that is declared. */
function checkedSite(project: ProjectConfig, provider: ProviderConfig, normalized: OpenApiDocument) {
  const rootSecurity = Array.isArray(normalized.security) ? normalized.security : undefined;
  const operation = provider.mapping === undefined ? undefined : mappedOperation(project, provider.mapping);
  if (operation === undefined) {
    // No mapping (or one the facade check will reject): the spec's default security, when declared.
    return rootSecurity === undefined || rootSecurity.length === 0 ? undefined : { security: rootSecurity, pointer: '/security', label: 'the spec' };
  }
  const paths = isRecord(normalized.paths) ? normalized.paths : {};
  const item = paths[operation.path];
  const op = isRecord(item) ? item[operation.method] : undefined;
  if (!isRecord(op)) return undefined; // the mapping check names a missing operation
  const label = `${operation.method.toUpperCase()} ${operation.path}`;
  if (Array.isArray(op.security)) return { security: op.security, pointer: joinPointer(['paths', operation.path, operation.method, 'security']), label };
  return { security: rootSecurity ?? [], pointer: rootSecurity === undefined ? joinPointer(['paths', operation.path, operation.method]) : '/security', label };
}

/** The mapping's `operation`, read leniently: mapping errors are the facade check's to report. */
function mappedOperation(project: ProjectConfig, file: string): { method: string; path: string } | undefined {
  const raw = readDataFile(join(project.root, file), file);
  const operation = isRecord(raw) ? raw.operation : undefined;
  if (!isRecord(operation) || typeof operation.method !== 'string' || typeof operation.path !== 'string') return undefined;
  return { method: operation.method.toLowerCase(), path: operation.path };
}

function scheme(document: OpenApiDocument, name: string): Scheme {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const s = Object.hasOwn(schemes, name) && isRecord(schemes[name]) ? schemes[name] : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { name, pointer: joinPointer(['components', 'securitySchemes', name]), type: text(s.type), scheme: text(s.scheme).toLowerCase(), in: text(s.in), headerName: text(s.name) };
}

function describeScheme(s: Scheme): string {
  if (s.type === '') return `${quote(s.name)}, which components/securitySchemes does not declare`;
  const what = s.type === 'http' ? `http/${s.scheme}` : s.type === 'apiKey' ? `apiKey ${s.in} ${quote(s.headerName)}` : s.type;
  return `${what} (#${s.pointer})`;
}

function describe(alternatives: readonly Alternative[]): string {
  return alternatives.map((alt) => (alt.length === 0 ? 'nothing' : alt.map(describeScheme).join(' + '))).join(' or ');
}

/** The providers.yaml auth that would fit the spec's first alternative. */
function suggest(alternatives: readonly Alternative[]): string {
  const alt = alternatives[0] ?? [];
  for (const plugin of allAuthPlugins()) {
    const suggestion = plugin.suggest(alt);
    if (suggestion !== undefined) return suggestion;
  }
  return `a kind paykit supports (${allAuthPlugins().map((p) => p.kind).join(', ')}), declaring the matching scheme in the overlay`;
}

function overlayOf(provider: ProviderConfig): string {
  return provider.overlay ?? `an overlay for ${provider.id} in specs/overlays/`;
}
