/**
 * Housekeeping for paykit's caches under node_modules/.cache/paykit: each is keyed by content, so
 * every edit leaves an entry behind. A hit marks its entry as used (mtime); after a run that wrote
 * entries, the least recently used ones go until the folder is under 3/4 of its cap. Errors (a
 * parallel run pruning too, a read-only install) are ignored: caching is an optimisation only.
 */
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Default cap per cache folder. The GitHub spec's compiled schema alone is ~20 MB. */
export const CACHE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Writes an entry beside its final name, then renames it: a parallel run never reads half of one.
 * False when it could not be written (a read-only install simply does not cache).
 */
export function writeCacheEntry(path: string, content: string | Uint8Array): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, path);
    return true;
  } catch {
    return false;
  }
}

/** Marks a cache entry as just used. */
export function touchEntry(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // gone or read-only: the entry just ages
  }
}

/** Removes the least recently used entries (files directly in `dir`, temp files left alone) once the folder exceeds `maxBytes`. */
export function pruneCacheDir(dir: string, maxBytes: number = CACHE_MAX_BYTES): void {
  try {
    const entries = readdirSync(dir).filter((name) => !name.endsWith('.tmp')).flatMap((name) => {
      try {
        const stat = statSync(join(dir, name));
        return stat.isFile() ? [{ name, size: stat.size, used: stat.mtimeMs }] : [];
      } catch {
        return [];
      }
    });
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total <= maxBytes) return;
    for (const entry of entries.sort((a, b) => a.used - b.used || (a.name < b.name ? -1 : 1))) {
      if (total <= maxBytes * 0.75) break;
      try { unlinkSync(join(dir, entry.name)); } catch { /* already gone */ }
      total -= entry.size;
    }
  } catch {
    // no folder yet, or not readable
  }
}
