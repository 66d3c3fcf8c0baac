/**
 * What every provider shares: validate, send with retries under one idempotency key, then read the
 * answer through the provider's shim (generated from its mapping) or its error table.
 */
import type { CreateOptions, Refund } from './contract.js';
import { RefundError, type RefundErrorCode } from './errors.js';
import { type ProviderEntry } from './options.js';
import { type InputRules } from './validate.js';
export type { ProviderEntry };
export type Condition = {
    present: readonly string[];
} | {
    equals: {
        path: readonly string[];
        value: string | number | boolean;
    };
};
/** One row of a provider's error table; `message` and condition paths start at the body. */
export interface ErrorRule {
    status: number;
    when?: Condition;
    code: RefundErrorCode;
    message?: readonly string[];
}
/** What a shim reads: headers by name (echoed credentials redacted) and the parsed, scrubbed body. */
export interface Received {
    status: number;
    headers: {
        get(name: string): string | null;
    };
    body: unknown;
}
export interface SendInit {
    signal: AbortSignal;
    fetch: (request: Request) => Promise<Response>;
    parseAs: 'text';
    redirect: 'manual';
}
export interface Shim<Client, Credentials, Input, Raw> {
    provider: string;
    /** The provider de-duplicates by idempotency key, so a retry can never refund twice. */
    deduplicates: boolean;
    rules: InputRules;
    /** Spec limits on pass-through fields (generated from the spec when it has some). */
    check?(input: Input): void;
    errors: readonly ErrorRule[];
    createClient(options: {
        credentials: Credentials;
        baseUrl?: string;
        fetch?: (input: Request) => Promise<Response>;
    }): Client;
    send(client: Client, input: Input, idempotencyKey: string, init: SendInit): Promise<unknown>;
    /** The refund this answer describes, or undefined when it is an error; throws ReadError on a malformed one. */
    interpret(received: Received, input: Input): Refund<string, Raw> | undefined;
}
export interface RefundsEngine<Input, Raw> {
    readonly provider: string;
    readonly refunds: {
        create(input: Input, options?: CreateOptions): Promise<Refund<string, Raw>>;
    };
}
export declare function createRefundsEngine<Client, Input, Raw>(input: unknown, providers: Readonly<Record<string, ProviderEntry>>): RefundsEngine<Input, Raw>;
export { RefundError };
