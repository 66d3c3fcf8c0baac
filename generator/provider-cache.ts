/**
 * A provider's build kept between runs, by the content of everything it was made from: when a vendor
 * changes one spec, `generate` rebuilds that provider and takes the others from here instead of
 * loading, linting twice, normalizing and emitting them again.
 *
 * What a build reads: paykit itself (generator/fingerprint.ts), the Node version, the project folder,
 * specs/providers.yaml, redocly.yaml, every overlay, lock and mapping file (any of them, so no list of
 * which file a check reads can go stale), and the spec's own files. Those are known only after loading
 * (a spec's `$ref`s name them), so an entry records each one with its hash and is a hit only when all
 * still hash the same. One entry per provider and project state: a new spec version overwrites it.
 * Only successful builds are stored (a refusal is always re-run and explained); entries are written
 * beside and renamed; a damaged, foreign or stale entry is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pruneCacheDir, touchEntry, writeCacheEntry } from './cache-dir.js';
import type { ProjectConfig, ProviderConfig } from './config.js';
import { listFiles, paykitFingerprint, sha256 } from './fingerprint.js';
import { paykitPath } from './paths.js';
import type { ProviderBuild } from './pipeline.js';

export const PROVIDER_CACHE_DIR = paykitPath('node_modules', '.cache', 'paykit', 'providers');

/** Folders of specs/ whose every file counts for every provider (they are small and rarely change). */
const SHARED_INPUTS = ['specs/overlays', 'specs/mappings'];

interface Entry {
  /** Spec files by path relative to the project, with their sha256. */
  specFiles: [string, string][];
  build: Omit<ProviderBuild, 'provider' | 'files' | 'specFiles'> & { files: [string, string][] };
}

/** `build()`'s result for this provider: from the cache when nothing it was made from changed, else built and stored. */
export async function cachedProviderBuild(project: ProjectConfig, provider: ProviderConfig, build: () => Promise<ProviderBuild>,
  cacheDir: string = PROVIDER_CACHE_DIR, paykit: string = paykitFingerprint()): Promise<ProviderBuild> {
  const path = join(cacheDir, `${entryKey(project, provider, paykit)}.bin`);
  const cached = readEntry(project.root, path);
  if (cached !== undefined) {
    return { ...cached.build, provider, files: new Map(cached.build.files), specFiles: cached.specFiles.map(([file]) => join(project.root, file)) };
  }
  const fresh = await build();
  const entry: Entry = {
    specFiles: fresh.specFiles.map((file) => [relative(project.root, file), sha256(readFileSync(file))]),
    build: { dir: fresh.dir, normalized: fresh.normalized, vendorProblems: fresh.vendorProblems, files: [...fresh.files] },
  };
  if (writeCacheEntry(path, serialize(entry))) pruneCacheDir(cacheDir);
  return fresh;
}

function entryKey(project: ProjectConfig, provider: ProviderConfig, paykit: string): string {
  const hash = createHash('sha256');
  const part = (label: string, text: string) => hash.update(`${label}\0${text.length}\0`).update(text);
  part('paykit', paykit);
  part('node', process.version);
  part('project', JSON.stringify([project.root, project.configFile, provider]));
  part('shared', sharedInputs(project));
  return hash.digest('hex');
}

const shared = new WeakMap<ProjectConfig, string>();

/** The hash of the files every provider's build depends on, read once per loaded project (so once per run). */
function sharedInputs(project: ProjectConfig): string {
  let digest = shared.get(project);
  if (digest === undefined) {
    const files = [project.configFile, 'redocly.yaml'].map((file) => [project.root, file] as const);
    digest = sha256(files.concat(SHARED_INPUTS.flatMap((dir) => listFiles(project.root, dir)))
      .map(([base, file]) => `${file}\0${existsSync(join(base, file)) ? sha256(readFileSync(join(base, file))) : '-'}\n`).join(''));
    shared.set(project, digest);
  }
  return digest;
}

/** The entry at `path` when every spec file it was made from still has the same content. */
function readEntry(root: string, path: string): Entry | undefined {
  try {
    const entry = deserialize(readFileSync(path)) as Entry;
    if (!Array.isArray(entry.specFiles) || entry.specFiles.length === 0 || !Array.isArray(entry.build?.files)) return undefined;
    for (const [file, digest] of entry.specFiles) {
      const abs = join(root, file);
      if (!existsSync(abs) || sha256(readFileSync(abs)) !== digest) return undefined;
    }
    touchEntry(path);
    return entry;
  } catch {
    return undefined;
  }
}
