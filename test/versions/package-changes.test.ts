/** Which published bytes count as a package's own change (generator/versions/package-changes.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageChange } from '../../generator/versions/package-changes.js';

const manifest = (version: string, dependency = '^1.0.0') => JSON.stringify({
  name: '@example/facade', version, files: ['dist', 'README.md', 'CHANGELOG.md'],
  exports: { '.': { types: './dist/index.d.ts' } }, dependencies: { '@example/sibling': dependency, other: '^2.0.0' },
}, null, 2);

const PREVIOUS = {
  'package.json': manifest('1.2.3'),
  'README.md': '# facade\n',
  'CHANGELOG.md': '## 1.2.3\n',
  'lint-report.md': 'no findings\n',
  'dist/index.d.ts': 'export declare function create(): void;\n',
  'dist/index.js': 'export function create() {}\n',
};

const roots: string[] = [];
afterAll(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

function change(edits: Record<string, string | undefined>) {
  const root = mkdtempSync(join(tmpdir(), 'paykit-package-change-'));
  roots.push(root);
  for (const [path, text] of Object.entries(PREVIOUS)) {
    mkdirSync(dirname(join(root, 'pkg', path)), { recursive: true });
    writeFileSync(join(root, 'pkg', path), text);
  }
  const files = new Map(Object.entries({ ...PREVIOUS, ...edits }).filter((e): e is [string, string] => e[1] !== undefined));
  return packageChange(root, 'pkg', files, () => false, ['@example/sibling']);
}

describe('packageChange', () => {
  it('is undefined when only the version, the changelog, a sibling\'s range or an unpublished file moved', () => {
    expect(change({})).toBeUndefined();
    expect(change({ 'package.json': manifest('0.1.0'), 'CHANGELOG.md': 'other\n' })).toBeUndefined();
    expect(change({ 'package.json': manifest('1.2.3', '^2.0.0') })).toBeUndefined();
    expect(change({ 'lint-report.md': '3 findings\n' })).toBeUndefined();
  });

  it('any other published byte is a change; implementation and docs alone leave the types unchanged', () => {
    expect(change({ 'README.md': '# facade, reworded\n', 'dist/index.js': 'export function create() { return; }\n' }))
      .toEqual({ files: ['README.md', 'dist/index.js'], surface: [] });
    expect(change({ 'package.json': manifest('1.2.3').replace('"other": "^2.0.0"', '"other": "^3.0.0"') }))
      .toEqual({ files: ['package.json'], surface: [] });
  });

  it('a removed or added published file counts, and declaration changes are classified', () => {
    expect(change({ 'dist/index.js': undefined })).toEqual({ files: ['dist/index.js'], surface: [] });
    expect(change({ 'dist/index.d.ts': 'export declare function create(): void;\nexport declare const extra: 1;\n' }))
      .toEqual({ files: ['dist/index.d.ts'], surface: [{ breaking: false, sentence: 'export `extra` added' }] });
    expect(change({ 'dist/index.d.ts': 'export {};\n' }))
      .toEqual({ files: ['dist/index.d.ts'], surface: [{ breaking: true, sentence: 'export `create` removed' }] });
  });
});
