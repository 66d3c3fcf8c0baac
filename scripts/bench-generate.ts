/**
 * `npm run bench:generate`: median wall time of `paykit generate` (every provider, on a temporary copy
 * of the project: specs/, redocly.yaml, generated/) and of `paykit generate --check` with nothing
 * changed, against the bare openapi-typescript CLI on one vendor spec, all measured in the same run.
 * Targets: generate ≤ 2.0× and --check ≤ 1.0× of that baseline.   BENCH_RUNS=7 by default.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
const OTS = join(REPO, 'node_modules/openapi-typescript/bin/cli.js');
const BASELINE_SPEC = 'specs/vendor/wooshpay.yaml';

const dir = mkdtempSync(join(tmpdir(), 'paykit-bench-generate-'));
try {
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  cpSync(join(REPO, 'generated'), join(dir, 'generated'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  // Where openapi-typescript looks for no redocly.yaml of ours: the bare CLI with its defaults.
  const otsDir = mkdtempSync(join(tmpdir(), 'paykit-bench-ots-'));
  const runs = { generate: [] as Sample[], check: [] as Sample[], ots: [] as Sample[] };
  // Interleaved, so that a slow moment of the machine hits every command alike.
  for (let i = 0; i < RUNS; i++) {
    runs.ots.push(measure(NODE, [OTS, join(dir, BASELINE_SPEC), '-o', join(otsDir, 'schema.ts')], otsDir, join(otsDir, 'schema.ts')));
    runs.generate.push(measure(NODE, [PAYKIT, 'generate'], dir));
    runs.check.push(measure(NODE, [PAYKIT, 'generate', '--check'], dir));
  }
  rmSync(otsDir, { recursive: true, force: true });
  for (const [name, samples] of Object.entries(runs)) {
    const failed = samples.find((s) => !s.ok);
    if (failed !== undefined) throw new Error(`${name} failed: ${failed.error}`);
  }
  const ms = (s: Sample[]) => median(s.map((x) => x.ms));
  const mb = (s: Sample[]) => median(s.map((x) => x.peakKb)) / 1024;
  const base = ms(runs.ots);
  const line = (label: string, s: Sample[], target?: number) => {
    const ratio = ms(s) / base;
    const verdict = target === undefined ? '' : ` (target ≤ ${target.toFixed(1)}×: ${ratio <= target ? 'met' : 'missed'})`;
    return `${label.padEnd(48)} ${(ms(s) / 1000).toFixed(2).padStart(6)} s  ${mb(s).toFixed(0).padStart(5)} MB  ${ratio.toFixed(2)}×${verdict}`;
  };
  console.log(`bench:generate — ${machine()}; median of ${RUNS} runs, peak RSS of the child`);
  console.log(line(`openapi-typescript ${BASELINE_SPEC} (baseline)`, runs.ots));
  console.log(line('paykit generate (all providers + refunds facade)', runs.generate, 2.0));
  console.log(line('paykit generate --check (nothing changed)', runs.check, 1.0));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
