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
  failure?: 'redirect' | 'too_large';
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
  signal?: AbortSignal;
  secrets: readonly string[];
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after every attempt this function retries or fails on (the returned one is the caller's to report). */
  onAttemptEnd?: (event: Omit<AttemptEndEvent, 'provider'>) => void;
  /** Jitter source in [0, 1), injectable for tests. */
  random?: () => number;
}

/** One key per logical create; the attempt callback closes over it so every retry reuses it. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

// Failures that happen before a connection exists, so no byte of the request was sent.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True only when the error certainly happened before the request was sent:
 * undici's `TypeError: fetch failed` carries the socket error in `cause`
 * (sometimes an AggregateError of per-address attempts, which must all qualify).
 */
export function wasCertainlyNotSent(error: unknown, depth: number = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.every((inner) => wasCertainlyNotSent(inner, depth + 1));
  }
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
  return wasCertainlyNotSent(cause, depth + 1);
}

/** Retry-After as milliseconds from `now` (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates always name a weekday or month; this keeps Date.parse from reading "-5" as a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type Failure =
  | { kind: 'status'; result: AttemptResult }
  | { kind: 'timeout' }
  | { kind: 'network'; error: unknown; notSent: boolean };

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
  let timedOut = false;
  let abort!: (reason: unknown) => void;
  // Rejects once the attempt is aborted, whether or not the attempt heeds its signal.
  const aborted = new Promise<never>((_, reject) => {
    abort = (reason) => {
      controller.abort(reason);
      reject(reason);
    };
  });
  // The attempt's one timer.
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new DOMException(`attempt exceeded ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = () => abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const pending = attempt(controller.signal, number);
    pending.catch(() => {}); // if the race is lost, its later rejection is expected
    return await Promise.race([pending, aborted]);
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', error, notSent: wasCertainlyNotSent(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

function isFailure(outcome: AttemptResult | Failure): outcome is Failure {
  return 'kind' in outcome;
}

function shouldRetryStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Safe to send again: always for de-duplicating providers, else only if it never arrived. */
function mayResend(failure: Failure, deduplicates: boolean): boolean {
  if (deduplicates) return true;
  if (failure.kind === 'status') return failure.result.status === 429;
  return failure.kind === 'network' && failure.notSent;
}

/** The body as parsed JSON, or undefined when it is not JSON. */
function json(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function toRefundError(failure: Failure, attempts: number, options: SendOptions, timeoutMs: number, note = ''): RefundError {
  const { provider, deduplicates, secrets } = options;
  const tried = `(${attempts} attempt${attempts === 1 ? '' : 's'}${note})`;
  if (failure.kind === 'timeout') {
    return createRefundError({ code: 'timeout', provider, retryable: deduplicates, message: `${provider} did not answer within ${timeoutMs} ms ${tried}` }, secrets);
  }
  if (failure.kind === 'network') {
    return createRefundError({
      code: 'network_error',
      provider,
      retryable: deduplicates || failure.notSent,
      message: `the request to ${provider} failed: ${describeError(failure.error)} ${tried}`,
      cause: failure.error,
    }, secrets);
  }
  const { status, bodyText } = failure.result;
  const rateLimited = status === 429;
  const parsed = json(bodyText);
  // An HTML error page (from a proxy, say) is not the provider's documented answer (DESIGN.md);
  // any other 5xx, JSON, empty or plain text, is the provider being unavailable.
  const htmlPage = parsed === undefined && (/^\s*</.test(bodyText) || /html/i.test(failure.result.headers.get('content-type') ?? ''));
  const documented = rateLimited || !htmlPage;
  return createRefundError(
    {
      code: rateLimited ? 'rate_limited' : documented ? 'provider_unavailable' : 'unexpected_response',
      provider,
      httpStatus: status,
      // The facade contract (DESIGN.md) marks 429 and 5xx as transient. For a provider that does not
      // de-duplicate, the README warns that a caller's own retry after a 5xx may refund twice.
      retryable: true,
      // Scrubbed before it is cut, so a secret straddling the cut cannot leave a fragment behind.
      raw: parsed !== undefined ? parsed.value : cut(scrubSecrets(bodyText, secrets)),
      message: rateLimited
        ? `${provider} rate-limited the request with HTTP 429 ${tried}`
        : documented
          ? `${provider} is unavailable, HTTP ${status} ${tried}`
          : `${provider} answered HTTP ${status} with a body that is not JSON ${tried}`,
    },
    secrets,
  );
}

function cut(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

/** The error code an attempt that is retried stands for, as hooks report it. */
function codeOf(failure: Failure): RefundErrorCode {
  if (failure.kind === 'timeout') return 'timeout';
  if (failure.kind === 'network') return 'network_error';
  return failure.result.status === 429 ? 'rate_limited' : 'provider_unavailable';
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
    signal: callerSignal,
    onAttemptEnd = () => {},
  } = options;

  for (let retry = 0; ; retry++) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    const attempts = retry + 1;
    const started = performance.now();
    let outcome: AttemptResult | Failure;
    try {
      outcome = await runAttempt(attempt, attempts, timeoutMs, callerSignal);
    } catch (abort) {
      onAttemptEnd({ attempt: attempts, durationMs: performance.now() - started, willRetry: false });
      throw abort;
    }
    const durationMs = performance.now() - started;
    if (!isFailure(outcome) && (outcome.failure !== undefined || !shouldRetryStatus(outcome.status))) {
      outcome.attempt = attempts;
      outcome.durationMs = durationMs;
      return outcome;
    }
    const failure: Failure = isFailure(outcome) ? outcome : { kind: 'status', result: outcome };
    const httpStatus = failure.kind === 'status' ? { httpStatus: failure.result.status } : {};
    const fail = (note?: string): RefundError => {
      const error = toRefundError(failure, attempts, options, timeoutMs, note);
      onAttemptEnd({ attempt: attempts, durationMs, ...httpStatus, errorCode: error.code, willRetry: false });
      return error;
    };
    if (retry >= maxRetries || !mayResend(failure, options.deduplicates)) throw fail();
    // Full jitter: spreads simultaneous clients over the whole window.
    let delayMs = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
    if (failure.kind === 'status' && (failure.result.status === 429 || failure.result.status === 503)) {
      const retryAfterMs = parseRetryAfterMs(failure.result.headers.get('retry-after'));
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
        throw fail(`; it asked to wait ${retryAfterMs} ms, more than the ${maxRetryAfterMs} ms limit`);
      }
      if (retryAfterMs !== undefined) delayMs = Math.max(delayMs, retryAfterMs);
    }
    onAttemptEnd({ attempt: attempts, durationMs, ...httpStatus, errorCode: codeOf(failure), willRetry: true });
    await sleep(delayMs, callerSignal);
  }
}
