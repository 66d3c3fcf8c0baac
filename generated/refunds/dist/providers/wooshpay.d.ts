import { type WooshpayCredentials } from "@paykit/wooshpay/auth";
import type { paths } from "@paykit/wooshpay";
import type { CreateRefundBase, Money } from "../runtime/contract.js";
import type { Shim } from "../runtime/engine.js";
type Operation = paths["/v1/refunds"]["post"];
type Response200 = Operation["responses"][200]["content"]["application/json"];
/** The WooshPay response body a refund was read from. */
export type WooshpayRaw = Response200;
/** WooshPay takes no provider options (an empty interface would accept anything). */
export type WooshpayProviderOptions = Record<string, never>;
/** refunds.create input for WooshPay. */
export interface WooshpayCreateRefundInput extends CreateRefundBase {
    /** Integer minor units; omit for a full refund. */
    amount?: Money;
    providerOptions?: WooshpayProviderOptions;
}
export declare const shim: Shim<WooshpayCredentials, WooshpayCreateRefundInput, WooshpayRaw>;
export {};
