/** Table-driven: every recorded vendor change in test/fixtures/vendor-changes/ gets its class, changes, bump and changelog entry. */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { copyProject } from '../helpers/project-copy.js';
import semver from 'semver';
import { committedVersion, firstEntry, loadVendorChanges, playChange } from './vendor-change.js';

const changes = loadVendorChanges();
const root = copyProject({ generated: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('recorded vendor changes', () => {
  it('cover every class and bump, for at least three providers, ten changes or more', () => {
    expect(changes.length).toBeGreaterThanOrEqual(10);
    expect(new Set(changes.map((c) => c.provider)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(changes.map((c) => c.expect.class))).toEqual(new Set(['breaking', 'non-breaking', 'patch']));
    expect(new Set(changes.map((c) => c.expect.bump))).toEqual(new Set(['major', 'minor', 'patch']));
    // The kinds the issue names: each appears in some fixture.
    const rules = changes.flatMap((c) => c.expect.changes.map((x) => x.sentence)).join('\n');
    for (const kind of [/may now return/, /request body field `\w+` was removed/, /changed type/, /was added and is required/, /response 200 field `\w+` was removed/, /Authentication changed/, /was added \(optional\)/, /documentation only/]) {
      expect(rules).toMatch(kind);
    }
  });

  it.each(changes.map((c) => [c.name, c] as const))('%s', async (_name, change) => {
    const { diff, release } = await playChange(root, change);
    expect(diff.class).toBe(change.expect.class);
    expect(diff.changes.map((c) => ({ class: c.class, pointer: c.pointer, sentence: c.sentence }))).toEqual(change.expect.changes);
    expect(release.bump).toBe(change.expect.bump);
    // Versions are relative to the committed package, which moves with every spec change.
    const previous = committedVersion(root, change.provider);
    expect(release.previousVersion).toBe(previous);
    expect(release.version).toBe(semver.inc(previous, change.expect.bump));
    expect(firstEntry(release.changelog)).toBe(change.expect.changelog.replace('{version}', release.version));
    // The previous entries stay below the new one.
    expect(release.changelog).toMatch(/\n## 0\.1\.0\n\n- Initial release\.\n$/);
  });
});
