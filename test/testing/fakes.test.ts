/**
 * The facade against @paykit/refunds/testing, for every provider in specs/providers.yaml: refunds
 * of every seeded payment, partial then full, the documented errors, idempotency, and the ledger.
 * Nothing here knows a provider: inputs come from the fake's seeded payments and the capabilities.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capabilities, createRefundsClient, RefundError, type ProviderId } from '@paykit/refunds';
import { startFake, type Fake, type FakePayment } from '@paykit/refunds/testing';
import { errorRules, providerIds, unknownPaymentId } from './providers.js';

const running: Fake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

async function setUp(provider: ProviderId, credentials?: Record<string, string>, existing?: Fake) {
  const fake = existing ?? await startFake(provider);
  if (existing === undefined) running.push(fake);
  const client = createRefundsClient({ provider, credentials: (credentials ?? fake.credentials) as never, baseUrl: fake.baseUrl, maxRetries: 0, timeoutMs: 5_000 });
  const create = (payment: FakePayment, extra: Record<string, unknown> = {}) =>
    client.refunds.create({ paymentId: payment.paymentId, ...(payment.providerOptions ? { providerOptions: payment.providerOptions } : {}), ...extra } as never);
  return { fake, create };
}

async function refusal(promise: Promise<unknown>): Promise<RefundError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error, 'the refund should have been refused').toBeInstanceOf(RefundError);
  return error as RefundError;
}

const money = (payment: FakePayment, value: number) => ({ value, currency: payment.amount.currency });

describe.each(providerIds)('fake %s', (id) => {
  const provider = id as ProviderId;

  it('seeds at least two refundable payments, each in its own currency of the provider', async () => {
    const { fake } = await setUp(provider);
    expect(fake.payments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fake.payments.map((p) => p.paymentId)).size).toBe(fake.payments.length);
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.refunds()).toEqual([]);
  });

  it('refunds every seeded payment with the status the fake seeded it with, and records it', async () => {
    const { fake, create } = await setUp(provider);
    for (const [i, payment] of fake.payments.entries()) {
      const refund = await create(payment, { amount: money(payment, 100 + i), reference: `ref-${i}` });
      const entry = fake.refunds()[i]!;
      expect(refund.status).toBe(payment.refundStatus);
      expect(refund.id).toBe(entry.id);
      expect(refund.paymentId).toBe(payment.paymentId);
      expect(entry).toMatchObject({ paymentId: payment.paymentId, amount: money(payment, 100 + i), status: payment.refundStatus });
      if (refund.amount !== undefined) expect(refund.amount).toEqual(money(payment, 100 + i));
      if (capabilities[provider].reference && refund.reference !== undefined) expect(refund.reference).toBe(`ref-${i}`);
    }
    expect(fake.refunds()).toHaveLength(fake.payments.length);
    expect(new Set(fake.refunds().map((r) => r.id)).size).toBe(fake.payments.length);
  });

  it('dates refunds by the fake\'s clock, in the form the mapping reads back exactly', async () => {
    const fake = await startFake(provider, { now: () => new Date('2024-05-06T07:08:09.000Z') });
    running.push(fake);
    const client = createRefundsClient({ provider, credentials: fake.credentials as never, baseUrl: fake.baseUrl, maxRetries: 0 });
    const payment = fake.payments[0]!;
    const refund = await client.refunds.create({
      paymentId: payment.paymentId, amount: money(payment, 100), ...(payment.providerOptions ? { providerOptions: payment.providerOptions } : {}),
    } as never);
    if (refund.createdAt !== undefined) expect(refund.createdAt).toBe('2024-05-06T07:08:09.000Z');
  });

  it('refunds part, then the rest, then refuses a third refund', async () => {
    const { fake, create } = await setUp(provider);
    const payment = fake.payments[1]!;
    const total = payment.amount.value;
    await create(payment, { amount: money(payment, 1_000) });
    const rest = capabilities[provider].fullRefundWithoutAmount ? {} : { amount: money(payment, total - 1_000) };
    await create(payment, rest);
    expect(fake.refunds().map((r) => r.amount?.value)).toEqual([1_000, total - 1_000]);
    const third = await refusal(create(payment, { amount: money(payment, 1) }));
    expect(['already_refunded', 'amount_exceeds_refundable']).toContain(third.code);
    expect(fake.refunds()).toHaveLength(2);
  });

  it('answers an over-refund with the response mapped to amount_exceeds_refundable', async () => {
    const { fake, create } = await setUp(provider);
    const payment = fake.payments[0]!;
    const error = await refusal(create(payment, { amount: money(payment, payment.amount.value + 1) }));
    expect(error.code).toBe('amount_exceeds_refundable');
    expect(error.httpStatus).toBe(errorRules(id).find((r) => r.code === 'amount_exceeds_refundable')?.status);
    expect(fake.refunds()).toEqual([]);
  });

  it('answers an unknown payment with the response mapped to payment_not_found', async () => {
    const { fake, create } = await setUp(provider);
    const payment = fake.payments[0]!;
    const error = await refusal(create({ ...payment, paymentId: unknownPaymentId(payment.paymentId, fake.payments.map((p) => p.paymentId)) }, { amount: money(payment, 100) }));
    expect(error.code).toBe('payment_not_found');
    expect(error.httpStatus).toBe(errorRules(id).find((r) => r.code === 'payment_not_found')?.status);
    expect(fake.refunds()).toEqual([]);
  });

  it('checks every credential field: changing any one of them is authentication_failed', async () => {
    const { fake } = await setUp(provider);
    const right = fake.credentials as unknown as Record<string, string>;
    for (const field of Object.keys(right)) {
      const wrong = { ...right, [field]: `${right[field]}x` };
      const { create } = await setUp(provider, wrong, fake);
      const payment = fake.payments[0]!;
      const error = await refusal(create(payment, { amount: money(payment, 100) }));
      expect(error.code, field).toBe('authentication_failed');
      expect(JSON.stringify(error)).not.toContain(wrong[field]);
    }
    expect(fake.refunds()).toEqual([]);
  });

  it(capabilitiesText(provider), async () => {
    const { fake, create } = await setUp(provider);
    const payment = fake.payments[0]!;
    const first = await create(payment, { amount: money(payment, 100), idempotencyKey: 'key-1' });
    const second = await create(payment, { amount: money(payment, 100), idempotencyKey: 'key-1' });
    if (capabilities[provider].idempotency) {
      expect(second.id).toBe(first.id);
      expect(fake.refunds()).toEqual([expect.objectContaining({ id: first.id, idempotencyKey: 'key-1' })]);
      const conflict = await refusal(create(payment, { amount: money(payment, 200), idempotencyKey: 'key-1' }));
      expect(conflict.code).toBe('invalid_request');
      expect(fake.refunds()).toHaveLength(1);
    } else {
      expect(second.id).not.toBe(first.id);
      expect(fake.refunds().map((r) => r.id)).toEqual([first.id, second.id]);
    }
  });

  it('rejects an unknown fault and an unknown provider', async () => {
    const { fake } = await setUp(provider);
    expect(() => fake.failNext('boom' as never)).toThrow(/fault must be one of/);
    await expect(startFake('nope' as ProviderId)).rejects.toThrow(/provider must be one of/);
  });
});

function capabilitiesText(provider: ProviderId): string {
  return capabilities[provider].idempotency
    ? 'de-duplicates by idempotency key: the same key and body give the same refund; another body is invalid_request'
    : 'does not de-duplicate: the same key twice gives two refunds';
}
