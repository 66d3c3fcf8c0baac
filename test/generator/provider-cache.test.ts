/**
 * Provider builds kept between runs (generator/provider-cache.ts): a hit must be exactly the build,
 * and any change to what the build was made from must be a miss: a spec file (also one reached only
 * by `$ref`), an overlay, providers.yaml, redocly.yaml, paykit itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { loadTemplates } from '../../generator/emit/templates.js';
import { loadLintConfig } from '../../generator/lint/lint.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildProvider, type ProviderBuild } from '../../generator/pipeline.js';
import { cachedProviderBuild } from '../../generator/provider-cache.js';
import { copyProject } from '../helpers/project-copy.js';

const root = copyProject();
const cacheDir = mkdtempSync(join(tmpdir(), 'paykit-provider-cache-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const project = () => loadProjectConfig(root);
const provider = () => project().providers.find((p) => p.overlay !== undefined)!;
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

/** A build of `provider()` that records that it ran; its spec is the real entry file plus `extra` (as a `$ref` target would be). */
function counting(extra: string[] = []) {
  const calls: number[] = [];
  const build = async (): Promise<ProviderBuild> => {
    calls.push(1);
    const p = provider();
    return { provider: p, dir: `generated/${p.id}`, files: new Map([['package.json', '{}'], ['README.md', `# ${calls.length}`]]),
      normalized: { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }, vendorProblems: [],
      specFiles: [join(root, p.spec), ...extra.map((f) => join(root, f))] };
  };
  return { calls, run: (paykit = 'paykit-1') => cachedProviderBuild(project(), provider(), build, cacheDir, paykit) };
}

describe('cachedProviderBuild', () => {
  it('a second run with nothing changed is a hit that gives back exactly the build', async () => {
    const real = loadTemplates('provider');
    const p = provider();
    let built: ProviderBuild | undefined;
    const build = async () => (built = await buildProvider(project(), p, real));
    const first = await cachedProviderBuild(project(), p, build, cacheDir, 'paykit-real');
    built = undefined;
    const second = await cachedProviderBuild(project(), p, build, cacheDir, 'paykit-real');
    expect(built).toBeUndefined(); // not built again
    expect([...second.files]).toEqual([...first.files]);
    expect(second.normalized).toEqual(first.normalized);
    expect(second.vendorProblems).toEqual(first.vendorProblems);
    expect(second.specFiles).toEqual(first.specFiles);
    expect(second.provider).toEqual(first.provider);
  }, 60_000);

  it('misses when a spec file changes, also one only reached by a reference', async () => {
    writeFileSync(join(root, 'specs/shared-schemas.yaml'), 'Amount: { type: integer }\n');
    const { calls, run } = counting(['specs/shared-schemas.yaml']);
    await run();
    await run();
    expect(calls).toHaveLength(1);
    edit('specs/shared-schemas.yaml', (t) => t.replace('integer', 'number'));
    await run();
    expect(calls).toHaveLength(2);
    edit(provider().spec, (t) => `${t}\n`);
    await run();
    await run();
    expect(calls).toHaveLength(3);
  });

  it('misses when an overlay, providers.yaml, redocly.yaml or paykit itself changes', async () => {
    const { calls, run } = counting();
    await run('paykit-3');
    await run('paykit-3');
    expect(calls).toHaveLength(1);
    edit(provider().overlay!, (t) => `${t}\n# edited\n`);
    await run('paykit-3');
    edit('specs/providers.yaml', (t) => `${t}\n# edited\n`);
    await run('paykit-3');
    edit('redocly.yaml', (t) => `${t}\n# edited\n`);
    await run('paykit-3');
    await run('paykit-4');
    expect(calls).toHaveLength(5);
    await run('paykit-4');
    expect(calls).toHaveLength(5);
  });

  it('a damaged entry is a miss, and a failed build stores nothing', async () => {
    const { calls, run } = counting();
    await run('paykit-damaged');
    for (const name of (await import('node:fs')).readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'not an entry');
    await run('paykit-damaged');
    expect(calls).toHaveLength(2);
    const failing = () => cachedProviderBuild(project(), provider(), () => Promise.reject(new Error('refused')), cacheDir, 'paykit-failing');
    await expect(failing()).rejects.toThrow('refused');
    await expect(failing()).rejects.toThrow('refused');
  });

  it('a build records every file its spec was read from, `$ref` targets included', async () => {
    writeFileSync(join(root, 'specs/split.yaml'), [
      'openapi: 3.1.0', 'info: { title: split, version: "1" }',
      'paths:', '  /r:', '    get:', '      responses:', "        '200':", '          description: ok',
      '          content: { application/json: { schema: { $ref: "./split-schemas.yaml#/Refund" } } }', '',
    ].join('\n'));
    writeFileSync(join(root, 'specs/split-schemas.yaml'), 'Refund: { type: object, properties: { id: { type: string } } }\n');
    const loaded = await loadSpec(join(root, 'specs/split.yaml'), 'specs/split.yaml', (p) => p, await loadLintConfig(root));
    expect(loaded.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['split.yaml', 'split-schemas.yaml']);
  });
});
