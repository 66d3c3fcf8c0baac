/** src/schema.ts: openapi-typescript's types for the normalized spec. */
import type { Config } from '@redocly/openapi-core';
import type { OpenApiDocument } from '../normalize/types.js';
import { loadOpenapiTypescript, loadOpenapiTypescriptRedocly, openapiTypescriptTransform, type OpenapiTypescriptRedocly } from './openapi-typescript.js';
import { openapiTypescriptDefaultRules } from './openapi-typescript-rules.js';

const { astToString, resolveRef, scanDiscriminators, transformSchema } = openapiTypescriptTransform;

/**
 * `lintConfig`: the project's ruleset, which the normalized spec has already passed with no findings.
 * openapi-typescript would parse, lint (redocly `minimal`, where only errors stop it) and bundle its
 * input again with its own redocly. When the project's ruleset enforces every error rule of that lint,
 * none of that can change or stop anything (the normalized spec is one self-contained document), so its
 * transform runs straight on a copy of the document; otherwise openapi-typescript runs whole, with only
 * the rules the project turned off.
 */
export async function emitSchema(document: OpenApiDocument, header: string, lintConfig: Config): Promise<string> {
  const rules = await remainingRules(lintConfig);
  // openapi-typescript works on its input in place, so it gets a copy: through JSON text (one JSON.parse
  // is cheaper than structuredClone of a large spec), which is garbage before the transform starts.
  const ast = rules === undefined
    ? transformOnly(JSON.parse(JSON.stringify(document)) as OpenApiDocument)
    : await loadOpenapiTypescript()(JSON.stringify(document), { silent: true, redocly: rules });
  return `${header}\n${astToString(ast)}`;
}

/** What openapiTS(source, { silent: true }) does after its parse, lint and bundle (openapi-typescript 7.x's defaults). */
function transformOnly(document: OpenApiDocument): ReturnType<typeof transformSchema> {
  const schema = document as unknown as Parameters<typeof transformSchema>[0];
  const options = { silent: true };
  return transformSchema(schema, {
    additionalProperties: false, alphabetize: false, arrayLength: false, defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false, enum: false, enumValues: false, conditionalEnums: false, dedupeEnums: false,
    excludeDeprecated: false, exportType: false, immutable: false, rootTypes: false, rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false, injectFooter: [], pathParamsAsTypes: false, postTransform: undefined,
    propertiesRequiredByDefault: false, redoc: undefined as never, silent: true, inject: undefined, transform: undefined,
    transformProperty: undefined, makePathsEnum: false, generatePathParams: false, readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, options),
  });
}

type Severity = 'error' | 'warn' | 'off';
type RuleTable = Record<string, Record<string, unknown>>;
type OtsConfig = NonNullable<Parameters<ReturnType<typeof loadOpenapiTypescript>>[1]>['redocly'];

const remaining = new WeakMap<Config, Promise<OtsConfig | undefined>>();

/** openapi-typescript's config with the rules it still has to check, or undefined when there are none. */
function remainingRules(lintConfig: Config): Promise<OtsConfig | undefined> {
  let config = remaining.get(lintConfig);
  if (config === undefined) {
    config = otsConfig(lintConfig);
    remaining.set(lintConfig, config);
  }
  return config;
}

/** SPEC_VERSIONS paykit reads (OpenAPI 3.0 and 3.1). */
const VERSIONS = ['oas3_0', 'oas3_1'];

async function otsConfig(lintConfig: Config): Promise<OtsConfig | undefined> {
  const rules = await rulesOpenapiTypescriptStillNeeds(lintConfig);
  if (Object.keys(rules).length === 0) return undefined;
  const redocly = loadOpenapiTypescriptRedocly();
  refuseExternalReads(redocly);
  return redocly.createConfig({ rules }, { extends: [] });
}

/**
 * openapi-typescript's lint and bundle resolve with their redocly's BaseResolver, which follows an
 * Example's `externalValue` (a URL is fetched, a file read and inlined). paykit hands openapi-typescript
 * one self-contained JSON text, so that private copy of redocly (no other code uses it) is made to
 * refuse every read: such a value is reported as unresolved, never fetched or read.
 */
function refuseExternalReads(redocly: OpenapiTypescriptRedocly): void {
  redocly.BaseResolver.prototype.loadExternalRef = (absoluteRef: string) =>
    Promise.reject(new redocly.ResolveError(new Error(`"${absoluteRef}" is not read: paykit fetches and reads nothing while generating`)));
}

/** The error rules of openapi-typescript's default lint that `lintConfig` turns off (so the normalized spec was not checked for them). */
export async function rulesOpenapiTypescriptStillNeeds(lintConfig: Config): Promise<Record<string, Severity>> {
  const defaults = await openapiTypescriptDefaultRules(VERSIONS);
  const rules: Record<string, Severity> = {};
  for (const version of VERSIONS) {
    for (const [rule, setting] of Object.entries(defaults[version] ?? {})) {
      if (severity(setting) !== 'error') continue; // only errors stop openapi-typescript (`silent` hides warnings)
      if (severity((lintConfig.rules as RuleTable)[version]?.[rule]) === 'off') rules[rule] = 'error';
    }
  }
  return rules;
}

function severity(setting: unknown): Severity {
  const value = typeof setting === 'object' && setting !== null ? (setting as { severity?: unknown }).severity : setting;
  return value === 'error' || value === 'warn' ? value : 'off';
}
