/**
 * What `npm publish` would ship for each generated provider package: publint (programmatic), attw
 * on the packed tarball (child process), and the exact file list of `npm pack --dry-run --json`.
 * (The Verdaccio publish-and-install test comes with the facade.)
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { REPO } from './helpers/project-copy.js';

const run = promisify(execFile);
const providers = loadProjectConfig(REPO).providers.map((p) => p.id);
const ATTW = join(REPO, 'node_modules/.bin/attw');

/** Everything a user of the package needs, and nothing else. */
const ALLOWED = [/^dist\/[\w.-]+\.(js|d\.ts)$/, /^src\/[\w.-]+\.ts$/, /^openapi\.yaml$/, /^README\.md$/, /^package\.json$/, /^CHANGELOG\.md$/];
const REQUIRED = ['package.json', 'README.md', 'CHANGELOG.md', 'openapi.yaml', 'dist/index.js', 'dist/index.d.ts', 'dist/schema.js', 'dist/schema.d.ts'];

describe.each(providers)('@paykit/%s as published', (id) => {
  const dir = join(REPO, 'generated', id);

  it('publint finds nothing, suggestions included', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', pack: 'npm', strict: true });
    expect(messages).toEqual([]);
  });

  it('attw: types resolve for every code entry point', async () => {
    // --profile esm-only: the package is "type": "module" with import-only exports by design (openapi-fetch,
    // its one dependency, is ESM-only too), so node10 and require-from-CJS resolutions are not offered.
    // --exclude-entrypoints ./openapi.yaml: a data file exported for tools; it has no types to resolve.
    const { stdout } = await run(ATTW, ['--pack', dir, '--profile', 'esm-only', '--exclude-entrypoints', './openapi.yaml', '--format', 'table-flipped', '--no-emoji'],
      { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
      throw new Error(`attw failed (exit ${String(error.code)}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    expect(stdout).toContain(`@paykit/${id}`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tgz'))).toEqual([]);
  });

  it('npm pack contains what a user needs and nothing else (no lint-report.md, no tsconfig.json)', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    const [pack] = JSON.parse(stdout) as { name: string; files: { path: string }[] }[];
    expect(pack!.name).toBe(`@paykit/${id}`);
    const files = pack!.files.map((f) => f.path).sort();
    expect(files.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
    for (const required of REQUIRED) expect(files, required).toContain(required);
    expect(files).not.toContain('lint-report.md');
    expect(files).not.toContain('tsconfig.json');
  });
});
