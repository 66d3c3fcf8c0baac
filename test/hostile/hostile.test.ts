/**
 * Hostile inputs, table-driven: every folder under test/hostile/cases/ is one case (see harness.ts
 * for the layout and expected.yaml fields). A case either fails with one PaykitError naming the file
 * and JSON pointer, or generates a package that type-checks, imports without running injected code
 * and leaks no absolute path. Run with `npx vitest run test/hostile`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/commands/generate.js';
import { PaykitError } from '../../generator/errors.js';
import { HOSTILE, REPO, listCases, listFiles, materialize, runCli, snapshotTree, tempRoot, type Case } from './harness.js';
import { SETUPS } from './setups.js';

const cases = listCases();
const RUN = join(HOSTILE, 'out', `run-${process.pid}-${Date.now()}`);
const quiet = { line: () => {}, error: () => {} };
const markdown = new MarkdownIt({ html: true });
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

interface Built { testCase: Case; root: string; pkg: string }
const built = new Map<string, Built>();

afterAll(() => {
  if (process.env.HOSTILE_KEEP === undefined) rmSync(RUN, { recursive: true, force: true });
});

function assertNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
}

/** Runs generate() in-process, sampling RSS while it runs. */
async function generateInProcess(root: string, providers: string[]) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  const started = performance.now();
  let error: unknown;
  let code: number | undefined;
  try {
    code = await generate({ root, providers, check: false }, quiet);
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { code, error, seconds: (performance.now() - started) / 1000, rssMb: (peak - rssBefore) / 2 ** 20 };
}

function assertPaykitError(testCase: Case, error: unknown, root: string): void {
  const { expected } = testCase;
  if (!(error instanceof PaykitError)) {
    throw new Error(`expected a PaykitError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  if (expected.file !== undefined) expect(error.file).toBe(expected.file);
  if (expected.outcome === 'error') expect(error.pointer).toBe(expected.pointer);
  for (const part of expected.messageIncludes ?? []) expect(error.message).toContain(part);
  expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(error.message).not.toContain(root);
  expect(error.message).not.toContain(REPO);
}

function assertSafePackage(testCase: Case, root: string): string {
  const pkg = join(root, 'generated', testCase.expected.provider ?? 'hostile');
  expect(existsSync(join(pkg, 'dist/index.js')), 'dist/index.js written').toBe(true);
  expect(readdirSync(root).filter((n) => n.startsWith('.paykit-tmp'))).toEqual([]);
  for (const file of listFiles(join(root, 'generated'))) {
    const text = readFileSync(join(root, 'generated', file), 'utf8');
    expect(text, `${file} names the project root`).not.toContain(root);
    expect(text, `${file} names the repo`).not.toContain(REPO);
    expect(text, `${file} contains NUL`).not.toContain('\u0000');
  }
  // "No raw <script" judged the way readers see it: rendered by a GFM renderer, spec text may appear
  // only as text (escaped) or inside code, never as a live tag. (A path in the README's ts code block
  // legitimately shows `<script>` as code.)
  const html = markdown.render(readFileSync(join(pkg, 'README.md'), 'utf8'));
  expect(html, 'rendered README').not.toMatch(/<(script|img|iframe)\b/i);
  for (const probe of testCase.expected.probes ?? []) {
    if (probe.file === undefined) continue;
    const text = readFileSync(join(pkg, probe.file), 'utf8');
    for (const part of probe.includes ?? []) expect(text, `${probe.file} includes ${JSON.stringify(part)}`).toContain(part);
    for (const part of probe.excludes ?? []) expect(text, `${probe.file} excludes ${JSON.stringify(part)}`).not.toContain(part);
  }
  return pkg;
}

/** A generated/ that is already there: a failing run must leave it byte for byte. */
function seedGenerated(root: string): void {
  mkdirSync(join(root, 'generated/hostile/src'), { recursive: true });
  writeFileSync(join(root, 'generated/hostile/src/index.ts'), 'export const previous = 1;\n');
  writeFileSync(join(root, 'generated/hostile/package.json'), '{"name":"@paykit/hostile","version":"1.2.3"}\n');
  mkdirSync(join(root, 'generated/other'), { recursive: true });
  writeFileSync(join(root, 'generated/other/keep.txt'), 'untouched\n');
}

describe('hostile inputs', () => {
  for (const testCase of cases) {
    const { expected } = testCase;
    const label = `${testCase.name}: ${expected.outcome}${expected.bug === undefined ? '' : ' [generator bug, see expected.yaml]'}`;
    it(label, async () => {
      const generates = expected.outcome === 'generates' || expected.outcome === 'error-or-generates';
      const root = generates ? join(RUN, testCase.name) : tempRoot(testCase.name);
      try {
        materialize(testCase, root);
        if (expected.setup !== undefined) SETUPS[expected.setup]!(root);
        if (expected.outcome === 'error') seedGenerated(root);
        const before = snapshotTree(join(root, 'generated'));

        const run = await generateInProcess(root, expected.providers ?? []);
        assertNoPollution();
        expect(run.seconds, 'seconds').toBeLessThan(expected.maxSeconds ?? 20);
        expect(run.rssMb, 'RSS growth in MB').toBeLessThan(expected.maxRssMb ?? 1024);

        if (expected.outcome === 'error' || (expected.outcome === 'error-or-generates' && run.error !== undefined)) {
          assertPaykitError(testCase, run.error, root);
          expect(snapshotTree(join(root, 'generated'))).toEqual(before);
        } else {
          if (run.error !== undefined) throw run.error;
          expect(run.code).toBe(0);
          const pkg = assertSafePackage(testCase, root);
          built.set(testCase.name, { testCase, root, pkg });
        }

        if (expected.cli === true) {
          rmSync(join(root, 'generated'), { recursive: true, force: true });
          seedGenerated(root);
          const seeded = snapshotTree(join(root, 'generated'));
          const providerArgs = (expected.providers ?? []).flatMap((id) => ['--provider', id]);
          const cli = runCli(root, ['generate', ...providerArgs]);
          expect(cli.seconds, 'CLI seconds').toBeLessThan((expected.maxSeconds ?? 20) + 10);
          if (run.error === undefined) {
            expect(cli.stderr).toBe('');
            expect(cli.status).toBe(0);
          } else {
            expect(cli.stderr).not.toMatch(/^\s+at /m);
            expect(cli.stderr.endsWith('\n')).toBe(true);
            expect(cli.stderr.slice(0, -1).split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1);
            const where = expected.file === undefined ? '' : expected.pointer === undefined ? `${expected.file}: ` : `${expected.file}#${expected.pointer}`;
            expect(cli.stderr.startsWith(`paykit: ${where}`), cli.stderr).toBe(true);
            for (const part of expected.messageIncludes ?? []) expect(cli.stderr).toContain(part);
            expect(cli.stderr).not.toContain(root);
            expect(cli.status).toBe(2);
            expect(snapshotTree(join(root, 'generated'))).toEqual(seeded);
            expect(readdirSync(root).filter((n) => n.startsWith('.paykit-tmp'))).toEqual([]);
          }
        }
      } finally {
        if (!generates) rmSync(root, { recursive: true, force: true });
        rmSync(`${root}.outside`, { recursive: true, force: true });
      }
    });
  }
});

describe('generated packages', () => {
  const candidates = cases.filter((c) => c.expected.outcome !== 'error' && c.expected.skipCompile !== true);
  const diagnostics = new Map<string, string[]>();
  let tscOutput = '';

  beforeAll(() => {
    const compiled = candidates.map((c) => built.get(c.name)).filter((b): b is Built => b !== undefined);
    if (compiled.length === 0) return;
    mkdirSync(RUN, { recursive: true });
    const files = compiled.flatMap((b) => readdirSync(join(b.pkg, 'src')).filter((f) => f.endsWith('.ts')).map((f) => join(b.pkg, 'src', f)));
    const template = JSON.parse(readFileSync(join(REPO, 'templates/provider/tsconfig.json.hbs'), 'utf8')) as { compilerOptions: object };
    writeFileSync(join(RUN, 'tsconfig.json'), JSON.stringify({ compilerOptions: template.compilerOptions, files }, null, 2));
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(RUN, 'tsconfig.json'), '--pretty', 'false'],
      { encoding: 'utf8', timeout: 120_000 });
    tscOutput = `${tsc.stdout}${tsc.stderr}`;
    for (const line of tscOutput.split('\n').filter((l) => /error TS\d+/.test(l))) {
      const owner = compiled.find((b) => line.startsWith(b.root + '/') || line.startsWith(b.pkg));
      const key = owner?.testCase.name ?? '(unattributed)';
      diagnostics.set(key, [...(diagnostics.get(key) ?? []), line.replace(RUN + '/', '')]);
    }
  }, 120_000);

  it('tsc reports nothing it cannot attribute to a case', () => {
    expect(diagnostics.get('(unattributed)') ?? []).toEqual([]);
  });

  for (const testCase of candidates) {
    // An 'error-or-generates' case that ended in its one-line error has no package to check.
    it(`${testCase.name}: tsc --noEmit is clean`, () => {
      if (!built.has(testCase.name)) return void expect(testCase.expected.outcome).toBe('error-or-generates');
      expect(diagnostics.get(testCase.name) ?? []).toEqual([]);
    });

    it(`${testCase.name}: importing dist runs no injected code and keeps spec strings exact`, async () => {
      const b = built.get(testCase.name);
      if (b === undefined) return void expect(testCase.expected.outcome).toBe('error-or-generates');
      const module = await import(/* @vite-ignore */ pathToFileURL(join(b.pkg, 'dist/index.js')).href) as Record<string, unknown>;
      const factory = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === 'function');
      expect(factory, 'a create…Client export').toBeDefined();
      const client = (factory![1] as (o: object) => unknown)({ credentials: new Proxy({}, { get: () => 'dummy-credential' }), fetch: async () => new Response('{}') });
      expect(client).toBeTypeOf('object');
      assertNoPollution();
      for (const probe of testCase.expected.probes ?? []) {
        if (probe.export !== undefined) expect(module[probe.export], probe.export).toEqual(probe.equals);
      }
    });
  }
});
