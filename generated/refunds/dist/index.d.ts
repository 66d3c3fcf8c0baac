import type { ProviderId, RefundsClient, RefundsClientOptions } from "./types.js";
export { RefundError, type RefundErrorCode } from "./runtime/errors.js";
export type { CreateOptions, CreateRefundBase, Money, RefundReason, RefundStatus } from "./runtime/contract.js";
export type * from "./types.js";
export { capabilities, type ProviderCapabilities } from "./capabilities.js";
/** One refunds API over every provider. Credentials and input are typed by `provider`. */
export declare function createRefundsClient<P extends ProviderId>(options: RefundsClientOptions<P>): RefundsClient<P>;
