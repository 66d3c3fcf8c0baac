/**
 * A vendor change that collides with an overlay action, played through the real CLI on a copy of the
 * project (every recorded change, guards included, is played in process by
 * test/diff/vendor-changes.test.ts); and `paykit overlay lock`, the one command that accepts a
 * reviewed change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { applyEdits, loadVendorChanges, type VendorChange } from './diff/vendor-change.js';
import { REPO, copyProject, paykit, snapshotTree } from './helpers/project-copy.js';

const cases = loadVendorChanges();
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const scratch = () => { const dir = copyProject({ generated: true }); dirs.push(dir); return dir; };
const project = loadProjectConfig(REPO);

function editSpec(dir: string, c: VendorChange): void {
  const specPath = join(dir, project.providers.find((p) => p.id === c.provider)!.spec);
  writeFileSync(specPath, applyEdits(readFileSync(specPath, 'utf8'), c.edits, c.name));
}

/** A refusal pattern of test/fixtures/vendor-changes (anchored at the message) as it shows on stderr. */
function stderrPattern(c: VendorChange): RegExp {
  const refuses = c.expect.generate === 'generates' ? '' : c.expect.generate.refuses;
  return new RegExp(`^paykit: ${refuses.replace(/^\^/, '')}[^\n]*\n$`);
}

describe('vendor changes that collide with reviewed inputs (recorded in test/fixtures/vendor-changes)', () => {
  it('through the real CLI: one line on stderr, exit 2, generated/ untouched; `overlay lock` then lets generate through', () => {
    const c = cases.find((x) => x.expect.afterLock === 'generates')!;
    const provider = project.providers.find((p) => p.id === c.provider)!;
    const dir = scratch();
    editSpec(dir, c);
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate', '--provider', c.provider);
    expect(run.stderr).toMatch(stderrPattern(c));
    expect(run.status).toBe(2);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
    const lock = paykit(dir, 'overlay', 'lock', '--provider', c.provider);
    expect(lock.stderr).toBe('');
    expect(lock.status).toBe(0);
    expect(lock.stdout).toMatch(new RegExp(`^specs/overlays/${c.provider}\\.lock\\.yaml: written \\(`));
    const again = paykit(dir, 'generate', '--provider', c.provider);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    // The lock now holds the content the vendor changed, so the next review starts from it.
    const added = c.edits.map((e) => e.replace.split('\n').find((l) => !e.find.includes(l))!.trim()).join();
    expect(readFileSync(join(dir, provider.overlay!.replace(/\.yaml$/, '.lock.yaml')), 'utf8')).toContain(added);
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
    const dup = cases.find((c) => (c.expect.findings ?? []).some((f) => /\/enum, which the vendor spec already lists/.test(f.message ?? '')))!;
    const provider = project.providers.find((p) => p.id === dup.provider)!;
    writeFileSync(join(dir, provider.spec), applyEdits(readFileSync(join(dir, provider.spec), 'utf8'), dup.edits, dup.name));
    const before = snapshotTree(join(dir, 'specs'));
    const run = paykit(dir, 'overlay', 'lock', '--provider', dup.provider);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^paykit: ${provider.overlay!.replace(/\./g, '\\.')}#/actions/\\d+: appends values to \\S+ that the vendor spec already lists; drop them`));
    expect(snapshotTree(join(dir, 'specs'))).toEqual(before);
  });
});
