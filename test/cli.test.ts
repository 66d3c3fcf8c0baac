/** The CLI as CI and users run it: a real process on a copy of the project. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { extractedProviders } from '../generator/vendor-specs.js';
import { REPO, copyProject, paykit, snapshotTree } from './helpers/project-copy.js';

// The providers these CLI checks use as subjects, taken from specs/providers.yaml (never named here):
// `first` has a vendor spec (extracted from its document) with an operation summary to edit, `other`
// is any other provider.
const config = loadProjectConfig(REPO);
const providers = config.providers;
const first = extractedProviders(config).find((p) => /^\s+summary: \S/m.test(readFileSync(join(REPO, p.spec), 'utf8')))!;
const other = providers.find((p) => p.id !== first.id)!;

describe('paykit generate', () => {
  it('--check passes on the committed output', () => {
    const dir = copyProject({ generated: true });
    const run = paykit(dir, 'generate', '--check');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/generated\/ is up to date/);
    expect(run.status).toBe(0);
  });

  it('--check fails after a one-byte change to a vendor spec, naming every stale file, and writes nothing', () => {
    const dir = copyProject({ generated: true });
    const spec = join(dir, first.spec);
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^(\s+summary: \S.*?)(\S)$/m, (_m, head: string, last: string) => `${head}${last === 'X' ? 'Y' : 'X'}`));
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`stale: generated/${first.id}/openapi.yaml`);
    expect(run.stdout).toContain(`stale: generated/${first.id}/src/schema.ts`);
    expect(run.stdout).not.toContain(`generated/${other.id}/`);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('--check answers from the manifest when nothing changed, and regenerates as soon as anything did', () => {
    const dir = copyProject({ generated: true });
    const fast = paykit(dir, 'generate', '--check');
    expect(fast.status).toBe(0);
    expect(fast.stdout).toContain('inputs and outputs match generated/paykit-manifest.json');

    // A hand edit of a generated file: the manifest no longer proves anything, the full check names it.
    writeFileSync(join(dir, `generated/${first.id}/README.md`), readFileSync(join(dir, `generated/${first.id}/README.md`), 'utf8') + '\n');
    const edited = paykit(dir, 'generate', '--check');
    expect(edited.status).toBe(1);
    expect(edited.stdout.trim().split('\n')).toContain(`stale: generated/${first.id}/README.md`);
  });

  it('an input change that leaves the packages alone still makes the manifest stale', () => {
    const dir = copyProject({ generated: true });
    const overlay = providers.find((p) => p.overlay !== undefined)!;
    writeFileSync(join(dir, overlay.overlay!), readFileSync(join(dir, overlay.overlay!), 'utf8') + '# a comment\n');
    const run = paykit(dir, 'generate', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('stale: generated/paykit-manifest.json');
    expect(run.stdout).not.toContain(`generated/${overlay.id}/`);
  });

  it('--check names missing and unexpected files', () => {
    const dir = copyProject({ generated: true });
    writeFileSync(join(dir, `generated/${other.id}/stray.txt`), 'x');
    const run = paykit(dir, 'generate', '--check', '--provider', other.id);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`unexpected: generated/${other.id}/stray.txt`);
  });

  it('writes byte-identical output on every run, equal to what is committed', () => {
    // From scratch every package starts at 0.1.0; the committed ones carry their version history
    // (generator/versions), so versions, changelogs and the manifest are compared on a re-run over
    // the committed generated/ instead.
    const first = copyProject();
    const second = copyProject({ generated: true });
    expect(paykit(first, 'generate').status).toBe(0);
    expect(paykit(second, 'generate').status).toBe(0);
    const a = snapshotTree(join(first, 'generated'));
    const committed = snapshotTree(join(REPO, 'generated'));
    for (const [file, bytes] of a) {
      if (/(^|\/)(CHANGELOG\.md|package\.json|paykit-manifest\.json)$/.test(file)) continue;
      expect(committed.get(file), file).toBe(bytes);
    }
    expect(snapshotTree(join(second, 'generated'))).toEqual(committed);
    for (const bytes of a.values()) expect(bytes).not.toContain(first);
  });

  it('a failing provider leaves generated/ exactly as it was, with one line on stderr and exit 2', () => {
    const dir = copyProject({ generated: true });
    writeFileSync(join(dir, first.spec), 'openapi: 3.0.1\npaths: [unclosed\n');
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.startsWith(`paykit: ${first.spec}: does not parse at line `)).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('an unknown provider is a usage error naming the known ones', () => {
    const run = paykit(copyProject(), 'generate', '--provider', 'nope');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`paykit: specs/providers.yaml#/providers: unknown provider "nope"; use one of: ${providers.map((p) => p.id).sort().join(', ')}\n`);
  });

  it('--help lists the commands; an unknown option exits 2', () => {
    const help = paykit(REPO, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/generate[\s\S]*lint[\s\S]*extract/);
    expect(paykit(REPO, 'generate', '--bogus').status).toBe(2);
  });
});

describe('paykit lint and extract', () => {
  it('lint reports the vendor findings and passes on the normalized specs', () => {
    const run = paykit(copyProject(), 'lint', '--provider', first.id);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(`${first.id}: `)).toBe(true);
    expect(run.stdout).toMatch(new RegExp(`^${first.id}: \\d+ finding\\(s\\) in ${first.spec.replace(/\./g, '\\.')}; normalized spec clean`));
  });

  it('extract --check passes on the committed vendor specs and fails after an edit', () => {
    const dir = copyProject();
    expect(paykit(dir, 'extract', '--check').status).toBe(0);
    writeFileSync(join(dir, first.spec), readFileSync(join(dir, first.spec), 'utf8') + ' ');
    const run = paykit(dir, 'extract', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`stale: ${first.spec}`);
  });
});
