/** The CLI as CI and users run it: a real process on a copy of the project. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, copyProject, paykit, snapshotTree } from './helpers/project-copy.js';

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
    const spec = join(dir, 'specs/vendor/push.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('Create a refund or partial refund', 'Create a refund or partial refunD'));
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('stale: generated/push/openapi.yaml');
    expect(run.stdout).toContain('stale: generated/push/src/schema.ts');
    expect(run.stdout).not.toContain('generated/xpay');
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('--check answers from the manifest when nothing changed, and regenerates as soon as anything did', () => {
    const dir = copyProject({ generated: true });
    const fast = paykit(dir, 'generate', '--check');
    expect(fast.status).toBe(0);
    expect(fast.stdout).toContain('inputs and outputs match generated/paykit-manifest.json');

    // A hand edit of a generated file: the manifest no longer proves anything, the full check names it.
    writeFileSync(join(dir, 'generated/push/README.md'), readFileSync(join(dir, 'generated/push/README.md'), 'utf8') + '\n');
    const edited = paykit(dir, 'generate', '--check');
    expect(edited.status).toBe(1);
    expect(edited.stdout.trim().split('\n')).toContain('stale: generated/push/README.md');
  });

  it('an input change that leaves the packages alone still makes the manifest stale', () => {
    const dir = copyProject({ generated: true });
    writeFileSync(join(dir, 'specs/overlays/push.yaml'), readFileSync(join(dir, 'specs/overlays/push.yaml'), 'utf8') + '# a comment\n');
    const run = paykit(dir, 'generate', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('stale: generated/paykit-manifest.json');
    expect(run.stdout).not.toContain('generated/push/');
  });

  it('--check names missing and unexpected files', () => {
    const dir = copyProject({ generated: true });
    writeFileSync(join(dir, 'generated/xpay/stray.txt'), 'x');
    const run = paykit(dir, 'generate', '--check', '--provider', 'xpay');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('unexpected: generated/xpay/stray.txt');
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
    writeFileSync(join(dir, 'specs/vendor/xpay.yaml'), 'openapi: 3.0.1\npaths: [unclosed\n');
    const before = snapshotTree(join(dir, 'generated'));
    const run = paykit(dir, 'generate');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^paykit: specs\/vendor\/xpay\.yaml: does not parse at line \d+, column \d+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('an unknown provider is a usage error naming the known ones', () => {
    const run = paykit(copyProject(), 'generate', '--provider', 'nope');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('paykit: specs/providers.yaml#/providers: unknown provider "nope"; use one of: onekeypayments, payop, push, wooshpay, xpay\n');
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
    const run = paykit(copyProject(), 'lint', '--provider', 'push');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^push: 9 finding\(s\) in specs\/vendor\/push\.yaml; normalized spec clean/);
    expect(run.stdout).toContain('tag-description');
  });

  it('extract --check passes on the committed vendor specs and fails after an edit', () => {
    const dir = copyProject();
    expect(paykit(dir, 'extract', '--check').status).toBe(0);
    writeFileSync(join(dir, 'specs/vendor/xpay.yaml'), readFileSync(join(dir, 'specs/vendor/xpay.yaml'), 'utf8') + ' ');
    const run = paykit(dir, 'extract', '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('stale: specs/vendor/xpay.yaml');
  });
});
