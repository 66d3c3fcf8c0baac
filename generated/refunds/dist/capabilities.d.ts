import type { ProviderId } from "./types.js";
export interface ProviderCapabilities {
    /** An amount smaller than the payment can be refunded. */
    partialRefunds: boolean;
    /** Omitting amount refunds everything that is left. */
    fullRefundWithoutAmount: boolean;
    currencies: readonly string[] | "any";
    /** Currencies with more decimals are refused before sending. */
    maxFractionDigits?: number;
    /** The provider de-duplicates by idempotency key, so the facade retries after 5xx, timeouts and resets. */
    idempotency: boolean;
    reasons: boolean;
    metadata: boolean;
    reference: boolean;
    notes: readonly string[];
}
/** What each provider supports, derived from its mapping at generation. */
export declare const capabilities: Readonly<Record<ProviderId, ProviderCapabilities>>;
