export interface paths {
    "/payments/merchant/refund": {
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
         * @description The Refund APIs allow merchants to process refunds for previously captured payments
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
        refund: {
            /**
             * @description Unique identifier of the intent
             * @example in_fooBOwYsaK50AEfK
             */
            xIntentId: string;
            /**
             * @description The amount you want to refund, specified in the smallest unit of the currency (for example, cents for USD, paise for INR).
             *
             *     - If you want to issue a partial refund, provide the amount you wish to refund here. For example, if the original payment was $100 (i.e., 10000 cents), and you want to refund $20, you would enter 2000.
             *     - If you leave this field blank, the full payment amount will be refunded automatically.
             * @example 200
             */
            amount?: string;
            /**
             * @description Your identifier for the refund
             * @example re123
             */
            refundReferenceId?: string;
        };
        "refund-response": {
            /**
             * @description Unique identifier of the refund
             * @example rf_fooBOwYsaK50AEaJ
             */
            refundId: string;
            /**
             * @description Unique identifier of the payment intent
             * @example in_fooBOwYsaK50AEfK
             */
            intentId: string;
            amount: components["schemas"]["Amount"];
            currency: components["schemas"]["Currency"];
            refundedAt: components["schemas"]["RefundedAt"];
            /**
             * @description Your identifier for the refund
             * @example re123
             */
            refundReferenceId?: string;
        };
        Error: {
            /** @example bad_request */
            errorCode: string;
            /** @example Failed to read request */
            errorDescription: string;
        };
        /**
         * Format: int64
         * @description The amount in lowest count unit. e.g.: For USD 1, amount is 100 representing 100 cents (The minimum amount should be greater than 1 USD)
         * @example 2000
         */
        Amount: number;
        /**
         * @description Three letter abbreviation of the currency. Refer [supported currencies](/get-started/currencies-supported)
         * @example USD
         */
        Currency: string;
        /**
         * Format: int64
         * @description Epoch timestamp in milliseconds of when the refund was processed
         * @example 1727340330123
         */
        RefundedAt: number;
    };
    responses: never;
    parameters: {
        /**
         * @description A unique key for making the request idempotent. Must match pattern: `^[a-zA-Z0-9\-_:\.]+$`. See [Idempotent Requests](/developer-resources/idempotency) for more details.
         * @example KG5LxwFBepaKHyUD
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createRefund: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key for making the request idempotent. Must match pattern: `^[a-zA-Z0-9\-_:\.]+$`. See [Idempotent Requests](/developer-resources/idempotency) for more details.
                 * @example KG5LxwFBepaKHyUD
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Refund API */
        requestBody: {
            content: {
                "application/json": components["schemas"]["refund"];
            };
        };
        responses: {
            /** @description Refund API response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["refund-response"];
                };
            };
            /** @description unexpected error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The public key / secret key pair was rejected. */
            401: {
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
