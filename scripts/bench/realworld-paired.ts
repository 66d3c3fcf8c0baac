/**
 * Paired, interleaved rounds on the real-world specs: each round runs openapi-typescript's CLI, paykit
 * `generate --provider <id>` (dist/ cache warm) and, with PAYKIT_BASELINE, another checkout's paykit
 * on its own copy of the fixture root, in alternating order. Medians of CPU time (user + system), wall
 * time and peak RSS, as ratios to openapi-typescript in the same rounds (the numbers RESULTS.md's
 * real-world verdict uses). Output is checked: each paykit run must write dist/schema.d.ts.
 * BENCH_COLD=1 adds "paykit cold": this paykit with its caches between runs (compiled dist/, parsed
 * spec files) emptied before each run.
 *
 *   node --import tsx scripts/bench/realworld-paired.ts
 *   BENCH_RUNS=5 (3 for GitHub)  BENCH_ONLY=digitalocean,github  PAYKIT_BASELINE=<checkout>/generator/bin/paykit.mjs  BENCH_COLD=1
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { machine, measure, median, type Sample } from './measure.js';
import { copyRoot, PAYKIT_BIN, REPO, SPECS, WORK } from './realworld.js';

const NODE = process.execPath;
const OTS = join(REPO, 'node_modules/openapi-typescript/bin/cli.js');
const BASELINE = process.env.PAYKIT_BASELINE;
const only = process.env.BENCH_ONLY?.split(',');

const root = copyRoot(join(WORK, 'paired-root'));
const baselineRoot = BASELINE === undefined ? undefined : copyRoot(join(WORK, 'paired-baseline-root'));
const scratch = join(WORK, 'paired-ots');
/** paykit's caches between runs, under node_modules/.cache/paykit/ (the esbuild-built CLI is not one of them). */
const CACHES = ['providers', 'dist', 'parsed', 'ots-rules'];
/**
 * A whole provider build is cached too (generator/provider-cache.ts), which would make every run after the
 * first a lookup: every paykit run here starts without it, so the rows measure the pipeline itself.
 */
const WHOLE_BUILDS = join(REPO, 'node_modules/.cache/paykit/providers');

interface Row { label: string; run: () => Sample; samples: Sample[] }

console.log(`real-world paired rounds — ${machine()}`);
for (const spec of SPECS.filter((s) => only === undefined || only.includes(s.id))) {
  const runs = Number(process.env.BENCH_RUNS ?? (spec.id === 'github' ? 3 : 5));
  const paykit = (bin: string, at: string) => () => {
    rmSync(join(at, 'generated', spec.id), { recursive: true, force: true });
    rmSync(WHOLE_BUILDS, { recursive: true, force: true });
    return measure(NODE, [bin, 'generate', '--provider', spec.id], at, join(at, 'generated', spec.id, 'dist/schema.d.ts'));
  };
  const rows: Row[] = [
    {
      label: 'openapi-typescript', samples: [],
      run: () => {
        const out = join(scratch, spec.id, 'schema.ts');
        rmSync(join(scratch, spec.id), { recursive: true, force: true });
        mkdirSync(join(scratch, spec.id), { recursive: true });
        return measure(NODE, [OTS, join(root, spec.spec), '-o', out], scratch, out);
      },
    },
    { label: 'paykit', run: paykit(PAYKIT_BIN, root), samples: [] },
  ];
  if (process.env.BENCH_COLD !== undefined) {
    const fresh = paykit(PAYKIT_BIN, root);
    rows.push({
      label: 'paykit cold', samples: [],
      run: () => {
        for (const cache of CACHES) rmSync(join(REPO, 'node_modules/.cache/paykit', cache), { recursive: true, force: true });
        return fresh();
      },
    });
  }
  if (BASELINE !== undefined) rows.push({ label: 'paykit baseline', run: paykit(BASELINE, baselineRoot!), samples: [] });
  for (let i = 0; i < runs; i++) {
    for (const row of i % 2 === 0 ? rows : [...rows].reverse()) {
      const sample = row.run();
      if (!sample.ok) throw new Error(`${spec.id}: ${row.label} failed: ${sample.error}`);
      row.samples.push(sample);
      console.log(`  ${spec.id} round ${i + 1} ${row.label.padEnd(18)} cpu ${(sample.cpuMs / 1000).toFixed(2)} s  wall ${(sample.ms / 1000).toFixed(2)} s  ${(sample.peakKb / 1024).toFixed(0)} MB`);
    }
  }
  const cpu = (r: Row) => median(r.samples.map((s) => s.cpuMs));
  const wall = (r: Row) => median(r.samples.map((s) => s.ms));
  const rss = (r: Row) => median(r.samples.map((s) => s.peakKb));
  const base = rows[0]!;
  console.log(`${spec.name}: medians of ${runs} rounds`);
  for (const row of rows) {
    console.log(`  ${row.label.padEnd(18)} cpu ${(cpu(row) / 1000).toFixed(2)} s ${(cpu(row) / cpu(base)).toFixed(2)}×  `
      + `wall ${(wall(row) / 1000).toFixed(2)} s ${(wall(row) / wall(base)).toFixed(2)}×  `
      + `RSS ${(rss(row) / 1024).toFixed(0)} MB ${(rss(row) / rss(base)).toFixed(2)}×`);
  }
}
