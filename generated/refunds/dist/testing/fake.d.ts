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
import type { FakeRecipe } from './recipe.js';
import { type FakeFault } from './server.js';
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
export declare function launchFake(recipes: Readonly<Record<string, FakeRecipe>>, provider: string, options?: FakeOptions): Promise<FakeOf<string, Record<string, string>, unknown>>;
