/** specs/payop.yaml is written by hand from Payop's page; every JSON example on that page must fit it. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const spec = parse(readFileSync(root + 'specs/payop.yaml', 'utf8'));
const page = readFileSync(root + 'specs/sources/payop-create-refund.md', 'utf8');

const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'payop', components: spec.components });
const schema = (name: string) => ajv.getSchema(`payop#/components/schemas/${name}`)!;

/** JSON bodies on the page: the ```json blocks, and the -d '…' payload of the curl example. */
const jsonBlocks = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const curlBody = JSON.parse(/-d '([\s\S]*?)'/.exec(page)![1]!) as Record<string, unknown>;

describe('specs/payop.yaml against the examples on Payop’s page', () => {
  it('finds every example on the page (1 request, 1 success, 3 errors)', () => {
    expect(jsonBlocks).toHaveLength(4);
  });

  it('the curl request body is a valid RefundRequest', () => {
    expect(schema('RefundRequest')(curlBody)).toBe(true);
    expect(typeof curlBody.metadata).toBe('object'); // the page's table says `number`: the example wins
  });

  it('the success body is a valid RefundCreated', () => {
    expect(schema('RefundCreated')(jsonBlocks[0])).toBe(true);
  });

  it.each([1, 2, 3])('error example %i is a valid ErrorMessage', (index) => {
    expect(schema('ErrorMessage')(jsonBlocks[index])).toBe(true);
  });

  it('rejects what the page rules out', () => {
    expect(schema('RefundRequest')({ ...curlBody, metadata: 5 })).toBe(false);
    expect(schema('RefundRequest')({ ...curlBody, refundType: 3 })).toBe(false);
    const { amount: _amount, ...withoutAmount } = curlBody;
    expect(schema('RefundRequest')(withoutAmount)).toBe(false);
  });

  it('declares the identifier response header and the documented statuses', () => {
    const responses = spec.paths['/v1/refunds/create'].post.responses;
    expect(Object.keys(responses)).toEqual(['200', '401', '422']);
    expect(responses['200'].headers.identifier.required).toBe(true);
    expect(spec.components.securitySchemes.bearerJwt).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });
});
