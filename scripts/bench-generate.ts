/**
 * `npm run bench:generate`: `paykit generate` (every provider + the refunds facade, on a temporary copy of
 * the project: specs/, redocly.yaml, generated/) and `paykit generate --check` with nothing changed,
 * against the bare openapi-typescript CLI on one vendor spec, all interleaved in the same run. Medians of
 * wall time, CPU time (user + system) and peak RSS of each child. On a shared machine CPU time is the
 * steadier ratio; wall time is what the targets name.
 *
 * Targets (issue 12): generate ≤ 2.0× on Node 20 and ≤ 1.5× on Node 22+; --check ≤ 0.2×.
 *   BENCH_RUNS=7   PAYKIT_BASELINE=<git revision, or another checkout's generator/bin/paykit.mjs> (a
 *   "before" row: a revision is exported with `git archive` into the scratch folder and run on this
 *   checkout's libraries, with caches of its own), or `-- --baseline <revision>`.
 * Runs on whichever Node runs this script: `<node> --import tsx scripts/bench-generate.ts`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, measure, median, type Sample } from './bench/measure.js';
import { rerunOnEachNode } from './bench/node-binary.js';

// `-- --node 24` (or PAYKIT_BENCH_NODE=24): the whole benchmark again on that node, both reported.
if (rerunOnEachNode()) process.exit();

const REPO = new URL('../', import.meta.url).pathname.replace(/\/$/, '');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NODE = process.execPath;
const PAYKIT = join(REPO, 'generator/bin/paykit.mjs');
const baselineArg = process.argv.indexOf('--baseline');
const BASELINE_SPEC_ARG = baselineArg === -1 ? process.env.PAYKIT_BASELINE : process.argv[baselineArg + 1];
const OTS = join(REPO, 'node_modules/openapi-typescript/bin/cli.js');
const BASELINE_SPEC = 'specs/vendor/wooshpay.yaml';
/**
 * Every cache that saves generate's work, by content: provider builds (generator/provider-cache.ts), YAML parses
 * (generator/load/parse-cache.ts), compiled dist/ files (generator/emit/build.ts), facades (generator/facade-cache.ts),
 * printed facade sources (generator/facade/source-memo.ts), openapi-typescript's rule table; all removed before each
 * "cold" run, which has a copy of paykit of its own (coldPaykit). The CLI bundle and V8's code cache stay: they are
 * rebuilt only after `npm ci` or a paykit change.
 */
const OUTPUT_CACHES = ['providers', 'parsed', 'dist', 'facade', 'facade-sources', 'ots-rules'];
const GENERATE_TARGET = Number(process.versions.node.split('.')[0]) >= 22 ? 1.5 : 2.0;

const scratch = mkdtempSync(join(tmpdir(), 'paykit-bench-generate-'));
/** A copy of the project per paykit, so that two generator versions never rewrite each other's manifest. */
function projectCopy(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  cpSync(join(REPO, 'generated'), join(dir, 'generated'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}

/** A bin path as given, or the bin of `revision` exported from git beside the copies (sharing node_modules). */
function baselineBin(spec: string | undefined): string | undefined {
  if (spec === undefined || spec === '') return undefined;
  if (existsSync(spec)) return spec;
  const dir = join(scratch, 'baseline-paykit');
  mkdirSync(dir);
  execFileSync('sh', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh', REPO, spec, dir]);
  return privateCaches(dir);
}

/**
 * This paykit's working tree copied beside the project copies: the cold row empties its caches every
 * round, and with caches of their own no other row (the edit loop in particular) loses its warm entries.
 */
function coldPaykit(): string {
  const dir = join(scratch, 'cold-paykit');
  for (const path of ['generator', 'templates', 'redocly.yaml', 'package.json', 'package-lock.json']) cpSync(join(REPO, path), join(dir, path), { recursive: true });
  return privateCaches(dir);
}

/** Its own node_modules/.cache (CLI bundle, output caches), every library linked to this checkout's. */
function privateCaches(dir: string): string {
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(REPO, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return join(dir, 'generator/bin/paykit.mjs');
}

try {
  const BASELINE = baselineBin(BASELINE_SPEC_ARG);
  const BASELINE_LABEL = BASELINE_SPEC_ARG;
  const dir = projectCopy('paykit');
  const editedDir = projectCopy('edited');
  const COLD = coldPaykit();
  const coldDir = projectCopy('cold');
  execFileSync(NODE, [COLD, '--help'], { stdio: 'ignore' }); // its CLI bundle is built once, here, not in a measured run
  /**
   * The edit-and-regenerate loop: a new operation summary every round, so that provider's package, its
   * dist/schema.js and the facade are really rebuilt (no cache can answer them).
   */
  const editedRow = (label: string, bin: string, project: string, target?: number) => ({
    label, ...(target === undefined ? {} : { target }), samples: [] as Sample[],
    run: () => {
      const spec = join(project, BASELINE_SPEC);
      writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^(\s+summary: \S.*?)( \(edit \d+\))?$/m, (_m, head: string) => `${head} (edit ${Date.now()})`));
      return measure(NODE, [bin, 'generate'], project);
    },
  });
  const baselineDir = BASELINE === undefined ? undefined : projectCopy('baseline');
  // Where openapi-typescript finds no redocly.yaml of ours: the bare CLI with its defaults.
  const otsDir = join(scratch, 'ots');
  cpSync(join(REPO, BASELINE_SPEC), join(otsDir, 'spec.yaml'));
  const rows: { label: string; target?: number; run: () => Sample; samples: Sample[] }[] = [
    { label: `openapi-typescript ${BASELINE_SPEC} (baseline)`, run: () => measure(NODE, [OTS, join(otsDir, 'spec.yaml'), '-o', join(otsDir, 'schema.ts')], otsDir, join(otsDir, 'schema.ts')), samples: [] },
    { label: 'paykit generate (all providers + refunds facade)', target: GENERATE_TARGET, run: () => measure(NODE, [PAYKIT, 'generate'], dir), samples: [] },
    {
      label: 'paykit generate, every output cache emptied first', target: GENERATE_TARGET, samples: [],
      run: () => {
        for (const cache of OUTPUT_CACHES) rmSync(join(COLD, '..', '..', '..', 'node_modules/.cache/paykit', cache), { recursive: true, force: true });
        return measure(NODE, [COLD, 'generate'], coldDir);
      },
    },
    editedRow('paykit generate after a vendor spec edit', PAYKIT, editedDir, GENERATE_TARGET),
    { label: 'paykit generate --check (nothing changed)', target: 0.2, run: () => measure(NODE, [PAYKIT, 'generate', '--check'], dir), samples: [] },
  ];
  if (BASELINE !== undefined) {
    rows.push({ label: `baseline paykit generate (${BASELINE_LABEL})`, run: () => measure(NODE, [BASELINE, 'generate'], baselineDir!), samples: [] });
    rows.push(editedRow(`baseline paykit generate after a spec edit (${BASELINE_LABEL})`, BASELINE, projectCopy('baseline-edited')));
  }
  // Interleaved, alternating direction, so that a slow moment of the machine hits every command alike.
  for (let i = 0; i < RUNS; i++) {
    for (const row of i % 2 === 0 ? rows : [...rows].reverse()) row.samples.push(row.run());
  }
  for (const row of rows) {
    const failed = row.samples.find((s) => !s.ok);
    if (failed !== undefined) throw new Error(`${row.label} failed: ${failed.error}`);
  }
  const wall = (s: Sample[]) => median(s.map((x) => x.ms));
  const cpu = (s: Sample[]) => median(s.map((x) => x.cpuMs));
  const mb = (s: Sample[]) => median(s.map((x) => x.peakKb)) / 1024;
  const base = rows[0]!.samples;
  console.log(`bench:generate — ${machine()}; medians of ${RUNS} interleaved runs; ratios to the baseline`);
  console.log(`${'command'.padEnd(60)} ${'wall'.padStart(7)} ${'×'.padStart(6)} ${'cpu'.padStart(7)} ${'×'.padStart(6)} ${'RSS'.padStart(7)} ${'×'.padStart(6)}  target (on wall)`);
  for (const row of rows) {
    const ratio = wall(row.samples) / wall(base);
    const verdict = row.target === undefined ? '' : `≤ ${row.target.toFixed(1)}×: ${ratio <= row.target ? 'met' : 'missed'}`;
    console.log(`${row.label.slice(0, 60).padEnd(60)} ${(wall(row.samples) / 1000).toFixed(2).padStart(5)} s ${ratio.toFixed(2).padStart(5)}× `
      + `${(cpu(row.samples) / 1000).toFixed(2).padStart(5)} s ${(cpu(row.samples) / cpu(base)).toFixed(2).padStart(5)}× `
      + `${mb(row.samples).toFixed(0).padStart(4)} MB ${(mb(row.samples) / mb(base)).toFixed(2).padStart(5)}×  ${verdict}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
