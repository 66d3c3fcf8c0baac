/**
 * A package changes without a spec change (a template, the facade runtime): `paykit generate` still
 * releases it, classified by its exported types. Runs the real CLI of a scratch copy of paykit whose
 * templates are edited, the way a paykit upgrade edits them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { REPO, copyPaykit } from '../helpers/project-copy.js';

const providers = loadProjectConfig(REPO).providers.map((p) => p.id);
const PROBE = '\nexport const PAYKIT_TEMPLATE_PROBE = 1;\n';

describe('a package changed by paykit itself, not by its spec', () => {
  let dir = '';
  const version = (id: string) => (JSON.parse(readFileSync(join(dir, 'generated', id, 'package.json'), 'utf8')) as { version: string }).version;
  const changelog = (id: string) => readFileSync(join(dir, 'generated', id, 'CHANGELOG.md'), 'utf8');
  const generate = (...args: string[]) => {
    const run = spawnSync(process.execPath, [join(dir, 'generator/bin/paykit.mjs'), 'generate', ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  };
  const editTemplate = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
  const versions = () => Object.fromEntries([...providers, 'refunds'].map((id) => [id, version(id)]));

  beforeAll(() => { dir = copyPaykit(); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a runtime edit that keeps the facade\'s types is a facade patch; the providers keep their versions', () => {
    const before = versions();
    editTemplate('templates/refunds/runtime/text.ts', (text) => `${text}\nconst probe = 'implementation only';\nvoid probe;\n`);
    const run = generate();
    expect(run.out).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(version('refunds')).toBe(semver.inc(before.refunds!, 'patch'));
    for (const id of providers) expect(version(id), id).toBe(before[id]);
    expect(changelog('refunds')).toContain(`## ${version('refunds')}\n\nPatch release: the generated package changed without a change to its types (2 files).\n\n- patch: \`dist/runtime/text.js\`, \`src/runtime/text.ts\` changed; exported types unchanged.\n`);
    expect(run.out).toContain(`refunds: ${before.refunds} -> ${version('refunds')} (patch)`);
  }, 240_000);

  it('a provider template that adds an export is a minor release of every provider, and of the facade', () => {
    const before = versions();
    editTemplate('templates/provider/client.ts.hbs', (text) => `${text}${PROBE}`);
    const run = generate();
    expect(run.status, run.out).toBe(0);
    for (const id of providers) {
      expect(version(id), id).toBe(semver.inc(before[id]!, 'minor'));
      expect(changelog(id)).toContain(`## ${version(id)}\n\nMinor release: 1 change to the generated package's types.\n\n- non-breaking: export \`PAYKIT_TEMPLATE_PROBE\` added.\n`);
      expect(run.out).toContain(`${id}: ${before[id]} -> ${version(id)} (minor: package change)`);
    }
    expect(version('refunds')).toBe(semver.inc(before.refunds!, 'minor'));
    expect(changelog('refunds')).toContain(`  - non-breaking: export \`PAYKIT_TEMPLATE_PROBE\` added.\n`);
  }, 240_000);

  it('a provider template that drops an export is a major release of every provider, and of the facade', () => {
    const before = versions();
    editTemplate('templates/provider/client.ts.hbs', (text) => text.replace(PROBE, ''));
    const run = generate();
    expect(run.status, run.out).toBe(0);
    for (const id of providers) {
      expect(version(id), id).toBe(semver.inc(before[id]!, 'major'));
      expect(changelog(id)).toContain(`## ${version(id)}\n\nMajor release: 1 change to the generated package's types.\n\n- breaking: export \`PAYKIT_TEMPLATE_PROBE\` removed.\n`);
    }
    expect(version('refunds')).toBe(semver.inc(before.refunds!, 'major'));
  }, 240_000);

  it('regenerating releases nothing more, and --check agrees', () => {
    const before = versions();
    const run = generate();
    expect(run.status, run.out).toBe(0);
    expect(run.out).not.toContain('->');
    expect(versions()).toEqual(before);
    expect(generate('--check').status).toBe(0);
  }, 240_000);
});
