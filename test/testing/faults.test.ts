/**
 * Every fault startFake can inject, for every provider in specs/providers.yaml: what the facade
 * reports with one attempt, and that with its default retries exactly the right number of refunds
 * exist afterwards (one for providers that de-duplicate, never two for those that do not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capabilities, createRefundsClient, RefundError, type ProviderId } from '@paykit/refunds';
import { startFake, type Fake, type FakeFault } from '@paykit/refunds/testing';
import { providerIds } from './providers.js';

const running: Fake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

/** With one attempt: the error code, and whether the fake created the refund before the reply was lost. */
const ONE_ATTEMPT: Record<FakeFault, { code: string; recorded: boolean; httpStatus?: number }> = {
  'timeout-before': { code: 'timeout', recorded: false },
  'timeout-after': { code: 'timeout', recorded: true },
  'reset-before': { code: 'network_error', recorded: false },
  'reset-after': { code: 'network_error', recorded: true },
  '5xx': { code: 'provider_unavailable', recorded: false, httpStatus: 503 },
  '429': { code: 'rate_limited', recorded: false, httpStatus: 429 },
  'malformed-json': { code: 'unexpected_response', recorded: true },
  html: { code: 'unexpected_response', recorded: false, httpStatus: 502 },
};
const FAULTS = Object.keys(ONE_ATTEMPT) as FakeFault[];
/** Long enough for a loaded machine to answer a normal request, short enough to keep the suite quick. */
const TIMEOUT_MS = 400;

async function setUp(provider: ProviderId, maxRetries: number) {
  const fake = await startFake(provider);
  running.push(fake);
  const client = createRefundsClient({ provider, credentials: fake.credentials as never, baseUrl: fake.baseUrl, maxRetries, timeoutMs: TIMEOUT_MS });
  const payment = fake.payments[0]!;
  const create = () => client.refunds.create({
    paymentId: payment.paymentId, amount: { value: 100, currency: payment.amount.currency },
    ...(payment.providerOptions ? { providerOptions: payment.providerOptions } : {}),
  } as never);
  return { fake, create };
}

describe.each(providerIds)('fake %s faults', (id) => {
  const provider = id as ProviderId;
  const deduplicates = capabilities[provider].idempotency;

  it.each(FAULTS)('%s, one attempt', async (fault) => {
    const { fake, create } = await setUp(provider, 0);
    fake.failNext(fault);
    const error = await create().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RefundError);
    const expected = ONE_ATTEMPT[fault];
    expect((error as RefundError).code).toBe(expected.code);
    if (expected.httpStatus !== undefined) expect((error as RefundError).httpStatus).toBe(expected.httpStatus);
    expect(fake.refunds()).toHaveLength(expected.recorded ? 1 : 0);
    // The fault was used up: the next request is answered normally.
    const refund = await create();
    expect(fake.refunds().at(-1)?.id).toBe(refund.id);
  });

  it.each(FAULTS)('%s, default retries: never more than one refund', async (fault) => {
    const { fake, create } = await setUp(provider, 2);
    fake.failNext(fault);
    const outcome = await create().then((refund) => ({ refund }), (error: unknown) => ({ error }));
    const refunds = fake.refunds();
    expect(refunds.length).toBeLessThanOrEqual(1);
    if ('refund' in outcome) {
      expect(refunds).toEqual([expect.objectContaining({ id: outcome.refund.id })]);
    } else {
      expect(outcome.error).toBeInstanceOf(RefundError);
    }
    // A provider that de-duplicates is retried through every fault but a malformed answer; 429 always is.
    if ((deduplicates && fault !== 'malformed-json' && fault !== 'html') || fault === '429') expect(outcome).toHaveProperty('refund');
    if (deduplicates && refunds[0]?.idempotencyKey !== undefined) expect(refunds[0].idempotencyKey).toMatch(/\S/);
  });
});
