#!/usr/bin/env node
// paykit's CLI is TypeScript. It runs from a bundle of generator/ and its libraries that esbuild writes
// into node_modules/.cache/paykit/<hash of its inputs>/ (generator/bin/build-bundle.mjs), rebuilt whenever
// an input changes, so Node loads a few plain JavaScript files without a TypeScript loader in the way.
import module from 'node:module';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleKey } from './bundle-key.mjs';

const generatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(generatorDir, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'paykit');

async function bundledCli() {
  const outDir = join(cacheDir, bundleKey(root));
  const entry = join(outDir, 'cli.js');
  if (existsSync(entry)) {
    markUsed(outDir);
    return entry;
  }
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
  pruneBundles(outDir);
  return entry;
}

/** Bundles kept: the most recently used ones. A run still on an older one may load a lazy chunk from it later. */
const KEPT_BUNDLES = 8;

function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // read-only install: nothing is pruned either
  }
}

/** Each generator change builds a new bundle folder (~10 MB); all but the most recently used few go. */
function pruneBundles(current) {
  try {
    const bundles = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{16}$/.test(name) && join(cacheDir, name) !== current)
      .map((name) => ({ path: join(cacheDir, name), used: statSync(join(cacheDir, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of bundles.slice(KEPT_BUNDLES - 1)) rmSync(old.path, { recursive: true, force: true });
  } catch {
    // housekeeping only
  }
}

// Node 22+ can keep V8's compiled code of paykit and its libraries between runs (a no-op on Node 20).
module.enableCompileCache?.(join(cacheDir, 'v8'));
await import(pathToFileURL(await bundledCli()).href);
