import { describe, expect, it } from 'vitest';
import { dropTransportHeaders } from '../../../generator/normalize/rules/drop-transport-headers.js';
import { normalizeText } from '../../../generator/normalize/rules/normalize-text.js';
import { stableOperationIds } from '../../../generator/normalize/rules/stable-operation-ids.js';
import { stripVendorExtensions } from '../../../generator/normalize/rules/strip-vendor-extensions.js';
import type { NormalizationRule, OpenApiDocument } from '../../../generator/normalize/types.js';

function run(rule: NormalizationRule, given: OpenApiDocument): OpenApiDocument {
  const document = structuredClone(given);
  rule.apply(document);
  return document;
}

describe.each<[NormalizationRule, { name: string; given: OpenApiDocument; want: OpenApiDocument }[]]>([
  [stripVendorExtensions, [
    {
      name: 'removes x-apifox-* and x-run-in-apifox at any depth, keeps other extensions',
      given: { 'x-apifox-folder': 'a', paths: { '/r': { post: { 'x-run-in-apifox': 'u', 'x-enumDescriptions': { a: 'b' }, responses: { 200: { 'x-apifox-name': 'OK', description: 'ok' } } } } } },
      want: { paths: { '/r': { post: { 'x-enumDescriptions': { a: 'b' }, responses: { 200: { description: 'ok' } } } } } },
    },
  ]],
  [dropTransportHeaders, [
    {
      name: 'removes Accept and Content-Type header parameters, any case, keeps the rest',
      given: { paths: { '/r': { post: { parameters: [{ name: 'accept', in: 'header' }, { name: 'Content-Type', in: 'header' }, { name: 'X-Id', in: 'header' }, { name: 'Accept', in: 'query' }] } } } },
      want: { paths: { '/r': { post: { parameters: [{ name: 'X-Id', in: 'header' }, { name: 'Accept', in: 'query' }] } } } },
    },
    {
      name: 'follows $refs to components and drops an emptied list',
      given: { components: { parameters: { CT: { name: 'Content-Type', in: 'header' } } }, paths: { '/r': { parameters: [{ $ref: '#/components/parameters/CT' }], get: { responses: {} } } } },
      want: { components: { parameters: { CT: { name: 'Content-Type', in: 'header' } } }, paths: { '/r': { get: { responses: {} } } } },
    },
  ]],
  [stableOperationIds, [
    {
      name: 'derives missing ids from method and path, keeps existing ones, avoids collisions',
      given: { paths: { '/v1/refunds': { post: {}, get: { operationId: 'postV1Refunds' } }, '/v1/refunds/{id}': { get: {} } } },
      want: { paths: { '/v1/refunds': { post: { operationId: 'postV1Refunds2' }, get: { operationId: 'postV1Refunds' } }, '/v1/refunds/{id}': { get: { operationId: 'getV1RefundsById' } } } },
    },
  ]],
  [normalizeText, [
    {
      name: 'normalizes line breaks and control characters in prose only',
      given: { info: { title: 'a\r\nb', description: 'x\u2028y\u0000z' }, components: { schemas: { E: { enum: ['a\r\nb'] } } } },
      want: { info: { title: 'a\nb', description: 'x\nyz' }, components: { schemas: { E: { enum: ['a\r\nb'] } } } },
    },
  ]],
])('rule $name', (rule, cases) => {
  it.each(cases)('$name', ({ given, want }) => {
    expect(run(rule, given)).toEqual(want);
  });

  it('is idempotent', () => {
    for (const { given } of cases) {
      const once = run(rule, given);
      expect(run(rule, once)).toEqual(once);
    }
  });
});
