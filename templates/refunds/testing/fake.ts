/**
 * startFake's machinery, for any provider's recipe. The generated src/testing/index.ts binds it to
 * the recipes and the facade's per-provider types:
 *
 *   const fake = await startFake('xpay');
 *   const client = createRefundsClient({ provider: 'xpay', credentials: fake.credentials, baseUrl: fake.baseUrl });
 *   await client.refunds.create({ paymentId: fake.payments[0].paymentId, amount: { value: 500, currency: 'USD' } });
 *   fake.refunds();   // [{ id, paymentId, amount, idempotencyKey?, status }]
 *   fake.failNext('timeout-after');
 *   await fake.close();
 */
import type { Money, RefundStatus } from '../runtime/contract.js';
import type { FakeState } from './handle.js';
import type { FakeRecipe } from './recipe.js';
import { FAULTS, serveFake, type FakeFault } from './server.js';

export type { FakeFault };

export interface FakeOptions {
  /** Default 0: a free port on 127.0.0.1. */
  port?: number;
  /** The clock refunds are dated by (default: the real one). */
  now?: () => Date;
}

/** A refundable payment the fake knows from the start. */
export interface FakePaymentOf<ProviderOptions> {
  paymentId: string;
  amount: Money;
  /** What refunds.create needs besides paymentId to refund this payment (onekeypayments' invoiceId, say). */
  providerOptions?: ProviderOptions;
  /** The status the provider gives refunds of this payment. */
  refundStatus: RefundStatus;
}

/** A refund the fake created, in the order it created them. */
export interface FakeRefund {
  id: string;
  paymentId: string;
  amount?: Money;
  idempotencyKey?: string;
  status: RefundStatus;
}

export interface FakeOf<P extends string, Credentials, ProviderOptions> {
  provider: P;
  /** http://127.0.0.1:<port>, for createRefundsClient's baseUrl. */
  baseUrl: string;
  /** Test credentials the fake accepts. */
  credentials: Credentials;
  payments: readonly FakePaymentOf<ProviderOptions>[];
  /** The ledger: every refund created so far (declined ones included, with their status). */
  refunds(): FakeRefund[];
  /** The next request to the refund endpoint meets this fault (queued, one request each). */
  failNext(fault: FakeFault): void;
  close(): Promise<void>;
}

export async function launchFake(
  recipes: Readonly<Record<string, FakeRecipe>>, provider: string, options: FakeOptions = {},
): Promise<FakeOf<string, Record<string, string>, unknown>> {
  if (typeof provider !== 'string' || !Object.hasOwn(recipes, provider)) {
    throw new TypeError(`startFake: provider must be one of ${Object.keys(recipes).join(', ')}`);
  }
  const recipe = recipes[provider]!;
  const state: FakeState = { ledger: [], refunded: new Map(), answered: new Map(), seq: 0, now: options.now ?? (() => new Date()) };
  const faults: FakeFault[] = [];
  const server = await serveFake(recipe, state, faults, options.port ?? 0);
  const payments = recipe.payments.map((seed) => ({
    paymentId: seed.paymentId,
    amount: { ...seed.amount },
    ...(seed.providerOptions === undefined ? {} : { providerOptions: structuredClone(seed.providerOptions) }),
    refundStatus: recipe.outcomes[seed.outcome]!.refundStatus,
  }));
  return {
    provider,
    baseUrl: server.baseUrl,
    credentials: { ...recipe.credentials },
    payments,
    refunds: () => state.ledger.map((entry) => structuredClone(entry)),
    failNext(fault) {
      if (!FAULTS.includes(fault)) throw new TypeError(`failNext: fault must be one of ${FAULTS.join(', ')}`);
      faults.push(fault);
    },
    close: () => server.close(),
  };
}
