import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseDataText } from '../../../generator/load/parse.js';

describe('parseDataText', () => {
  it('reads YAML and JSON', () => {
    expect(parseDataText('a: 1\n', 'f.yaml')).toEqual({ a: 1 });
    expect(parseDataText('{"a": [1, "x"]}', 'f.json')).toEqual({ a: [1, 'x'] });
  });

  it('keeps __proto__ as plain data and pollutes nothing', () => {
    const value = parseDataText('__proto__:\n  polluted: yes\nconstructor: 1\n', 'f.yaml') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a syntax error, with its position', 'a: [1, 2\n', /^f\.yaml: does not parse at line \d+, column \d+/],
    ['duplicate keys', 'a: 1\na: 2\n', /does not parse.*duplicate keys are not allowed/],
    ['an alias bomb', billionLaughs(), /more than 100 YAML alias expansions/],
  ])('refuses %s in one line', (_name, text, message) => {
    let error: Error | undefined;
    try { parseDataText(text, 'f.yaml'); } catch (e) { error = e as Error; }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it('refuses invalid UTF-8 and strips a BOM', () => {
    expect(() => decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]), 'bad.yaml')).toThrow('bad.yaml: is not valid UTF-8');
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFa: 1'), 'bom.yaml')).toBe('a: 1');
  });
});

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}
