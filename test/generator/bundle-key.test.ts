/**
 * The CLI runs from a bundle cached under the hash of what it is made of (generator/bin/bundle-key.mjs):
 * any change to a source, a precompiled template or schema, or an installed library version must give
 * a new key (else a stale bundle would run), and nothing else may.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleKey } from '../../generator/bin/bundle-key.mjs';

function fakeRoot(): { root: string; write: (path: string, text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'paykit-bundle-key-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('generator/cli.ts', 'export {};\n');
  write('generator/bin/build-bundle.mjs', '// build options\n');
  write('generator/schemas/providers.schema.json', '{"type":"object"}');
  write('templates/provider/client.ts.hbs', '{{ts name}}\n');
  write('templates/refunds/runtime/engine.ts', 'export {};\n');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('node_modules/.package-lock.json', '{"packages":{"node_modules/yaml":{"version":"2.9.1"}}}');
  return { root, write };
}

describe('bundleKey', () => {
  it('changes with every input of the bundle', () => {
    const { root, write } = fakeRoot();
    const keys = new Set([bundleKey(root)]);
    const edits: [string, string][] = [
      ['generator/cli.ts', 'export const x = 1;\n'],
      ['generator/bin/build-bundle.mjs', '// other build options\n'],
      ['generator/schemas/providers.schema.json', '{"type":"array"}'],
      ['templates/provider/client.ts.hbs', '{{ts other}}\n'],
      ['templates/provider/auth/basic.hbs', 'a new partial\n'],
      ['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
      ['node_modules/.package-lock.json', '{"packages":{"node_modules/yaml":{"version":"2.9.2"}}}'],
    ];
    for (const [path, text] of edits) {
      write(path, text);
      const key = bundleKey(root);
      expect(keys.has(key), path).toBe(false);
      keys.add(key);
    }
  });

  it('stays the same for the same files, and for files the bundle does not contain', () => {
    const { root, write } = fakeRoot();
    const key = bundleKey(root);
    expect(bundleKey(root)).toBe(key);
    write('templates/refunds/runtime/engine.ts', 'export const read = "at run time";\n');
    write('generator/README.md', 'notes\n');
    expect(bundleKey(root)).toBe(key);
  });
});
