import type { CreateRefundInputByProvider, CredentialsByProvider, ProviderId } from "../types.js";
import { type FakeOf, type FakeOptions, type FakePaymentOf } from "./fake.js";
export type { FakeFault, FakeOptions, FakeRefund } from "./fake.js";
/** A refundable payment a fake knows from the start. */
export type FakePayment<P extends ProviderId = ProviderId> = FakePaymentOf<CreateRefundInputByProvider[P]["providerOptions"]>;
/** A running fake of provider P: baseUrl and credentials for createRefundsClient, seeded payments, the ledger, faults. */
export type Fake<P extends ProviderId = ProviderId> = FakeOf<P, CredentialsByProvider[P], CreateRefundInputByProvider[P]["providerOptions"]>;
/** Starts a loopback fake of a provider, played from its spec, mapping and auth (Node only). */
export declare function startFake<P extends ProviderId>(provider: P, options?: FakeOptions): Promise<Fake<P>>;
