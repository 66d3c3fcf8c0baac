/**
 * Stock tools on the project's own config: redocly.yaml lists one api per provider in
 * specs/providers.yaml, `npx openapi-typescript` (no arguments) regenerates every provider's types
 * from it with the same content paykit emits, and `npx redocly lint` passes on it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../generator/config.js';
import { REPO } from './helpers/project-copy.js';

const OTS_CLI = join(REPO, 'node_modules/openapi-typescript/bin/cli.js');
const REDOCLY_CLI = join(REPO, 'node_modules/@redocly/cli/bin/cli.js');
const providers = loadProjectConfig(REPO).providers.map((p) => p.id);

interface Api { root: string; 'x-openapi-ts'?: { output?: string } }
const apis = (parse(readFileSync(join(REPO, 'redocly.yaml'), 'utf8')) as { apis: Record<string, Api> }).apis;

// Each tool writes its own banner above the same types: paykit `// ...` lines, openapi-typescript a
// `/** ... */` block. Both must be there (so a change of either header is noticed), then the rest.
const PAYKIT_HEADER = /^(\/\/[^\n]*\n)+\n/;
const OTS_HEADER = /^\/\*\*\n( \*[^\n]*\n)+ \*\/\n\n/;
function body(text: string, header: RegExp, file: string): string {
  expect(header.test(text), `${file} starts with its tool's header`).toBe(true);
  return text.replace(header, '');
}

const scratch = mkdtempSync(join(tmpdir(), 'paykit-stock-tools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('redocly.yaml', () => {
  it('has exactly one api per provider in specs/providers.yaml', () => {
    expect(Object.keys(apis).sort()).toEqual([...providers].sort());
  });

  it.each(providers)('%s: the api is its normalized spec, and openapi-typescript writes its schema.ts', (id) => {
    expect(apis[id]?.root).toBe(`generated/${id}/openapi.yaml`);
    expect(apis[id]?.['x-openapi-ts']?.output).toBe(`generated/${id}/src/schema.ts`);
  });
});

describe('npx openapi-typescript in the project root', () => {
  it("regenerates every provider's types, equal to paykit's schema.ts", () => {
    // A copy of the root (the config and the normalized specs), so the real generated/ is not rewritten.
    cpSync(join(REPO, 'redocly.yaml'), join(scratch, 'redocly.yaml'));
    for (const id of providers) {
      mkdirSync(join(scratch, 'generated', id), { recursive: true });
      cpSync(join(REPO, 'generated', id, 'openapi.yaml'), join(scratch, 'generated', id, 'openapi.yaml'));
    }
    const run = spawnSync(process.execPath, [OTS_CLI], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const id of providers) {
      const file = `generated/${id}/src/schema.ts`;
      const stock = body(readFileSync(join(scratch, file), 'utf8'), OTS_HEADER, `openapi-typescript's ${file}`);
      const ours = body(readFileSync(join(REPO, file), 'utf8'), PAYKIT_HEADER, file);
      expect(stock.length, file).toBeGreaterThan(0);
      expect(stock, file).toBe(ours);
    }
  });
});

describe('npx redocly lint in the project root', () => {
  it('lints every api and finds nothing', () => {
    const run = spawnSync(process.execPath, [REDOCLY_CLI, 'lint'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    for (const id of providers) expect(output).toContain(`generated/${id}/openapi.yaml`);
    expect(output).toMatch(/Your API descriptions are valid/);
  });
});
