/**
 * generator/facade-cache.ts: the facade is taken from the cache only when every input is the same;
 * any change to a build, to the project's inputs, or a damaged entry means building it again.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { FACADE_CACHE_ENTRIES, cachedFacade } from '../../generator/facade-cache.js';
import type { ProviderBuild } from '../../generator/pipeline.js';
import { copyProject } from '../helpers/project-copy.js';

const root = copyProject();
const project = loadProjectConfig(root);
const builds = (version: string): ProviderBuild[] => project.providers.map((provider) => ({
  provider, dir: `generated/${provider.id}`, normalized: {} as ProviderBuild['normalized'], vendorProblems: [], specFiles: [],
  files: new Map([['package.json', `{"name":"@paykit/${provider.id}","version":"${version}"}`], ['openapi.yaml', `openapi: 3.1.0 # ${provider.id}`]]),
}));

/** A build function that counts its calls and returns files naming the call. */
function counter() {
  const calls: number[] = [];
  const build = async () => {
    calls.push(calls.length + 1);
    return new Map([['package.json', `{"call":${calls.length}}`], ['src/index.ts', 'export {};\n']]);
  };
  return { calls, build };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'paykit-facade-cache-'));

describe('cachedFacade', () => {
  it('builds once, then answers the same inputs from the cache with the same files', async () => {
    const dir = freshDir();
    const { calls, build } = counter();
    const first = await cachedFacade(project, builds('0.1.0'), build, dir);
    const second = await cachedFacade(project, builds('0.1.0'), build, dir);
    expect(calls).toEqual([1]);
    expect([...second!]).toEqual([...first!]);
  });

  it('builds again when a provider build differs (a released version, a normalized spec)', async () => {
    const dir = freshDir();
    const { calls, build } = counter();
    await cachedFacade(project, builds('0.1.0'), build, dir);
    await cachedFacade(project, builds('0.1.1'), build, dir);
    const edited = builds('0.1.0');
    edited[0]!.files.set('openapi.yaml', 'openapi: 3.1.0 # edited');
    await cachedFacade(project, edited, build, dir);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('builds again when a project input changes (a mapping file)', async () => {
    const dir = freshDir();
    const copy = copyProject();
    const copied = loadProjectConfig(copy);
    const mapped = copied.providers.find((p) => p.mapping !== undefined)!;
    const { calls, build } = counter();
    const inputs = (): ProviderBuild[] => builds('0.1.0').map((b) => ({ ...b, provider: copied.providers.find((p) => p.id === b.provider.id)! }));
    await cachedFacade(copied, inputs(), build, dir);
    writeFileSync(join(copy, mapped.mapping!), `${readFileSync(join(copy, mapped.mapping!), 'utf8')}\n# edited\n`);
    await cachedFacade(copied, inputs(), build, dir);
    expect(calls).toEqual([1, 2]);
  });

  it('treats a damaged entry as a miss and replaces it', async () => {
    const dir = freshDir();
    const { calls, build } = counter();
    await cachedFacade(project, builds('0.1.0'), build, dir);
    const [entry] = readdirSync(dir);
    const text = readFileSync(join(dir, entry!), 'utf8');
    writeFileSync(join(dir, entry!), text.slice(0, text.length >> 1));
    const rebuilt = await cachedFacade(project, builds('0.1.0'), build, dir);
    expect(calls).toEqual([1, 2]);
    expect(rebuilt!.get('package.json')).toBe('{"call":2}');
    writeFileSync(join(dir, entry!), JSON.stringify({ 'package.json': 'not an entry' }));
    await cachedFacade(project, builds('0.1.0'), build, dir);
    expect(calls).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual([entry]);
  });

  it('keeps only the newest entries, and the newest still answers', async () => {
    const dir = freshDir();
    const { calls, build } = counter();
    for (let i = 0; i < FACADE_CACHE_ENTRIES + 3; i++) await cachedFacade(project, builds(`0.1.${i}`), build, dir);
    expect(readdirSync(dir)).toHaveLength(FACADE_CACHE_ENTRIES);
    await cachedFacade(project, builds(`0.1.${FACADE_CACHE_ENTRIES + 2}`), build, dir);
    expect(calls).toHaveLength(FACADE_CACHE_ENTRIES + 3);
  });

  it('caches nothing when the build fails or there is no facade', async () => {
    const dir = freshDir();
    await expect(cachedFacade(project, builds('0.1.0'), async () => { throw new Error('mapping does not fit'); }, dir)).rejects.toThrow('mapping does not fit');
    expect(await cachedFacade(project, builds('0.1.0'), async () => undefined, dir)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
