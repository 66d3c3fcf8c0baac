/**
 * `npm run bench:scale [-- --node 24] [-- --counts 10,30,100]`: how `paykit generate` grows with
 * the number of providers. For each count, a scratch root outside the repo gets specs/ and a
 * providers.yaml whose entries are copies of the real ones (read from specs/providers.yaml, in
 * turn) under new ids, all in the facade; then a full `generate` from an empty generated/ and a
 * `generate --check` are measured as children (wall time, peak RSS by GNU time).
 * Target: time per provider at 100 within 1.3× of that at 10.   BENCH_RUNS=3 by default.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadProjectConfig } from '../../generator/config.js';
import { machine, measure, median, type Sample } from './measure.js';
import { benchNodes, type NodeBinary } from './node-binary.js';

const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const PAYKIT = join(REPO, 'generator/bin/paykit.mjs');
const REPO_CACHE = join(REPO, 'node_modules/.cache/paykit');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 1.3;
const countsArg = process.argv.indexOf('--counts');
const COUNTS = (countsArg === -1 ? '10,30,100' : process.argv[countsArg + 1] ?? '').split(',').map(Number);
if (COUNTS.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--counts takes positive integers, e.g. --counts 10,30,100');

/** A root with `count` providers: the real entries, round-robin, as `<id>s<copy>` (push → pushs1, pushs2, ...). */
function syntheticRoot(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `paykit-scale-${count}-`));
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  const file = parse(readFileSync(join(REPO, 'specs/providers.yaml'), 'utf8')) as { providers: Record<string, Record<string, unknown>> };
  const real = loadProjectConfig(REPO).providers.map((p) => p.id);
  const providers: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length]!;
    const copy = Math.floor(i / real.length) + 1;
    const entry = { ...file.providers[base]! };
    delete entry.sourceUrl; // nothing to fetch for a copy
    providers[`${base}s${copy}`] = { ...entry, title: `${String(entry.title)} ${copy}` };
  }
  writeFileSync(join(dir, 'specs/providers.yaml'), stringify({ providers }));
  return dir;
}

interface Row { node: string; count: number; generate: Sample[]; check: Sample[] }

/** Every count on one node, run after run interleaved, so a busy moment of the machine hits each count alike. */
function runAll(node: NodeBinary): Row[] {
  const roots = COUNTS.map((count) => ({ count, root: syntheticRoot(count) }));
  try {
    const rows: Row[] = COUNTS.map((count) => ({ node: node.version, count, generate: [], check: [] }));
    for (let i = 0; i < RUNS; i++) {
      roots.forEach(({ count, root }, at) => {
        rmSync(join(root, 'generated'), { recursive: true, force: true });
        // Whole provider builds are cached by content (generator/provider-cache.ts): the growth measured is the pipeline's.
        rmSync(join(REPO_CACHE, 'providers'), { recursive: true, force: true });
        rows[at]!.generate.push(measure(node.path, [PAYKIT, 'generate'], root, join(root, 'generated/paykit-manifest.json')));
        rows[at]!.check.push(measure(node.path, [PAYKIT, 'generate', '--check'], root));
        const failed = [...rows[at]!.generate, ...rows[at]!.check].find((s) => !s.ok);
        if (failed !== undefined) throw new Error(`${count} providers on node ${node.version}: ${failed.error}`);
      });
    }
    return rows;
  } finally {
    for (const { root } of roots) rmSync(root, { recursive: true, force: true });
  }
}

const ms = (s: Sample[]) => median(s.map((x) => x.ms));
const mib = (s: Sample[]) => median(s.map((x) => x.peakKb)) / 1024;

const nodes = benchNodes();
console.log(`bench:scale — ${machine()}; median of ${RUNS} runs per count; children on ${nodes.map((n) => n.version).join(' and ')}`);
console.log('');
console.log(`| node | providers | generate | peak RSS | per provider | × per provider at ${COUNTS[0]} | each added provider | --check | --check peak RSS |`);
console.log('|---|---|---|---|---|---|---|---|---|');
const verdicts: string[] = [];
for (const node of nodes) {
  const rows = runAll(node);
  const base = ms(rows[0]!.generate) / rows[0]!.count;
  rows.forEach((row, at) => {
    const per = ms(row.generate) / row.count;
    // The marginal cost: time added per provider since the previous count (startup and fixed work excluded).
    const prev = rows[at - 1];
    const added = prev === undefined ? '' : `${((ms(row.generate) - ms(prev.generate)) / (row.count - prev.count)).toFixed(0)} ms`;
    console.log(`| ${row.node} | ${row.count} | ${(ms(row.generate) / 1000).toFixed(2)} s | ${mib(row.generate).toFixed(0)} MiB | ${per.toFixed(0)} ms | ${(per / base).toFixed(2)}× | ${added} | ${(ms(row.check) / 1000).toFixed(2)} s | ${mib(row.check).toFixed(0)} MiB |`);
  });
  const last = rows[rows.length - 1]!;
  const ratio = ms(last.generate) / last.count / base;
  verdicts.push(`${node.version}: per-provider time at ${last.count} is ${ratio.toFixed(2)}× that at ${rows[0]!.count} (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'missed'})`);
}
console.log('');
for (const v of verdicts) console.log(v);
