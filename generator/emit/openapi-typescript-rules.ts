/**
 * The rules of openapi-typescript's default lint, per spec version: what it runs when it is given no
 * config. They depend only on the installed openapi-typescript and its redocly, so they are worked out
 * with that redocly once per installed version and kept in node_modules/.cache/paykit/ (a damaged or
 * foreign entry is recomputed), which spares every run loading redocly 1.x (~50 ms).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paykitPath } from '../paths.js';
import { loadOpenapiTypescriptRedocly, openapiTypescriptVersions } from './openapi-typescript.js';

type RuleTable = Record<string, Record<string, unknown>>;

/** The same call openapi-typescript makes when it is given no config. */
const DEFAULT_CONFIG: [object, { extends: string[] }] = [{ rules: { 'operation-operationId-unique': { severity: 'error' } } }, { extends: ['minimal'] }];

const CACHE_DIR = paykitPath('node_modules', '.cache', 'paykit', 'ots-rules');

export async function openapiTypescriptDefaultRules(versions: readonly string[], cacheDir: string = CACHE_DIR): Promise<RuleTable> {
  const key = createHash('sha256').update(JSON.stringify([openapiTypescriptVersions(), DEFAULT_CONFIG, versions])).digest('hex');
  const path = join(cacheDir, `${key}.json`);
  const cached = readRules(path, versions);
  if (cached !== undefined) return cached;
  const defaults = await loadOpenapiTypescriptRedocly().createConfig(...DEFAULT_CONFIG);
  const rules: RuleTable = Object.fromEntries(versions.map((v) => [v, severities(defaults.styleguide.rules[v] ?? {})]));
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(rules));
    renameSync(`${path}.${process.pid}.tmp`, path);
  } catch {
    // caching is an optimisation only
  }
  return rules;
}

/** Only each rule's severity is kept (that is all paykit reads), as plain JSON. */
function severities(table: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([rule, setting]) =>
    [rule, typeof setting === 'object' && setting !== null ? { severity: (setting as { severity?: unknown }).severity } : setting]));
}

function readRules(path: string, versions: readonly string[]): RuleTable | undefined {
  try {
    const rules = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const isTable = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    return isTable(rules) && versions.every((v) => isTable((rules as RuleTable)[v])) ? rules as RuleTable : undefined;
  } catch {
    return undefined;
  }
}
