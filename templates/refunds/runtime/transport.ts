/**
 * The retry engine. Its one hard rule: a request that may have reached a
 * provider that does not de-duplicate by idempotency key is never sent again,
 * because a second refund is real money.
 */
import type { AttemptEndEvent } from './contract.js';
import { createRefundError, describeError, scrubSecrets, type RefundError, type RefundErrorCode } from './errors.js';

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
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

// Failures that happen before a connection exists, so no byte of the request was sent. Written in
// lower case with the `i` flag: lower-case text costs the least in a gzipped bundle.
const NOT_SENT = /^(econnrefused|enotfound|eai_again|ehostunreach|enetunreach|und_err_connect_timeout)$/i;

/**
 * True only when the error certainly happened before the request was sent:
 * undici's `TypeError: fetch failed` carries the socket error in `cause`
 * (sometimes an AggregateError of per-address attempts, which must all qualify).
 */
export function wasCertainlyNotSent(error: unknown, depth: number = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return Array.isArray(errors) && errors.length > 0
    ? errors.every((inner) => wasCertainlyNotSent(inner, depth + 1))
    : (typeof code === 'string' && NOT_SENT.test(code)) || wasCertainlyNotSent(cause, depth + 1);
}

/** Retry-After as milliseconds from `now` (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  const text = header?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates always name a weekday or month; this keeps Date.parse from reading "-5" as a year.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An attempt that did not end in a final answer: a status to retry on, a timeout or a network error. */
type Failure =
  | { result: AttemptResult; timeout?: undefined; notSent?: undefined }
  | { timeout: true; result?: undefined; notSent?: undefined }
  | { error: unknown; notSent: boolean; result?: undefined; timeout?: undefined };

/**
 * Runs one attempt under caller signal + own timeout. A hand-made controller
 * (rather than AbortSignal.any) works in every fetch runtime, tells our timeout
 * apart from the caller's abort, and is raced so a callback that ignores its
 * signal still cannot hang.
 */
async function runAttempt(
  attempt: (signal: AbortSignal, attempt: number) => Promise<AttemptResult>,
  number: number,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptResult | Failure> {
  const controller = new AbortController();
  const { signal } = controller;
  // Rejects once the attempt is aborted, whether or not the attempt heeds its signal.
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  // The attempt's one timer.
  const timer = setTimeout(() => controller.abort(new DOMException('attempt timed out', 'TimeoutError')), timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  callerSignal?.addEventListener('abort', onCallerAbort);
  try {
    const pending = attempt(signal, number);
    pending.catch(() => {}); // if the race is lost, its later rejection is expected
    return await Promise.race([pending, aborted]);
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    return signal.aborted ? { timeout: true } : { error, notSent: wasCertainlyNotSent(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The RefundError a failure stands for when it is not retried (again). */
function toRefundError(failure: Failure, attempts: number, options: SendOptions, timeoutMs: number, note = ''): RefundError {
  const { provider, deduplicates, secrets } = options;
  const tried = ` (${attempts} attempt${attempts === 1 ? '' : 's'}${note})`;
  const { result } = failure;
  if (result === undefined) {
    return createRefundError(failure.timeout
      ? { code: 'timeout', provider, retryable: deduplicates, message: `${provider} did not answer within ${timeoutMs} ms${tried}` }
      : { code: 'network_error', provider, retryable: deduplicates || failure.notSent, message: `the request to ${provider} failed: ${describeError(failure.error)}${tried}`, cause: failure.error }, secrets);
  }
  const { status, bodyText } = result;
  let raw: unknown;
  let json = true;
  try {
    raw = JSON.parse(bodyText);
  } catch {
    json = false;
    // Scrubbed before it is cut, so a secret straddling the cut cannot leave a fragment behind.
    raw = scrubSecrets(bodyText, secrets).slice(0, 1000);
  }
  // An HTML error page (from a proxy, say) is not the provider's documented answer (DESIGN.md);
  // any other 5xx, JSON, empty or plain text, is the provider being unavailable.
  const html = status !== 429 && !json && (/^\s*</.test(bodyText) || /html/i.test(result.headers.get('content-type') ?? ''));
  return createRefundError({
    code: html ? 'unexpected_response' : codeOf(failure),
    provider,
    httpStatus: status,
    // The facade contract (DESIGN.md) marks 429 and 5xx as transient. For a provider that does not
    // de-duplicate, the README warns that a caller's own retry after a 5xx may refund twice.
    retryable: true,
    raw,
    message: `${provider} answered HTTP ${status}${html ? ', a body that is not JSON' : status === 429 ? ': rate-limited' : ': unavailable'}${tried}`,
  }, secrets);
}

/** The error code a failure stands for, as hooks report it. */
function codeOf({ result, timeout }: Failure): RefundErrorCode {
  return timeout ? 'timeout' : result === undefined ? 'network_error' : result.status === 429 ? 'rate_limited' : 'provider_unavailable';
}

export async function sendWithRetries(
  attempt: (signal: AbortSignal, attempt: number) => Promise<AttemptResult>,
  options: SendOptions,
): Promise<AttemptResult> {
  const {
    maxRetries = 2,
    timeoutMs = 30_000,
    baseDelayMs = 200,
    maxDelayMs = 5_000,
    maxRetryAfterMs = 30_000,
    sleep = defaultSleep,
    random = Math.random,
    signal,
    onAttemptEnd,
  } = options;

  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw signal.reason;
    const number = retry + 1;
    const started = performance.now();
    const end = (willRetry: boolean, errorCode?: RefundErrorCode, httpStatus?: number) =>
      onAttemptEnd?.({ attempt: number, durationMs: performance.now() - started, httpStatus, errorCode, willRetry });
    let outcome: AttemptResult | Failure;
    try {
      outcome = await runAttempt(attempt, number, timeoutMs, signal);
    } catch (abort) {
      end(false);
      throw abort;
    }
    if ('status' in outcome && (outcome.failure !== undefined || (outcome.status !== 429 && outcome.status < 500))) {
      outcome.attempt = number;
      outcome.durationMs = performance.now() - started;
      return outcome;
    }
    const failure: Failure = 'status' in outcome ? { result: outcome } : outcome;
    const status = failure.result?.status;
    const fail = (note?: string): RefundError => {
      const error = toRefundError(failure, number, options, timeoutMs, note);
      end(false, error.code, status);
      return error;
    };
    // Safe to send again: always for de-duplicating providers, else only if it never arrived (or 429).
    if (retry >= maxRetries || !(options.deduplicates || status === 429 || failure.notSent)) throw fail();
    // Full jitter: spreads simultaneous clients over the whole window.
    let delayMs = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfterMs(failure.result!.headers.get('retry-after')) : undefined;
    if (retryAfterMs! > maxRetryAfterMs) throw fail(`; it asked to wait ${retryAfterMs} ms, over the ${maxRetryAfterMs} ms limit`);
    if (retryAfterMs! > delayMs) delayMs = retryAfterMs!;
    end(true, codeOf(failure), status);
    await sleep(delayMs, signal);
  }
}
