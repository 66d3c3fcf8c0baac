import { type PushCredentials } from "@paykit/push/auth";
import type { paths } from "@paykit/push";
import type { CreateRefundBase, Money } from "../runtime/contract.js";
import type { Shim } from "../runtime/engine.js";
type Operation = paths["/refund"]["post"];
type Response200 = Operation["responses"][200]["content"]["application/json"];
type Response401 = Operation["responses"][401]["content"]["application/json"];
/** The Push response body a refund was read from. */
export type PushRaw = Response200 | Response401;
/** Push takes no provider options (an empty interface would accept anything). */
export type PushProviderOptions = Record<string, never>;
/** refunds.create input for Push. */
export interface PushCreateRefundInput extends CreateRefundBase {
    /** Integer minor units; omit for a full refund. */
    amount?: Money;
    providerOptions?: PushProviderOptions;
}
export declare const shim: Shim<PushCredentials, PushCreateRefundInput, PushRaw>;
export {};
