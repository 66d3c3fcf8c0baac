export interface paths {
    "/v1/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a refund
         * @description When you create a new refund, you must specify a PaymentIntent object on which to create it. Creating a new refund will refund a charge that has previously been created but not yet refunded. Funds will be refunded to the credit or debit card that was originally charged. You can optionally refund only part of a charge. You can do so multiple times, until the entire charge has been refunded.
         *
         *     Once entirely refunded, a charge can’t be refunded again. This method will return an error when called on an already-refunded charge, or when trying to refund more money than is left on a charge.
         */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Refund: {
            /** @description Unique identifier for the object, like 're_xxxx'. */
            id: string;
            /** @description 'refund' */
            object?: string;
            /** @description Amount, in cents. */
            amount?: number;
            /** @description ID of the charge that was refunded. */
            charge?: string;
            /** @description Time at which the object was created. Measured in seconds since the Unix epoch. */
            created?: number;
            /** @description Three-letter ISO currency code, in lowercase. Must be a supported currency. */
            currency?: string;
            /** @description Set of key-value pairs that you can attach to an object. */
            metadata?: {
                [key: string]: string;
            };
            /** @description ID of the PaymentIntent that was refunded. */
            payment_intent?: string;
            /**
             * @description Reason for the refund, either user-provided (duplicate, fraudulent, or requested_by_customer)
             * @enum {string}
             */
            reason?: "duplicate" | "fraudulent" | "requested_by_customer" | "expired_uncaptured_charge" | "resolved_dispute";
            /**
             * @description Status of the refund. For credit card refunds, this can be pending, succeeded, or failed. For other types of refunds, it can be pending, succeeded, failed, or canceled.
             * @enum {string}
             */
            status?: "pending" | "succeeded" | "failed" | "canceled";
            /** @description An arbitrary string attached to the object. Often useful for displaying to users. */
            description?: string;
            /**
             * @description If the refund failed, the reason for refund failure if known. Possible values are lost_or_stolen_card, expired_or_canceled_card, or unknown.
             * @enum {string}
             */
            failure_reason?: "lost_or_stolen_card" | "expired_or_canceled_card" | "unknown";
            /** @description （未实现） */
            transfer_reversal?: string;
            /** @description （未实现） */
            source_transfer_reversal?: string;
            /** @description （未实现） */
            receipt_number?: string;
            /** @description （未实现） */
            balance_transaction?: string;
        };
        Error: {
            error: {
                /** @description Category, e.g. invalid_request_error. */
                type: string;
                /** @description Machine-readable code, e.g. amount_too_large, charge_already_refunded, resource_missing. */
                code?: string;
                /** @description Human-readable description. */
                message: string;
                /** @description The request field the error is about, when there is one. */
                param?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createRefund: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "requested_by_customer",
                 *       "payment_intent": "pi_1787730829493927936"
                 *     }
                 */
                "application/json": {
                    /** @description A positive integer in cents  representing how much of this charge to refund. Can refund only up to the remaining, unrefunded amount of the charge. */
                    amount?: string;
                    /** @description A set of key-value pairs that you can attach to a Refund  object. This can be useful for storing additional information about the refund in a structured format. You can unset individual keys if you POST an empty value for that key. You can clear all keys if you POST an empty value for metadata */
                    metadata?: {
                        [key: string]: string;
                    };
                    /** @description ID of the PaymentIntent to refund. */
                    payment_intent: string;
                    /**
                     * @description String indicating the reason for the refund. If set, possible values are duplicate , fraudulent , and requested_by_customer.
                     * @enum {string}
                     */
                    reason?: "duplicate" | "fraudulent" | "requested_by_customer" | "resolved_dispute";
                };
            };
        };
        responses: {
            /** @description The created refund. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description The request was invalid, the amount exceeds what is left to refund, or the charge is already refunded. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The secret key is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No PaymentIntent with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
