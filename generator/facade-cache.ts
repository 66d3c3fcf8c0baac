/**
 * generated/refunds kept between runs by the content of everything it is made from, so that a run whose
 * facade inputs did not change skips ts-morph: loading it and emitting the facade is ~0.3 s of CPU, the
 * largest block of a `generate` (scripts/bench/RESULTS.md). The key is the manifest's input fingerprint
 * (every spec, overlay, mapping and redocly.yaml of the project, paykit's generator, templates and
 * lockfile), what npm installed, the Node version, the project folder, and every file of every provider
 * build the facade is made from (normalized spec, package.json with its released version, …). Entries are
 * written beside and renamed, so parallel runs never read half of one; a damaged entry is a miss. Every
 * release makes a new entry (~0.4 MB), so only the most recently written ones are kept. On a miss (any
 * provider release) the facade is rebuilt, but its printed sources come from generator/facade/source-memo.ts
 * unless what they are printed from changed, so ts-morph is still not loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeCacheEntry } from './cache-dir.js';
import { join } from 'node:path';
import type { ProjectConfig } from './config.js';
import { inputFingerprint } from './manifest.js';
import { paykitPath } from './paths.js';
import type { ProviderBuild } from './pipeline.js';

type Files = Map<string, string>;

export const FACADE_CACHE_DIR = paykitPath('node_modules', '.cache', 'paykit', 'facade');

/** How many entries a write leaves behind (the newest). */
export const FACADE_CACHE_ENTRIES = 16;

/** `build()`'s result for these inputs: from the cache, or built and then cached. */
export async function cachedFacade(project: ProjectConfig, builds: readonly ProviderBuild[], build: () => Promise<Files | undefined>,
  cacheDir: string = FACADE_CACHE_DIR): Promise<Files | undefined> {
  const key = facadeKey(project, builds);
  const entry = join(cacheDir, `${key}.json`);
  const cached = readEntry(entry);
  if (cached !== undefined) return cached;
  const files = await build();
  if (files !== undefined && writeCacheEntry(entry, JSON.stringify([...files]))) pruneEntries(cacheDir, entry);
  return files;
}

function facadeKey(project: ProjectConfig, builds: readonly ProviderBuild[]): string {
  const hash = createHash('sha256');
  const part = (label: string, text: string) => hash.update(`${label}\0${text.length}\0`).update(text);
  part('inputs', inputFingerprint(project.root));
  const installed = paykitPath('node_modules', '.package-lock.json');
  part('installed', existsSync(installed) ? readFileSync(installed, 'utf8') : '');
  part('node', process.version);
  part('project', JSON.stringify([project.root, project.configFile, project.providers]));
  for (const b of builds) {
    part('build', JSON.stringify([b.provider.id, b.dir]));
    for (const [path, content] of b.files) part(path, content);
  }
  return hash.digest('hex');
}

/** The files of an entry, or undefined when it is missing or not exactly what cachedFacade writes. */
function readEntry(path: string): Files | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(entry) || !entry.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')) return undefined;
    return new Map(entry as [string, string][]);
  } catch {
    return undefined;
  }
}

/** Removes all but the newest entries (never `written`); one that another run removes meanwhile is skipped. */
function pruneEntries(dir: string, written: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json') && join(dir, name) !== written).flatMap((name) => {
    try {
      return [{ name, written: statSync(join(dir, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  for (const old of entries.sort((a, b) => b.written - a.written).slice(FACADE_CACHE_ENTRIES - 1)) rmSync(join(dir, old.name), { force: true });
}
