/** writeTree (generator/output.ts) rewrites only the packages that differ from what is on disk. */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree, type GeneratedTree } from '../../generator/output.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const tree = (): GeneratedTree => new Map([
  ['generated/a', new Map([['README.md', 'a\n'], ['src/index.ts', 'export {};\n']])],
  ['generated/b', new Map([['README.md', 'b\n']])],
]);
const inode = (root: string, path: string) => statSync(join(root, path)).ino;

describe('writeTree', () => {
  it('leaves a package that is already exactly on disk untouched, and rewrites one that is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-write-tree-'));
    roots.push(root);
    writeTree(root, tree(), { path: 'generated/manifest.json', content: '{}\n' });
    const before = { a: inode(root, 'generated/a'), b: inode(root, 'generated/b'), manifest: inode(root, 'generated/manifest.json') };
    writeTree(root, tree(), { path: 'generated/manifest.json', content: '{}\n' });
    expect({ a: inode(root, 'generated/a'), b: inode(root, 'generated/b'), manifest: inode(root, 'generated/manifest.json') }).toEqual(before);

    // b gets a stray file and a is edited by hand: both are swapped for fresh copies
    writeFileSync(join(root, 'generated/b/stray.txt'), 'x');
    writeFileSync(join(root, 'generated/a/README.md'), 'edited\n');
    writeTree(root, tree(), { path: 'generated/manifest.json', content: '{"v":2}\n' });
    expect(readFileSync(join(root, 'generated/a/README.md'), 'utf8')).toBe('a\n');
    expect(existsSync(join(root, 'generated/b/stray.txt'))).toBe(false);
    expect(inode(root, 'generated/a')).not.toBe(before.a);
    expect(readFileSync(join(root, 'generated/manifest.json'), 'utf8')).toBe('{"v":2}\n');
  });

  it('links the unchanged files of a changed package instead of writing them again, and replaces a hand-made symlink by the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-write-tree-'));
    roots.push(root);
    writeTree(root, tree());
    const before = inode(root, 'generated/a/src/index.ts');
    const edited = tree();
    edited.get('generated/a')!.set('README.md', 'a, edited\n');
    writeTree(root, edited);
    expect(readFileSync(join(root, 'generated/a/README.md'), 'utf8')).toBe('a, edited\n');
    expect(readFileSync(join(root, 'generated/a/src/index.ts'), 'utf8')).toBe('export {};\n');
    expect(inode(root, 'generated/a/src/index.ts')).toBe(before);
    expect(statSync(join(root, 'generated/a/src/index.ts')).nlink).toBe(1);

    writeFileSync(join(root, 'elsewhere.ts'), 'export {};\n');
    unlinkSync(join(root, 'generated/a/src/index.ts'));
    symlinkSync(join(root, 'elsewhere.ts'), join(root, 'generated/a/src/index.ts'));
    writeTree(root, tree());
    expect(lstatSync(join(root, 'generated/a/src/index.ts')).isFile()).toBe(true);
    expect(readFileSync(join(root, 'generated/a/src/index.ts'), 'utf8')).toBe('export {};\n');
  });
});
