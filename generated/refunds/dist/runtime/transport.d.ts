/**
 * The retry engine. Its one hard rule: a request that may have reached a
 * provider that does not de-duplicate by idempotency key is never sent again,
 * because a second refund is real money.
 */
import type { AttemptEndEvent } from './contract.js';
export interface AttemptResult {
    status: number;
    headers: Headers;
    bodyText: string;
    /** A redirect (never followed) or a body over maxResponseBytes (not read): final, never retried. */
    failure?: 'redirect' | 'too_large' | undefined;
    /** Set by sendWithRetries on the answer it returns: which attempt it was and how long it took. */
    attempt?: number;
    durationMs?: number;
}
export interface RetryPolicy {
    /** 0 = exactly one attempt; default 2. */
    maxRetries?: number | undefined;
    /** Per attempt; default 30_000. */
    timeoutMs?: number | undefined;
    /** Default 200. */
    baseDelayMs?: number;
    /** Default 5_000. */
    maxDelayMs?: number;
    /** Default 30_000: a longer Retry-After is not waited for. */
    maxRetryAfterMs?: number;
}
export interface SendOptions extends RetryPolicy {
    provider: string;
    /** The provider de-duplicates by idempotency key, so resending is safe. */
    deduplicates: boolean;
    /** The caller's signal; its abort is rethrown as is. */
    signal?: AbortSignal | undefined;
    secrets: readonly string[];
    sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
    /** Called after every attempt this function retries or fails on (the returned one is the caller's to report). */
    onAttemptEnd?: (event: Omit<AttemptEndEvent, 'provider'>) => void;
    /** Jitter source in [0, 1), injectable for tests. */
    random?: () => number;
}
/** One key per logical create; the attempt callback closes over it so every retry reuses it. */
export declare function newIdempotencyKey(): string;
/**
 * True only when the error certainly happened before the request was sent:
 * undici's `TypeError: fetch failed` carries the socket error in `cause`
 * (sometimes an AggregateError of per-address attempts, which must all qualify).
 */
export declare function wasCertainlyNotSent(error: unknown, depth?: number): boolean;
/** Retry-After as milliseconds from `now` (delta-seconds or HTTP-date), or undefined. */
export declare function parseRetryAfterMs(header: string | null, now?: number): number | undefined;
export declare function sendWithRetries(attempt: (signal: AbortSignal, attempt: number) => Promise<AttemptResult>, options: SendOptions): Promise<AttemptResult>;
