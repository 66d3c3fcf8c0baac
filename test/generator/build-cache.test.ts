/**
 * dist/ is compiled file by file from a content-addressed cache (generator/emit/build.ts): what comes
 * out of the cache must be byte for byte what TypeScript emits, and a damaged entry must be ignored.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
