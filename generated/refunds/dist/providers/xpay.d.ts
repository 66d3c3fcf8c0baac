import { type XpayCredentials } from "@paykit/xpay/auth";
import type { paths } from "@paykit/xpay";
import type { CreateRefundBase, Money } from "../runtime/contract.js";
import type { Shim } from "../runtime/engine.js";
type Operation = paths["/payments/merchant/refund"]["post"];
type Response200 = Operation["responses"][200]["content"]["application/json"];
/** The xPay response body a refund was read from. */
export type XpayRaw = Response200;
/** xPay takes no provider options (an empty interface would accept anything). */
export type XpayProviderOptions = Record<string, never>;
/** refunds.create input for xPay. */
export interface XpayCreateRefundInput extends CreateRefundBase {
    /** Integer minor units; omit for a full refund. */
    amount?: Money;
    providerOptions?: XpayProviderOptions;
}
export declare const shim: Shim<XpayCredentials, XpayCreateRefundInput, XpayRaw>;
export {};
