/**
 * What every provider shares: validate, send with retries under one idempotency key, then read the
 * answer through the provider's shim (generated from its mapping) or its error table.
 */
import type { CreateOptions, Refund } from './contract.js';
import { RefundError, type RefundErrorCode } from './errors.js';
import { type ProviderEntry } from './options.js';
import { type InputRules } from './validate.js';
export type { ProviderEntry };
/**
 * One row of a provider's error table; `message` is a path from the body. `when` is the mapping's
 * condition compiled to code by the generator (expressions.ts), so `all`/`any`/`not` cost the engine nothing.
 */
export interface ErrorRule {
    status: number;
    when?: (body: unknown) => boolean;
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
/** The provider package's authentication (its `./auth` export): adds headers for a body of exactly `body`. */
export type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
/** What a shim builds from the caller's input: the JSON body and headers, typed by the provider's schema. */
export interface ShimRequest {
    body: unknown;
    headers?: Readonly<Record<string, string | number | boolean | undefined>>;
    /** The path (and query) with the call's parameters filled in, when the operation has some (runtime/url.ts). */
    path?: string;
}
export interface Shim<Credentials, Input, Raw> {
    provider: string;
    /** The provider de-duplicates by idempotency key, so a retry can never refund twice. */
    deduplicates: boolean;
    rules: InputRules;
    /** The spec's limits on pass-through fields, as code generated from the spec when it has some; `fail` throws invalid_request. */
    check?(input: Record<string, unknown>, fail: (message: string) => never): void;
    errors: readonly ErrorRule[];
    /** The refund operation (upper-case method, path) and the server used when no baseUrl is given. */
    method: string;
    path: string;
    baseUrl: string;
    authenticator(credentials: Credentials): Authenticate;
    request(input: Input, idempotencyKey: string): ShimRequest;
    /** The refund this answer describes, or undefined when it is an error; throws ReadError on a malformed one. */
    interpret(received: Received, input: Input): Refund<string, Raw> | undefined;
}
export interface RefundsEngine<Input, Raw> {
    readonly provider: string;
    readonly refunds: {
        create(input: Input, options?: CreateOptions): Promise<Refund<string, Raw>>;
    };
}
export declare function createRefundsEngine<Input, Raw>(input: unknown, providers: Readonly<Record<string, ProviderEntry>>): RefundsEngine<Input, Raw>;
export { RefundError };
