import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import semver from 'semver';
import {
  applyRelease, bumpFor, changelogHeader, facadeRelease, facadeVersion, largestBump, providerRelease, withVersion, type Release,
} from '../../generator/versions/index.js';
import { REPO, copyProject, paykit, snapshotTree } from '../helpers/project-copy.js';

const pushYaml = readFileSync(join(REPO, 'generated/push/openapi.yaml'), 'utf8');
const manifest = readFileSync(join(REPO, 'generated/push/package.json'), 'utf8');

function fakePackage(version: string, spec = pushYaml, changelog?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'paykit-versions-'));
  mkdirSync(join(root, 'generated/push'), { recursive: true });
  writeFileSync(join(root, 'generated/push/package.json'), withVersion(manifest, version));
  writeFileSync(join(root, 'generated/push/openapi.yaml'), spec);
  if (changelog !== undefined) writeFileSync(join(root, 'generated/push/CHANGELOG.md'), changelog);
  return root;
}

describe('bumps', () => {
  it('maps classes to semver bumps, below 1.0.0 too', () => {
    expect([bumpFor('breaking'), bumpFor('non-breaking'), bumpFor('patch'), bumpFor('none')]).toEqual(['major', 'minor', 'patch', undefined]);
    expect(largestBump([undefined, 'patch', 'minor', undefined])).toBe('minor');
    expect(largestBump([])).toBeUndefined();
  });

  it('facadeVersion: the largest bump among mapped providers; nothing changed keeps it; new package 0.1.0', () => {
    expect(facadeVersion('0.3.1', [undefined, 'patch', 'major'])).toBe('1.0.0');
    expect(facadeVersion('1.2.3', ['minor', 'patch'])).toBe('1.3.0');
    expect(facadeVersion('1.2.3', [undefined])).toBe('1.2.3');
    expect(facadeVersion(undefined, ['major'])).toBe('0.1.0');
  });

  it('withVersion edits the text in place and lists CHANGELOG.md once', () => {
    const out = withVersion(manifest, '2.0.0');
    expect(JSON.parse(out)).toMatchObject({ version: '2.0.0' });
    expect((JSON.parse(out) as { files: string[] }).files.filter((f) => f === 'CHANGELOG.md')).toHaveLength(1);
    expect(withVersion(out, '2.0.0')).toBe(out);
    expect(out.split('\n').length).toBe(manifest.split('\n').length);
    expect(withVersion('{"name":"x","version":"1.0.0","files":[]}', '1.0.1')).toBe('{"name":"x","version":"1.0.1","files":["CHANGELOG.md"]}');
  });
});

describe('providerRelease', () => {
  const roots: string[] = [];
  afterAll(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });

  it('a new package is 0.1.0, "Initial release"', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-versions-'));
    roots.push(root);
    const release = providerRelease(root, 'generated/push', '@paykit/push', pushYaml);
    expect(release).toMatchObject({ version: '0.1.0', previousVersion: undefined, bump: undefined });
    expect(release.changelog).toBe(`${changelogHeader('@paykit/push')}\n## 0.1.0\n\n- Initial release.\n`);
  });

  it('an unchanged spec keeps version and changelog byte for byte', () => {
    const changelog = `${changelogHeader('@paykit/push')}\n## 1.4.2\n\n- something\n`;
    const root = fakePackage('1.4.2', pushYaml, changelog);
    roots.push(root);
    const release = providerRelease(root, 'generated/push', '@paykit/push', pushYaml);
    expect(release).toMatchObject({ version: '1.4.2', previousVersion: '1.4.2', bump: undefined, changelog });
  });

  it('a package without a changelog gets one started at its version', () => {
    const root = fakePackage('1.4.2');
    roots.push(root);
    expect(providerRelease(root, 'generated/push', '@paykit/push', pushYaml).changelog).toContain('## 1.4.2\n\n- Changelog started; earlier versions are not recorded here.\n');
  });

  it('a change prepends an entry above the older ones; a 1.x package bumps the same way', () => {
    const changelog = `${changelogHeader('@paykit/push')}\n## 1.4.2\n\n- older entry\n`;
    const root = fakePackage('1.4.2', pushYaml, changelog);
    roots.push(root);
    const next = pushYaml.replace('        - declined\n', '        - declined\n        - pending\n');
    const release = providerRelease(root, 'generated/push', '@paykit/push', next);
    expect(release.version).toBe('2.0.0');
    expect(release.changelog).toBe(`${changelogHeader('@paykit/push')}\n## 2.0.0\n\nMajor release: 1 change in the push spec.\n\n- breaking: POST /refund response 200 field \`status\` may now return "pending", a value existing clients and the facade cannot map.\n\n## 1.4.2\n\n- older entry\n`);
  });

  it('a text-only difference (no API change) is a patch', () => {
    const root = fakePackage('0.1.0');
    roots.push(root);
    const release = providerRelease(root, 'generated/push', '@paykit/push', `${pushYaml}\n`);
    expect(release).toMatchObject({ version: '0.1.1', bump: 'patch' });
    expect(release.changelog).toContain('- The normalized spec was rewritten without an API change.');
  });

  it('facadeRelease lists each bumped provider with its changes', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-versions-'));
    roots.push(root);
    mkdirSync(join(root, 'generated/refunds'), { recursive: true });
    writeFileSync(join(root, 'generated/refunds/package.json'), '{"name":"@paykit/refunds","version":"0.4.0"}');
    const push: Release = { name: '@paykit/push', previousVersion: '0.1.0', version: '0.2.0', bump: 'minor', changelog: '',
      diff: { provider: 'push', class: 'non-breaking', changes: [{ class: 'non-breaking', action: 'add', pointer: '/x', location: '/x', area: 'request', sentence: 'A field was added.', rule: 'r' }] } };
    const xpay: Release = { name: '@paykit/xpay', previousVersion: '0.1.0', version: '0.1.0', bump: undefined, diff: undefined, changelog: '' };
    const release = facadeRelease(root, 'generated/refunds', '@paykit/refunds', [push, xpay]);
    expect(release.version).toBe('0.5.0');
    expect(release.changelog).toContain('## 0.5.0\n\nMinor release: the largest bump among the providers it maps.\n\n- @paykit/push 0.1.0 → 0.2.0 (non-breaking)\n  - non-breaking: A field was added.\n');
    expect(release.changelog).not.toContain('xpay');
    expect(facadeRelease(root, 'generated/refunds', '@paykit/refunds', [xpay]).version).toBe('0.4.0');
  });

  it('facadeRelease: a provider the facade did not map before is a minor bump with an "added" line', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-versions-'));
    roots.push(root);
    mkdirSync(join(root, 'generated/refunds'), { recursive: true });
    writeFileSync(join(root, 'generated/refunds/package.json'), '{"name":"@paykit/refunds","version":"0.4.2"}');
    const kept: Release = { name: '@paykit/kept', previousVersion: '0.1.0', version: '0.1.0', bump: undefined, diff: undefined, changelog: '' };
    const added: Release = { name: '@paykit/acmepay', previousVersion: undefined, version: '0.1.0', bump: undefined, diff: undefined, changelog: '' };
    const release = facadeRelease(root, 'generated/refunds', '@paykit/refunds', [kept, added]);
    expect(release.version).toBe('0.5.0');
    expect(release.bump).toBe('minor');
    expect(release.changelog).toContain('## 0.5.0\n\nMinor release: 1 provider added.\n\n- @paykit/acmepay 0.1.0 added\n');
    const broken: Release = { ...kept, version: '1.0.0', bump: 'major', diff: { provider: 'kept', class: 'breaking', changes: [] } };
    const both = facadeRelease(root, 'generated/refunds', '@paykit/refunds', [broken, added]);
    expect(both.version).toBe('1.0.0');
    expect(both.changelog).toContain('- @paykit/acmepay 0.1.0 added\n- @paykit/kept 0.1.0 → 1.0.0 (breaking)\n');
  });

  it('applyRelease sets the manifest version and CHANGELOG.md', () => {
    const files = new Map([['package.json', manifest]]);
    applyRelease(files, { name: '@paykit/push', previousVersion: '0.1.0', version: '0.2.0', bump: 'minor', diff: undefined, changelog: 'log' });
    expect(JSON.parse(files.get('package.json')!)).toMatchObject({ version: '0.2.0' });
    expect(files.get('CHANGELOG.md')).toBe('log');
  });
});

/** A project copy whose xpay vendor spec gained an optional request field (a non-breaking change). */
function projectWithXpayChange(): string {
  const dir = copyProject({ generated: true });
  const spec = join(dir, 'specs/vendor/xpay.yaml');
  writeFileSync(spec, readFileSync(spec, 'utf8').replace('          example: re123\n    refund-response:\n',
    '          example: re123\n        reason:\n          description: Why the refund is issued\n          type: string\n    refund-response:\n'));
  return dir;
}

describe('paykit generate keeps versions', () => {
  it('a vendor change bumps its package and the facade once; regenerating bumps nothing; --check is clean', () => {
    const dir = projectWithXpayChange();
    try {
      const version = (id: string) => (JSON.parse(readFileSync(join(dir, 'generated', id, 'package.json'), 'utf8')) as { version: string }).version;
      const [xpayBefore, pushBefore] = [version('xpay'), version('push')];
      const xpayAfter = semver.inc(xpayBefore, 'minor')!;
      const first = paykit(dir, 'generate');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`xpay: ${xpayBefore} -> ${xpayAfter} (minor: non-breaking)`);
      expect(version('xpay')).toBe(xpayAfter);
      expect(version('push')).toBe(pushBefore);
      expect(readFileSync(join(dir, 'generated/xpay/CHANGELOG.md'), 'utf8')).toContain(`## ${xpayAfter}\n\nMinor release: 1 change in the xpay spec.\n\n- non-breaking: POST /payments/merchant/refund request body field \`reason\` was added (optional).\n\n## ${xpayBefore}\n`);
      const facade = JSON.parse(readFileSync(join(dir, 'generated/refunds/package.json'), 'utf8')) as { version: string };
      // The facade's committed version moves with every mapped provider's change: one minor bump from it.
      const committedFacade = JSON.parse(readFileSync(join(REPO, 'generated/refunds/package.json'), 'utf8')) as { version: string };
      expect(facade.version).toBe(semver.inc(committedFacade.version, 'minor'));
      const after = snapshotTree(join(dir, 'generated'));
      const second = paykit(dir, 'generate');
      expect(second.status).toBe(0);
      expect(second.stdout).not.toContain('->');
      expect(snapshotTree(join(dir, 'generated'))).toEqual(after);
      expect(paykit(dir, 'generate', '--check').status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a provider released by a sharded `generate --provider` run is released in the facade by the next full run', () => {
    const dir = projectWithXpayChange();
    try {
      const version = (id: string) => (JSON.parse(readFileSync(join(dir, 'generated', id, 'package.json'), 'utf8')) as { version: string }).version;
      const facadeBefore = version('refunds');
      const xpayBefore = version('xpay');
      const shard = paykit(dir, 'generate', '--provider', 'xpay');
      expect(shard.status, shard.stderr).toBe(0);
      expect(version('xpay')).toBe(semver.inc(xpayBefore, 'minor'));
      expect(version('refunds')).toBe(facadeBefore); // a shard never touches the facade
      const full = paykit(dir, 'generate');
      expect(full.status, full.stderr).toBe(0);
      expect(full.stdout).not.toContain('xpay: '.concat(version('xpay'), ' ->'));
      expect(version('refunds')).toBe(semver.inc(facadeBefore, 'minor'));
      expect(readFileSync(join(dir, 'generated/refunds/CHANGELOG.md'), 'utf8')).toContain(`- @paykit/xpay ${xpayBefore} → ${version('xpay')} (non-breaking)\n`);
      expect(paykit(dir, 'generate').stdout).not.toContain('->');
      expect(paykit(dir, 'generate', '--check').status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
