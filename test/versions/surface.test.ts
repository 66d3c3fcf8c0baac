/**
 * The exported-types surface that decides a release when a template, the runtime, providers.yaml or
 * a mapping changes a package without a spec change (generator/versions/surface.ts).
 */
import { describe, expect, it } from 'vitest';
import { diffSurfaces, readSurface } from '../../generator/versions/surface.js';

const MANIFEST = JSON.stringify({
  name: '@example/pkg', version: '1.0.0',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './auth': { types: './dist/auth.d.ts' }, './package.json': './package.json' },
});

const BASE = {
  'dist/index.d.ts': [
    "export * from './client.js';",
    "export type { paths } from './schema.js';",
    "export type ProviderId = 'a' | 'b';",
    "export interface ByProvider { a: string; b: string }",
  ].join('\n'),
  'dist/client.d.ts': [
    "import type { Internal } from './internal.js';",
    '/** Options. */',
    'export interface ClientOptions { baseUrl?: string; retries: number; internal?: Internal }',
    'export declare function createClient(options: ClientOptions): void;',
    'export declare const DEFAULT_BASE_URL: string;',
  ].join('\n'),
  'dist/internal.d.ts': 'export interface Internal { flag: boolean }\nexport interface Unreferenced { x: number }',
  'dist/auth.d.ts': 'export declare function authenticator(key: string): (headers: Record<string, string>) => void;',
  'dist/schema.d.ts': 'export interface paths { "/refund": { post: { amount: number } } }',
};

function pkg(edits: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries({ 'package.json': MANIFEST, ...BASE, ...edits }));
}

const isSchema = (path: string) => path === 'dist/schema.d.ts';

function changes(edits: Record<string, string>) {
  return diffSurfaces(readSurface(pkg(), isSchema), readSurface(pkg(edits), isSchema));
}

function edit(file: keyof typeof BASE, from: string, to: string): Record<string, string> {
  if (!BASE[file].includes(from)) throw new Error(`test setup: ${from} not in ${file}`);
  return { [file]: BASE[file].replace(from, to) };
}

describe('readSurface', () => {
  it('lists every export of every typed entry point and what they reference, members one by one', () => {
    const surface = readSurface(pkg(), isSchema);
    expect([...surface.exports].sort()).toEqual([
      '. ByProvider', '. ClientOptions', '. DEFAULT_BASE_URL', '. ProviderId', '. createClient', '. paths', './auth authenticator',
    ]);
    expect(surface.items.get('ClientOptions.retries')).toBe('retries: number;');
    expect(surface.optional.get('ClientOptions.baseUrl')).toBe(true);
    expect(surface.items.has('Internal.flag')).toBe(true); // reached through ClientOptions.internal
    expect(surface.items.has('Unreferenced')).toBe(false); // in the package, but no consumer can name it
    expect(surface.items.has('paths')).toBe(false); // spec-derived: the spec diff decides
    expect(surface.literals.get('ProviderId')).toEqual(new Set(['a', 'b']));
  });
});

describe('diffSurfaces', () => {
  it('sees nothing in identical packages, nor in comments or formatting', () => {
    expect(changes({})).toEqual([]);
    expect(changes(edit('dist/client.d.ts', '/** Options. */', '/** Options, reworded. */\n'))).toEqual([]);
    expect(changes(edit('dist/client.d.ts', 'retries: number;', 'retries:   number ;'))).toEqual([]);
  });

  it('a removed export (from any entry point) is breaking', () => {
    expect(changes(edit('dist/client.d.ts', 'export declare const DEFAULT_BASE_URL: string;', ''))).toEqual([
      { breaking: true, sentence: 'export `DEFAULT_BASE_URL` removed' },
    ]);
    expect(changes({ 'dist/auth.d.ts': 'export {};' })).toEqual([{ breaking: true, sentence: 'export `authenticator from ./auth` removed' }]);
  });

  it('a removed or changed member is breaking; so is a change to a declaration reached only by reference', () => {
    expect(changes(edit('dist/client.d.ts', 'baseUrl?: string; ', ''))).toEqual([{ breaking: true, sentence: '`ClientOptions.baseUrl` removed' }]);
    expect(changes(edit('dist/client.d.ts', 'retries: number', 'retries: string'))).toEqual([{ breaking: true, sentence: '`ClientOptions.retries` changed' }]);
    expect(changes(edit('dist/internal.d.ts', 'flag: boolean', 'flag: 0 | 1'))).toEqual([{ breaking: true, sentence: '`Internal.flag` changed' }]);
    expect(changes(edit('dist/internal.d.ts', 'x: number', 'x: string'))).toEqual([]);
  });

  it('an added optional member or a new export is non-breaking; an added required member is breaking', () => {
    expect(changes(edit('dist/client.d.ts', 'retries: number;', 'retries: number; timeoutMs?: number;'))).toEqual([
      { breaking: false, sentence: '`ClientOptions.timeoutMs` added' },
    ]);
    expect(changes(edit('dist/client.d.ts', 'retries: number;', 'retries: number; region: string;'))).toEqual([
      { breaking: true, sentence: 'required `ClientOptions.region` added' },
    ]);
    expect(changes({ 'dist/auth.d.ts': `${BASE['dist/auth.d.ts']}\nexport declare const SCHEME = "bearer";` })).toEqual([
      { breaking: false, sentence: 'export `SCHEME from ./auth` added' },
    ]);
  });

  it('a union of literals that only gains values grows with the maps keyed by it (a new provider)', () => {
    const grown = {
      'dist/index.d.ts': BASE['dist/index.d.ts'].replace("'a' | 'b'", "'a' | 'b' | 'c'").replace('b: string }', 'b: string; c: string }'),
    };
    expect(changes(grown)).toEqual([
      { breaking: false, sentence: '`ByProvider.c` added with the new "c"' },
      { breaking: false, sentence: '`ProviderId` gains "c"' },
    ]);
    const shrunk = { 'dist/index.d.ts': BASE['dist/index.d.ts'].replace("'a' | 'b'", "'a'") };
    expect(changes(shrunk)).toEqual([{ breaking: true, sentence: '`ProviderId` changed' }]);
  });

  it('spec-derived declarations are left to the spec diff', () => {
    expect(changes({ 'dist/schema.d.ts': 'export interface paths { "/refund": { post: { amount: string } } }' })).toEqual([]);
  });

  it('a local name declared in several files is keyed by file, so a new file declaring it too is only an addition', () => {
    const shim = (id: string) => `type Local = { ${id}: string };\nexport interface ${id.toUpperCase()} { value: Local }\n`;
    const manifest = JSON.stringify({ name: 'x', exports: { '.': { types: './dist/index.d.ts' } } });
    const make = (ids: string[]) => new Map<string, string>([
      ['package.json', manifest],
      ['dist/index.d.ts', ids.map((id) => `export type { ${id.toUpperCase()} } from './${id}.js';`).join('\n')],
      ...ids.map((id): [string, string] => [`dist/${id}.d.ts`, shim(id)]),
    ]);
    expect(diffSurfaces(readSurface(make(['b', 'c']), () => false), readSurface(make(['a', 'b', 'c']), () => false))).toEqual([
      { breaking: false, sentence: '`Local (dist/a.d.ts)` added' },
      { breaking: false, sentence: 'export `A` added' },
    ]);
  });

  it('parameter names and destructuring are not part of the surface; class members are compared one by one', () => {
    const manifest = JSON.stringify({ name: 'x', exports: { '.': { types: './dist/index.d.ts' } } });
    const make = (text: string) => new Map([['package.json', manifest], ['dist/index.d.ts', text]]);
    const klass = (ctor: string, extra = '') => `export interface Init { code: string; cause?: unknown }\nexport declare class Failure extends Error {\n  readonly code: string;\n  constructor(${ctor});\n  toJSON(): object;${extra}\n}\nexport declare function fail(init: Init, when?: Date): never;\n`;
    const before = readSurface(make(klass('init: Init')), () => false);
    expect(diffSurfaces(before, readSurface(make(klass('{ code, cause }: Init').replace('fail(init: Init, when?: Date)', 'fail({ code }: Init, at?: Date)')), () => false))).toEqual([]);
    expect(diffSurfaces(before, readSurface(make(klass('init: Init', '\n  retryable?: boolean;')), () => false))).toEqual([
      { breaking: false, sentence: '`Failure.retryable` added' },
    ]);
    expect(diffSurfaces(before, readSurface(make(klass('init: Init').replace('  toJSON(): object;', '')), () => false))).toEqual([
      { breaking: true, sentence: '`Failure.toJSON` removed' },
    ]);
    expect(diffSurfaces(before, readSurface(make(klass('init: Init', '').replace('fail(init: Init, when?: Date)', 'fail(init: Init, when: Date)')), () => false))).toEqual([
      { breaking: true, sentence: '`fail` changed' },
    ]);
  });

  it('every overload of a function is part of it', () => {
    const manifest = JSON.stringify({ name: 'x', exports: { '.': { types: './dist/index.d.ts' } } });
    const make = (second: string) => new Map([['package.json', manifest], ['dist/index.d.ts', `export declare function f(a: string): string;\nexport declare function f(${second}): number;\n`]]);
    expect(diffSurfaces(readSurface(make('a: number'), () => false), readSurface(make('a: number'), () => false))).toEqual([]);
    expect(diffSurfaces(readSurface(make('a: number'), () => false), readSurface(make('a: bigint'), () => false))).toEqual([
      { breaking: true, sentence: '`f` changed' },
    ]);
  });
});
