import type { ProviderId, RefundsClient, RefundsClientOptions } from "./types.js";
export { RefundError, type RefundErrorCode } from "./runtime/errors.js";
export type { AttemptEndEvent, AttemptEvent, CreateOptions, CreateRefundBase, Money, RefundReason, RefundsHooks, RefundStatus } from "./runtime/contract.js";
export type * from "./types.js";
export { capabilities, type ProviderCapabilities } from "./capabilities.js";
/**
 * One refunds API over every provider. Credentials and input are typed by `provider`.
 * Options and credentials are checked here, before any request: a TypeError or RangeError names the option.
 */
export declare function createRefundsClient<P extends ProviderId>(options: RefundsClientOptions<P>): RefundsClient<P>;
