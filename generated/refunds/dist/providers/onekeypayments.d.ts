import { type OnekeypaymentsCredentials } from "@paykit/onekeypayments/auth";
import type { paths, components } from "@paykit/onekeypayments";
import type { CreateRefundBase, Money } from "../runtime/contract.js";
import type { Shim } from "../runtime/engine.js";
type Operation = paths["/v3/refunds"]["post"];
type Response200 = Operation["responses"][200]["content"]["application/json"];
/** The onekeypayments response body a refund was read from. */
export type OnekeypaymentsRaw = Response200;
/** What onekeypayments needs besides the common fields. */
export interface OnekeypaymentsProviderOptions {
    /** The invoice_id sent when the deposit was created (or the merchant_invoice_id). */
    invoiceId: string;
    /** Beneficiary bank account; required for refunds of non-card deposits. */
    bankAccount?: components["schemas"]["BankAccount"];
    /** HTTPS URL for asynchronous status notifications. */
    notificationUrl?: string;
    /** Free text, at most 200 characters. */
    comments?: string;
}
/** refunds.create input for onekeypayments. */
export interface OnekeypaymentsCreateRefundInput extends CreateRefundBase {
    /** Integer minor units; omit for a full refund. */
    amount?: Money;
    providerOptions: OnekeypaymentsProviderOptions;
}
export declare const shim: Shim<OnekeypaymentsCredentials, OnekeypaymentsCreateRefundInput, OnekeypaymentsRaw>;
export {};
