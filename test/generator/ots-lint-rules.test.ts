/**
 * openapi-typescript re-lints its input; paykit hands it only the error rules of its default ruleset
 * that the project's redocly.yaml does not enforce (generator/emit/schema.ts), since the normalized
 * spec already passed the project's ruleset with no findings.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../generator/config.js';
import { emitSchema, rulesOpenapiTypescriptStillNeeds } from '../../generator/emit/schema.js';
import { loadOpenapiTypescriptRedocly } from '../../generator/emit/openapi-typescript.js';
import { openapiTypescriptDefaultRules } from '../../generator/emit/openapi-typescript-rules.js';
import { loadLintConfig } from '../../generator/lint/lint.js';

const REPO = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'paykit-ots-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DUPLICATE_IDS = {
  openapi: '3.0.3', info: { title: 't', version: '1' },
  paths: {
    '/a': { get: { operationId: 'same', responses: { 200: { description: 'ok' } } } },
    '/b': { get: { operationId: 'same', responses: { 200: { description: 'ok' } } } },
  },
};

async function configWith(rules: string) {
  const path = join(dir, `redocly-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, `extends:\n  - recommended\nrules:\n${rules}`);
  return loadConfig({ configPath: path });
}

describe('the ruleset openapi-typescript is given', () => {
  it('is empty for the project ruleset: every error rule of its default is enforced by redocly.yaml', async () => {
    const project = await loadLintConfig(REPO);
    expect(await rulesOpenapiTypescriptStillNeeds(project)).toEqual({});
    // not linted again: a duplicate the project's lint would have stopped earlier passes through here
    await expect(emitSchema(DUPLICATE_IDS, '', project)).resolves.toContain('"/b"');
  });

  it('keeps a rule the project turned off, so openapi-typescript still stops on it', async () => {
    const config = await configWith('  operation-operationId-unique: off\n  no-server-trailing-slash: warn\n');
    expect(await rulesOpenapiTypescriptStillNeeds(config)).toEqual({ 'operation-operationId-unique': 'error' });
    await expect(emitSchema(DUPLICATE_IDS, '', config)).rejects.toThrow(/operationId|same/);
  });
});

describe('openapi-typescript on a spec that already passed the project ruleset', () => {
  it('gives the same schema.ts from its transform alone as from its whole parse, lint and bundle, for every provider', async () => {
    const project = await loadLintConfig(REPO);
    // one error rule left over makes paykit run openapi-typescript whole
    const whole = await configWith('  operation-operationId-unique: off\n');
    for (const provider of loadProjectConfig(REPO).providers) {
      const normalized = parse(readFileSync(join(REPO, 'generated', provider.id, 'openapi.yaml'), 'utf8'));
      const direct = await emitSchema(normalized, '', project);
      expect(direct, provider.id).toBe(await emitSchema(normalized, '', whole));
    }
  });
});

describe("openapi-typescript's default rules, kept in a cache by installed version", () => {
  const VERSIONS = ['oas3_0', 'oas3_1'];
  const severityOf = (s: unknown) => (typeof s === 'object' && s !== null ? (s as { severity: unknown }).severity : s);

  it('are the severities its redocly gives for its default config, computed or read back, and a damaged entry is recomputed', async () => {
    const cache = mkdtempSync(join(dir, 'rules-'));
    const direct = await loadOpenapiTypescriptRedocly().createConfig({ rules: { 'operation-operationId-unique': { severity: 'error' } } }, { extends: ['minimal'] });
    const expected = Object.fromEntries(VERSIONS.map((v) => [v, Object.fromEntries(Object.entries(direct.styleguide.rules[v] ?? {}).map(([r, s]) => [r, severityOf(s)]))]));
    const asSeverities = (t: Record<string, Record<string, unknown>>) => Object.fromEntries(VERSIONS.map((v) => [v, Object.fromEntries(Object.entries(t[v]!).map(([r, s]) => [r, severityOf(s)]))]));
    expect(Object.keys(expected.oas3_1!).length).toBeGreaterThan(0);
    expect(asSeverities(await openapiTypescriptDefaultRules(VERSIONS, cache))).toEqual(expected);
    const [entry] = readdirSync(cache);
    expect(asSeverities(await openapiTypescriptDefaultRules(VERSIONS, cache))).toEqual(expected);
    writeFileSync(join(cache, entry!), '{"oas3_0":');
    expect(asSeverities(await openapiTypescriptDefaultRules(VERSIONS, cache))).toEqual(expected);
    writeFileSync(join(cache, entry!), '{"oas3_0":{}}');
    expect(asSeverities(await openapiTypescriptDefaultRules(VERSIONS, cache))).toEqual(expected);
    expect(readdirSync(cache)).toEqual([entry]);
  });
});
