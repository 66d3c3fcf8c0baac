/**
 * `npm run bench`: paykit's provider emit against openapi-typescript, @hey-api/openapi-ts and orval on
 * the real-world specs (test/fixtures/realworld/). Every tool runs as a child process; wall time and
 * peak RSS (GNU time %M) are medians of several runs. Writes scripts/bench/RESULTS.md.
 *
 *   BENCH_RUNS=5 (3 for GitHub's full spec)   BENCH_ONLY=ghes-diff,digitalocean   BENCH_NO_WRITE=1
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, measure, median, type Sample } from './measure.js';
import { copyRoot, PAYKIT_BIN, REPO, SPECS, WORK, type RealWorldSpec } from './realworld.js';

const NODE = process.execPath;
const BIN = {
  openapiTs: join(REPO, 'node_modules/openapi-typescript/bin/cli.js'),
  heyApi: join(REPO, 'node_modules/@hey-api/openapi-ts/bin/run.js'),
  orval: join(REPO, 'node_modules/orval/dist/bin/orval.js'),
};

const root = copyRoot(join(WORK, 'bench-root'));
// Tools other than paykit run where there is no redocly.yaml, so openapi-typescript uses its own
// default (redocly `minimal`), as a user running the bare CLI would.
const scratch = join(WORK, 'bench-out');
const only = process.env.BENCH_ONLY?.split(',');

interface Tool { name: string; what: string; args: (spec: RealWorldSpec, input: string) => [string, string[], string, string]; before?: () => void }

const TOOLS: Tool[] = [
  {
    name: 'paykit', what: 'paykit generate --provider <id> (lint, normalize, lint, types + client + package + dist), without its whole-build cache (generator/provider-cache.ts), which would turn every run after the first into a lookup',
    args: (spec) => [NODE, [PAYKIT_BIN, 'generate', '--provider', spec.id], root, join(root, 'generated', spec.id, 'dist/schema.d.ts')],
    before: () => rmSync(join(REPO, 'node_modules/.cache/paykit/providers'), { recursive: true, force: true }),
  },
  {
    name: 'paykit (cold)', what: 'the same with all its caches between runs (node_modules/.cache/paykit/providers, dist, parsed, ots-rules) emptied before each run',
    args: (spec) => [NODE, [PAYKIT_BIN, 'generate', '--provider', spec.id], root, join(root, 'generated', spec.id, 'dist/schema.d.ts')],
    before: () => ['providers', 'dist', 'parsed', 'ots-rules'].forEach((cache) => rmSync(join(REPO, 'node_modules/.cache/paykit', cache), { recursive: true, force: true })),
  },
  {
    name: 'openapi-typescript', what: 'openapi-typescript <spec> -o schema.ts (types)',
    args: (spec, input) => [NODE, [BIN.openapiTs, input, '-o', join(scratch, spec.id, 'ots/schema.ts')], scratch, join(scratch, spec.id, 'ots/schema.ts')],
  },
  {
    name: 'hey-api', what: '@hey-api/openapi-ts -c @hey-api/client-fetch (types + SDK + fetch client)',
    args: (spec, input) => [NODE, [BIN.heyApi, '-i', input, '-o', join(scratch, spec.id, 'hey'), '-c', '@hey-api/client-fetch', '-s', '--no-log-file'], scratch, join(scratch, spec.id, 'hey/types.gen.ts')],
  },
  {
    name: 'orval', what: 'orval --client fetch (types + fetch client, one file)',
    args: (spec, input) => [NODE, [BIN.orval, '-i', input, '-o', join(scratch, spec.id, 'orval/api.ts'), '--client', 'fetch'], scratch, join(scratch, spec.id, 'orval/api.ts')],
  },
];

interface Row { spec: RealWorldSpec; tool: Tool; runs: number; ms: number; cpuMs: number; peakKb: number; note: string; ok: boolean }

const rows: Row[] = [];
for (const spec of SPECS.filter((s) => only === undefined || only.includes(s.id))) {
  const runs = Number(process.env.BENCH_RUNS ?? (spec.id === 'github' ? 3 : 5));
  const vendorInput = join(root, spec.spec);
  // paykit's normalized, bundled one-file spec: the fallback input for a tool that cannot read the vendor's.
  const bundledInput = join(root, 'generated', spec.id, 'openapi.yaml');
  for (const tool of TOOLS) {
    let input = vendorInput;
    let note = '';
    let samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(join(scratch, spec.id), { recursive: true, force: true });
      mkdirSync(scratch, { recursive: true });
      const [cmd, args, cwd, output] = tool.args(spec, input);
      if (tool.name.startsWith('paykit')) rmSync(join(root, 'generated', spec.id), { recursive: true, force: true });
      tool.before?.();
      const sample = measure(cmd, args, cwd, output);
      if (!sample.ok && input === vendorInput && !tool.name.startsWith('paykit')) {
        note = `fails on the vendor spec (${sample.error}); measured on paykit's bundled normalized openapi.yaml`;
        input = bundledInput;
        i--;
        continue;
      }
      if (!sample.ok) {
        note = input === bundledInput ? `${note.replace(/; measured on .*$/, '')}; fails on the bundled spec too (${sample.error})` : `fails: ${sample.error}`;
        samples = [sample];
        break;
      }
      samples.push(sample);
    }
    const ok = samples.length > 0 && samples.every((s) => s.ok);
    const row: Row = { spec, tool, runs: samples.length, ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), peakKb: median(samples.map((s) => s.peakKb)), note, ok };
    rows.push(row);
    process.stdout.write(`${spec.id.padEnd(13)} ${tool.name.padEnd(19)} ${ok ? `${(row.ms / 1000).toFixed(2)} s`.padStart(9) : '   failed'} ${ok ? `${(row.peakKb / 1024).toFixed(0)} MB`.padStart(8) : ''} ${note}\n`);
  }
}

const fmt = (row: Row, base: Row | undefined) => {
  if (!row.ok) return ['failed', '', 'failed', '', 'failed', ''];
  const t = `${(row.ms / 1000).toFixed(2)} s`;
  const c = `${(row.cpuMs / 1000).toFixed(2)} s`;
  const m = `${(row.peakKb / 1024).toFixed(0)} MB`;
  if (base === undefined || !base.ok) return [t, '', c, '', m, ''];
  return [t, `${(row.ms / base.ms).toFixed(2)}×`, c, `${(row.cpuMs / base.cpuMs).toFixed(2)}×`, m, `${(row.peakKb / base.peakKb).toFixed(2)}×`];
};

const lines = [
  '# Benchmark: paykit provider emit vs openapi-typescript, hey-api, orval',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (scripts/bench/run.ts) on ${machine()}.`,
  'Each tool is a child process; time is wall time, cpu is user + system time, memory is the child\'s peak RSS',
  '(GNU time `%U %S %M`); all are medians over the runs shown. Ratios are to openapi-typescript on the same spec.',
  'Inputs are the vendor specs in test/fixtures/realworld/ unless a note says otherwise. The machine is shared',
  '(2 cores, other jobs running), so wall times are noisy; cpu time is the steadier comparison.',
  '',
  ...TOOLS.map((t) => `- **${t.name}**: ${t.what}`),
  '',
  '| spec | tool | runs | time | × ots | cpu | × ots | peak RSS | × ots | note |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const row of rows) {
  const base = rows.find((r) => r.spec === row.spec && r.tool.name === 'openapi-typescript');
  const [t, tr, c, cr, m, mr] = fmt(row, base);
  lines.push(`| ${row.spec.name} | ${row.tool.name} | ${row.runs} | ${t} | ${tr} | ${c} | ${cr} | ${m} | ${mr} | ${row.note.replace(/\|/g, '\\|')} |`);
}
const report = lines.join('\n') + '\n';
if (process.env.BENCH_NO_WRITE === undefined) {
  // The verdict below the table is written by hand from the numbers; a new run keeps it for editing.
  const path = join(REPO, 'scripts/bench/RESULTS.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const verdict = previous.indexOf('\n## Verdict');
  writeFileSync(path, report + (verdict === -1 ? '\n## Verdict\n\n(to write from the numbers above)\n' : previous.slice(verdict)));
}
process.stdout.write('\n' + report);
