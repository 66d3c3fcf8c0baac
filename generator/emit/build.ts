/**
 * Builds a package's dist/ from its src/: JavaScript and declarations (isolated declarations,
 * TS ≥ 5.5) from one in-memory program with `noCheck`, so each file is parsed once and nothing is
 * type-checked or resolved, which is what keeps `paykit generate` fast; the test suite type-checks
 * every package with `tsc --noEmit` instead. The output is byte for byte what transpileModule and
 * transpileDeclaration give file by file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { CACHE_MAX_BYTES, pruneCacheDir, touchEntry, writeCacheEntry } from '../cache-dir.js';
import { paykitPath } from '../paths.js';

// Required, not imported: Node's ESM loader first scans a CommonJS module's whole text for export
// names, which costs about 0.3 s on TypeScript's 9 MB (see scripts/bench/RESULTS.md).
const ts = createRequire(import.meta.url)('typescript') as typeof TS;

/** Where compiled files are kept between runs, by content (see `cacheKey`). */
export const DIST_CACHE_DIR = paykitPath('node_modules', '.cache', 'paykit', 'dist');

const COMPILER_OPTIONS: TS.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  isolatedDeclarations: true,
  declaration: true,
  verbatimModuleSyntax: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

/** What transpileModule/transpileDeclaration set for themselves, plus the in-memory layout. */
const PROGRAM_OPTIONS: TS.CompilerOptions = {
  ...COMPILER_OPTIONS,
  noCheck: true,
  noResolve: true,
  noLib: true,
  isolatedModules: true,
  types: [],
  sourceMap: false,
  declarationMap: false,
  rootDir: '/src',
  outDir: '/dist',
};

/**
 * `src/x.ts` → `dist/x.js` and `dist/x.d.ts`. Each file's output depends only on its own text (isolated
 * modules and declarations), so a file compiled before, by the same TypeScript with the same options,
 * is taken from `cacheDir` instead: a regenerate recompiles only the files whose text changed (the
 * facade's runtime files never do). `cacheDir: undefined` compiles everything.
 */
export function buildDist(sources: ReadonlyMap<string, string>, cacheDir: string | undefined = DIST_CACHE_DIR, maxCacheBytes = CACHE_MAX_BYTES): Map<string, string> {
  const out = new Map<string, string>();
  const toCompile = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const [path, text] of sources) {
    if (!path.startsWith('src/') || !path.endsWith('.ts')) continue;
    const key = cacheKey(path, text);
    const cached = cacheDir === undefined ? undefined : readCached(cacheDir, key);
    if (cached === undefined) {
      toCompile.set(path, text);
      keys.set(path, key);
    } else {
      for (const [ext, content] of Object.entries(cached)) out.set(distPath(path, ext), content);
    }
  }
  for (const [path, files] of compile(toCompile)) {
    for (const [ext, content] of Object.entries(files)) out.set(distPath(path, ext), content);
    if (cacheDir !== undefined) writeCacheEntry(join(cacheDir, `${keys.get(path)!}.json`), JSON.stringify(files));
  }
  if (cacheDir !== undefined && toCompile.size > 0) pruneCacheDir(cacheDir, maxCacheBytes);
  // The same order as a build without the cache: by source, .js then .d.ts.
  return new Map([...sources.keys()].flatMap((path) => ['.js', '.d.ts'].map((ext) => distPath(path, ext)))
    .filter((path) => out.has(path)).map((path) => [path, out.get(path)!]));
}

interface Compiled { '.js': string; '.d.ts': string }

const distPath = (source: string, ext: string) => `dist/${source.slice('src/'.length, -'.ts'.length)}${ext}`;

function cacheKey(path: string, text: string): string {
  return createHash('sha256').update(`${ts.version}\0${JSON.stringify(PROGRAM_OPTIONS)}\0${path}\0`).update(text).digest('hex');
}

/** A damaged or foreign cache entry is a miss, never an error. A hit is marked as used (see cache-dir.ts). */
function readCached(dir: string, key: string): Compiled | undefined {
  try {
    const path = join(dir, `${key}.json`);
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<Compiled>;
    if (typeof entry['.js'] !== 'string' || typeof entry['.d.ts'] !== 'string') return undefined;
    touchEntry(path);
    return { '.js': entry['.js'], '.d.ts': entry['.d.ts'] };
  } catch {
    return undefined;
  }
}


/** One noCheck program over `sources` (path → text): each file's .js and .d.ts. */
function compile(sources: ReadonlyMap<string, string>): Map<string, Compiled> {
  const inputs = new Map<string, string>();
  for (const [path, text] of sources) inputs.set(`/${path}`, text);
  const out = new Map<string, Compiled>();
  if (inputs.size === 0) return out;
  const host: TS.CompilerHost = {
    // JSDoc is only read for type information in JavaScript files; not parsing it halves the work on
    // a large schema.ts, and comments are still emitted from the text.
    getSourceFile: (name) => {
      const text = inputs.get(name);
      return text === undefined ? undefined
        : ts.createSourceFile(name, text, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone });
    },
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => inputs.has(name),
    readFile: (name) => inputs.get(name),
  };
  const program = ts.createProgram({ rootNames: [...inputs.keys()], options: PROGRAM_OPTIONS, host });
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (name, text) => emitted.set(name, text));
  const problem = result.diagnostics[0];
  if (problem !== undefined) {
    const path = problem.file?.fileName.slice(1) ?? 'src';
    const message = ts.flattenDiagnosticMessageText(problem.messageText, ' ');
    const line = problem.file !== undefined && problem.start !== undefined ? `:${problem.file.getLineAndCharacterOfPosition(problem.start).line + 1}` : '';
    throw new Error(`internal: declarations for ${path}${line} need an explicit type (${message})`);
  }
  for (const name of inputs.keys()) {
    const stem = 'dist/' + name.slice('/src/'.length, -'.ts'.length);
    const files = { '.js': '', '.d.ts': '' };
    for (const ext of ['.js', '.d.ts'] as const) {
      const text = emitted.get(`/${stem}${ext}`);
      if (text === undefined) throw new Error(`internal: TypeScript emitted no ${stem}${ext}`);
      files[ext] = stripSourceMapComment(text);
    }
    out.set(name.slice(1), files);
  }
  return out;
}

function stripSourceMapComment(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
}
