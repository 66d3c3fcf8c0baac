/**
 * Table-driven facade cases: one row per provider says how to call `@paykit/refunds` against its
 * loopback sandbox (test/sandboxes) and what the contract (../shared/DESIGN.md) expects back.
 * The per-provider test files call `describeCommonCases(provider)` and add the provider's specifics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRefundsClient, RefundError, type CreateRefundInputByProvider, type ProviderId, type Refund } from '@paykit/refunds';
import { providers, startSandbox, type Sandbox, type SandboxOptions } from '../sandboxes/index.ts';

export const providerIds: ProviderId[] = ['push', 'wooshpay', 'onekeypayments', 'xpay', 'payop'];

/** A fixed sandbox clock (with milliseconds), so createdAt is asserted exactly. onekeypayments signs X-Date against the clock, so it keeps the real one. */
export const FIXED_NOW = new Date('2026-03-04T05:06:07.891Z');

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export interface ProviderCase {
  provider: ProviderId;
  credentials: Record<string, string>;
  /** Credentials of the right shape that the sandbox rejects. */
  wrongCredentials: Record<string, string>;
  /** Seeded payment refunded in the success / partial / full cases. */
  payment: { id: string; amountMinor: number; currency: string };
  /** Facade status for that payment's refunds. */
  status: Refund['status'];
  /** Builds a refund input for the seeded payment (amount in minor units; undefined = full). */
  input(amountMinor: number | undefined, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Input for a full refund when `remainingMinor` is left. */
  fullInput(remainingMinor: number): Record<string, unknown>;
  /** The createdAt the Refund must carry, from the raw body (undefined when the provider reports none). */
  expectedCreatedAt(raw: any): string | undefined;
  /** Input naming a payment the sandbox does not know. */
  unknownPayment: Record<string, unknown>;
  errors: {
    authentication_failed: number;
    payment_not_found: number;
    amount_exceeds_refundable: number;
    /** undefined when the provider documents no such answer (payop). */
    already_refunded?: number;
  };
  deduplicates: boolean;
  idempotencyHeader?: string;
  options?: SandboxOptions;
}

const p = providers;

export const cases: Record<ProviderId, ProviderCase> = {
  push: {
    provider: 'push',
    credentials: { ...p.push.credentials },
    wrongCredentials: { apiKey: 'push_wrong_key_0000000000' },
    payment: p.push.payments.approved,
    status: 'succeeded',
    input: (amount, extra) => ({ paymentId: p.push.payments.approved.id, ...(amount === undefined ? {} : { amount: { value: amount, currency: 'USD' } }), ...extra }),
    fullInput: () => ({ paymentId: p.push.payments.approved.id }),
    expectedCreatedAt: () => FIXED_NOW.toISOString(),
    unknownPayment: { paymentId: 'intent_sandbox_DoesNotExist0000000001', amount: { value: 100, currency: 'USD' } },
    errors: { authentication_failed: 401, payment_not_found: 404, amount_exceeds_refundable: 400, already_refunded: 400 },
    deduplicates: false,
    options: { now: () => FIXED_NOW },
  },
  wooshpay: {
    provider: 'wooshpay',
    credentials: { ...p.wooshpay.credentials },
    wrongCredentials: { secretKey: 'sk_test_wooshpay_wrong_00000' },
    payment: p.wooshpay.payments.usd,
    status: 'succeeded',
    input: (amount, extra) => ({ paymentId: p.wooshpay.payments.usd.id, ...(amount === undefined ? {} : { amount: { value: amount, currency: 'USD' } }), ...extra }),
    fullInput: () => ({ paymentId: p.wooshpay.payments.usd.id }),
    // `created` is epoch seconds: the milliseconds are gone.
    expectedCreatedAt: () => '2026-03-04T05:06:07.000Z',
    unknownPayment: { paymentId: 'pi_0000000000000000000', amount: { value: 100, currency: 'USD' } },
    errors: { authentication_failed: 401, payment_not_found: 404, amount_exceeds_refundable: 400, already_refunded: 400 },
    deduplicates: false,
    options: { now: () => FIXED_NOW },
  },
  onekeypayments: {
    provider: 'onekeypayments',
    credentials: { ...p.onekeypayments.credentials },
    wrongCredentials: { login: p.onekeypayments.credentials.login, secretKey: 'okp_secret_wrong_000000000000' },
    payment: p.onekeypayments.payments.card,
    status: 'succeeded',
    input: (amount, extra) => ({
      paymentId: p.onekeypayments.payments.card.id,
      providerOptions: { invoiceId: p.onekeypayments.payments.card.invoiceId },
      ...(amount === undefined ? {} : { amount: { value: amount, currency: 'MXN' } }),
      ...extra,
    }),
    fullInput: () => ({ paymentId: p.onekeypayments.payments.card.id, providerOptions: { invoiceId: p.onekeypayments.payments.card.invoiceId } }),
    // 'YYYY-MM-DD HH:mm:ss' read as UTC.
    expectedCreatedAt: (raw) => `${String(raw.refund_info.created_at).replace(' ', 'T')}.000Z`,
    unknownPayment: { paymentId: '3999999', providerOptions: { invoiceId: 'inv-9999' }, amount: { value: 100, currency: 'MXN' } },
    errors: { authentication_failed: 401, payment_not_found: 404, amount_exceeds_refundable: 400, already_refunded: 400 },
    deduplicates: true,
    idempotencyHeader: 'x-idempotency-key',
  },
  xpay: {
    provider: 'xpay',
    credentials: { ...p.xpay.credentials },
    wrongCredentials: { publicKey: p.xpay.credentials.publicKey, secretKey: 'xpay_sk_wrong_000000000000' },
    payment: p.xpay.payments.usd,
    status: 'pending',
    input: (amount, extra) => ({ paymentId: p.xpay.payments.usd.id, ...(amount === undefined ? {} : { amount: { value: amount, currency: 'USD' } }), ...extra }),
    fullInput: () => ({ paymentId: p.xpay.payments.usd.id }),
    expectedCreatedAt: () => FIXED_NOW.toISOString(),
    unknownPayment: { paymentId: 'in_doesNotExist00000', amount: { value: 100, currency: 'USD' } },
    errors: { authentication_failed: 401, payment_not_found: 400, amount_exceeds_refundable: 400, already_refunded: 400 },
    deduplicates: true,
    idempotencyHeader: 'idempotency-key',
    options: { now: () => FIXED_NOW },
  },
  payop: {
    provider: 'payop',
    credentials: { ...p.payop.credentials },
    wrongCredentials: { token: 'eyJhbGciOiJIUzI1NiJ9.d3Jvbmc.d3JvbmctdG9rZW4tMDAwMDAw' },
    payment: p.payop.payments.eur,
    status: 'pending',
    input: (amount, extra) => ({ paymentId: p.payop.payments.eur.id, amount: { value: amount ?? p.payop.payments.eur.amountMinor, currency: 'EUR' }, ...extra }),
    fullInput: (remaining) => ({ paymentId: p.payop.payments.eur.id, amount: { value: remaining, currency: 'EUR' }, providerOptions: { fullRefund: true } }),
    expectedCreatedAt: () => undefined,
    unknownPayment: { paymentId: '00000000-0000-4000-8000-000000000000', amount: { value: 100, currency: 'EUR' } },
    errors: { authentication_failed: 401, payment_not_found: 422, amount_exceeds_refundable: 422 },
    deduplicates: false,
    options: { now: () => FIXED_NOW },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClient = { refunds: { create(input: any, options?: { signal?: AbortSignal }): Promise<Refund> } };

export interface Captured { status: number; headers: Headers; bodyText: string }

/** A fetch that records every response the facade received (exact text), for `raw` assertions. */
export function capturingFetch(log: Captured[]): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await globalThis.fetch(request);
    log.push({ status: response.status, headers: response.headers, bodyText: await response.clone().text() });
    return response;
  };
}

export function clientFor(
  provider: ProviderId,
  sb: { url: string },
  extra: { credentials?: Record<string, string>; fetch?: (r: Request) => Promise<Response>; timeoutMs?: number; maxRetries?: number } = {},
): AnyClient {
  return createRefundsClient({
    provider,
    credentials: (extra.credentials ?? cases[provider].credentials) as never,
    baseUrl: sb.url,
    ...(extra.fetch ? { fetch: extra.fetch } : {}),
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
    ...(extra.maxRetries === undefined ? {} : { maxRetries: extra.maxRetries }),
  }) as unknown as AnyClient;
}

/** Runs `fn` and returns the RefundError it threw (fails the test if it resolved or threw something else). */
export async function refundError(fn: () => Promise<unknown>): Promise<RefundError> {
  let outcome: unknown;
  try {
    outcome = await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RefundError);
    return error as RefundError;
  }
  throw new Error(`expected a RefundError, got a result: ${JSON.stringify(outcome)}`);
}

/** Starts the provider's sandbox for the enclosing describe; reset before each test. */
export function useSandbox(provider: ProviderId): () => Sandbox {
  let sb: Sandbox | undefined;
  beforeAll(async () => { sb = await startSandbox(provider, cases[provider].options ?? {}); });
  afterAll(async () => { await sb?.close(); });
  beforeEach(() => { sb?.reset(); });
  return () => sb!;
}

export type Input<P extends ProviderId> = CreateRefundInputByProvider[P];

/** The cases every provider shares: success, partial then full, the documented errors. */
export function describeCommonCases(provider: ProviderId): void {
  const c = cases[provider];
  describe(`${provider}: common facade cases`, () => {
    const sandbox = useSandbox(provider);

    it('success: a Refund with exact fields, raw equal to the sandbox response body', async () => {
      const sb = sandbox();
      const seen: Captured[] = [];
      const client = clientFor(provider, sb, { fetch: capturingFetch(seen) });
      const refund = await client.refunds.create(c.input(1450, { reference: 'my-refund-17' }));

      expect(sb.ledger).toHaveLength(1);
      expect(sb.requests).toHaveLength(1);
      expect(seen).toHaveLength(1);
      const entry = sb.ledger[0]!;
      expect(entry.amountMinor).toBe(1450);
      expect(refund.provider).toBe(provider);
      expect(refund.id).toBe(entry.id);
      expect(refund.paymentId).toBe(c.payment.id);
      expect(refund.status).toBe(c.status);
      expect(refund.amount).toEqual({ value: 1450, currency: c.payment.currency.toUpperCase() });
      expect(Number.isInteger(refund.amount!.value)).toBe(true);
      expect(refund.raw).toEqual(JSON.parse(seen[0]!.bodyText));
      const createdAt = c.expectedCreatedAt(refund.raw);
      expect(refund.createdAt).toBe(createdAt);
      if (createdAt !== undefined) expect(refund.createdAt).toMatch(ISO_UTC);
      // Only xpay echoes the merchant reference.
      expect(refund.reference).toBe(provider === 'xpay' ? 'my-refund-17' : undefined);
    });

    it('partial then full refund: two ledger entries, the second refunds the remainder', async () => {
      const sb = sandbox();
      const client = clientFor(provider, sb);
      const first = await client.refunds.create(c.input(1450));
      const remaining = c.payment.amountMinor - 1450;
      const second = await client.refunds.create(c.fullInput(remaining));

      expect(sb.ledger.map((e) => e.amountMinor)).toEqual([1450, remaining]);
      expect(sb.ledger.map((e) => e.paymentId)).toEqual([c.payment.id, c.payment.id]);
      expect(first.amount).toEqual({ value: 1450, currency: c.payment.currency });
      expect(second.amount).toEqual({ value: remaining, currency: c.payment.currency });
      expect(second.id).toBe(sb.ledger[1]!.id);
      expect(second.id).not.toBe(first.id);
    });

    it('wrong credentials → authentication_failed, not retryable, nothing refunded', async () => {
      const sb = sandbox();
      const client = clientFor(provider, sb, { credentials: c.wrongCredentials });
      const err = await refundError(() => client.refunds.create(c.input(1450)));
      expect(err.code).toBe('authentication_failed');
      expect(err.httpStatus).toBe(c.errors.authentication_failed);
      expect(err.retryable).toBe(false);
      expect(err.provider).toBe(provider);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('unknown payment → payment_not_found', async () => {
      const sb = sandbox();
      const err = await refundError(() => clientFor(provider, sb).refunds.create(c.unknownPayment));
      expect(err.code).toBe('payment_not_found');
      expect(err.httpStatus).toBe(c.errors.payment_not_found);
      expect(err.retryable).toBe(false);
      expect(sb.requests).toHaveLength(1);
      expect(sb.ledger).toHaveLength(0);
    });

    it('more than the payment → amount_exceeds_refundable', async () => {
      const sb = sandbox();
      const err = await refundError(() => clientFor(provider, sb).refunds.create(c.input(c.payment.amountMinor + 1)));
      expect(err.code).toBe('amount_exceeds_refundable');
      expect(err.httpStatus).toBe(c.errors.amount_exceeds_refundable);
      expect(err.retryable).toBe(false);
      expect(err.raw).toBeDefined();
      expect(sb.ledger).toHaveLength(0);
    });

    if (c.errors.already_refunded !== undefined) {
      it('refund of a fully refunded payment → already_refunded', async () => {
        const sb = sandbox();
        const client = clientFor(provider, sb);
        await client.refunds.create(c.fullInput(c.payment.amountMinor));
        expect(sb.ledger).toHaveLength(1);
        const err = await refundError(() => client.refunds.create(c.fullInput(0)));
        expect(err.code).toBe('already_refunded');
        expect(err.httpStatus).toBe(c.errors.already_refunded);
        expect(err.retryable).toBe(false);
        expect(sb.ledger).toHaveLength(1);
      });
    } else {
      it('after a full refund, any further amount → amount_exceeds_refundable (Payop documents no "already refunded")', async () => {
        const sb = sandbox();
        const client = clientFor(provider, sb);
        await client.refunds.create(c.fullInput(c.payment.amountMinor));
        const err = await refundError(() => client.refunds.create(c.input(1)));
        expect(err.code).toBe('amount_exceeds_refundable');
        expect(err.httpStatus).toBe(422);
        expect(sb.ledger).toHaveLength(1);
      });
    }

    it('an invalid amount is refused before any request, naming the field', async () => {
      const sb = sandbox();
      const err = await refundError(() => clientFor(provider, sb).refunds.create(c.input(14.5)));
      expect(err.code).toBe('invalid_request');
      expect(err.message).toContain('amount.value');
      expect(err.httpStatus).toBeUndefined();
      expect(sb.requests).toHaveLength(0);
    });
  });
}
