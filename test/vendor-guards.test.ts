/**
 * Vendor changes that collide with an overlay action, providers.yaml's auth or its default-server
 * choice (test/fixtures/vendor-guards/), played through the real CLI on a copy of the project; and
 * `paykit overlay lock`, the one command that accepts a reviewed change.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { overlayLock } from '../generator/commands/overlay-lock.js';
import { generate } from '../generator/commands/generate.js';
import { loadProjectConfig } from '../generator/config.js';
import { PaykitError } from '../generator/errors.js';
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

function editSpec(dir: string, c: GuardCase): void {
  const specPath = join(dir, project.providers.find((p) => p.id === c.provider)!.spec);
  writeFileSync(specPath, applyEdits(readFileSync(specPath, 'utf8'), c.edits, c.name));
}

/** `ok`, or the line the CLI would print for the refusal. */
async function generateIn(root: string, provider: string): Promise<string> {
  try {
    await generate({ root, providers: [provider], check: false }, { line: () => {}, error: () => {} });
    return 'ok';
  } catch (error) {
    if (error instanceof PaykitError) return `paykit: ${error.message}`;
    throw error;
  }
}

describe('vendor changes that collide with reviewed inputs', () => {
  it('cover an overlay drift, a duplicate, an auth change, a moved and a vanished server, and a harmless change', () => {
    const kinds = cases.map((c) => c.expect.stderr ?? `generates ${c.expect.defaultBaseUrl ?? ''}`).join('\n');
    for (const kind of [/changed content this action removes/, /which the vendor spec already lists/, /auth\/kind: says basic/, /defaultServer: chooses/, /generates https:/, /generates $/m]) {
      expect(kinds).toMatch(kind);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = scratch();
    const provider = project.providers.find((p) => p.id === c.provider)!;
    editSpec(dir, c);
    const before = snapshotTree(join(dir, 'generated'));
    // In process (the CLI prints `paykit: <message>`, exit 2, as the next test shows for one case).
    const run = await generateIn(dir, c.provider);
    if (c.expect.generate === 'refuses') {
      expect(run).toBe(c.expect.stderr);
      expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
    } else {
      expect(run).toBe('ok');
    }
    if (c.expect.afterLock === 'generates') {
      const lines: string[] = [];
      expect(await overlayLock({ root: dir, providers: [c.provider] }, { line: (l) => lines.push(l), error: (l) => lines.push(l) })).toBe(0);
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^specs/overlays/${c.provider}\\.lock\\.yaml: written \\(`))]);
      expect(await generateIn(dir, c.provider)).toBe('ok');
      // The lock now holds the content the vendor changed, so the next review starts from it.
      const added = c.edits.map((e) => e.replace.split('\n').find((l) => !e.find.includes(l))!.trim()).join();
      expect(readFileSync(join(dir, provider.overlay!.replace(/\.yaml$/, '.lock.yaml')), 'utf8')).toContain(added);
    }
    if (c.expect.defaultBaseUrl !== undefined) {
      const client = readFileSync(join(dir, 'generated', c.provider, 'src/client.ts'), 'utf8');
      expect(client).toContain(`export const DEFAULT_BASE_URL: string = ${JSON.stringify(c.expect.defaultBaseUrl)};`);
    }
  });

  it('through the real CLI: one line on stderr, exit 2, generated/ untouched; `overlay lock` then lets generate through', () => {
    const c = cases.find((x) => x.expect.afterLock === 'generates')!;
    const dir = scratch();
    editSpec(dir, c);
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate', '--provider', c.provider);
    expect(run.stderr).toBe(`${c.expect.stderr}\n`);
    expect(run.status).toBe(2);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
    const lock = paykit(dir, 'overlay', 'lock', '--provider', c.provider);
    expect(lock.stderr).toBe('');
    expect(lock.status).toBe(0);
    expect(lock.stdout).toMatch(new RegExp(`^specs/overlays/${c.provider}\\.lock\\.yaml: written \\(`));
    const again = paykit(dir, 'generate', '--provider', c.provider);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
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
