/** src/schema.ts: openapi-typescript's types for the normalized spec. */
import { createRequire } from 'node:module';
import type { Config } from '@redocly/openapi-core';
import type * as OpenapiTypescript from 'openapi-typescript';
import type { OpenApiDocument } from '../normalize/types.js';

// Required, not imported: its CommonJS build requires TypeScript, where its ESM build would make Node's
// ESM loader scan TypeScript's 9 MB for export names first (about 0.3 s; see scripts/bench/RESULTS.md).
const require = createRequire(import.meta.url);
const { default: openapiTS, astToString } = require('openapi-typescript') as typeof OpenapiTypescript;

/**
 * `lintConfig`: the project's ruleset, which the normalized spec has already passed with no findings.
 * openapi-typescript lints its input again (its default: redocly `minimal`, where only errors stop it),
 * so it is given only the error rules of that default which the project's ruleset does not enforce.
 */
export async function emitSchema(document: OpenApiDocument, header: string, lintConfig: Config): Promise<string> {
  // openapi-typescript bundles its input in place, so it gets a copy. As JSON text, not a structured
  // clone: it keeps JSON text as the source of its document either way (it would stringify an
  // object itself), and one JSON.parse is cheaper than structuredClone of a large spec.
  const ast = await openapiTS(JSON.stringify(document), { silent: true, redocly: await remainingRules(lintConfig) });
  return `${header}\n${astToString(ast)}`;
}

type Severity = 'error' | 'warn' | 'off';
type RuleTable = Record<string, Record<string, unknown>>;
type OtsConfig = NonNullable<Parameters<typeof openapiTS>[1]>['redocly'];

const remaining = new WeakMap<Config, Promise<OtsConfig>>();

function remainingRules(lintConfig: Config): Promise<OtsConfig> {
  let config = remaining.get(lintConfig);
  if (config === undefined) {
    config = otsConfig(lintConfig);
    remaining.set(lintConfig, config);
  }
  return config;
}

/** SPEC_VERSIONS paykit reads (OpenAPI 3.0 and 3.1). */
const VERSIONS = ['oas3_0', 'oas3_1'];

async function otsConfig(lintConfig: Config): Promise<OtsConfig> {
  return (await otsRedocly()).createConfig({ rules: await rulesOpenapiTypescriptStillNeeds(lintConfig) }, { extends: [] });
}

/** The error rules of openapi-typescript's default lint that `lintConfig` turns off (so the normalized spec was not checked for them). */
export async function rulesOpenapiTypescriptStillNeeds(lintConfig: Config): Promise<Record<string, Severity>> {
  // The same call openapi-typescript makes when it is given no config.
  const defaults = await (await otsRedocly()).createConfig({ rules: { 'operation-operationId-unique': { severity: 'error' } } }, { extends: ['minimal'] });
  const rules: Record<string, Severity> = {};
  for (const version of VERSIONS) {
    for (const [rule, setting] of Object.entries(defaults.styleguide.rules[version] ?? {})) {
      if (severity(setting) !== 'error') continue; // only errors stop openapi-typescript (`silent` hides warnings)
      if (severity((lintConfig.rules as RuleTable)[version]?.[rule]) === 'off') rules[rule] = 'error';
    }
  }
  return rules;
}

/** openapi-typescript's own redocly (a different major than paykit's), so the config is one it reads. */
async function otsRedocly() {
  return createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core') as {
    createConfig: (raw: object, options: { extends: string[] }) => Promise<OtsConfig & { styleguide: { rules: RuleTable } }>;
  };
}

function severity(setting: unknown): Severity {
  const value = typeof setting === 'object' && setting !== null ? (setting as { severity?: unknown }).severity : setting;
  return value === 'error' || value === 'warn' ? value : 'off';
}
