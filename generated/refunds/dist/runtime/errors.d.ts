/** Every failure the facade reports is one of these codes. */
export type RefundErrorCode = 'invalid_request' | 'authentication_failed' | 'payment_not_found' | 'amount_exceeds_refundable' | 'already_refunded' | 'rate_limited' | 'provider_unavailable' | 'timeout' | 'network_error' | 'unexpected_response';
export interface RefundErrorInit {
    code: RefundErrorCode;
    provider: string;
    message: string;
    httpStatus?: number;
    /** Defaults to false: retrying must be a deliberate, safe choice. */
    retryable?: boolean;
    raw?: unknown;
    cause?: unknown;
}
export declare const REDACTED = "[redacted]";
export declare class RefundError extends Error {
    readonly code: RefundErrorCode;
    readonly provider: string;
    readonly httpStatus?: number;
    readonly retryable: boolean;
    readonly raw?: unknown;
    constructor({ message, cause, code, provider, httpStatus, retryable, raw }: RefundErrorInit);
    /** JSON.stringify(err) shows exactly these fields, never the cause or stack. */
    toJSON(): Record<string, unknown>;
}
/**
 * A value the facade cannot read or convert. Read from a response, the engine reports it as
 * `unexpected_response`; met while building a request, as the caller's `invalid_request`.
 */
export declare class ReadError extends Error {
}
/** A named transform rejected its input (a ReadError, so one check in the engine covers all three). */
export declare class TransformError extends ReadError {
}
/** A decimal or digit string that cannot be represented exactly; callers pick the RefundErrorCode. */
export declare class MoneyFormatError extends ReadError {
}
/**
 * Every form in which a provider could echo a credential back: verbatim, percent-encoded (either hex
 * case, `+` for spaces), JSON-escaped (`\/` included, for text that was not parsed), and base64 or
 * base64url at each of the three byte alignments, which also covers `user:password` basic auth and
 * `Bearer <token>` encoded whole. Computed once per secrets array (a client keeps one), longest
 * first so a form containing another is removed whole. Shorter than 3 characters is not scrubbed:
 * it would shred ordinary words.
 */
export declare function secretForms(secrets: readonly string[]): string[];
/**
 * Deep copy of a JSON-like value with every occurrence of every secret, in any form secretForms
 * lists (in strings and object keys), replaced by "[redacted]". Non-plain objects
 * (errors, class instances) become scrubbed description strings.
 */
export declare function scrubSecrets<T>(value: T, secrets: readonly string[]): T;
/** One-line description of any thrown value, following the cause chain (which undici nests). */
export declare function describeError(error: unknown): string;
/**
 * The way to build a RefundError from anything that may hold a credential:
 * message, raw and stack are scrubbed, and the cause is attached only as a
 * scrubbed description string, never as the original object.
 */
export declare function createRefundError(init: RefundErrorInit, secrets: readonly string[]): RefundError;
