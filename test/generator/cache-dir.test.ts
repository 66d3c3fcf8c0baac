/** Cache housekeeping (generator/cache-dir.ts), shared by the dist/ and parse caches. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCacheDir, touchEntry } from '../../generator/cache-dir.js';

const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

function cache(entries: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-cache-dir-'));
  dirs.push(dir);
  for (let i = 0; i < entries; i += 1) {
    writeFileSync(join(dir, `e${i}`), 'x'.repeat(100));
    utimesSync(join(dir, `e${i}`), new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
  }
  return dir;
}

describe('pruneCacheDir', () => {
  it('leaves a folder under its cap alone', () => {
    const dir = cache(5);
    pruneCacheDir(dir, 500);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('over the cap, removes the least recently used entries down to 3/4 of it; a touched entry counts as new', () => {
    const dir = cache(5);
    touchEntry(join(dir, 'e0'));
    pruneCacheDir(dir, 400);
    expect(readdirSync(dir).sort()).toEqual(['e0', 'e3', 'e4']);
  });

  it('never removes a temp file being written by a parallel run, nor a folder', () => {
    const dir = cache(3);
    writeFileSync(join(dir, 'e9.123.tmp'), 'x'.repeat(1000));
    mkdirSync(join(dir, 'sub'));
    pruneCacheDir(dir, 100);
    expect(readdirSync(dir).sort()).toEqual(['e9.123.tmp', 'sub']);
  });

  it('a missing folder is not an error', () => {
    expect(() => pruneCacheDir(join(tmpdir(), 'paykit-no-such-cache-folder'), 1)).not.toThrow();
  });
});
