/**
 * The facade suites' harness over @paykit/refunds/testing: one fake per test, for every provider in
 * specs/providers.yaml. Inputs come from the fake's seeded payments, expectations from the mapping
 * (specs/mappings/<id>.yaml) and the capability matrix; nothing here names a provider.
 *
 * The client's `fetch` records what the facade sent (requests) and received (responses), and plays
 * the faults the fake has no switch for (a Retry-After other than 0, a 5xx after the refund was made).
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { capabilities, createRefundsClient, RefundError, type ProviderId, type Refund } from '@paykit/refunds';
import { startFake, type Fake, type FakeFault, type FakeOptions, type FakePayment } from '@paykit/refunds/testing';
import { errorStatus, mappingOf, type Mapping } from '../helpers/providers.js';
import { recipes } from '../../generated/refunds/src/testing/recipes.js';

export { providerIds } from '../helpers/providers.js';

/** A fixed clock for the fakes, whole seconds so every provider's date form reads it back exactly. */
export const FIXED_NOW = new Date('2026-03-04T05:06:07.000Z');
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export interface SentRequest { method: string; path: string; headers: Record<string, string>; bodyText: string }
export interface Captured { status: number; headers: Headers; bodyText: string }
export interface LedgerEntry { id: string; paymentId: string; amountMinor: number | undefined; idempotencyKey?: string; status: Refund['status'] }

/** A fault for the next request: one the fake plays, or one played in the client's fetch. */
export type Fault = FakeFault | { retryAfterSeconds: number } | { statusAfterRefund: number };

export interface Harness {
  provider: ProviderId;
  fake: Fake;
  url: string;
  requests: SentRequest[];
  responses: Captured[];
  readonly ledger: LedgerEntry[];
  injectFault(fault: Fault, times?: number): void;
  fetch(request: Request): Promise<Response>;
}

export async function startHarness(provider: ProviderId, options: FakeOptions = {}): Promise<Harness> {
  const fake = await startFake(provider, options);
  const queue: Fault[] = [];
  const requests: SentRequest[] = [];
  const responses: Captured[] = [];
  const harness: Harness = {
    provider, fake, url: fake.baseUrl, requests, responses,
    get ledger() {
      return fake.refunds().map((r) => ({ id: r.id, paymentId: r.paymentId, amountMinor: r.amount?.value, idempotencyKey: r.idempotencyKey, status: r.status }));
    },
    injectFault(fault, times = 1) {
      for (let i = 0; i < times; i++) queue.push(fault);
    },
    async fetch(request) {
      const url = new URL(request.url);
      requests.push({ method: request.method, path: url.pathname, headers: Object.fromEntries(request.headers), bodyText: await request.clone().text() });
      const fault = queue.shift();
      if (typeof fault === 'object' && 'retryAfterSeconds' in fault) {
        return new Response('{}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) } });
      }
      if (typeof fault === 'string') fake.failNext(fault);
      const response = await globalThis.fetch(request);
      if (typeof fault === 'object') {
        await response.arrayBuffer();
        return new Response('{}', { status: fault.statusAfterRefund, headers: { 'content-type': 'application/json' } });
      }
      responses.push({ status: response.status, headers: response.headers, bodyText: await response.clone().text() });
      return response;
    },
  };
  return harness;
}

/** A fresh fake (and its harness) for each test of the enclosing describe. */
export function useFake(provider: ProviderId, options: FakeOptions = { now: () => FIXED_NOW }): () => Harness {
  let current: Harness | undefined;
  beforeEach(async () => { current = await startHarness(provider, options); });
  afterEach(async () => { await current?.fake.close(); current = undefined; });
  return () => current!;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClient = { refunds: { create(input: any, options?: { signal?: AbortSignal }): Promise<Refund> } };

/** A client of the harness's fake with its credentials (or `extra.credentials`), recording through the harness. */
export function clientFor(
  provider: ProviderId,
  target: Harness | { url: string },
  extra: { credentials?: Record<string, string>; fetch?: (r: Request) => Promise<Response>; timeoutMs?: number; maxRetries?: number } = {},
): AnyClient {
  const harness = 'fake' in target ? target : undefined;
  const fetch = extra.fetch ?? (harness ? (r: Request) => harness.fetch(r) : undefined);
  const credentials = extra.credentials ?? (harness?.fake.credentials as Record<string, string> | undefined);
  return createRefundsClient({
    provider,
    credentials: credentials as never,
    baseUrl: target.url,
    ...(fetch ? { fetch } : {}),
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
    ...(extra.maxRetries === undefined ? {} : { maxRetries: extra.maxRetries }),
  }) as unknown as AnyClient;
}

/** What a suite needs to know about a provider, from its mapping and capabilities. */
export interface ProviderCase {
  provider: ProviderId;
  mapping: Mapping;
  deduplicates: boolean;
  /** Lower-case; only for providers that de-duplicate. */
  idempotencyHeader?: string;
  /** The HTTP status the mapping reads an error code from. */
  errorStatus(code: string): number | undefined;
  /** Input refunding `amountMinor` of `payment` (undefined: the whole payment, as the provider allows it). */
  input(payment: FakePayment, amountMinor?: number, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Input refunding what is left (`remainingMinor`) of `payment`. */
  fullInput(payment: FakePayment, remainingMinor: number): Record<string, unknown>;
}

export function caseOf(provider: ProviderId): ProviderCase {
  const mapping = mappingOf(provider);
  const caps = capabilities[provider];
  const input = (payment: FakePayment, amountMinor?: number, extra: Record<string, unknown> = {}) => ({
    paymentId: payment.paymentId,
    ...(payment.providerOptions === undefined ? {} : { providerOptions: payment.providerOptions }),
    ...(amountMinor === undefined && caps.fullRefundWithoutAmount ? {} : { amount: { value: amountMinor ?? payment.amount.value, currency: payment.amount.currency } }),
    ...extra,
  });
  return {
    provider,
    mapping,
    deduplicates: mapping.idempotency.deduplicates,
    ...(mapping.idempotency.deduplicates && mapping.idempotency.header ? { idempotencyHeader: mapping.idempotency.header.toLowerCase() } : {}),
    errorStatus: (code) => errorStatus(provider, code),
    input,
    fullInput: (payment, remaining) => (caps.fullRefundWithoutAmount ? input(payment) : input(payment, remaining)),
  };
}

/** The seeded payment the common cases refund: the first one whose refunds the provider accepts. */
export function mainPayment(harness: Harness): FakePayment {
  return harness.fake.payments.find((p) => p.refundStatus !== 'failed') ?? harness.fake.payments[0]!;
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

/**
 * The payments a fake of `provider` seeds, known without starting one (the same recipe startFake
 * plays), for suites that answer with a crafted fetch instead of a fake.
 */
export function seededPayments(provider: ProviderId): FakePayment[] {
  const recipe = recipes[provider];
  return recipe.payments.map((seed) => ({
    paymentId: seed.paymentId,
    amount: { ...seed.amount },
    ...(seed.providerOptions === undefined ? {} : { providerOptions: structuredClone(seed.providerOptions) as never }),
    refundStatus: recipe.outcomes[seed.outcome]!.refundStatus,
  }));
}

/** The credential field names of `provider` (its fake's test credentials have exactly these). */
export function credentialFields(provider: ProviderId): string[] {
  return Object.keys(recipes[provider].credentials);
}

export { recipes };
