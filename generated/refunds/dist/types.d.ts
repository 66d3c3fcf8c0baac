import type { OnekeypaymentsCredentials } from "@paykit/onekeypayments";
import type { PayopCredentials } from "@paykit/payop";
import type { PushCredentials } from "@paykit/push";
import type { WooshpayCredentials } from "@paykit/wooshpay";
import type { XpayCredentials } from "@paykit/xpay";
import type { OnekeypaymentsCreateRefundInput, OnekeypaymentsRaw } from "./providers/onekeypayments.js";
import type { PayopCreateRefundInput, PayopRaw } from "./providers/payop.js";
import type { PushCreateRefundInput, PushRaw } from "./providers/push.js";
import type { WooshpayCreateRefundInput, WooshpayRaw } from "./providers/wooshpay.js";
import type { XpayCreateRefundInput, XpayRaw } from "./providers/xpay.js";
import type { CreateOptions, Refund as RefundOf, RefundsClientOptionsBase } from "./runtime/contract.js";
export type ProviderId = "onekeypayments" | "payop" | "push" | "wooshpay" | "xpay";
/** What each provider authenticates with. Every field is a secret. */
export interface CredentialsByProvider {
    "onekeypayments": OnekeypaymentsCredentials;
    "payop": PayopCredentials;
    "push": PushCredentials;
    "wooshpay": WooshpayCredentials;
    "xpay": XpayCredentials;
}
/** refunds.create input, per provider. */
export interface CreateRefundInputByProvider {
    "onekeypayments": OnekeypaymentsCreateRefundInput;
    "payop": PayopCreateRefundInput;
    "push": PushCreateRefundInput;
    "wooshpay": WooshpayCreateRefundInput;
    "xpay": XpayCreateRefundInput;
}
/** The provider response body behind a Refund. */
export interface RawByProvider {
    "onekeypayments": OnekeypaymentsRaw;
    "payop": PayopRaw;
    "push": PushRaw;
    "wooshpay": WooshpayRaw;
    "xpay": XpayRaw;
}
export type Refund<P extends ProviderId = ProviderId> = RefundOf<P, RawByProvider[P]>;
export interface RefundsClientOptions<P extends ProviderId> extends RefundsClientOptionsBase {
    provider: P;
    credentials: CredentialsByProvider[P];
}
export interface RefundsClient<P extends ProviderId> {
    readonly provider: P;
    readonly refunds: {
        create(input: CreateRefundInputByProvider[P], options?: CreateOptions): Promise<Refund<P>>;
    };
}
