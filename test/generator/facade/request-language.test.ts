/**
 * The richer request and condition language, checked against a committed normalized spec (mutated
 * in memory where a case needs a field the vendor lacks): amount.currency with case transforms and
 * the currencies a spec enum allows, dotted (nested) body keys, path and query parameters, and
 * all / any / not conditions. Each mistake is one line naming the mapping pointer and the spec's.
 * Mutations are of the loaded (normalized) mapping, so values are written `{ from: ... }`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../../generator/config.js';
import { checkMapping, type CheckedMapping } from '../../../generator/facade/check.js';
import { conditionExpression, conditionFunction, requestExpression } from '../../../generator/facade/expressions.js';
import { loadMapping, type Mapping } from '../../../generator/facade/mapping.js';
import { withParams } from '../../../templates/refunds/runtime/url.js';
import { REPO } from '../../helpers/project-copy.js';

const project = loadProjectConfig(REPO);
const ID = 'wooshpay';
const BODY = ['paths', '/v1/refunds', 'post', 'requestBody', 'content', 'application/json', 'schema'];
type Any = Record<string, any>;

function check(mutate: (m: Any) => void, mutateSpec: (s: Any, body: Any, operation: Any) => void = () => {}): CheckedMapping {
  const loaded = loadMapping(project, project.providers.find((p) => p.id === ID)!);
  const mapping = structuredClone(loaded.mapping) as unknown as Any;
  mutate(mapping);
  const spec = parse(readFileSync(join(REPO, `generated/${ID}/openapi.yaml`), 'utf8')) as Any;
  const body = BODY.reduce((node, key) => node[key], spec);
  mutateSpec(spec, body, spec.paths['/v1/refunds'].post);
  return checkMapping({ ...loaded, mapping: mapping as never }, spec);
}
function failure(mutate: (m: Any) => void, mutateSpec?: (s: Any, body: Any, operation: Any) => void): string {
  try {
    check(mutate, mutateSpec);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the mapping was accepted');
}
const currencyEnum = (values: string[], required = false) => (_s: Any, body: Any) => {
  body.properties.currency = { type: 'string', enum: values };
  if (required) body.required.push('currency');
};
const nested = (_s: Any, body: Any) => {
  body.properties.refund = { type: 'object', required: ['value', 'currency'], properties: { value: { type: 'string' }, currency: { type: 'string' } } };
};

describe('amount.currency', () => {
  it('a lower-case enum with lowerCase: the facade accepts exactly the ISO codes it can send', () => {
    const checked = check((m) => { m.request.body.currency = { from: 'amount.currency', transform: 'lowerCase' }; }, currencyEnum(['usd', 'eur', 'Gbp', 'xx']));
    expect(checked.currencies).toEqual(['USD', 'EUR']);
  });

  it('an upper-case enum sent as given needs no transform', () => {
    expect(check((m) => { m.request.body.currency = { from: 'amount.currency' }; }, currencyEnum(['EUR'])).currencies).toEqual(['EUR']);
  });

  it('no enum: no currency restriction beyond input.currencies', () => {
    expect(check((m) => { m.request.body.currency = { from: 'amount.currency', transform: 'upperCase' }; }, (_s, b) => { b.properties.currency = { type: 'string' }; }).currencies).toBeUndefined();
  });

  it.each<[string, (m: Any) => void, ((s: Any, b: Any, o: Any) => void) | undefined, RegExp]>([
    ['a lower-case enum sent without lowerCase', (m) => { m.request.body.currency = { from: 'amount.currency' }; }, currencyEnum(['usd', 'eur']),
      /^specs\/mappings\/wooshpay\.yaml#\/request\/body\/currency\/from: sends amount\.currency, but no ISO currency code sent that way is in the enum at #\/paths\/~1v1~1refunds\/post\/requestBody\/content\/application~1json\/schema\/properties\/currency\/enum \("usd", "eur"\); add the case transform/],
    ['input.currencies outside the enum', (m) => { m.input.currencies = ['EUR', 'JPY']; m.request.body.currency = { from: 'amount.currency', transform: 'lowerCase' }; }, currencyEnum(['usd', 'eur']),
      /#\/input\/currencies\/1: lists JPY, but the spec lets the mapping send only USD, EUR; /],
    ['a case transform on another field', (m) => { m.request.body.payment_intent = { from: 'paymentId', transform: 'lowerCase' }; }, undefined,
      /#\/request\/body\/payment_intent\/transform: lowerCase applies to amount\.currency, not to paymentId; /],
    ['an amount transform on the currency', (m) => { m.request.body.currency = { from: 'amount.currency', transform: 'minorToString' }; }, currencyEnum(['usd']),
      /#\/request\/body\/currency\/transform: minorToString applies to amount, not to amount\.currency/],
    ['a required currency field from an optional amount', (m) => { m.request.body.currency = { from: 'amount.currency', transform: 'lowerCase' }; }, currencyEnum(['usd'], true),
      /#\/request\/body\/currency\/from: fills the body field currency, which the spec requires, from amount\.currency, which the caller may leave out; set input\.amount to required/],
  ])('refuses %s', (_name, mutate, mutateSpec, message) => {
    expect(failure(mutate, mutateSpec)).toMatch(message);
  });

  it('emits the currency of the Money through the transform', () => {
    const mapping = { input: { amount: 'optional' } } as Mapping;
    expect(requestExpression({ from: 'amount.currency', transform: 'lowerCase' }, mapping)).toBe('read.optional(input.amount, (m) => lowerCase(m.currency))');
    expect(requestExpression({ from: 'amount.currency', transform: 'upperCase' }, { input: { amount: 'required' } } as Mapping)).toBe('upperCase(input.amount.currency)');
  });
});

describe('nested request bodies (dotted keys)', () => {
  it('accepts fields of a nested object, and requires its required ones', () => {
    expect(() => check((m) => { m.request.body['refund.value'] = { from: 'amount', transform: 'minorToString' }; m.request.body['refund.currency'] = { from: 'amount.currency' }; m.input.amount = 'required'; }, nested)).not.toThrow();
    expect(failure((m) => { m.request.body['refund.value'] = { from: 'amount', transform: 'minorToString' }; m.input.amount = 'required'; }, nested))
      .toMatch(/#\/request\/body: does not set refund\.currency, which #\/paths\/~1v1~1refunds\/post\/requestBody\/content\/application~1json\/schema\/properties\/refund\/required requires/);
  });

  it.each<[string, (m: Any) => void, RegExp]>([
    ['a nested field the spec lacks', (m) => { m.request.body['refund.amount'] = { from: 'amount' }; },
      /#\/request\/body\/refund\.amount: names the request field refund\.amount, but generated\/wooshpay\/openapi\.yaml has no #\/paths\/~1v1~1refunds\/post\/requestBody\/content\/application~1json\/schema\/properties\/refund\/properties\/amount/],
    ['an object set whole and field by field', (m) => { m.request.body.refund = { from: 'metadata' }; m.request.body['refund.value'] = { from: 'reference' }; },
      /#\/request\/body\/refund\.value: sets a field inside refund, which the mapping also sets whole/],
    ['a wrong type for a nested field', (m) => { m.request.body['refund.value'] = { from: 'amount', transform: 'minorToInteger' }; m.request.body['refund.currency'] = { from: 'amount.currency' }; m.input.amount = 'required'; },
      /#\/request\/body\/refund\.value\/transform: minorToInteger produces an integer, but the spec types refund\.value as string/],
  ])('refuses %s', (_name, mutate, message) => {
    expect(failure(mutate, nested)).toMatch(message);
  });
});

describe('path and query parameters', () => {
  const withPath = (s: Any) => {
    const operation = s.paths['/v1/refunds'].post;
    s.paths['/v1/payments/{id}/refunds'] = { post: { ...operation, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'mode', in: 'query', required: true, schema: { type: 'string', enum: ['eur'] } }] } };
  };
  const onPath = (m: Any) => { m.operation.path = '/v1/payments/{id}/refunds'; };

  it('accepts a mapping that sets every path parameter and the required query parameter', () => {
    expect(() => check((m) => { onPath(m); m.request.path = { id: { from: 'paymentId' } }; m.request.query = { mode: { from: 'amount.currency', transform: 'lowerCase' } }; m.input.amount = 'required'; }, withPath)).not.toThrow();
  });

  it.each<[string, (m: Any) => void, RegExp]>([
    ['a path parameter left out', (m) => { onPath(m); m.request.query = { mode: { from: 'reference' } }; },
      /#\/request\/path: does not set the path parameter id, which #\/paths\/~1v1~1payments~1\{id\}~1refunds\/post\/parameters\/0 requires; map it in request\.path/],
    ['a path parameter the operation lacks', (m) => { m.request.path = { id: { from: 'paymentId' } }; },
      /#\/request\/path\/id: sets the path parameter id, but generated\/wooshpay\/openapi\.yaml has no #\/paths\/~1v1~1refunds\/post\/parameters \(a path parameter named id\)/],
    ['a required query parameter left out', (m) => { onPath(m); m.request.path = { id: { from: 'paymentId' } }; },
      /#\/request\/query: does not set the query parameter mode, which #\/paths\/~1v1~1payments~1\{id\}~1refunds\/post\/parameters\/1 requires/],
    ['a path parameter from a field the caller may omit', (m) => { onPath(m); m.request.path = { id: { from: 'reference' } }; m.request.query = { mode: { from: 'paymentId' } }; },
      /#\/request\/path\/id\/from: fills the path parameter id, which the spec requires, from reference, which the caller may leave out/],
    ['a query currency outside the enum', (m) => { onPath(m); m.request.path = { id: { from: 'paymentId' } }; m.request.query = { mode: { from: 'amount.currency' } }; m.input.amount = 'required'; },
      /#\/request\/query\/mode\/from: sends amount\.currency, but no ISO currency code sent that way is in the enum at #\/paths\/~1v1~1payments~1\{id\}~1refunds\/post\/parameters\/1\/schema\/enum/],
  ])('refuses %s', (_name, mutate, message) => {
    expect(failure(mutate, withPath)).toMatch(message);
  });

  it('URL-encodes path and query values, leaves absent query values out, refuses an empty, "." or ".." segment', () => {
    expect(withParams('/m/{m}/p/{id}', { m: 'a b', id: 'x/../y?z#' }, { ref: 'a&b=c', skip: undefined, n: 3 })).toBe('/m/a%20b/p/x%2F..%2Fy%3Fz%23?ref=a%26b%3Dc&n=3');
    expect(withParams('/p/{id}', { id: 'plain' })).toBe('/p/plain');
    for (const id of ['', '.', '..', undefined]) expect(() => withParams('/p/{id}', { id })).toThrow(/path parameter id/);
  });
});

describe('all / any / not conditions', () => {
  it('are checked leaf by leaf, with the pointer of the failing leaf', () => {
    expect(failure((m) => { m.errors[1].when = { all: [{ present: 'body.error.code' }, { not: { any: [{ equals: { path: 'body.error.typo', value: 'x' } }] } }] }; }))
      .toMatch(/^specs\/mappings\/wooshpay\.yaml#\/errors\/1\/when\/all\/1\/not\/any\/0\/equals\/path: names body\.error\.typo, but generated\/wooshpay\/openapi\.yaml has no #\/.*\/properties\/typo; /);
    expect(() => check((m) => { m.responses[0].when = { all: [{ present: 'body.id' }, { not: { equals: { path: 'body.status', value: 'failed' } } }] }; })).not.toThrow();
  });

  it('an error rule reads only the body: a header or input path in its condition is refused', () => {
    expect(failure((m) => { m.errors[1].when = { all: [{ present: 'body.error.code' }, { not: { present: 'input.reference' } }] }; }))
      .toMatch(/#\/errors\/1\/when\/all\/1\/not\/present: reads input\.reference, but an error rule can only read the response body; use a body\.<path> here/);
  });

  it('a field an `all` proved present needs no fallback; one under `any` or `not` still does', () => {
    const drop = (m: Any) => { m.responses[0].refund.paymentId = { from: 'body.payment_intent' }; };
    expect(() => check((m) => { drop(m); m.responses[0].when = { all: [{ present: 'body.payment_intent' }] }; })).not.toThrow();
    expect(failure((m) => { drop(m); m.responses[0].when = { any: [{ present: 'body.payment_intent' }, { present: 'body.id' }] }; })).toMatch(/refund\/paymentId\/from: reads body\.payment_intent/);
    expect(failure((m) => { drop(m); m.responses[0].when = { not: { present: 'body.payment_intent' } }; })).toMatch(/refund\/paymentId\/from: reads body\.payment_intent/);
  });

  it('become code for responses and predicates for the error table', () => {
    const when = { all: [{ present: 'body.a' }, { not: { any: [{ equals: { path: 'body.b.c', value: 'x' } }, { equals: { path: 'body.d', value: 2 } }] } }] };
    expect(conditionExpression(when)).toBe('(read.present(body?.["a"]) && !((body?.["b"]?.["c"] === "x" || body?.["d"] === 2)))');
    const predicate = conditionFunction(when);
    expect(predicate).toBe('(b) => (read.present(read.at(b, ["a"])) && !((read.at(b, ["b", "c"]) === "x" || read.at(b, ["d"]) === 2)))');
  });
});
