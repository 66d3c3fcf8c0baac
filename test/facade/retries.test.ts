/** Retry edge cases through the facade, every provider in specs/providers.yaml: Retry-After limits, caller aborts, default retry count. */
import { describe, expect, it } from 'vitest';
import { caseOf, clientFor, mainPayment, providerIds, refundError, useFake } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(providerIds)('%s', (provider) => {
  const c = caseOf(provider);
  const sandbox = useFake(provider);
  const input = () => c.input(mainPayment(sandbox()), 1450);

  it('429 asking to wait longer than the limit (Retry-After: 120) → rate_limited at once, one request', async () => {
    const sb = sandbox();
    sb.injectFault({ retryAfterSeconds: 120 });
    const started = Date.now();
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true });
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(0);
  });

  it('default maxRetries is 2: 429 three times → three requests; four faults → still three', async () => {
    const sb = sandbox();
    sb.injectFault('429', 4);
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(3);
  });

  it('maxRetries: 1 with 429 twice → two requests, rate_limited', async () => {
    const sb = sandbox();
    sb.injectFault('429', 2);
    const err = await refundError(() => clientFor(provider, sb, { maxRetries: 1 }).refunds.create(input()));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(2);
  });

  it('a caller abort during a slow attempt stops the call: no retry is sent', async () => {
    const sb = sandbox();
    sb.injectFault('timeout-after');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    await expect(clientFor(provider, sb).refunds.create(input(), { signal: controller.signal })).rejects.toThrow();
    await sleep(100);
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(1); // the fake made the refund; its reply never came
  });

  it('an already-aborted signal sends nothing', async () => {
    const sb = sandbox();
    const controller = new AbortController();
    controller.abort(new Error('before start'));
    await expect(clientFor(provider, sb).refunds.create(input(), { signal: controller.signal })).rejects.toThrow();
    expect(sb.requests).toHaveLength(0);
  });
});

describe.each(providerIds.filter((id) => caseOf(id).deduplicates))('%s: repeated 5xx on a de-duplicating provider', (provider) => {
  const c = caseOf(provider);
  const sandbox = useFake(provider);
  it('two 503s then success → three requests under one key, one refund', async () => {
    const sb = sandbox();
    sb.injectFault('5xx', 2);
    const refund = await clientFor(provider, sb).refunds.create(c.input(mainPayment(sb), 1450));
    expect(sb.requests).toHaveLength(3);
    expect(new Set(sb.requests.map((r) => r.headers[c.idempotencyHeader!])).size).toBe(1);
    expect(sb.ledger).toHaveLength(1);
    expect(refund.id).toBe(sb.ledger[0]!.id);
  });
});
