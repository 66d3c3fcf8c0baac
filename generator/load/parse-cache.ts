/**
 * What parsing a spec's YAML files gave last time, by the exact text of each file. The yaml library is
 * the slowest part of loading a split spec (about 1 s of CPU for DigitalOcean's ~2,000 files, cold),
 * and a spec's files rarely change between two `generate` runs. A file whose text is unchanged gets
 * back exactly the data its parse gave, so every check of parse.ts (alias cap, nesting limit, unique
 * keys, size, UTF-8) still holds: a value is stored only after it passed them, under the limits and
 * library version in KEY. `$ref` checks (refs.ts) run on every load, cached or not.
 *
 * One cache file per spec, named by its entry file's text: node_modules/.cache/paykit/parsed/<sha256>.
 * Values are kept as V8 serializations (node:v8), taken right after parsing: loading and bundling
 * change the documents in place, and the cache must hold what the parser gave. A damaged, foreign or
 * unwritable cache is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pruneCacheDir, touchEntry, writeCacheEntry } from '../cache-dir.js';
import { paykitPath } from '../paths.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_SPEC_BYTES } from './parse.js';

export const PARSE_CACHE_DIR = paykitPath('node_modules', '.cache', 'paykit', 'parsed');

/** Anything that could change what a text parses to, or whether it is accepted. */
const KEY = JSON.stringify({
  format: 1,
  yaml: (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version,
  MAX_ALIAS_COUNT, MAX_DEPTH, MAX_SPEC_BYTES,
});

export class ParseCache {
  private readonly stored: Map<string, Uint8Array>;
  /** What the next save writes: the texts of this load (old ones drop out when a file changes). */
  private readonly used = new Map<string, Uint8Array>();
  private misses = 0;

  private constructor(private readonly file: string | undefined) {
    this.stored = file === undefined ? new Map() : readStore(file);
  }

  /** The cache of the spec whose entry file reads `entryText`; `dir: false` caches nothing. */
  static forEntry(entryText: string, dir: string | false = PARSE_CACHE_DIR): ParseCache {
    return new ParseCache(dir === false || looksLikeJson(entryText) ? undefined : join(dir, hash(entryText)));
  }

  /** The data `text` parses to: from the cache when this exact text was parsed before, else `parse(text)`. */
  parse(text: string, parse: (text: string) => unknown): unknown {
    if (this.file === undefined || looksLikeJson(text)) return parse(text);
    const key = hash(text);
    const known = this.used.get(key) ?? this.stored.get(key);
    if (known !== undefined) {
      try {
        const value = deserialize(known) as unknown;
        this.used.set(key, known);
        return value;
      } catch {
        // a damaged entry: parse again
      }
    }
    const value = parse(text);
    this.misses++;
    try {
      this.used.set(key, serialize(value));
    } catch {
      // not serializable: simply not cached
    }
    return value;
  }

  /** Writes the cache when this load parsed anything or dropped a file. Written beside, then renamed. */
  save(): void {
    if (this.file === undefined || (this.misses === 0 && this.used.size === this.stored.size)) return;
    if (writeCacheEntry(this.file, serialize({ key: KEY, entries: this.used }))) pruneCacheDir(join(this.file, '..'));
  }
}

function readStore(file: string): Map<string, Uint8Array> {
  try {
    const store = deserialize(readFileSync(file)) as { key?: unknown; entries?: unknown };
    if (store.key === KEY && store.entries instanceof Map) {
      touchEntry(file);
      return store.entries as Map<string, Uint8Array>;
    }
  } catch {
    // missing or damaged
  }
  return new Map();
}

/** JSON parses natively in a fraction of the time a cache lookup of a large text would take (GitHub's 13 MB). */
function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.slice(0, 1024))?.[0];
  return first === '{' || first === '[';
}

function hash(text: string): string {
  return createHash('sha256').update(KEY).update('\0').update(text).digest('hex');
}
