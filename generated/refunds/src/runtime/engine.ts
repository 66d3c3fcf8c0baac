/**
 * What every provider shares: validate, send with retries under one idempotency key, then read the
 * answer through the provider's shim (generated from its mapping) or its error table.
 */
import type { AttemptEndEvent, CreateOptions, Refund } from './contract.js';
import { REDACTED, ReadError, RefundError, createRefundError, describeError, scrubSecrets, secretForms, type RefundErrorCode } from './errors.js';
import { checkOptions, type CheckedOptions, type ProviderEntry } from './options.js';
import { at } from './read.js';
import { receive } from './receive.js';
import { sendWithRetries, type AttemptResult, type SendOptions } from './transport.js';
import { validateInput, type InputRules } from './validate.js';

export type { ProviderEntry };

/**
 * One row of a provider's error table; `message` is a path from the body. `when` is the mapping's
 * condition compiled to code by the generator (expressions.ts), so `all`/`any`/`not` cost the engine nothing.
 */
export interface ErrorRule { status: number; when?: (body: unknown) => boolean; code: RefundErrorCode; message?: readonly string[] }

/** What a shim reads: headers by name (echoed credentials redacted) and the parsed, scrubbed body. */
export interface Received { status: number; headers: { get(name: string): string | null }; body: unknown }

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
  readonly refunds: { create(input: Input, options?: CreateOptions): Promise<Refund<string, Raw>> };
}

/** Everything about sending that is the same for every call of one client, worked out once. */
interface Sender<Input, Raw> {
  shim: Shim<unknown, Input, Raw>;
  url: string;
  /** The base URL without a trailing slash, for a call with its own path. */
  root: string;
  sign: Authenticate;
  policy: SendOptions;
}

/** One create call: the exact body text (what is signed is what is sent) and its headers. */
interface Call {
  url: string;
  body: string;
  headers: Record<string, string>;
  key: string;
}

const MIB = 1_048_576;

/** Calls a hook so that nothing it does (throw, reject) reaches the refund. */
function call<E>(hook: ((event: E) => unknown) | undefined, event: E): void {
  try {
    const result = hook?.(event);
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // a hook's failure is the hook's business
  }
}

export function createRefundsEngine<Input, Raw>(
  input: unknown,
  providers: Readonly<Record<string, ProviderEntry>>,
): RefundsEngine<Input, Raw> {
  // Every credential value is a secret; its echoed forms are worked out once, here.
  const [[, loadShim], secrets] = checkOptions(input, providers);
  secretForms(secrets);
  const options = input as CheckedOptions;
  const { provider, hooks, fetch: custom, maxResponseBytes: limit = MIB } = options;
  // A caller's fetch gets a Request, as the contract says; the global one gets url and init, which
  // saves building a second Request (and its body stream) on every attempt.
  const send = (url: string, init: RequestInit) => (custom === undefined ? fetch(url, init) : custom(new Request(url, init)));
  const reject = (message: string): never => {
    throw new RefundError({ code: 'invalid_request', provider, message });
  };
  const onAttemptEnd = (event: Omit<AttemptEndEvent, 'provider'>) => call(hooks?.onAttemptEnd, { provider, ...event });
  let sender: Sender<Input, Raw> | undefined;
  let loading: Promise<Sender<Input, Raw>> | undefined;
  const prepare = () => (loading ??= loadShim().then((module) => {
    const shim = module.shim as Shim<unknown, Input, Raw>;
    const base = options.baseUrl ?? shim.baseUrl;
    const root = base.endsWith('/') ? base.slice(0, -1) : base;
    return (sender = {
      shim,
      // Joined as openapi-fetch joins them, then normalized as a Request would (what hooks are told).
      url: new URL(root + shim.path).href,
      root,
      sign: shim.authenticator(options.credentials),
      policy: {
        provider,
        deduplicates: shim.deduplicates,
        // sendWithRetries' defaults (2 retries, 30 s) apply to what the caller left out.
        maxRetries: options.maxRetries,
        timeoutMs: options.timeoutMs,
        secrets,
        onAttemptEnd,
      },
    });
  }));

  /** One attempt: signed now (a signature's date moves), sent without following redirects, read bounded. */
  async function attempt({ shim: { method }, sign }: Sender<Input, Raw>, { url, body, headers, key }: Call, signal: AbortSignal, number: number): Promise<AttemptResult> {
    await sign(headers, body);
    if (hooks?.onAttempt) call(hooks.onAttempt, { provider, attempt: number, idempotencyKey: scrubSecrets(key, secrets), method, url: scrubSecrets(url, secrets) });
    return receive(await send(url, { method, headers, body, signal, redirect: 'manual' }), limit);
  }

  async function create(refundInput: Input, { signal }: CreateOptions = {}): Promise<Refund<string, Raw>> {
    const ready = sender ?? await prepare();
    const { shim } = ready;
    validateInput(refundInput, shim.rules, provider, reject);
    shim.check?.(refundInput as Record<string, unknown>, reject);
    // A fresh key per call (what transport.ts's newIdempotencyKey gives), reused by every attempt.
    const key = (refundInput as { idempotencyKey?: string }).idempotencyKey ?? crypto.randomUUID();
    const request = build(ready, refundInput, key, secrets);
    const result = await sendWithRetries((s, n) => attempt(ready, request, s, n), { ...ready.policy, signal });
    let errorCode: RefundErrorCode | undefined;
    try {
      return interpret(shim, result, refundInput, secrets, limit);
    } catch (error) {
      if (error instanceof RefundError) errorCode = error.code;
      throw error;
    } finally {
      onAttemptEnd({ attempt: result.attempt!, durationMs: result.durationMs!, httpStatus: result.status, errorCode, willRetry: false });
    }
  }

  return { provider, refunds: { create } };
}

/** The call's body text and headers; a value the shim cannot convert is the caller's invalid_request. */
function build<Input>({ shim, url, root }: Sender<Input, unknown>, input: Input, key: string, secrets: readonly string[]): Call {
  let made: ShimRequest;
  try {
    made = shim.request(input, key);
  } catch (error) {
    throw error instanceof RefundError ? error : createRefundError({ code: 'invalid_request', provider: shim.provider, message: describeError(error) }, secrets);
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  for (const name in made.headers) {
    const value = made.headers[name];
    if (value !== undefined) headers[name] = String(value);
  }
  return { url: made.path === undefined ? url : new URL(root + made.path).href, body: JSON.stringify(made.body), headers, key };
}

function interpret<Input, Raw>(shim: Shim<unknown, Input, Raw>, result: AttemptResult, input: Input, secrets: readonly string[], limit: number): Refund<string, Raw> {
  const { provider } = shim;
  const { status, failure, bodyText: text } = result;
  const fail = (code: RefundErrorCode, problem: string, raw?: unknown) =>
    createRefundError({ code, provider, httpStatus: status, message: `${provider} answered HTTP ${status}${problem}`, raw }, secrets);
  const authFailure = status === 401 || status === 403;

  if (failure !== undefined) throw fail('unexpected_response', failure === 'redirect' ? ', a redirect (never followed)' : `, a body over maxResponseBytes (${limit}), not read`);
  // Everything the shim reads is scrubbed first, parsed values included: a JSON-escaped echo
  // ("PUSH\/SECRET") is only the secret once decoded, so scrubbing the text alone would miss it.
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      throw fail(authFailure ? 'authentication_failed' : 'unexpected_response', ', a body that is not JSON', scrubSecrets(text, secrets).slice(0, 2000));
    }
    // Without a backslash every JSON string is verbatim in the text, so a clean text is a clean body.
    if (text.includes('\\') || secretForms(secrets).some((form) => text.includes(form))) body = scrubSecrets(body, secrets);
  }
  let refund: Refund<string, Raw> | undefined;
  try {
    // Headers as the shim reads them: each value it asks for, with echoed credentials redacted.
    const headers = { get: (name: string) => result.headers.get(name) && scrubSecrets(result.headers.get(name), secrets) };
    refund = shim.interpret({ status, headers, body }, input);
    // An id that echoed a credential (an `identifier: Bearer <token>` header) is refused, not returned.
    if (refund?.id.includes(REDACTED)) throw new ReadError('id echoes a credential');
  } catch (error) {
    // TransformError and MoneyFormatError are ReadErrors too (errors.ts).
    if (error instanceof ReadError) throw fail('unexpected_response', `, a body paykit cannot read: ${error.message}`, body);
    throw error;
  }
  if (refund !== undefined) return refund;
  const rule = shim.errors.find((r) => r.status === status && (r.when?.(body) ?? true));
  const detail = rule?.message && at(body, rule.message);
  throw fail(
    rule?.code ?? (authFailure ? 'authentication_failed' : status >= 400 && status < 500 ? 'invalid_request' : 'unexpected_response'),
    typeof detail === 'string' && detail !== '' ? `: ${detail}` : '',
    body,
  );
}

export { RefundError };
