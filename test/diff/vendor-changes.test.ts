/**
 * Table-driven: every recorded vendor change in test/fixtures/vendor-changes/ is played on a project
 * copy under git: `paykit diff` against HEAD gives its class, bump, changes, findings (what no longer
 * applies, by overlay action or rule) and facade verdict; `generate` generates (with the expected
 * bump and changelog entry) or refuses with the expected line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { SpecDiff } from '../../generator/diff/index.js';
import { paykit, snapshotTree } from '../helpers/project-copy.js';
import { applyEdits, committedProject, committedVersion, firstEntry, loadVendorChanges, playChange } from './vendor-change.js';

const changes = loadVendorChanges();
const root = committedProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A change collides with normalization when some overlay action or rule no longer applies to it. */
const collides = (c: (typeof changes)[number]) => (c.expect.findings ?? []).length > 0;

describe('recorded vendor changes', () => {
  it('cover every class and bump, for every kind the issue names, thirty changes or more, ten colliding with normalization', () => {
    expect(changes.length).toBeGreaterThanOrEqual(30);
    expect(changes.filter(collides).length).toBeGreaterThanOrEqual(10);
    expect(new Set(changes.map((c) => c.provider)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(changes.map((c) => c.expect.class))).toEqual(new Set(['breaking', 'non-breaking', 'patch']));
    expect(new Set(changes.map((c) => c.expect.bump))).toEqual(new Set(['major', 'minor', 'patch']));
    expect(new Set(changes.map((c) => (c.expect.generate === 'generates' ? 'generates' : 'refuses')))).toEqual(new Set(['generates', 'refuses']));
    const rules = changes.flatMap((c) => c.expect.changes.map((x) => x.sentence)).join('\n');
    for (const kind of [/may now return/, /request body field `\w+` was removed/, /changed type/, /was added and is required/, /response 200 field `\w+` was removed/, /Authentication changed/, /was added \(optional\)/, /documentation only/, /may now be absent/,
      /The default server moved from \S+ to \S+; the generated client's default follows/, /Server \S+ was added/, /The default server \S+ was removed/]) {
      expect(rules).toMatch(kind);
    }
    // Collisions of each kind: an overlay target gone, an overlay update duplicating what the vendor added (an enum, a
    // required list), a vendor edit inside content an overlay removes, a lint rule, auth, the default-server choice.
    const sources = changes.flatMap((c) => (c.expect.findings ?? []).map((f) => `${f.source} ${f.message ?? ''}`)).join('\n');
    expect(sources).toMatch(/#\/actions\/\d+ .*matches nothing/);
    expect(sources).toMatch(/#\/actions\/\d+ .*\/enum, which the vendor spec already lists/);
    expect(sources).toMatch(/#\/actions\/\d+ .*\/required, which the vendor spec already lists/);
    expect(sources).toMatch(/#\/actions\/\d+ .*changed content this action removes/);
    expect(sources).toMatch(/^lint:/m);
    expect(sources).toMatch(/^specs\/providers\.yaml#\/providers\/\w+\/auth\/kind /m);
    expect(sources).toMatch(/^specs\/providers\.yaml#\/providers\/\w+\/defaultServer /m);
    // A vendor guard refuses although normalization itself still applies.
    expect(changes.some((c) => collides(c) && c.expect.normalization === undefined)).toBe(true);
  });

  it.each(changes.map((c) => [c.name, c] as const))('%s', async (_name, change) => {
    const { diff, release, refusal, generateLines, defaultBaseUrl, refusalAfterLock } = await playChange(root, change);
    const e = change.expect;
    expect(diff.class).toBe(e.class);
    expect(diff.bump).toBe(e.bump);
    expect(diff.vendorClass).toBe(e.vendorClass ?? e.class);
    expect(diff.changes.map((c) => ({ class: c.class, pointer: c.pointer, sentence: c.sentence }))).toEqual(e.changes);

    // Findings, by source, in order; a message pattern when the fixture gives one.
    const findings = diff.findings ?? [];
    expect(findings.map((f) => f.source)).toEqual((e.findings ?? []).map((f) => f.source));
    (e.findings ?? []).forEach((f, i) => { if (f.message !== undefined) expect(findings[i]!.message).toMatch(new RegExp(f.message)); });
    expect(diff.normalization).toBe(e.normalization ?? 'applies');
    if (e.normalization === 'broken') expect(findings.length).toBeGreaterThan(0);

    if (e.facade === 'holds') expect(diff.facade).toEqual({ ok: true });
    else if (e.facade !== undefined) {
      expect(diff.facade?.ok).toBe(false);
      expect(diff.facade?.ok === false ? diff.facade.message : '').toMatch(new RegExp(e.facade.breaks));
    }

    if (e.generate === 'generates') {
      expect(refusal).toBeUndefined();
    } else if (e.generate !== undefined) {
      expect(refusal).toMatch(new RegExp(e.generate.refuses));
      expect(refusal).not.toContain('\n');
      // Before refusing on a finding, generate states the class and the bump.
      if (findings.length > 0) expect(generateLines.some((l) => l.startsWith(`${change.provider}: `) && l.includes(e.class) && l.includes(`${e.bump}`))).toBe(true);
    }

    if (e.afterLock !== undefined) expect(refusalAfterLock).toBe('none');
    if (e.defaultBaseUrl !== undefined) expect(defaultBaseUrl).toBe(e.defaultBaseUrl);

    if (release !== undefined) {
      expect(release.bump).toBe(e.bump);
      // Versions are relative to the committed package, which moves with every spec change.
      const previous = committedVersion(root, change.provider);
      expect(release.previousVersion).toBe(previous);
      expect(release.version).toBe(semver.inc(previous, e.bump));
      if (e.changelog !== undefined) expect(firstEntry(release.changelog)).toBe(e.changelog.replace('{version}', release.version));
      // The previous entries stay below the new one.
      expect(release.changelog).toMatch(/\n## 0\.1\.0\n\n- Initial release\.\n$/);
    } else {
      expect(e.changelog).toBeUndefined();
    }
  });
});

describe('the CLI on a vendor change that breaks normalization', () => {
  it('paykit diff prints class, bump, findings and the facade verdict; generate prints class and bump, then refuses in one line', () => {
    const change = changes.find((c) => c.name === 'push-refund-path-renamed')!;
    const dir = committedProject();
    try {
      const spec = join(dir, 'specs/vendor/push.yaml');
      writeFileSync(spec, applyEdits(readFileSync(spec, 'utf8'), change.edits, change.name));
      const text = paykit(dir, 'diff', 'push');
      expect(text.stderr).toBe('');
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(/^push: 2 changes, breaking \(major\); normalization no longer applies\n/);
      expect(text.stdout).toContain(`  finding: specs/overlays/push.yaml#/actions/2: target "$.paths['/refund'].post.responses['401'].content['application/json'].schema" matches nothing in the spec; `);
      expect(text.stdout).toContain('  facade: breaks: specs/mappings/push.yaml#/operation: names POST /refund');
      const json = JSON.parse(paykit(dir, 'diff', 'push', '--json').stdout) as { providers: SpecDiff[] };
      expect(json.providers[0]).toMatchObject({ provider: 'push', class: 'breaking', bump: 'major', vendorClass: 'breaking', normalization: 'broken', facade: { ok: false } });
      expect(json.providers[0]!.findings!.map((f) => f.source)).toEqual(['specs/overlays/push.yaml#/actions/2', 'specs/overlays/push.yaml#/actions/3', 'specs/overlays/push.yaml#/actions/4']);

      const before = snapshotTree(join(dir, 'generated'));
      const run = paykit(dir, 'generate');
      expect(run.status).toBe(2);
      expect(run.stdout).toContain('push: the vendor change is breaking (major); normalization no longer applies: 3 findings, see `paykit diff push`\n');
      expect(run.stderr).toBe(`paykit: specs/overlays/push.yaml#/actions/2: target "$.paths['/refund'].post.responses['401'].content['application/json'].schema" matches nothing in the spec; the vendor spec has probably changed: update the target or drop the action (then 2 more: \`paykit diff push\`)\n`);
      expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
