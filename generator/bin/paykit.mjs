#!/usr/bin/env node
// paykit's CLI is TypeScript. It runs from a bundle of generator/ that esbuild writes into
// node_modules/.cache/paykit/<hash of the sources>/, rebuilt whenever a source changes, so Node
// loads plain JavaScript and its own libraries without a TypeScript loader in the way.
import { createHash } from 'node:crypto';
import module from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const generatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(generatorDir, '..', 'node_modules', '.cache', 'paykit');

function sourcesHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(generatorDir);
  return hash.digest('hex').slice(0, 16);
}

async function bundledCli() {
  const outDir = join(cacheDir, sourcesHash());
  const entry = join(outDir, 'cli.js');
  if (existsSync(entry)) return entry;
  const { build } = await import('esbuild');
  // Build beside the final folder, then rename: parallel runs never see a half-written bundle.
  const staging = `${outDir}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(generatorDir, 'cli.ts')], outdir: staging, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', packages: 'external', logLevel: 'error',
  });
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
