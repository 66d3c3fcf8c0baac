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
  hash.update(readFileSync(fileURLToPath(import.meta.url))); // this file's build options
  return hash.digest('hex').slice(0, 16);
}

/**
 * Libraries stay external (loaded from node_modules), except ts-morph: it carries its own copy of the
 * TypeScript compiler (9 MB more to load and compile on every run that builds the facade), so it is
 * bundled with that copy replaced by the project's `typescript`, which openapi-typescript loads anyway.
 * Its printer output is the same (generate --check proves the facade byte for byte).
 */
const oneTypeScript = {
  name: 'one-typescript',
  setup(build) {
    const bundled = /^(ts-morph|@ts-morph\/common)$/;
    build.onResolve({ filter: /^\.\/typescript$/ }, (args) =>
      args.importer.includes('@ts-morph/common') ? { path: 'typescript', external: true } : undefined);
    build.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

async function bundledCli() {
  const outDir = join(cacheDir, sourcesHash());
  const entry = join(outDir, 'cli.js');
  if (existsSync(entry)) return entry;
  const { build } = await import('esbuild');
  // Build beside the final folder, then rename: parallel runs never see a half-written bundle.
  const staging = `${outDir}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(generatorDir, 'cli.ts')], outdir: staging, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', logLevel: 'error', plugins: [oneTypeScript],
    // for the external require()s of the bundled ts-morph
    banner: { js: "import { createRequire as __paykitCreateRequire } from 'node:module'; const require = __paykitCreateRequire(import.meta.url);" },
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
