import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecFiles, resolvePointer } from '../../../generator/load/refs.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-refs-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const display = (dir: string) => (abs: string) => abs.slice(dir.length + 1);
const load = (dir: string, entry = 'specs/api.yaml') => loadSpecFiles(join(dir, entry), display(dir));

describe('loadSpecFiles', () => {
  it('reads relative files inside the spec folder', () => {
    const dir = project({
      'specs/api.yaml': 'a:\n  $ref: "./parts/a.yaml#/A"\n',
      'specs/parts/a.yaml': 'A:\n  type: string\n',
    });
    const files = load(dir);
    expect(files.hasExternalRefs).toBe(true);
    expect(files.documents.size).toBe(2);
  });

  it('accepts a recursive schema', () => {
    const dir = project({ 'specs/api.yaml': 'components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        children:\n          type: array\n          items:\n            $ref: "#/components/schemas/Node"\n' });
    expect(load(dir).hasExternalRefs).toBe(false);
  });

  it.each([
    ['a URL', 'x:\n  $ref: "https://example.com/s.yaml"\n', /specs\/api\.yaml#\/x\/\$ref: \$ref "https:\/\/example\.com\/s\.yaml" names a URL/],
    ['a protocol-relative URL', 'x:\n  $ref: "//example.com/s.yaml"\n', /names a URL/],
    ['a file outside the spec folder', 'x:\n  $ref: "../secret.yaml"\n', /#\/x\/\$ref: \$ref "\.\.\/secret\.yaml" leaves the spec folder/],
    ['an absolute path', 'x:\n  $ref: "/etc/passwd"\n', /leaves the spec folder/],
    ['a missing file', 'x:\n  $ref: "./nope.yaml"\n', /names a file that does not exist/],
    ['a missing pointer', 'x:\n  $ref: "#/components/schemas/Nope"\n', /points at nothing/],
    ['only itself', 'components:\n  schemas:\n    A:\n      $ref: "#/components/schemas/A"\n', /#\/components\/schemas\/A\/\$ref: .* refers only to itself/],
    ['a cycle of bare refs', 'components:\n  schemas:\n    A:\n      $ref: "#/components/schemas/B"\n    B:\n      $ref: "#/components/schemas/A"\n', /refers only to itself/],
  ])('refuses a $ref to %s with file, pointer and fix', (_name, spec, message) => {
    const dir = project({ 'specs/api.yaml': spec, 'secret.yaml': 'a: 1\n' });
    expect(() => load(dir)).toThrow(message);
  });

  it('refuses a symbolic link that leads outside the spec folder', () => {
    const dir = project({ 'specs/api.yaml': 'x:\n  $ref: "./link.yaml"\n', 'outside.yaml': 'a: 1\n' });
    symlinkSync(join(dir, 'outside.yaml'), join(dir, 'specs/link.yaml'));
    expect(() => load(dir)).toThrow(/through a symbolic link/);
  });
});

describe('resolvePointer', () => {
  const doc = { paths: { '/a/b': { 'x~y': 1 } }, list: ['zero'] };
  it.each([
    ['', doc],
    ['/paths/~1a~1b/x~0y', 1],
    ['/paths/%7E1a%7E1b', { 'x~y': 1 }],
    ['/list/0', 'zero'],
    ['/list/1', undefined],
    ['/missing', undefined],
    ['/constructor', undefined],
  ])('%j', (pointer, want) => {
    expect(resolvePointer(doc, pointer)).toEqual(want);
  });
});
