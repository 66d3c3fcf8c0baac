/**
 * DESIGN.md "Responses are checked": a 2xx that lacks what the mapping reads, has the wrong type,
 * a negative amount, a status value the spec does not list, or (Payop) not the documented
 * `{data, status: 1}` body or no plausible `identifier` header, is unexpected_response, never a
 * Refund. Every variant is derived from the provider's mapping. (Before: Payop turned `{}`, `null`,
 * `[]`, `"str"` and `{"status":"weird"}` into a pending Refund; a negative amount was returned.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError } from '@paykit/refunds';
import { client, outcome, place, providerIds, readPaths, sendJson, startAttacker, successAnswer, successEntry, validInput, type Answer, type Attacker } from './kit.ts';

let attacker: Attacker;
let current: Answer = { status: 500, body: {}, headers: {} };
beforeAll(async () => {
  attacker = await startAttacker((_req, res) => sendJson(res, current));
});
afterAll(() => attacker.close());

/** Removes `body.a.b` or `header.x` from an answer. */
function remove(answer: Answer, path: string): void {
  const [root, ...rest] = path.split('.');
  if (root === 'header') {
    delete answer.headers[rest.join('.')];
    return;
  }
  let node = answer.body as Record<string, unknown> | undefined;
  for (const key of rest.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node !== undefined) delete node[rest[rest.length - 1]!];
}

type Variant = [string, (answer: Answer) => void];

/** Malformed variants of the provider's success answer, from what its mapping reads. */
function variants(provider: string): Variant[] {
  const entry = successEntry(provider);
  const out: Variant[] = [
    ['body {}', (a) => { a.body = {}; }],
    ['body null', (a) => { a.body = null; }],
    ['body []', (a) => { a.body = []; }],
    ['body "str"', (a) => { a.body = 'str'; }],
    ['body 42', (a) => { a.body = 42; }],
  ];
  const required = ['id', 'paymentId', 'status'];
  for (const { field, path, fallback } of readPaths(provider)) {
    const where = path.startsWith('header.') ? 'header' : 'body';
    // A field with a mapping fallback may be absent (test/facade/fallbacks.test.ts); one without may not.
    if (required.includes(field) && fallback === undefined) out.push([`${field} missing (${path})`, (a) => remove(a, path)]);
    if (where === 'body') out.push([`${field} of the wrong type (${path} = {})`, (a) => place(a, path, { nested: true })]);
    if (field === 'id' || field === 'paymentId') {
      out.push([`${field} empty (${path})`, (a) => place(a, path, '')]);
      out.push([`${field} not a plausible id (${path} = "Bearer abc def")`, (a) => place(a, path, 'Bearer abc def')]);
    }
    if (field === 'status') out.push([`status not in the spec's enum (${path} = "weird")`, (a) => place(a, path, 'weird')]);
    if (field === 'amount.value') {
      out.push(['amount negative', (a) => {
        const value = path.split('.').slice(1).reduce<any>((node, key) => node?.[key], a.body);
        place(a, path, typeof value === 'number' ? -value : `-${String(value)}`);
      }]);
    }
    if (field === 'amount.currency') out.push([`amount without its currency (${path} missing)`, (a) => remove(a, path)]);
  }
  if (entry.when !== undefined) {
    const path = 'present' in entry.when ? entry.when.present : entry.when.equals.path;
    out.push([`the response condition fails (${path} = "weird")`, (a) => place(a, path, 'weird')]);
    out.push([`the response condition's field missing (${path})`, (a) => remove(a, path)]);
  }
  return out;
}

describe.each(providerIds)('%s', (id) => {
  it('control: the unmodified success answer is a Refund', async () => {
    const input = await validInput(id);
    current = successAnswer(id, input);
    const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
    expect(result).not.toBeInstanceOf(RefundError);
  });

  it.each(variants(id))('%s → unexpected_response, never a Refund', async (_name, mutate) => {
    const input = await validInput(id);
    const answer = successAnswer(id, input);
    mutate(answer);
    current = answer;
    const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
    expect(result).toBeInstanceOf(RefundError);
    expect(result).toMatchObject({ code: 'unexpected_response', httpStatus: answer.status, provider: id });
  });
});
