import { type PayopCredentials } from "@paykit/payop/auth";
import type { paths } from "@paykit/payop";
import type { CreateRefundBase, Money } from "../runtime/contract.js";
import type { Shim } from "../runtime/engine.js";
type Operation = paths["/v1/refunds/create"]["post"];
type Response200 = Operation["responses"][200]["content"]["application/json"];
/** The Payop response body a refund was read from. */
export type PayopRaw = Response200;
/** What Payop needs besides the common fields. */
export interface PayopProviderOptions {
    /** true when the amount is the whole transaction (refundType 1); default partial (2). */
    fullRefund?: boolean;
}
/** refunds.create input for Payop. */
export interface PayopCreateRefundInput extends CreateRefundBase {
    /** Required: the provider needs the amount even for a full refund. */
    amount: Money;
    providerOptions?: PayopProviderOptions;
}
export declare const shim: Shim<PayopCredentials, PayopCreateRefundInput, PayopRaw>;
export {};
