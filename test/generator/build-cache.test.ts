/**
 * dist/ is compiled file by file from a content-addressed cache (generator/emit/build.ts): what comes
 * out of the cache must be byte for byte what TypeScript emits, and a damaged entry must be ignored.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDist } from '../../generator/emit/build.js';

const REPO = new URL('../../', import.meta.url).pathname;

/** A real package's sources: the committed refunds facade (many files, classes, declarations). */
function facadeSources(): Map<string, string> {
  const dir = join(REPO, 'generated/refunds/src');
  const walk = (rel: string): string[] => readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(`${rel}${e.name}/`) : e.name.endsWith('.ts') ? [`${rel}${e.name}`] : []));
  return new Map(walk('').sort().map((file) => [`src/${file}`, readFileSync(join(dir, file), 'utf8')]));
}

const dirs: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-dist-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildDist cache', () => {
  it('gives the same files, in the same order, from a cold cache, a warm cache and no cache', () => {
    const sources = facadeSources();
    const uncached = buildDist(sources, undefined);
    const cache = cacheDir();
    const cold = buildDist(sources, cache);
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(sources.size);
    const warm = buildDist(sources, cache);
    expect([...cold]).toEqual([...uncached]);
    expect([...warm]).toEqual([...uncached]);
    // and they are what generate committed
    for (const [path, text] of warm) expect(text, path).toBe(readFileSync(join(REPO, 'generated/refunds', path), 'utf8'));
  });

  it('recompiles a file whose cache entry is damaged, and only a changed file misses', () => {
    const sources = new Map([['src/a.ts', 'export const a: number = 1;\n'], ['src/b.ts', 'export function b(x: string): string { return x; }\n']]);
    const cache = cacheDir();
    const first = buildDist(sources, cache);
    for (const entry of readdirSync(cache)) writeFileSync(join(cache, entry), '{"\.js": 1');
    expect([...buildDist(sources, cache)]).toEqual([...first]);
    const changed = new Map(sources).set('src/a.ts', 'export const a: number = 2;\n');
    const next = buildDist(changed, cache);
    expect(next.get('dist/a.js')).toBe('export const a = 2;\n');
    expect(next.get('dist/b.d.ts')).toBe(first.get('dist/b.d.ts'));
  });

  it('stays under its size cap: the least recently used entries go first, entries just used stay', () => {
    const cache = cacheDir();
    const source = (i: number) => new Map([[`src/m${i}.ts`, `export const m${i}: string = ${JSON.stringify('x'.repeat(2000))};\n`]]);
    const entryOf = (i: number) => { buildDist(source(i), cache, Number.MAX_SAFE_INTEGER); return readdirSync(cache).find((f) => !seen.has(f))!; };
    const seen = new Set<string>();
    const entries: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const entry = entryOf(i);
      seen.add(entry);
      entries.push(entry);
      // a distinct "last used" time per entry, oldest first, without waiting for the clock
      utimesSync(join(cache, entry), new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    const size = statSync(join(cache, entries[0]!)).size;
    buildDist(source(0), cache, Number.MAX_SAFE_INTEGER); // a hit marks entry 0 as just used
    // A 7th entry with a cap of 4.5 entries: down to 3/4 of the cap (3 entries), least recently used first.
    buildDist(source(6), cache, size * 4.5);
    const left = new Set(readdirSync(cache));
    expect(entries.map((e) => left.has(e))).toEqual([true, false, false, false, false, true]);
    expect(left.size).toBe(3);
    expect(buildDist(source(6), cache).get('dist/m6.js')).toContain('export const m6 =');
  });
});
