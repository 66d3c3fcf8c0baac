/**
 * generator/facade/source-memo.ts: a printed facade source is reused only when everything it is printed
 * from is the same; a changed input, a damaged entry or inputs that are not plain data print it again.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultServerUrl } from '../../../generator/checks/servers.js';
import { loadProjectConfig } from '../../../generator/config.js';
import { checkMapping, type CheckedMapping } from '../../../generator/facade/check.js';
import { emitFacadeSources } from '../../../generator/facade/emit-files.js';
import { loadMapping } from '../../../generator/facade/mapping.js';
import { facadeSourceList, type FacadeSource } from '../../../generator/facade/source-list.js';
import { canonical, memoizedSources, paykitFingerprint } from '../../../generator/facade/source-memo.js';
import { copyPaykit, REPO } from '../../helpers/project-copy.js';

const project = loadProjectConfig(REPO);
const mapped = project.providers.filter((p) => p.mapping !== undefined);
const normalized = new Map(mapped.map((p) => [p.id, parse(readFileSync(join(REPO, `generated/${p.id}/openapi.yaml`), 'utf8'))]));
const checkedMappings = (): CheckedMapping[] => mapped.map((p) => checkMapping(loadMapping(project, p), normalized.get(p.id)));
const baseUrls = () => new Map(mapped.map((p) => [p.id, defaultServerUrl(p, normalized.get(p.id))]));

/** A printer that records which paths it was asked for. */
function recorder() {
  const printed: string[][] = [];
  const print = async (missing: FacadeSource[]) => {
    printed.push(missing.map((s) => s.path));
    return emitFacadeSources(missing);
  };
  return { printed, print };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'paykit-source-memo-'));

describe('memoizedSources', () => {
  it('prints every source once, the same text as generated/refunds, then answers all of them without printing', async () => {
    const dir = freshDir();
    const { printed, print } = recorder();
    const sources = facadeSourceList(checkedMappings(), baseUrls());
    const first = await memoizedSources(sources, print, dir);
    const second = await memoizedSources(facadeSourceList(checkedMappings(), baseUrls()), print, dir);
    expect(printed).toEqual([sources.map((s) => s.path)]);
    expect(second).toEqual(first);
    for (const [path, text] of second) expect(text).toBe(readFileSync(join(REPO, 'generated/refunds', path), 'utf8'));
  });

  it('prints again exactly the sources whose inputs changed (a base URL; a mapping note), with the new input in them', async () => {
    const dir = freshDir();
    const { printed, print } = recorder();
    await memoizedSources(facadeSourceList(checkedMappings(), baseUrls()), print, dir);
    const [one, two] = mapped;
    const urls = baseUrls().set(one!.id, 'https://memo.example/changed');
    const moved = await memoizedSources(facadeSourceList(checkedMappings(), urls), print, dir);
    expect(printed[1]).toEqual([`src/providers/${one!.id}.ts`]);
    expect(new Map(moved).get(`src/providers/${one!.id}.ts`)).toContain('https://memo.example/changed');
    const checked = checkedMappings();
    const noted = checked.find((c) => c.provider.id === two!.id)!;
    noted.mapping.capabilities.notes = [...(noted.mapping.capabilities.notes ?? []), 'a note only this test writes'];
    const renoted = await memoizedSources(facadeSourceList(checked, baseUrls()), print, dir);
    expect(printed[2]).toEqual([`src/providers/${two!.id}.ts`, 'src/types.ts', 'src/capabilities.ts', 'src/index.ts']);
    expect(new Map(renoted).get('src/capabilities.ts')).toContain('a note only this test writes');
  });

  it('treats a damaged entry as a miss and writes it again', async () => {
    const dir = freshDir();
    const { printed, print } = recorder();
    const sources = facadeSourceList(checkedMappings(), baseUrls());
    const first = await memoizedSources(sources, print, dir);
    const entries = readdirSync(dir);
    for (const [i, entry] of entries.entries()) {
      const text = readFileSync(join(dir, entry), 'utf8');
      writeFileSync(join(dir, entry), i % 2 === 0 ? text.slice(0, text.length >> 1) : text.replace('export', 'exports'));
    }
    expect(await memoizedSources(sources, print, dir)).toEqual(first);
    expect(printed[1]).toHaveLength(entries.length);
    expect(await memoizedSources(sources, print, dir)).toEqual(first);
    expect(printed).toHaveLength(2);
  });

  it('never memoizes a source whose inputs are not plain data', async () => {
    const dir = freshDir();
    const { printed, print } = recorder();
    const checked = checkedMappings();
    (checked[0]!.mapping as unknown as Record<string, unknown>).extra = new Set(['a']);
    const sources = facadeSourceList(checked, baseUrls());
    await memoizedSources(sources, print, dir);
    await memoizedSources(sources, print, dir);
    expect(printed[1]).toEqual([`src/providers/${checked[0]!.provider.id}.ts`, 'src/types.ts', 'src/capabilities.ts', 'src/index.ts']);
  });
});

describe('canonical', () => {
  it('tells apart values that print differently', () => {
    const texts = [
      { a: 1, b: 2 }, { b: 2, a: 1 }, { a: '1', b: 2 }, { a: 1 }, { a: 1, b: undefined }, { a: 1, b: null },
      new Map([[200, '200']]), new Map([['200', '200']]), { 200: '200' }, [0], [-0], ['a,b'], ['a', 'b'],
    ].map((v) => canonical(v, new Set()));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('refuses instances, functions and cycles', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [new Set([1]), new Date(0), /x/, () => 1, cycle, { [Symbol('s')]: 1 }]) {
      expect(() => canonical(value, new Set())).toThrow(/not plain data/);
    }
    const shared = { x: 1 };
    expect(canonical([shared, shared], new Set())).toBe('[{"x":1},{"x":1}]');
  });
});

describe('paykitFingerprint', () => {
  it('changes when a generator source, a template or the lockfile changes', () => {
    const copy = copyPaykit();
    const before = paykitFingerprint(copy);
    expect(paykitFingerprint(copy)).toBe(before);
    const seen = new Set([before]);
    for (const file of ['generator/facade/emit-shim.ts', 'templates/refunds/runtime/contract.ts', 'package-lock.json']) {
      writeFileSync(join(copy, file), `${readFileSync(join(copy, file), 'utf8')}\n`);
      seen.add(paykitFingerprint(copy));
    }
    expect(seen.size).toBe(4);
  });
});
