/**
 * Builds a package's dist/ from its src/: JavaScript with transpileModule, declarations with
 * transpileDeclaration (isolated declarations, TS ≥ 5.5). Both work file by file without a type
 * check, which is what keeps `paykit generate` fast; the test suite type-checks every package with
 * `tsc --noEmit` instead.
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

/** `src/x.ts` → `dist/x.js` and `dist/x.d.ts`. */
export function buildDist(sources: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of sources) {
    if (!path.startsWith('src/') || !path.endsWith('.ts')) continue;
    const stem = 'dist/' + path.slice('src/'.length, -'.ts'.length);
    const js = ts.transpileModule(text, { compilerOptions: COMPILER_OPTIONS, fileName: path, reportDiagnostics: false });
    const dts = ts.transpileDeclaration(text, { compilerOptions: COMPILER_OPTIONS, fileName: path, reportDiagnostics: true });
    const problem = dts.diagnostics?.[0];
    if (problem !== undefined) {
      const message = ts.flattenDiagnosticMessageText(problem.messageText, ' ');
      const line = problem.file !== undefined && problem.start !== undefined ? `:${problem.file.getLineAndCharacterOfPosition(problem.start).line + 1}` : '';
      throw new Error(`internal: declarations for ${path}${line} need an explicit type (${message})`);
    }
    out.set(`${stem}.js`, stripSourceMapComment(js.outputText));
    out.set(`${stem}.d.ts`, stripSourceMapComment(dts.outputText));
  }
  return out;
}

function stripSourceMapComment(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
}
