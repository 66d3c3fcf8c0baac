export interface paths {
    "/v1/refunds/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create refund
         * @description Refunds all or part of a checkout transaction. The new refund's identifier is returned in the `identifier` response header.
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
        RefundRequest: {
            /** @description Your checkout transaction identifier. */
            transactionIdentifier: string;
            /**
             * @description 1 refunds the whole transaction amount, 2 a partial amount.
             * @enum {integer}
             */
            refundType: 1 | 2;
            /** @description Refund amount in the currency of the parent transaction, in major units (e.g. 10 or 10.5). Required even for a full refund. */
            amount: number;
            /** @description Arbitrary structure to store additional merchant data; the JSON must be smaller than 800 KB. */
            metadata: {
                [key: string]: unknown;
            };
        };
        RefundCreated: {
            /** @description Empty on success. */
            data: string;
            /** @description 1 on success. */
            status: number;
        };
        ErrorMessage: {
            /** @description Human-readable reason. */
            message: string;
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
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "transactionIdentifier": "d839c714-7743-47cf-8f9d-73592597c6e1",
                 *       "refundType": 2,
                 *       "amount": 10,
                 *       "metadata": {
                 *         "internal merchant id": "example"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RefundRequest"];
            };
        };
        responses: {
            /** @description Refund created. The refund identifier is in the `identifier` header. */
            200: {
                headers: {
                    /**
                     * @description Identifier of the created refund.
                     * @example 81962ed0-a65c-4d1a-851b-b3dbf9750399
                     */
                    identifier: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": "",
                     *       "status": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RefundCreated"];
                };
            };
            /** @description The bearer token is missing, invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Full authentication is required to access this resource."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            /** @description The refund was refused, for example "Refund amount is bigger than transaction amount" or "Transaction not found". */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
        };
    };
}
