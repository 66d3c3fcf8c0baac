/** Reads specs/providers.yaml: the one place that says which providers exist and how each one works. */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import { PaykitError, joinPointer } from './errors.js';
import { readDataFile } from './load/parse.js';
import { paykitPath } from './paths.js';
import { schemaValidator } from './schema-validator.js';
import { pascalCase } from './text/escape.js';
import { authPlugin, type AuthConfig } from './auth/index.js';

export type { AuthConfig } from './auth/index.js';

export interface ProviderConfig {
  id: string;
  title: string;
  source?: string;
  spec: string;
  overlay?: string;
  /** specs/mappings/<id>.yaml when the provider takes part in the refunds facade. */
  mapping?: string;
  rules: string[];
  /** Which of the spec's servers the client defaults to (generator/checks/servers.ts). */
  defaultServer?: { description: string } | { index: number };
  auth: AuthConfig;
}

export interface ProjectConfig {
  root: string;
  configFile: string;
  providers: ProviderConfig[];
}

export const PROVIDERS_FILE = 'specs/providers.yaml';

export function loadProjectConfig(root: string, configFile = PROVIDERS_FILE): ProjectConfig {
  const raw = readDataFile(join(root, configFile), configFile);
  rejectServerUrls(configFile, raw);
  const validate = schemaValidator('generator/schemas/providers.schema.json', { allErrors: false });
  if (!validate(raw)) throw configError(configFile, validate.errors?.[0]);
  const entries = Object.entries((raw as { providers: Record<string, Omit<ProviderConfig, 'id'>> }).providers);
  for (const [id, entry] of entries) {
    checkProviderId(configFile, id, entries.map(([other]) => other));
    authPlugin(entry.auth).checkConfig(entry.auth, configFile, ['providers', id, 'auth']);
    checkEntryPaths(root, configFile, id, entry);
  }
  const providers = entries
    .map(([id, entry]) => ({ id, ...entry, rules: entry.rules ?? [] }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { root, configFile, providers };
}

export function selectProviders(config: ProjectConfig, ids: readonly string[]): ProviderConfig[] {
  if (ids.length === 0) return config.providers;
  return ids.map((id) => {
    const found = config.providers.find((p) => p.id === id);
    if (found === undefined) {
      const known = config.providers.map((p) => p.id).join(', ');
      throw new PaykitError(config.configFile, '/providers', `unknown provider "${id}"`, `use one of: ${known}`);
    }
    return found;
  });
}

/** Paths in messages and output are relative to the project root: never absolute, so output is portable. */
export function displayPath(root: string, absolute: string): string {
  return relative(root, absolute).split('\\').join('/');
}

/**
 * Names paykit itself writes under generated/ (the facade package, the manifest file): a provider
 * with one of them as its id would overwrite paykit's own output, so it is refused.
 */
export const RESERVED_OUTPUT_NAMES: readonly string[] = ['refunds', 'paykit-manifest'];

/**
 * A provider id names generated/<id>, the package @paykit/<id> and, pascal-cased, the types and
 * factory both packages export: it may not be one of paykit's own packages, and two ids may not
 * collapse to the same type names (`a-1` and `a1` both give `A1`).
 */
function checkProviderId(file: string, id: string, ids: readonly string[]): void {
  if (RESERVED_OUTPUT_NAMES.includes(id)) {
    throw new PaykitError(file, `/providers/${id}`, `the provider id "${id}" is the name of a package paykit generates itself (generated/${id})`,
      'give the provider another id');
  }
  const twin = ids.find((other) => other !== id && pascalCase(other) === pascalCase(id));
  if (twin !== undefined && twin < id) {
    throw new PaykitError(file, `/providers/${id}`, `the provider ids "${twin}" and "${id}" both become the type prefix ${pascalCase(id)}`,
      'rename one of them');
  }
}

const ENTRY_FIELDS = ['spec', 'overlay', 'mapping', 'source'] as const;

/**
 * The files an entry names must be inside the project, after following symbolic links: the
 * schema already refuses `..` and absolute paths, this refuses a link that points elsewhere.
 * A path that does not exist is left to the stage that reads it ("file not found").
 */
function checkEntryPaths(root: string, file: string, id: string, entry: Partial<Record<(typeof ENTRY_FIELDS)[number], string>>): void {
  const realRoot = realpathSync(root);
  for (const field of ENTRY_FIELDS) {
    const path = entry[field];
    if (path === undefined) continue;
    const absolute = join(root, path);
    const real = existsSync(absolute) ? realpathSync(absolute) : resolveExistingPrefix(absolute);
    const rel = relative(realRoot, real);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new PaykitError(file, `/providers/${id}/${field}`, `"${path}" resolves outside the project through a symbolic link`,
        'copy the file into the project instead of linking to it');
    }
  }
}

/** For a path that does not exist yet: the real path of its deepest existing folder, plus the rest. */
function resolveExistingPrefix(absolute: string): string {
  const parts = absolute.split(sep);
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join(sep) || sep;
    if (existsSync(prefix)) return join(realpathSync(prefix), ...parts.slice(n));
  }
  return absolute;
}

/** `defaultServer: https://…` was the old form: say how to write the choice instead of a bare schema error. */
function rejectServerUrls(file: string, raw: unknown): void {
  const providers = (raw as { providers?: unknown } | null)?.providers;
  if (providers === null || typeof providers !== 'object') return;
  for (const [id, entry] of Object.entries(providers)) {
    const choice = (entry as { defaultServer?: unknown } | null)?.defaultServer;
    if (typeof choice === 'string') {
      throw new PaykitError(file, joinPointer(['providers', id, 'defaultServer']), 'is a URL, which would not follow the vendor when it moves the host',
        'choose one of the spec\'s servers instead: { description: <a word of its description> } or { index: <its position> }');
    }
  }
}

function configError(file: string, error: ErrorObject | undefined): PaykitError {
  if (error === undefined) return new PaykitError(file, undefined, 'is not a valid providers file', 'compare it with generator/schemas/providers.schema.json');
  const detail = error.keyword === 'additionalProperties'
    ? `unknown field "${String((error.params as { additionalProperty: string }).additionalProperty)}"`
    : error.keyword === 'pattern' ? patternProblem(error)
    : error.message ?? 'is invalid';
  return new PaykitError(file, error.instancePath || undefined, detail, 'see generator/schemas/providers.schema.json for the allowed fields');
}

/** A pattern error says what the field must be (the schema definition's description), not the regex. */
function patternProblem(error: ErrorObject): string {
  const definition = /^#\/definitions\/(\w+)\/pattern$/.exec(error.schemaPath)?.[1];
  const schema = JSON.parse(readFileSync(paykitPath('generator/schemas/providers.schema.json'), 'utf8')) as { definitions: Record<string, { description?: string }> };
  const description = definition === undefined ? undefined : schema.definitions[definition]?.description;
  return description === undefined ? error.message ?? 'is invalid' : `must be ${description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}`;
}
