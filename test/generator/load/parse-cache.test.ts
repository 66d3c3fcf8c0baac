/**
 * Parse results are reused by exact text (generator/load/parse-cache.ts): the same data back, the
 * parser not run again, nothing stored for a text the parser refused, and every `$ref` check still
 * run on a cached load.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataText } from '../../../generator/load/parse.js';
import { ParseCache } from '../../../generator/load/parse-cache.js';
import { loadSpecFiles } from '../../../generator/load/refs.js';

const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const ENTRY = 'openapi: 3.1.0\npaths: {}\n';
const TEXT = 'Thing:\n  type: object\n  properties:\n    "__proto__": { type: string }\n    list: &l [1, 2.5, -0, .inf, null, true, "x\\u2028y"]\n    again: *l\n';

/** A parse that counts its calls. */
function counting() {
  const calls: string[] = [];
  return { calls, parse: (text: string) => (calls.push(text), parseDataText(text, 'specs/x.yaml')) };
}

describe('ParseCache', () => {
  it('gives back exactly what the parser gave, without parsing again, in a later run', () => {
    const dir = temp('paykit-parse-cache-');
    const first = counting();
    const cache = ParseCache.forEntry(ENTRY, dir);
    const parsed = cache.parse(TEXT, first.parse);
    cache.save();
    expect(first.calls).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(1);

    const second = counting();
    const again = ParseCache.forEntry(ENTRY, dir).parse(TEXT, second.parse) as { Thing: { properties: Record<string, unknown> } };
    expect(second.calls).toHaveLength(0);
    expect(again).toEqual(parsed);
    expect(Object.keys(again.Thing.properties)).toEqual(['__proto__', 'list', 'again']);
    expect(Object.getPrototypeOf(again.Thing.properties)).toBe(Object.prototype);
    expect(Object.is((again.Thing.properties.list as unknown[])[2], -0)).toBe(true);
    // a YAML alias is one shared value, as the parser gives it
    expect(again.Thing.properties.again).toBe(again.Thing.properties.list);
  });

  it('stores the parse, not what loading later changed in place', () => {
    const dir = temp('paykit-parse-cache-');
    const cache = ParseCache.forEntry(ENTRY, dir);
    const parsed = cache.parse(TEXT, counting().parse) as { Thing: Record<string, unknown> };
    parsed.Thing.type = 'changed';
    cache.save();
    expect((ParseCache.forEntry(ENTRY, dir).parse(TEXT, counting().parse) as typeof parsed).Thing.type).toBe('object');
  });

  it('parses a changed text again', () => {
    const dir = temp('paykit-parse-cache-');
    const cache = ParseCache.forEntry(ENTRY, dir);
    cache.parse(TEXT, counting().parse);
    cache.save();
    const second = counting();
    const changed = TEXT.replace('type: object', 'type: string');
    expect((ParseCache.forEntry(ENTRY, dir).parse(changed, second.parse) as { Thing: { type: string } }).Thing.type).toBe('string');
    expect(second.calls).toHaveLength(1);
  });

  it('stores nothing for a text the parser refused, so it is refused every time', () => {
    const dir = temp('paykit-parse-cache-');
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}, ${(i === 0 ? '*a' : `*b${i - 1}`)}]`).join('\n')}\n`;
    for (let run = 0; run < 2; run++) {
      const cache = ParseCache.forEntry(ENTRY, dir);
      expect(() => cache.parse(bomb, counting().parse)).toThrow(/alias/);
      cache.save();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a damaged cache file as a miss', () => {
    const dir = temp('paykit-parse-cache-');
    const cache = ParseCache.forEntry(ENTRY, dir);
    cache.parse(TEXT, counting().parse);
    cache.save();
    writeFileSync(join(dir, readdirSync(dir)[0]!), 'not a v8 serialization');
    const second = counting();
    expect(ParseCache.forEntry(ENTRY, dir).parse(TEXT, second.parse)).toEqual(parseDataText(TEXT, 'x'));
    expect(second.calls).toHaveLength(1);
  });
});

describe('loadSpecFiles with the parse cache', () => {
  function spec(): string {
    const dir = temp('paykit-parse-cache-spec-');
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'specs/api.yaml'), 'openapi: 3.1.0\npaths:\n  /a:\n    $ref: "./paths/a.yaml"\n');
    mkdirSync(join(dir, 'specs/paths'));
    writeFileSync(join(dir, 'specs/paths/a.yaml'), 'get:\n  responses:\n    "200": { description: ok }\n');
    return dir;
  }
  const display = (dir: string) => (abs: string) => abs.slice(dir.length + 1);

  it('loads the same documents from the cache', () => {
    const dir = spec();
    const cacheDir = temp('paykit-parse-cache-');
    const fresh = loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), false);
    loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), cacheDir);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const cached = loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), cacheDir);
    expect([...cached.documents.entries()]).toEqual([...fresh.documents.entries()]);
    expect(cached.targets).toEqual(fresh.targets);
  });

  it('still checks every $ref when the entry file is cached', () => {
    const dir = spec();
    const cacheDir = temp('paykit-parse-cache-');
    loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), cacheDir);
    rmSync(join(dir, 'specs/paths/a.yaml'));
    expect(() => loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), cacheDir)).toThrow(/names a file that does not exist/);
    writeFileSync(join(dir, 'specs/paths/a.yaml'), 'get:\n  $ref: "../../outside.yaml"\n');
    expect(() => loadSpecFiles(join(dir, 'specs/api.yaml'), display(dir), cacheDir)).toThrow(/leaves the spec folder/);
  });
});
