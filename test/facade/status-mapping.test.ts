/**
 * HTTP status → RefundError code rules the contract fixes for every provider (DESIGN.md, "Details the
 * contract fixes"), driven with a crafted fetch so every provider sees the same answers.
 */
import { describe, expect, it } from 'vitest';
import { cases, clientFor, providerIds, refundError } from './cases.ts';

const answer = (status: number, body: string, contentType = 'application/json') => async () =>
  new Response(body, { status, headers: { 'content-type': contentType } });
const nowhere = { url: 'http://127.0.0.1:9' };

describe.each(providerIds)('%s', (provider) => {
  const c = cases[provider];
  const create = (fetch: () => Promise<Response>) => clientFor(provider, nowhere, { fetch, maxRetries: 0 }).refunds.create(c.input(1450));

  it.each([
    [401, '{"message":"nope","error":{"message":"nope"},"description":"nope","errorDescription":"nope"}', 'application/json', 'authentication_failed'],
    [403, '{"message":"forbidden"}', 'application/json', 'authentication_failed'],
    [403, '<html><body>403 Forbidden</body></html>', 'text/html', 'authentication_failed'],
    [401, '<html><body>401</body></html>', 'text/html', 'authentication_failed'],
    [500, '{"message":"boom"}', 'application/json', 'provider_unavailable'],
    [503, '', 'application/json', 'provider_unavailable'],
    [504, '<html><body>504 Gateway Time-out</body></html>', 'text/html', 'unexpected_response'],
    [200, '<html><body>OK</body></html>', 'text/html', 'unexpected_response'],
    [200, '{"unexpected":true}', 'application/json', 'unexpected_response'],
  ] as const)('HTTP %i %s → %s', async (status, body, type, code) => {
    const err = await refundError(() => create(answer(status, body, type)));
    expect(err.code).toBe(code);
    expect(err.httpStatus).toBe(status);
    expect(err.provider).toBe(provider);
    if (code === 'provider_unavailable') expect(err.retryable).toBe(true);
    if (code === 'authentication_failed') expect(err.retryable).toBe(false);
  });
});

describe('push 401', () => {
  const create = (body: string) => clientFor('push', nowhere, { fetch: answer(401, body), maxRetries: 0 }).refunds.create(cases.push.input(1450));
  it('with an id → a failed Refund', async () => {
    const refund = await create('{"id":"refund_declined_1"}');
    expect(refund).toMatchObject({ status: 'failed', id: 'refund_declined_1', failureReason: 'declined_by_payment_network' });
  });
  it('with an empty id or without one → authentication_failed', async () => {
    for (const body of ['{"id":""}', '{"error":"unauthorized","message":"Invalid API key"}', '{"id":null}']) {
      const err = await refundError(() => create(body));
      expect(err.code, body).toBe('authentication_failed');
      expect(err.httpStatus).toBe(401);
    }
  });
});
