/**
 * Vendor changes that collide with an overlay action, providers.yaml's auth or its default-server
 * choice (test/fixtures/vendor-guards/), played through the real CLI on a copy of the project; and
 * `paykit overlay lock`, the one command that accepts a reviewed change.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../generator/config.js';
import { applyEdits } from './diff/vendor-change.js';
import { REPO, copyProject, paykit, snapshotTree } from './helpers/project-copy.js';

interface GuardCase {
  name: string;
  description: string;
  provider: string;
  edits: { find: string; replace: string }[];
  expect: { generate: 'refuses' | 'generates'; stderr?: string; afterLock?: 'generates'; defaultBaseUrl?: string };
}

const FIXTURES = join(REPO, 'test/fixtures/vendor-guards');
const cases: GuardCase[] = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => ({ name: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(FIXTURES, f), 'utf8')) as Omit<GuardCase, 'name'>) }));
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const scratch = () => { const dir = copyProject({ generated: true }); dirs.push(dir); return dir; };
const project = loadProjectConfig(REPO);

describe('vendor changes that collide with reviewed inputs', () => {
  it('cover an overlay drift, a duplicate, an auth change, a moved and a vanished server, and a harmless change', () => {
    const kinds = cases.map((c) => c.expect.stderr ?? `generates ${c.expect.defaultBaseUrl ?? ''}`).join('\n');
    for (const kind of [/changed content this action removes/, /which the vendor spec already lists/, /auth\/kind: says basic/, /defaultServer: chooses/, /generates https:/, /generates $/m]) {
      expect(kinds).toMatch(kind);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = scratch();
    const provider = project.providers.find((p) => p.id === c.provider)!;
    const specPath = join(dir, provider.spec);
    writeFileSync(specPath, applyEdits(readFileSync(specPath, 'utf8'), c.edits, c.name));
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate', '--provider', c.provider);
    if (c.expect.generate === 'refuses') {
      expect(run.stderr).toBe(`${c.expect.stderr}\n`);
      expect(run.status).toBe(2);
      expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
    } else {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    if (c.expect.afterLock === 'generates') {
      const lock = paykit(dir, 'overlay', 'lock', '--provider', c.provider);
      expect(lock.stderr).toBe('');
      expect(lock.stdout).toMatch(new RegExp(`^specs/overlays/${c.provider}\\.lock\\.yaml: written \\(`));
      expect(lock.status).toBe(0);
      const again = paykit(dir, 'generate', '--provider', c.provider);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      // The lock now holds the content the vendor changed, so the next review starts from it.
      const added = c.edits.map((e) => e.replace.split('\n').find((l) => !e.find.includes(l))!.trim()).join();
      expect(readFileSync(join(dir, provider.overlay!.replace(/\.yaml$/, '.lock.yaml')), 'utf8')).toContain(added);
    }
    if (c.expect.defaultBaseUrl !== undefined) {
      const client = readFileSync(join(dir, 'generated', c.provider, 'src/client.ts'), 'utf8');
      expect(client).toContain(`export const DEFAULT_BASE_URL: string = ${JSON.stringify(c.expect.defaultBaseUrl)};`);
    }
  });
});

describe('paykit overlay lock', () => {
  it('leaves the committed locks unchanged: they describe the committed vendor specs', () => {
    const dir = scratch();
    const run = paykit(dir, 'overlay', 'lock');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const withOverlay = project.providers.filter((p) => p.overlay !== undefined);
    expect(run.stdout.trim().split('\n')).toHaveLength(withOverlay.length);
    for (const p of withOverlay) expect(run.stdout).toMatch(new RegExp(`^specs/overlays/${p.id}\\.lock\\.yaml: unchanged`, 'm'));
  });

  it('refuses, writing nothing, while an action duplicates vendor values', () => {
    const dir = scratch();
    const dup = cases.find((c) => c.expect.stderr?.includes('already lists'))!;
    const provider = project.providers.find((p) => p.id === dup.provider)!;
    writeFileSync(join(dir, provider.spec), applyEdits(readFileSync(join(dir, provider.spec), 'utf8'), dup.edits, dup.name));
    const before = snapshotTree(join(dir, 'specs'));
    const run = paykit(dir, 'overlay', 'lock', '--provider', dup.provider);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^paykit: ${provider.overlay!.replace(/\./g, '\\.')}#/actions/\\d+: appends values to \\S+ that the vendor spec already lists; drop them`));
    expect(snapshotTree(join(dir, 'specs'))).toEqual(before);
  });
});
