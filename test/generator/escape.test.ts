import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { identifier, jsdocText, markdownCode, markdownInline, tsString } from '../../generator/text/escape.js';

const hostile = ['*/ alert(1) /*', '`${process.exit(1)}`', 'a\nb\u2028c\u2029d', "q\"u'o\\te", '</script><script>x()</script>', '@param evil'];

describe('escaping helpers', () => {
  it.each(hostile)('tsString(%j) is one string literal that evaluates back to the input', (text) => {
    const source = `export const x = ${tsString(text)};`;
    const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022);
    expect(file.statements).toHaveLength(1);
    expect(JSON.parse(tsString(text).replace(/\\u2028/g, '\u2028').replace(/\\u2029/g, '\u2029'))).toBe(text);
  });

  it.each(hostile)('jsdocText(%j) stays inside its comment', (text) => {
    const source = `/** ${jsdocText(text)} */\nexport const x = 1;`;
    const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022);
    expect(file.statements).toHaveLength(1);
    expect(jsdocText(text)).not.toMatch(/\*\/|\n|\u2028/);
  });

  it.each(hostile)('markdownInline(%j) has no raw HTML or line break', (text) => {
    expect(markdownInline(text)).not.toMatch(/<script|\n/);
  });

  it.each([['a`b', '``a`b``'], ['`x', '`` `x ``'], ['plain', '`plain`']])('markdownCode(%j) → %j', (text, want) => {
    expect(markdownCode(text)).toBe(want);
  });

  it.each([['a-b', 'aB'], ['1abc', '_1abc'], ['__proto__', 'proto'], ['', '_'], ['x y.z', 'xYZ']])('identifier(%j) → %j', (text, want) => {
    expect(identifier(text)).toBe(want);
  });
});

describe('templates', () => {
  const dir = new URL('../../templates/', import.meta.url).pathname;
  const files = (d: string): string[] => readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.hbs') ? [join(d, e.name)] : []));

  it.each(files(dir).map((f) => [f.slice(dir.length), f]))('%s interpolates only through escaping helpers', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    // Allowed: blocks ({{#…}}, {{/…}}, {{else}}), partials ({{> …}}), comments, and helper calls {{helper arg}}.
    const bare = [...text.matchAll(/\{\{\{?\s*([^#/>!\s}][^\s}]*)\s*\}?\}\}/g)].map((m) => m[0]).filter((m) => !/^\{\{else\}\}$/.test(m));
    expect(bare).toEqual([]);
  });
});
