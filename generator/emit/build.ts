/**
 * Builds a package's dist/ from its src/: JavaScript and declarations (isolated declarations,
 * TS ≥ 5.5) from one in-memory program with `noCheck`, so each file is parsed once and nothing is
 * type-checked or resolved, which is what keeps `paykit generate` fast; the test suite type-checks
 * every package with `tsc --noEmit` instead. The output is byte for byte what transpileModule and
 * transpileDeclaration give file by file.
 */
import ts from 'typescript';

const COMPILER_OPTIONS: ts.CompilerOptions = {
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
const PROGRAM_OPTIONS: ts.CompilerOptions = {
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

/** `src/x.ts` → `dist/x.js` and `dist/x.d.ts`. */
export function buildDist(sources: ReadonlyMap<string, string>): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const [path, text] of sources) {
    if (path.startsWith('src/') && path.endsWith('.ts')) inputs.set(`/${path}`, text);
  }
  const out = new Map<string, string>();
  if (inputs.size === 0) return out;
  const host: ts.CompilerHost = {
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
    for (const ext of ['.js', '.d.ts']) {
      const text = emitted.get(`/${stem}${ext}`);
      if (text === undefined) throw new Error(`internal: TypeScript emitted no ${stem}${ext}`);
      out.set(`${stem}${ext}`, stripSourceMapComment(text));
    }
  }
  return out;
}

function stripSourceMapComment(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
}
