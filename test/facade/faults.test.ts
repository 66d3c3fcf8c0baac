/**
 * Faults through the facade, every provider × every sandbox fault kind. The contract (DESIGN.md,
 * "Retries"): exactly one refund after any sequence of timeouts, resets and 5xx answers; the
 * de-duplicating providers (xpay, onekeypayments) are retried under the SAME idempotency key, the
 * others are sent exactly once as soon as the request may have reached them.
 */
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cases, clientFor, providerIds, refundError, useSandbox } from './cases.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TIMEOUT_MS = 250;
const DELAY_MS = 600;

describe.each(providerIds)('%s faults', (provider) => {
  const c = cases[provider];
  const sandbox = useSandbox(provider);
  const input = () => c.input(1450);
  const keysOf = () => c.idempotencyHeader === undefined ? [] : sandbox().requests.map((r) => r.headers[c.idempotencyHeader!]);
  const expectOneKeyOnAll = (attempts: number) => {
    const keys = keysOf();
    expect(keys).toHaveLength(attempts);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  };

  if (c.deduplicates) {
    it('reset-before: retried with the same key → one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'reset-before' });
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('reset-after (refund created, socket destroyed): retried with the same key → the stored refund, still one', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'reset-after' });
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('503 before processing: retried → one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 503 });
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.amount).toEqual({ value: 1450, currency: c.payment.currency });
    });

    it('500 after processing: retried with the same key → one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 500, afterProcessing: true });
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('timeout (delay > timeoutMs): retried with the same key → one refund, also after the slow attempt lands', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'delay', ms: DELAY_MS });
      const refund = await clientFor(provider, sb, { timeoutMs: TIMEOUT_MS }).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(refund.id).toBe(sb.ledger[0]!.id);
      await sleep(DELAY_MS);
      expect(sb.ledger).toHaveLength(1);
    });

    it('5xx on every attempt: three attempts under one key, then provider_unavailable (retryable)', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 503 }, 3);
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: 503, retryable: true });
      expect(sb.requests).toHaveLength(3);
      expectOneKeyOnAll(3);
      expect(sb.ledger).toHaveLength(0);
    });

    it('timeout on every attempt: timeout error, retryable; the slow attempts land as one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'delay', ms: DELAY_MS }, 3);
      const err = await refundError(() => clientFor(provider, sb, { timeoutMs: TIMEOUT_MS, maxRetries: 1 }).refunds.create(input()));
      expect(err).toMatchObject({ code: 'timeout', retryable: true });
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      await sleep(DELAY_MS + 100);
      expect(sb.ledger).toHaveLength(1);
    });

    it('html-error (502 page) on every attempt → unexpected_response, nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'html-error' }, 3);
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'unexpected_response', httpStatus: 502 });
      expect(sb.ledger).toHaveLength(0);
      expectOneKeyOnAll(3);
    });

    it('maxRetries: 0 → exactly one attempt even though retrying would be safe', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 503 });
      const err = await refundError(() => clientFor(provider, sb, { maxRetries: 0 }).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: 503, retryable: true });
      expect(sb.requests).toHaveLength(1);
    });

    it('each create call generates a fresh key, reused by all of its attempts; a caller key is sent verbatim on every attempt', async () => {
      const sb = sandbox();
      const client = clientFor(provider, sb);
      sb.injectFault({ kind: 'status', status: 503 });
      await client.refunds.create(c.input(100));
      sb.injectFault({ kind: 'status', status: 503 });
      await client.refunds.create(c.input(200));
      sb.injectFault({ kind: 'status', status: 503 });
      await client.refunds.create(c.input(300, { idempotencyKey: 'caller-key_A17:1' }));
      const keys = keysOf();
      expect(keys).toHaveLength(6);
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).toBe(keys[3]);
      expect(keys[0]).not.toBe(keys[2]);
      expect([keys[4], keys[5]]).toEqual(['caller-key_A17:1', 'caller-key_A17:1']);
      expect(sb.ledger.map((e) => e.amountMinor)).toEqual([100, 200, 300]);
    });
  } else {
    it('reset-before (request arrived, socket destroyed): not resent → network_error, nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'reset-before' });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err.code).toBe('network_error');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('reset-after (refund created, socket destroyed): sent exactly once → network_error, one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'reset-after' });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err.code).toBe('network_error');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('503: sent exactly once → provider_unavailable, retryable true (contract), nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 503 });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: 503, retryable: true, provider });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('500 after processing: sent exactly once → provider_unavailable, one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'status', status: 500, afterProcessing: true });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: 500, retryable: true });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('timeout (delay > timeoutMs): sent exactly once → timeout error; the slow request lands as one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'delay', ms: DELAY_MS });
      const started = Date.now();
      const err = await refundError(() => clientFor(provider, sb, { timeoutMs: TIMEOUT_MS }).refunds.create(input()));
      expect(Date.now() - started).toBeLessThan(DELAY_MS);
      expect(err.code).toBe('timeout');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      await sleep(DELAY_MS);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('html-error (502 page): sent once → unexpected_response, nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault({ kind: 'html-error' });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'unexpected_response', httpStatus: 502 });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });
  }

  it('429 with Retry-After: 1 → waits about a second, retries, one refund', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 1 });
    const started = Date.now();
    const refund = await clientFor(provider, sb).refunds.create(input());
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000);
    expect(sb.requests).toHaveLength(2);
    expect(sb.ledger).toHaveLength(1);
    expect(refund.id).toBe(sb.ledger[0]!.id);
    if (c.deduplicates) expectOneKeyOnAll(2);
  });

  it('429 on every attempt → rate_limited after maxRetries + 1 attempts, retryable', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 0 }, 3);
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(err).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true });
    expect(sb.requests).toHaveLength(3);
    expect(sb.ledger).toHaveLength(0);
  });

  it('malformed JSON in a 200 → unexpected_response, sent once, one refund', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'malformed-json' });
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(err.code).toBe('unexpected_response');
    expect(err.httpStatus).toBe(200);
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(1);
  });

  it('maxRetries: 0 → exactly one attempt after a 429', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 0 });
    const err = await refundError(() => clientFor(provider, sb, { maxRetries: 0 }).refunds.create(input()));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(0);
  });

  it('connection refused (certainly never sent) is retried even without idempotency: 3 attempts, network_error retryable', async () => {
    const port = await closedPort();
    let calls = 0;
    const client = clientFor(provider, { url: `http://127.0.0.1:${port}` }, {
      fetch: (request) => { calls++; return globalThis.fetch(request); },
    });
    const err = await refundError(() => client.refunds.create(input()));
    expect(err.code).toBe('network_error');
    expect(err.retryable).toBe(true);
    expect(calls).toBe(3);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
