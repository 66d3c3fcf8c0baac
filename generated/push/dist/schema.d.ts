export interface paths {
    "/refund": {
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
         * @description Create a refund or partial refund for an approved intent
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
        /**
         * @description A refund issued against an approved intent
         * @example {
         *       "id": "refund_28CJjV7P4Go5PNJvfzghiD",
         *       "intent_id": "intent_sandbox_dMggQ93ZYH6DH9LBhVeijE",
         *       "amount": 1450,
         *       "currency": "USD",
         *       "status": "approved",
         *       "created_at": "2023-05-24T20:36:50.694Z"
         *     }
         */
        Refund: {
            /** @description The unique identifier assigned by Push */
            id: string;
            /** @description The intent which corresponds to the refund */
            intent_id: string;
            /** @description Amount of the refund in the smallest unit of specified currency (ie if currency is USD, the unit would be cents) */
            amount: number;
            currency: components["schemas"]["Currency"];
            status: components["schemas"]["RefundStatus"];
            /**
             * Format: date-time
             * @description When the refund was created (ISO 8601 date string)
             */
            created_at: string;
        };
        /** @description Description of the error encountered from the API request */
        error: {
            /** @description Machine-readable error code. */
            error?: string;
            /** @description Human-readable description of the error. */
            message?: string;
        };
        /**
         * @description Currency associated with the amount
         * @enum {string}
         */
        Currency: "USD";
        /**
         * @description The status of the refund
         * @enum {string}
         */
        RefundStatus: "approved" | "declined";
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
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The ID of the intent to refund
                     * @example intent_sandbox_dMggQ93ZYH6DH9LBhVeijE
                     */
                    intent_id: string;
                    /**
                     * @description Amount to refund in the smallest unit of the specified currency. If omitted, the full intent amount is refunded.
                     * @example 1450
                     */
                    amount?: number;
                };
            };
        };
        responses: {
            /** @description Refund approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description The refund request was invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error"];
                };
            };
            /** @description The refund was declined by the payment network (the body carries the declined refund's `id`), or the API key was rejected (no `id`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The ID of the declined refund
                         * @example refund_28CJjV7P4Go5PNJvfzghiD
                         */
                        id?: string;
                        /** @description Error code, present when the request itself was rejected (for example a bad API key). */
                        error?: string;
                        /** @description Human-readable description, present when the request itself was rejected. */
                        message?: string;
                    };
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error"];
                };
            };
        };
    };
}
