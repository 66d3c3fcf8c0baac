/** Retry edge cases through the facade: Retry-After limits, caller aborts, default retry count. */
import { describe, expect, it } from 'vitest';
import { cases, clientFor, refundError, useSandbox } from './cases.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['push', 'xpay'] as const)('%s', (provider) => {
  const c = cases[provider];
  const sandbox = useSandbox(provider);

  it('429 asking to wait longer than the limit (Retry-After: 120) → rate_limited at once, one request', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 120 });
    const started = Date.now();
    const err = await refundError(() => clientFor(provider, sb).refunds.create(c.input(1450)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true });
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(0);
  });

  it('default maxRetries is 2: 429 three times → three requests; four faults → still three', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 0 }, 4);
    const err = await refundError(() => clientFor(provider, sb).refunds.create(c.input(1450)));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(3);
  });

  it('maxRetries: 1 with 429 twice → two requests, rate_limited', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 0 }, 2);
    const err = await refundError(() => clientFor(provider, sb, { maxRetries: 1 }).refunds.create(c.input(1450)));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(2);
  });

  it('a caller abort during a slow attempt stops the call: no retry is sent', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'delay', ms: 400 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    const started = Date.now();
    await expect(clientFor(provider, sb).refunds.create(c.input(1450), { signal: controller.signal })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(400);
    await sleep(500);
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(1); // the sandbox processed the one request after its delay
  });

  it('an already-aborted signal sends nothing', async () => {
    const sb = sandbox();
    const controller = new AbortController();
    controller.abort(new Error('before start'));
    await expect(clientFor(provider, sb).refunds.create(c.input(1450), { signal: controller.signal })).rejects.toThrow();
    expect(sb.requests).toHaveLength(0);
  });
});

describe('xpay: repeated 503s on a de-duplicating provider', () => {
  const sandbox = useSandbox('xpay');
  it('two 503s then success → three requests under one key, one refund', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'status', status: 503 }, 2);
    const refund = await clientFor('xpay', sb).refunds.create(cases.xpay.input(1450));
    expect(sb.requests).toHaveLength(3);
    expect(new Set(sb.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(sb.ledger).toHaveLength(1);
    expect(refund.id).toBe(sb.ledger[0]!.id);
  });
});
