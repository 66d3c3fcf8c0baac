/**
 * The public TypeScript surface of a generated package, read from its declaration files, and how
 * two surfaces differ. Versions must follow what a consumer compiles against, not only the spec:
 * a template change that drops an exported option is a breaking release even when the spec is
 * byte-identical.
 *
 * The surface is every declaration an entry point (package.json `exports` with `types`) exports,
 * plus every declaration of the package those refer to, transitively; interfaces are split into
 * their members so an added optional member reads as an addition. Declarations from files the
 * caller marks as spec-derived are left out: the spec diff already classifies them.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import type * as TS from 'typescript';

const ts = createRequire(import.meta.url)('typescript') as typeof TS;

export interface Surface {
  /** `<subpath> <name>` for every name an entry point exports. */
  exports: Set<string>;
  /** Declaration (or `Interface.member`) → its printed text, comments left out. */
  items: Map<string, string>;
  /** Members of interfaces → the interface's key. */
  parent: Map<string, string>;
  /** Members of interfaces: true when optional. */
  optional: Map<string, boolean>;
  /** Type aliases that are unions of string literals → their literals. */
  literals: Map<string, Set<string>>;
}

export interface SurfaceChange { breaking: boolean; sentence: string }

const ROOT = '/package/';

/** Reads the surface from a package's files (paths relative to the package folder). */
export function readSurface(files: ReadonlyMap<string, string>, isSpecDerived: (path: string) => boolean): Surface {
  const surface: Surface = { exports: new Set(), items: new Map(), parent: new Map(), optional: new Map(), literals: new Map() };
  const entries = typeEntries(files.get('package.json'));
  const program = createProgram(files, entries.map(([, file]) => file));
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true });
  const seen = new Set<TS.Declaration>();
  const queue: TS.Declaration[] = [];
  const enqueue = (symbol: TS.Symbol | undefined): void => {
    if (symbol === undefined) return;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target.declarations ?? []) {
      const file = declaration.getSourceFile().fileName;
      if (!file.startsWith(ROOT) || isSpecDerived(file.slice(ROOT.length)) || seen.has(declaration) || !isNamedDeclaration(declaration)) continue;
      seen.add(declaration);
      queue.push(declaration);
    }
  };
  for (const [subpath, file] of entries) {
    const source = program.getSourceFile(ROOT + file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      surface.exports.add(`${subpath} ${symbol.name}`);
      enqueue(symbol);
    }
  }
  const reached: TS.Declaration[] = [];
  while (queue.length > 0) {
    const declaration = queue.shift()!;
    reached.push(declaration);
    visitReferences(declaration, (node) => enqueue(checker.getSymbolAtLocation(node)));
  }
  // A name declared in several files (a local `type Operation` per shim) is keyed with its file, in every one of them.
  const counts = new Map<string, number>();
  for (const d of reached) { const n = declarationName(d); if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1); }
  for (const declaration of reached) {
    const name = declarationName(declaration);
    if (name === undefined) continue;
    const file = declaration.getSourceFile().fileName.slice(ROOT.length);
    const key = counts.get(name)! > 1 && !isMergeOf(reached, declaration) ? `${name} (${file})` : name;
    record(surface, declaration, key, printer);
  }
  return surface;
}

/** What changed from `before` to `after`, each as a sentence; breaking when a consumer's code may stop compiling. */
export function diffSurfaces(before: Surface, after: Surface): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  // Literals a union gained; a keyed map gaining a member of that name grows with it (a new provider id).
  const gained = new Set<string>();
  for (const [name, values] of after.literals) {
    const old = before.literals.get(name);
    if (old !== undefined && [...old].every((v) => values.has(v))) for (const v of values) if (!old.has(v)) gained.add(v);
  }
  for (const entry of before.exports) if (!after.exports.has(entry)) changes.push(breaking(`export \`${exportLabel(entry)}\` removed`));
  for (const entry of after.exports) if (!before.exports.has(entry)) changes.push(additive(`export \`${exportLabel(entry)}\` added`));
  // A declaration that is itself an export added or removed is already said above.
  const named = new Set([...before.exports, ...after.exports].filter((e) => !before.exports.has(e) || !after.exports.has(e)).map((e) => e.split(' ')[1]));
  for (const [key, text] of before.items) {
    const now = after.items.get(key);
    if (now === undefined) { if (!named.has(before.parent.get(key) ?? key)) changes.push(breaking(`\`${key}\` removed`)); }
    else if (now !== text) changes.push(changed(key, before, after));
  }
  for (const key of after.items.keys()) {
    const parent = after.parent.get(key);
    const member = parent === undefined ? undefined : key.slice(parent.length + 1);
    // Members of a new declaration come with it: the declaration's own line says so.
    if (before.items.has(key) || named.has(parent ?? key) || (parent !== undefined && !before.items.has(parent))) continue;
    const isNewMember = member !== undefined;
    if (!isNewMember || after.optional.get(key) === true) changes.push(additive(`\`${key}\` added`));
    else if (gained.has(member!)) changes.push(additive(`\`${key}\` added with the new ${JSON.stringify(member)}`));
    else changes.push(breaking(`required \`${key}\` added`));
  }
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking) || (a.sentence < b.sentence ? -1 : 1));
}

function changed(key: string, before: Surface, after: Surface): SurfaceChange {
  const old = before.literals.get(key);
  const now = after.literals.get(key);
  if (old !== undefined && now !== undefined && [...old].every((v) => now.has(v))) {
    const added = [...now].filter((v) => !old.has(v)).map((v) => JSON.stringify(v)).join(', ');
    return additive(`\`${key}\` gains ${added}`);
  }
  return breaking(`\`${key}\` changed`);
}

function breaking(sentence: string): SurfaceChange { return { breaking: true, sentence }; }
function additive(sentence: string): SurfaceChange { return { breaking: false, sentence }; }

function exportLabel(entry: string): string {
  const [subpath, name] = entry.split(' ');
  return subpath === '.' ? name! : `${name} from ${subpath}`;
}

/** [subpath, declaration file] for each package.json export that has types. */
function typeEntries(manifest: string | undefined): [string, string][] {
  let exports: unknown;
  try { exports = (JSON.parse(manifest ?? '{}') as { exports?: unknown }).exports; } catch { return []; }
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const types = typeof target === 'object' && target !== null ? (target as { types?: unknown }).types : undefined;
    return typeof types === 'string' ? [[subpath, posix.normalize(types)] as [string, string]] : [];
  }).sort(([a], [b]) => (a < b ? -1 : 1));
}

function createProgram(files: ReadonlyMap<string, string>, roots: string[]): TS.Program {
  const options: TS.CompilerOptions = {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
    noLib: true, noResolve: false, types: [], skipLibCheck: true,
  };
  const inPackage = (path: string): string | undefined => (path.startsWith(ROOT) ? files.get(path.slice(ROOT.length)) : undefined);
  const host: TS.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      const text = inPackage(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => `${ROOT}lib.d.ts`,
    writeFile: () => undefined,
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => inPackage(name) !== undefined,
    readFile: (name) => inPackage(name),
    directoryExists: (name) => name.startsWith(ROOT),
  };
  return ts.createProgram(roots.map((file) => ROOT + file), options, host);
}

function record(surface: Surface, declaration: TS.Declaration, key: string, printer: TS.Printer): void {
  const source = declaration.getSourceFile();
  const print = (node: TS.Node) => printer.printNode(ts.EmitHint.Unspecified, withPositionalParameters(node), source);
  // Interfaces and classes member by member, so an added optional member reads as an addition.
  if (ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) {
    const header = ts.isInterfaceDeclaration(declaration)
      ? ts.factory.updateInterfaceDeclaration(declaration, declaration.modifiers, declaration.name, declaration.typeParameters, declaration.heritageClauses, [])
      : ts.factory.updateClassDeclaration(declaration, declaration.modifiers, declaration.name, declaration.typeParameters, declaration.heritageClauses, []);
    append(surface, key, print(header));
    for (const member of declaration.members as TS.NodeArray<TS.ClassElement | TS.TypeElement>) {
      const name = ts.isConstructorDeclaration(member) ? 'constructor' : member.name === undefined ? '[index]' : member.name.getText(source).replace(/^["']|["']$/g, '');
      const memberKey = `${key}.${name}`;
      // Overloads of one method are one member: their texts joined.
      const previous = surface.parent.get(memberKey) === key ? surface.items.get(memberKey) : undefined;
      surface.items.set(memberKey, previous === undefined ? print(member) : `${previous}\n${print(member)}`);
      surface.optional.set(memberKey, (member as { questionToken?: TS.Node }).questionToken !== undefined);
      surface.parent.set(memberKey, key);
    }
    return;
  }
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  append(surface, key, print(statement));
  if (ts.isTypeAliasDeclaration(declaration) && ts.isUnionTypeNode(declaration.type)) {
    const values = declaration.type.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined));
    if (values.every((v) => v !== undefined)) surface.literals.set(key, new Set(values));
  }
}

/** Declarations that merge (function overloads, interface merging) are one item: their texts joined. */
function append(surface: Surface, key: string, text: string): void {
  const previous = surface.items.get(key);
  surface.items.set(key, previous === undefined ? text : `${previous}\n${text}`);
}

/**
 * Parameter names (and destructuring patterns) are not part of a signature's type: `(init: T)` and
 * `({ a, b }: T)` are the same API, so every parameter is printed by position.
 */
function withPositionalParameters(node: TS.Node): TS.Node {
  const rename = (context: TS.TransformationContext) => (root: TS.Node): TS.Node => {
    const visit = (child: TS.Node): TS.Node => {
      if (ts.isParameter(child) && ts.isFunctionLike(child.parent)) {
        const index = child.parent.parameters.indexOf(child);
        const name = ts.isIdentifier(child.name) && child.name.text === 'this' ? child.name : ts.factory.createIdentifier(`arg${index}`);
        return ts.factory.updateParameterDeclaration(child, child.modifiers, child.dotDotDotToken, name, child.questionToken,
          child.type === undefined ? undefined : ts.visitNode(child.type, visit) as TS.TypeNode, undefined);
      }
      return ts.visitEachChild(child, visit, context);
    };
    return ts.visitNode(root, visit)!;
  };
  const result = ts.transform(node, [rename]);
  const out = result.transformed[0]!;
  result.dispose();
  return out;
}

/** Whether every declaration of this name is in the same file (overloads, merged interfaces): one item, not a clash. */
function isMergeOf(reached: readonly TS.Declaration[], declaration: TS.Declaration): boolean {
  const name = declarationName(declaration);
  const file = declaration.getSourceFile().fileName;
  return reached.every((d) => declarationName(d) !== name || d.getSourceFile().fileName === file);
}

/** Declarations a consumer can name (a type parameter or a parameter is part of its owner's text). */
function isNamedDeclaration(node: TS.Declaration): boolean {
  return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)
    || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node) || (ts.isVariableDeclaration(node) && ts.isVariableStatement(node.parent.parent));
}

function declarationName(declaration: TS.Declaration): string | undefined {
  const name = (declaration as { name?: TS.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? name.text : undefined;
}

/** Calls `visit` with every identifier that names another declaration (type references, typeof, heritage). */
function visitReferences(node: TS.Node, visit: (identifier: TS.Node) => void): void {
  const walk = (child: TS.Node): void => {
    if (ts.isTypeReferenceNode(child)) visit(rightmost(child.typeName));
    else if (ts.isExpressionWithTypeArguments(child)) visit(child.expression);
    else if (ts.isTypeQueryNode(child)) visit(rightmost(child.exprName));
    ts.forEachChild(child, walk);
  };
  ts.forEachChild(node, walk);
}

function rightmost(name: TS.EntityName): TS.Node {
  return ts.isQualifiedName(name) ? name.right : name;
}
