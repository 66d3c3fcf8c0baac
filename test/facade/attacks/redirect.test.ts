/**
 * DESIGN.md "Redirects are never followed": the attacker answers every redirect status with a
 * Location on a second loopback origin, which must receive nothing (no request, no credential, no
 * idempotency key). The call fails as unexpected_response carrying the 3xx, after exactly one
 * request, for every provider. (Before: fetch followed; on 307/308 the refund was re-POSTed with its
 * credentials to the second origin, and its 200 became a `succeeded`/`pending` Refund.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError } from '@paykit/refunds';
import { client, credentialsFor, outcome, providerIds, sendJson, startAttacker, successAnswer, validInput, type Attacker } from './kit.ts';

let elsewhere: Attacker;
let attacker: Attacker;
let status = 302;
let provider = '';
let input: Record<string, unknown> = {};
beforeAll(async () => {
  // The second origin answers like the real provider would, so a followed redirect would succeed.
  elsewhere = await startAttacker((_req, res) => sendJson(res, successAnswer(provider, input)));
  attacker = await startAttacker((req, res) => {
    res.writeHead(status, { location: `${elsewhere.url}${req.url}`, 'content-type': 'application/json' }).end('{}');
  });
});
afterAll(async () => {
  await attacker.close();
  await elsewhere.close();
});

describe.each(providerIds)('%s', (id) => {
  it.each([301, 302, 303, 307, 308])('HTTP %i to another origin → unexpected_response, nothing sent there', async (redirect) => {
    provider = id;
    status = redirect;
    input = { ...(await validInput(id)), idempotencyKey: `idem-redirect-${id}-${redirect}` };
    const before = attacker.requests.length;
    const result = await outcome(() => client(id, attacker.url, { maxRetries: 2 }).refunds.create(input as never));
    expect(elsewhere.requests, 'the second origin received a request').toEqual([]);
    expect(attacker.requests.length - before).toBe(1);
    expect(result).toBeInstanceOf(RefundError);
    expect(result).toMatchObject({ code: 'unexpected_response', httpStatus: redirect, provider: id });
    const text = JSON.stringify(result) + String(result);
    for (const secret of Object.values(credentialsFor(id))) expect(text).not.toContain(secret);
  });
});
