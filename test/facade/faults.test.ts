/**
 * Faults through the facade, every provider in specs/providers.yaml × every fault its fake plays.
 * The contract (DESIGN.md, "Retries"): exactly one refund after any sequence of timeouts, resets and
 * 5xx answers; providers whose mapping says they de-duplicate are retried under the SAME idempotency
 * key, the others are sent exactly once as soon as the request may have reached them.
 */
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { recipes } from '../../generated/refunds/src/testing/recipes.js';
import { caseOf, clientFor, mainPayment, providerIds, refundError, useFake } from './harness.js';

const TIMEOUT_MS = 250;

describe.each(providerIds)('%s faults', (provider) => {
  const c = caseOf(provider);
  const sandbox = useFake(provider);
  /** The HTTP status of the fake's 5xx fault (the spec's documented one, else 503). */
  const unavailable = recipes[provider].unavailable.httpStatus;
  const amountIn = (value: number, extra: Record<string, unknown> = {}) => c.input(mainPayment(sandbox()), value, extra);
  const input = () => amountIn(1450);
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
      sb.injectFault('reset-before');
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('reset-after (refund created, socket destroyed): retried with the same key → the stored refund, still one', async () => {
      const sb = sandbox();
      sb.injectFault('reset-after');
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('5xx before processing: retried → one refund', async () => {
      const sb = sandbox();
      sb.injectFault('5xx');
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.amount).toEqual({ value: 1450, currency: mainPayment(sandbox()).amount.currency });
    });

    it('500 after processing: retried with the same key → one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ statusAfterRefund: 500 });
      const refund = await clientFor(provider, sb).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(sb.ledger).toHaveLength(1);
      expect(refund.id).toBe(sb.ledger[0]!.id);
    });

    it('timeout (the refund is made, the reply never comes): retried with the same key → one refund, the refund the lost reply made is the only one', async () => {
      const sb = sandbox();
      sb.injectFault('timeout-after');
      const refund = await clientFor(provider, sb, { timeoutMs: TIMEOUT_MS }).refunds.create(input());
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
      expect(refund.id).toBe(sb.ledger[0]!.id);
            expect(sb.ledger).toHaveLength(1);
    });

    it('5xx on every attempt: three attempts under one key, then provider_unavailable (retryable)', async () => {
      const sb = sandbox();
      sb.injectFault('5xx', 3);
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: unavailable, retryable: true });
      expect(sb.requests).toHaveLength(3);
      expectOneKeyOnAll(3);
      expect(sb.ledger).toHaveLength(0);
    });

    it('timeout on every attempt: timeout error, retryable; the refund made by the first attempt is the only one', async () => {
      const sb = sandbox();
      sb.injectFault('timeout-after', 3);
      const err = await refundError(() => clientFor(provider, sb, { timeoutMs: TIMEOUT_MS, maxRetries: 1 }).refunds.create(input()));
      expect(err).toMatchObject({ code: 'timeout', retryable: true });
      expect(sb.requests).toHaveLength(2);
      expectOneKeyOnAll(2);
            expect(sb.ledger).toHaveLength(1);
    });

    it('html-error (502 page) on every attempt → unexpected_response, nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault('html', 3);
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'unexpected_response', httpStatus: 502 });
      expect(sb.ledger).toHaveLength(0);
      expectOneKeyOnAll(3);
    });

    it('maxRetries: 0 → exactly one attempt even though retrying would be safe', async () => {
      const sb = sandbox();
      sb.injectFault('5xx');
      const err = await refundError(() => clientFor(provider, sb, { maxRetries: 0 }).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: unavailable, retryable: true });
      expect(sb.requests).toHaveLength(1);
    });

    it('each create call generates a fresh key, reused by all of its attempts; a caller key is sent verbatim on every attempt', async () => {
      const sb = sandbox();
      const client = clientFor(provider, sb);
      sb.injectFault('5xx');
      await client.refunds.create(amountIn(100));
      sb.injectFault('5xx');
      await client.refunds.create(amountIn(200));
      sb.injectFault('5xx');
      await client.refunds.create(amountIn(300, { idempotencyKey: 'caller-key_A17:1' }));
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
      sb.injectFault('reset-before');
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err.code).toBe('network_error');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('reset-after (refund created, socket destroyed): sent exactly once → network_error, one refund', async () => {
      const sb = sandbox();
      sb.injectFault('reset-after');
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err.code).toBe('network_error');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('5xx: sent exactly once → provider_unavailable, retryable true (contract), nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault('5xx');
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: unavailable, retryable: true, provider });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('500 after processing: sent exactly once → provider_unavailable, one refund', async () => {
      const sb = sandbox();
      sb.injectFault({ statusAfterRefund: 500 });
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'provider_unavailable', httpStatus: 500, retryable: true });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('timeout (the refund is made, the reply never comes): sent exactly once → timeout error; the refund it made is the only one', async () => {
      const sb = sandbox();
      sb.injectFault('timeout-after');
      const started = Date.now();
      const err = await refundError(() => clientFor(provider, sb, { timeoutMs: TIMEOUT_MS }).refunds.create(input()));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(err.code).toBe('timeout');
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
            expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(1);
    });

    it('html-error (502 page): sent once → unexpected_response, nothing refunded', async () => {
      const sb = sandbox();
      sb.injectFault('html');
      const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
      expect(err).toMatchObject({ code: 'unexpected_response', httpStatus: 502 });
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });
  }

  it('429 with Retry-After: 1 → waits about a second, retries, one refund', async () => {
    const sb = sandbox();
    sb.injectFault({ retryAfterSeconds: 1 });
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
    sb.injectFault('429', 3);
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(err).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true });
    expect(sb.requests).toHaveLength(3);
    expect(sb.ledger).toHaveLength(0);
  });

  it('malformed JSON in a success answer → unexpected_response, sent once, one refund', async () => {
    const sb = sandbox();
    sb.injectFault('malformed-json');
    const err = await refundError(() => clientFor(provider, sb).refunds.create(input()));
    expect(err.code).toBe('unexpected_response');
    expect(err.httpStatus).toBe(c.mapping.responses[0]!.status);
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(1);
  });

  it('maxRetries: 0 → exactly one attempt after a 429', async () => {
    const sb = sandbox();
    sb.injectFault('429');
    const err = await refundError(() => clientFor(provider, sb, { maxRetries: 0 }).refunds.create(input()));
    expect(err.code).toBe('rate_limited');
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(0);
  });

  it('connection refused (certainly never sent) is retried even without idempotency: 3 attempts, network_error retryable', async () => {
    const port = await closedPort();
    let calls = 0;
    const client = clientFor(provider, { url: `http://127.0.0.1:${port}` }, {
      credentials: sandbox().fake.credentials as unknown as Record<string, string>,
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
