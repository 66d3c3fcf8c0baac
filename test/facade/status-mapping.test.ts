/**
 * HTTP status → RefundError code rules the contract fixes for every provider (DESIGN.md, "Details the
 * contract fixes"), driven with a crafted fetch so every provider sees the same answers.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '@paykit/refunds';
import { caseOf, clientFor, credentialFields, providerIds, refundError, seededPayments } from './harness.js';

const answer = (status: number, body: string, contentType = 'application/json') => async () =>
  new Response(body, { status, headers: { 'content-type': contentType } });
const nowhere = { url: 'http://127.0.0.1:9' };
/** Credentials of the right shape (the fake's test ones); the crafted fetch never checks them. */
const credentialsOf = (provider: ProviderId) => Object.fromEntries(credentialFields(provider).map((f) => [f, `test-${f}-0000000000`]));

describe.each(providerIds)('%s', (provider) => {
  const c = caseOf(provider);
  const payment = seededPayments(provider)[0]!;
  const create = (fetch: () => Promise<Response>) => clientFor(provider, nowhere, { credentials: credentialsOf(provider), fetch, maxRetries: 0 }).refunds.create(c.input(payment, 1450));

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

/**
 * A mapping may read a refund from an error status (Push answers 401 with the declined refund's id):
 * with the id it is a Refund with the mapping's status, without one it is the error the mapping gives
 * that status. Every such rule of every provider in specs/providers.yaml is checked.
 */
const refundsAtErrorStatus = providerIds.flatMap((provider) => caseOf(provider).mapping.responses
  .filter((r) => r.status >= 300 && typeof r.refund.id === 'string' && (r.refund.id as string).startsWith('body.'))
  .map((rule) => [provider, rule.status, rule] as const));

describe.each(refundsAtErrorStatus)('%s: HTTP %i carrying a refund id', (provider, status, rule) => {
  const c = caseOf(provider);
  const idField = (rule.refund.id as string).slice('body.'.length);
  const create = (body: string) => clientFor(provider, nowhere, { credentials: credentialsOf(provider), fetch: answer(status, body), maxRetries: 0 })
    .refunds.create(c.input(seededPayments(provider)[0]!, 1450));
  it('with an id → a Refund with the mapped status and failure reason', async () => {
    const refund = await create(JSON.stringify({ [idField]: 'refund_declined_1' }));
    const constOf = (v: unknown) => (v as { const?: unknown } | undefined)?.const;
    expect(refund).toMatchObject({ id: 'refund_declined_1', status: constOf(rule.refund.status) });
    if (constOf(rule.refund.failureReason) !== undefined) expect(refund.failureReason).toBe(constOf(rule.refund.failureReason));
  });
  it('with an empty id or without one → the error the mapping gives that status', async () => {
    const code = c.mapping.errors.find((e) => e.status === status && e.when === undefined)?.code;
    expect(code, `an unconditional error rule for HTTP ${status}`).toBeDefined();
    for (const body of [JSON.stringify({ [idField]: '' }), '{"error":"unauthorized","message":"Invalid API key"}', JSON.stringify({ [idField]: null })]) {
      const err = await refundError(() => create(body));
      expect(err.code, body).toBe(code);
      expect(err.httpStatus).toBe(status);
    }
  });
});

