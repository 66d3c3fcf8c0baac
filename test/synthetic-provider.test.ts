/**
 * "A provider is files": the README's "Adding a provider" steps, followed in a scratch copy of the
 * project for a synthetic provider, AcmePay (bearer auth, integer minor units), whose files are in
 * test/fixtures/synthetic-provider/: its spec, its mapping and its providers.yaml entry. Nothing else
 * is edited. Then the copy generates, its new package and the facade type-check, the facade's minor
 * version goes up with an "added" changelog line, and the parametrized suites (test/facade/*,
 * test/testing/fakes.test.ts), copied unchanged, run over the new provider against its fake.
 *
 * This fails if any of those suites, or any generator piece they rely on (the facade shims, the fake
 * recipes, the capability matrix), kept a hard-coded list of providers: the suites would run no
 * `acmepay` test, or startFake('acmepay') would not exist.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, copyProject, paykit } from './helpers/project-copy.js';

const FIXTURE = join(REPO, 'test/fixtures/synthetic-provider');
const ID = 'acmepay';
/** The suites that must cover every provider in providers.yaml (each runs at least one acmepay test). */
const SUITES = [
  'test/facade/common.test.ts', 'test/facade/faults.test.ts', 'test/facade/retries.test.ts', 'test/facade/fallbacks.test.ts',
  'test/facade/status-mapping.test.ts', 'test/facade/money.test.ts', 'test/facade/input-validation.test.ts',
  'test/facade/redaction.test.ts', 'test/facade/capabilities.test.ts', 'test/facade/contract.test.ts',
  'test/facade/types-per-provider.test.ts', 'test/testing/fakes.test.ts', 'test/testing/faults.test.ts',
  'test/testing/requests.test.ts', 'test/facade/attacks/options.test.ts', 'test/facade/attacks/redirect.test.ts',
  'test/facade/attacks/bounded.test.ts', 'test/facade/attacks/echoes.test.ts', 'test/facade/attacks/malformed.test.ts',
  'test/facade/attacks/hooks.test.ts', 'test/bundle.test.ts',
];

/**
 * `npm install` links each workspace (generated/*) into node_modules/@paykit. The copy gets the same
 * layout without a registry round trip: @paykit/* point at the copy's own generated packages, every
 * other dependency at this repository's installed one.
 */
function linkWorkspaces(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@paykit'), { recursive: true });
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === '@paykit' || entry === '.vite' || entry === '.vitest') continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(modules, entry));
  }
  for (const pkg of readdirSync(join(dir, 'generated'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const name = (JSON.parse(readFileSync(join(dir, 'generated', pkg.name, 'package.json'), 'utf8')) as { name: string }).name;
    symlinkSync(join(dir, 'generated', pkg.name), join(modules, name));
  }
}

function run(dir: string, args: string[], timeout = 240_000) {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe(`a provider added as files only (${ID})`, () => {
  let dir = '';
  let previousFacade = '';
  let generate = { status: null as number | null, stdout: '', stderr: '' };

  beforeAll(() => {
    dir = copyProject({ generated: true });
    previousFacade = (JSON.parse(readFileSync(join(dir, 'generated/refunds/package.json'), 'utf8')) as { version: string }).version;
    // The README's steps: the spec and the mapping under specs/, the entry in specs/providers.yaml …
    cpSync(join(FIXTURE, 'specs'), join(dir, 'specs'), { recursive: true });
    writeFileSync(join(dir, 'specs/providers.yaml'), readFileSync(join(dir, 'specs/providers.yaml'), 'utf8') + readFileSync(join(FIXTURE, 'providers-entry.yaml'), 'utf8'));
    // … `npm run generate` …
    generate = paykit(dir, 'generate');
    // … `npm install` (see linkWorkspaces), then the repository's own tests, unchanged.
    if (generate.status === 0) linkWorkspaces(dir);
    for (const path of ['generator', 'scripts', 'test/facade', 'test/helpers', 'test/testing', 'test/bundle.test.ts', 'vitest.config.ts', 'tsconfig.json', 'package.json']) {
      cpSync(join(REPO, path), join(dir, path), { recursive: true });
    }
  }, 240_000);

  it('generates its package and a facade that maps it', () => {
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
    expect(existsSync(join(dir, `generated/${ID}/dist/index.js`))).toBe(true);
    expect(readFileSync(join(dir, 'generated/refunds/src/testing/recipes.ts'), 'utf8')).toContain(`"${ID}"`);
  });

  it('bumps the facade\'s minor version, with an "added" line in its changelog', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'generated/refunds/package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    expect(manifest.version).toBe(semver.inc(previousFacade, 'minor'));
    expect(manifest.dependencies[`@paykit/${ID}`]).toBe('^0.1.0');
    const changelog = readFileSync(join(dir, 'generated/refunds/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${manifest.version}\n\nMinor release: 1 provider added.\n\n- @paykit/${ID} 0.1.0 added\n`);
    expect(generate.stdout).toContain(`refunds: ${previousFacade} -> ${manifest.version} (minor)`);
  });

  it('its package and the facade pass tsc --noEmit', () => {
    for (const pkg of [ID, 'refunds']) {
      const tsc = run(dir, [join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', `generated/${pkg}/tsconfig.json`]);
      expect(tsc.out, pkg).toBe('');
      expect(tsc.status, pkg).toBe(0);
    }
  }, 120_000);

  it('every parametrized suite runs over it, against its fake, and passes', () => {
    const report = join(dir, 'vitest-report.json');
    const vitest = run(dir, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', ...SUITES, '-t', ID, '--reporter=json', `--outputFile=${report}`]);
    expect(existsSync(report), vitest.out.slice(-3000)).toBe(true);
    const results = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] };
    for (const suite of SUITES) {
      const file = results.testResults.find((r) => r.name.endsWith(suite));
      const ran = (file?.assertionResults ?? []).filter((t) => t.fullName.includes(ID));
      expect(ran.length, `${suite} ran no ${ID} test: does it list providers by hand?`).toBeGreaterThan(0);
      for (const test of ran) expect(test.status, `${test.fullName}\n${test.failureMessages.join('\n').slice(0, 2000)}`).toBe('passed');
    }
    expect(vitest.status, vitest.out.slice(-3000)).toBe(0);
  }, 300_000);
});
