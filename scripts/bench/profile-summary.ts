/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by package, and total
 * (inclusive) time of chosen paykit functions. Usage: node --import tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, topArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  if (url.includes('/.cache/paykit/')) return 'paykit:' + url.slice(url.indexOf('/.cache/paykit/') + '/.cache/paykit/'.length).replace(/^[0-9a-f]+\//, 'bundle/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  return pkg ?? (url.includes('/generator/') ? 'paykit:' + url.slice(url.indexOf('/generator/') + 1) : url === '' ? '(native/gc)' : url.startsWith('node:') ? 'node' : url);
};
/** paykit's own code: the TypeScript sources, or the bundle generator/bin/paykit.mjs runs from. */
const isPaykit = (url: string) => url.includes('/generator/') || url.includes('/.cache/paykit/');
const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);
const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  add(fnSelf, `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`, us);
  add(pkgSelf, where(n), us);
}
// Inclusive time of every paykit frame (counted once per sample even under recursion).
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    if (!isPaykit(n.callFrame.url)) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where(n)}`;
    if (!seen.has(key)) { seen.add(key); add(inclusive, key, profile.timeDeltas[i] ?? 0); }
  }
});
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
const show = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(v)}  ${k}`);
};
console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
show('self time by package', pkgSelf, 15);
show('self time by function', fnSelf, top);
show('inclusive time of paykit functions', inclusive, top);
