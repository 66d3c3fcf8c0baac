/**
 * paykit on large public specs (test/fixtures/realworld/): a provider that is not a refunds provider
 * is just an entry in providers.yaml plus its spec files. Generates DigitalOcean (multi-file, relative
 * $refs), the GHES 3.6 diff and GitHub's full spec in a copy of that root, then type-checks all three
 * packages with one `tsc --noEmit`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/commands/generate.js';
import { loadSpecFiles } from '../generator/load/refs.js';
import { copyRoot, REPO, SPECS, WORK, writeTypecheckConfig } from '../scripts/bench/realworld.js';

const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const root = join(WORK, `test-${process.pid}`);
const lines: string[] = [];

describe('real-world specs', () => {
  beforeAll(() => {
    copyRoot(root);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('the fixture root lists them as plain providers, without a refunds mapping', () => {
    const config = readFileSync(join(root, 'specs/providers.yaml'), 'utf8');
    for (const { id, spec } of SPECS) {
      expect(config).toContain(`  ${id}:\n`);
      expect(existsSync(join(root, spec))).toBe(true);
    }
    expect(config).not.toMatch(/^\s*mapping:/m);
  });

  it('paykit generate emits a package for each', async () => {
    const code = await generate({ root, providers: [], check: false }, { line: (text) => { lines.push(text); }, error: (text) => { lines.push(text); } });
    expect(code, lines.join('\n')).toBe(0);
    for (const { id } of SPECS) {
      for (const file of ['package.json', 'openapi.yaml', 'lint-report.md', 'src/schema.ts', 'src/client.ts', 'src/index.ts',
        'dist/schema.d.ts', 'dist/client.js', 'dist/index.d.ts']) {
        expect(existsSync(join(root, 'generated', id, file)), `generated/${id}/${file}`).toBe(true);
      }
      expect(readFileSync(join(root, 'generated', id, 'src/schema.ts'), 'utf8')).toContain('export interface paths {');
    }
    expect(existsSync(join(root, 'generated/refunds'))).toBe(false);
    // DigitalOcean is bundled from its files: the normalized spec has no reference to another file.
    expect(readFileSync(join(root, 'generated/digitalocean/openapi.yaml'), 'utf8')).not.toMatch(/\$ref: .*\.ya?ml/);
  }, 240_000);

  it('--check finds the output up to date', async () => {
    const check: string[] = [];
    const code = await generate({ root, providers: ['ghes-diff'], check: true }, { line: (text) => { check.push(text); }, error: (text) => { check.push(text); } });
    expect(code, check.join('\n')).toBe(0);
  }, 120_000);

  it('the generated packages type-check (one tsc --noEmit over all three)', () => {
    const config = writeTypecheckConfig(root, SPECS.map((s) => s.id));
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', config], { encoding: 'utf8', timeout: 240_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 240_000);
});

describe('$refs in real-world specs', () => {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(join(WORK, 'refs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const display = (abs: string) => abs.slice(dir.length + 1);

  it('a $ref inside an example value is example data (GHES documents SCIM with one), not a reference', () => {
    const spec = write('examples.json', JSON.stringify({
      openapi: '3.0.3', paths: {},
      components: {
        examples: { scim: { value: { members: [{ $ref: 'https://api.github.com/scim/v2/Users/1' }] } } },
        schemas: { examples: { type: 'object', properties: { value: { $ref: '#/components/schemas/examples' } } } },
      },
    }));
    expect(loadSpecFiles(spec, display).hasExternalRefs).toBe(false);
  });

  it.each([
    ['in a schema named like a keyword', { components: { schemas: { examples: { properties: { value: { $ref: 'https://x.test/a' } } } } } }],
    ['in a schema example site other than Example.value', { components: { examples: { a: { $ref: 'https://x.test/a' } } } }],
    ['outside the spec folder', { components: { schemas: { A: { $ref: '../outside.yaml' } } } }],
  ])('is still refused %s', (_name, doc) => {
    const spec = write('refused.json', JSON.stringify({ openapi: '3.0.3', paths: {}, ...doc }));
    expect(() => loadSpecFiles(spec, display)).toThrow(/names a URL|leaves the spec folder/);
  });

  it('JSON with a duplicate key is refused like YAML', () => {
    const spec = write('dup.json', '{"openapi": "3.0.3", "paths": {}, "paths": {}}');
    expect(() => loadSpecFiles(spec, display)).toThrow(/duplicate keys are not allowed/);
  });
});
