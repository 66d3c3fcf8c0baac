#!/usr/bin/env node
// paykit's CLI is TypeScript. It runs from a bundle of generator/ and its libraries that esbuild writes
// into node_modules/.cache/paykit/<hash of its inputs>/ (generator/bin/build-bundle.mjs), rebuilt whenever
// an input changes, so Node loads a few plain JavaScript files without a TypeScript loader in the way.
import { createHash } from 'node:crypto';
import module from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const generatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(generatorDir, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'paykit');

/** Everything the bundle is made of: paykit's sources, the templates and schemas it precompiles, the libraries' versions. */
function bundleKey() {
  const hash = createHash('sha256');
  const walk = (dir, extensions) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, extensions);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(generatorDir, ['.ts', '.mjs', '.json']); // sources, this file and build-bundle.mjs (build options), schemas
  walk(join(root, 'templates'), ['.hbs']);
  // The bundled libraries: what npm installed (node_modules/.package-lock.json), and the lockfile.
  for (const lock of [join(root, 'node_modules', '.package-lock.json'), join(root, 'package-lock.json')]) {
    if (existsSync(lock)) hash.update(`${lock}\0`).update(readFileSync(lock));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundledCli() {
  const outDir = join(cacheDir, bundleKey());
  const entry = join(outDir, 'cli.js');
  if (existsSync(entry)) return entry;
  const { buildBundle } = await import('./build-bundle.mjs');
  // Build beside the final folder, then rename: parallel runs never see a half-written bundle.
  const staging = `${outDir}.${process.pid}.tmp`;
  await buildBundle(generatorDir, staging);
  mkdirSync(cacheDir, { recursive: true });
  try {
    renameSync(staging, outDir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run got there first
  }
  return entry;
}

// Node 22+ can keep V8's compiled code of paykit and its libraries between runs (a no-op on Node 20).
module.enableCompileCache?.(join(cacheDir, 'v8'));
await import(pathToFileURL(await bundledCli()).href);
