/**
 * Each printed facade source kept between runs by a hash of exactly what it is printed from (its
 * FacadeSource: path, header, checked mappings, base URL), paykit's generator, templates and installed
 * libraries, and the Node version. A provider release (a new version in the facade's package.json) or a
 * spec edit the mappings do not see then re-prints nothing, and ts-morph (~65 ms to load, ~220 ms to
 * print every shim) is not loaded at all. Values that are not plain data (a class instance, a Set, a
 * cycle) make their file a miss, never a guess. An entry starts with the hash of its text, so a damaged
 * one is a miss; entries are written beside and renamed, so parallel runs never read half of one; the
 * folder prunes itself (cache-dir.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pruneCacheDir, touchEntry, writeCacheEntry } from '../cache-dir.js';
import { paykitFingerprint, sha256 } from '../fingerprint.js';
import { paykitPath } from '../paths.js';
import type { FacadeSource } from './source-list.js';

export const SOURCE_MEMO_DIR = paykitPath('node_modules', '.cache', 'paykit', 'facade-sources');


/** [path, text] of every source, printing (with `print`, which loads ts-morph) only those not memoized. */
export async function memoizedSources(sources: readonly FacadeSource[], print: (missing: FacadeSource[]) => Promise<[string, string][]>,
  dir: string = SOURCE_MEMO_DIR): Promise<[string, string][]> {
  const paykit = paykitFingerprint();
  const keys = sources.map((source) => sourceKey(paykit, source));
  const texts = keys.map((key) => (key === undefined ? undefined : readEntry(join(dir, `${key}.ts`))));
  const missing = sources.filter((_, i) => texts[i] === undefined);
  if (missing.length > 0) {
    const printed = new Map(await print(missing));
    sources.forEach((source, i) => {
      if (texts[i] !== undefined) return;
      texts[i] = printed.get(source.path)!;
      // The text carries its own hash, so a damaged entry is a miss (readEntry).
      if (keys[i] !== undefined) writeCacheEntry(join(dir, `${keys[i]}.ts`), `${sha256(texts[i]!)}\n${texts[i]!}`);
    });
    pruneCacheDir(dir);
  }
  return sources.map((source, i) => [source.path, texts[i]!]);
}

/** The memo key of one source, or undefined when its inputs are not plain data. */
export function sourceKey(paykit: string, source: FacadeSource): string | undefined {
  let inputs: string;
  try {
    inputs = canonical(source, new Set());
  } catch {
    return undefined;
  }
  return sha256(`paykit\0${paykit}\0node\0${process.version}\0source\0${inputs}`);
}

/**
 * Plain data as text that differs whenever the value does (key order kept: it is printed in that order).
 * Throws on anything else, so that no value the printer could read goes unseen.
 */
export function canonical(value: unknown, path: Set<object>): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value !== 'object') throw new TypeError(`not plain data: ${typeof value}`);
  if (path.has(value)) throw new TypeError('not plain data: a cycle');
  path.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${Array.from(value, (v) => canonical(v, path)).join(',')}]`;
  } else if (value instanceof Map) {
    text = `M[${[...value].map(([k, v]) => `${canonical(k, path)}:${canonical(v, path)}`).join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(value).length > 0) throw new TypeError('not plain data: an instance');
    text = `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, path)}`).join(',')}}`;
  }
  path.delete(value);
  return text;
}

export { paykitFingerprint } from '../fingerprint.js';

/** The text of an entry, or undefined when it is missing or its hash does not match. */
function readEntry(path: string): string | undefined {
  try {
    const entry = readFileSync(path, 'utf8');
    const newline = entry.indexOf('\n');
    const text = entry.slice(newline + 1);
    if (newline !== 64 || entry.slice(0, 64) !== sha256(text)) return undefined;
    touchEntry(path);
    return text;
  } catch {
    return undefined;
  }
}

