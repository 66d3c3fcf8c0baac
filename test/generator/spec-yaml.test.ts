/**
 * openapi.yaml is written pair by pair (generator/emit/spec-yaml.ts) to keep yaml's node tree small;
 * the text must be exactly what one `stringify` of the whole document gives, for any document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SPEC_YAML_OPTIONS, stringifySpec } from '../../generator/emit/spec-yaml.js';

/** Keys and strings that change how yaml prints a pair: quoting, explicit `? ` keys, block scalars, line breaks. */
const nastyStrings = [
  '', ' ', 'true', 'null', '~', '123', '0x1F', '- a', 'a: b', '#x', '? q', '|', '>', "'", '"', '---', '...',
  '/repos/{owner}/{repo}', '__proto__', 'constructor', 'x'.repeat(1100), 'a\nb', 'a\n\nb\n', '\n lead', '  two\n  lines  ',
  'tail\n\n', 'tab\there', 'cr\rhere', 'crlf\r\nhere', 'ls\u2028ps\u2029', 'é ü → 😀', '*alias', '&anchor', '!tag', '%YAML',
  'multi\n  indented\n\n    deeper\n', ' \n \n', 'end with space ', '{}', '[]', '@at', '`tick`',
];
const key = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 12 }), fc.constantFrom('paths', 'components', 'schemas', 'get'));
const scalar = fc.oneof(
  fc.constantFrom(...nastyStrings), fc.string({ maxLength: 30 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  list: fc.array(tie('value'), { maxLength: 4 }),
}));
const documents = fc.dictionary(key, fc.oneof(value, fc.dictionary(key, fc.dictionary(key, value, { maxKeys: 4 }), { maxKeys: 4 })), { maxKeys: 6 });

describe('stringifySpec', () => {
  it('gives the same text as stringify of the whole document', () => {
    fc.assert(fc.property(documents, (document) => {
      expect(stringifySpec(document)).toBe(stringify(document, SPEC_YAML_OPTIONS));
    }), { numRuns: 1500 });
  });

  it('splits the nesting it is built for (paths, path items, components, schemas) and still matches', () => {
    const long = 'k'.repeat(1100);
    const document = {
      openapi: '3.1.0',
      paths: {
        '/a/{id}': { get: { summary: 'a\n\n  b\n', responses: { 200: { description: 'ok' } }, parameters: [] }, parameters: [{ name: 'id', in: 'path' }] },
        '/empty': {},
        [long]: { post: { description: ' leading space\nnext' } },
        'true': { get: {} },
      },
      components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string', example: 'x\r\ny' } } } } },
      'x-undefined': undefined,
    };
    expect(stringifySpec(document)).toBe(stringify(document, SPEC_YAML_OPTIONS));
  });

  it('writes an empty document as yaml does', () => {
    expect(stringifySpec({})).toBe(stringify({}, SPEC_YAML_OPTIONS));
    expect(stringifySpec({ a: undefined })).toBe(stringify({ a: undefined }, SPEC_YAML_OPTIONS));
  });
});
