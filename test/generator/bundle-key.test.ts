/**
 * The CLI runs from a bundle cached under the hash of what it is made of (generator/bin/bundle-key.mjs):
 * any change to a source, a precompiled template or schema, or an installed library version must give
 * a new key (else a stale bundle would run), and nothing else may.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleKey } from '../../generator/bin/bundle-key.mjs';
import { copyPaykit } from '../helpers/project-copy.js';

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

describe('bundle folders', () => {
  it('a new bundle leaves only the most recently used older ones (7) beside it; a bundle in use is marked used', () => {
    const dir = copyPaykit();
    try {
      const cache = join(dir, 'node_modules/.cache/paykit');
      const old = Array.from({ length: 10 }, (_, i) => `${'0'.repeat(15)}${i.toString(16)}`);
      for (const [i, name] of old.entries()) {
        mkdirSync(join(cache, name), { recursive: true });
        utimesSync(join(cache, name), new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
      }
      mkdirSync(join(cache, 'dist'));
      const run = spawnSync(process.execPath, [join(dir, 'generator/bin/paykit.mjs'), '--help'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const left = readdirSync(cache);
      expect(old.filter((name) => left.includes(name))).toEqual(old.slice(3)); // the 7 most recently used
      expect(left).toContain('dist'); // other caches are not bundles
      const current = left.find((name) => /^[0-9a-f]{16}$/.test(name) && !old.includes(name))!;
      utimesSync(join(cache, current), new Date(1_000_000), new Date(1_000_000));
      expect(spawnSync(process.execPath, [join(dir, 'generator/bin/paykit.mjs'), '--help'], { cwd: dir }).status).toBe(0);
      expect(statSync(join(cache, current)).mtimeMs).toBeGreaterThan(1_000_000 + 60_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
