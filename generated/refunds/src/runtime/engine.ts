/**
 * What every provider shares: validate, send with retries under one idempotency key, then read the
 * answer through the provider's shim (generated from its mapping) or its error table.
 */
import type { AttemptEndEvent, CreateOptions, Refund, RefundsHooks } from './contract.js';
import { MoneyFormatError, REDACTED, ReadError, RefundError, TransformError, createRefundError, scrubSecrets, secretForms, type RefundErrorCode } from './errors.js';
import { checkOptions, type CheckedOptions, type ProviderEntry } from './options.js';
import { receive } from './receive.js';
import { newIdempotencyKey, sendWithRetries, type AttemptResult } from './transport.js';
import { validateInput, type InputRules } from './validate.js';

export type { ProviderEntry };

export type Condition = { present: readonly string[] } | { equals: { path: readonly string[]; value: string | number | boolean } };

/** One row of a provider's error table; `message` and condition paths start at the body. */
export interface ErrorRule { status: number; when?: Condition; code: RefundErrorCode; message?: readonly string[] }

/** What a shim reads: headers by name (echoed credentials redacted) and the parsed, scrubbed body. */
export interface Received { status: number; headers: { get(name: string): string | null }; body: unknown }

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
  createClient(options: { credentials: Credentials; baseUrl?: string; fetch?: (input: Request) => Promise<Response> }): Client;
  send(client: Client, input: Input, idempotencyKey: string, init: SendInit): Promise<unknown>;
  /** The refund this answer describes, or undefined when it is an error; throws ReadError on a malformed one. */
  interpret(received: Received, input: Input): Refund<string, Raw> | undefined;
}

export interface RefundsEngine<Input, Raw> {
  readonly provider: string;
  readonly refunds: { create(input: Input, options?: CreateOptions): Promise<Refund<string, Raw>> };
}

const MIB = 1_048_576;
// What openapi-fetch gets back: the body was already read (bounded) by the fetch wrapper.
const READ = { status: 204 } as const;

/** Calls a hook so that nothing it does (throw, reject) reaches the refund. */
function call<K extends keyof RefundsHooks>(hooks: RefundsHooks | undefined, name: K, event: Parameters<NonNullable<RefundsHooks[K]>>[0]): void {
  try {
    const result: unknown = hooks?.[name]?.(event as never);
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // a hook's failure is the hook's business
  }
}

export function createRefundsEngine<Client, Input, Raw>(
  input: unknown,
  providers: Readonly<Record<string, ProviderEntry>>,
): RefundsEngine<Input, Raw> {
  // Every credential value is a secret; its echoed forms are worked out once, here.
  const [[, loadShim], secrets] = checkOptions(input, providers);
  secretForms(secrets);
  const options = input as CheckedOptions;
  const { provider, hooks } = options;
  const limit = options.maxResponseBytes ?? MIB;
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const onAttemptEnd = (event: Omit<AttemptEndEvent, 'provider'>) => call(hooks, 'onAttemptEnd', { provider, ...event });
  let ready: Promise<{ shim: Shim<Client, unknown, Input, Raw>; client: Client }> | undefined;
  const prepare = () => (ready ??= loadShim().then((loaded) => {
    const shim = loaded as Shim<Client, unknown, Input, Raw>;
    const client = shim.createClient({
      credentials: options.credentials,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    });
    return { shim, client };
  }));

  async function create(refundInput: Input, callOptions: CreateOptions = {}): Promise<Refund<string, Raw>> {
    const { shim, client } = await prepare();
    validateInput(refundInput, shim.rules, provider);
    shim.check?.(refundInput);
    const key = (refundInput as { idempotencyKey?: string }).idempotencyKey ?? newIdempotencyKey();
    const result = await sendWithRetries(async (signal, attempt) => {
      let received: AttemptResult | undefined;
      const fetch = async (request: Request) => {
        if (hooks?.onAttempt) call(hooks, 'onAttempt', { provider, attempt, idempotencyKey: scrubSecrets(key, secrets), method: request.method, url: scrubSecrets(request.url, secrets) });
        received = await receive(await baseFetch(request), limit);
        return new Response(null, READ);
      };
      await shim.send(client, refundInput, key, { signal, fetch, parseAs: 'text', redirect: 'manual' });
      if (received === undefined) throw new Error('the request was never sent'); // a middleware answered itself
      return received;
    }, {
      provider,
      deduplicates: shim.deduplicates,
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 30_000,
      secrets,
      ...(hooks?.onAttemptEnd ? { onAttemptEnd } : {}),
      ...(callOptions.signal === undefined ? {} : { signal: callOptions.signal }),
    });
    const end = { attempt: result.attempt!, durationMs: result.durationMs!, httpStatus: result.status, willRetry: false };
    try {
      const refund = interpret(shim, result, refundInput, secrets, limit);
      onAttemptEnd(end);
      return refund;
    } catch (error) {
      onAttemptEnd(error instanceof RefundError ? { ...end, errorCode: error.code } : end);
      throw error;
    }
  }

  return { provider, refunds: { create } };
}

function interpret<Input, Raw>(shim: Shim<unknown, unknown, Input, Raw>, result: AttemptResult, input: Input, secrets: readonly string[], limit: number): Refund<string, Raw> {
  const { provider } = shim;
  const { status, failure } = result;
  const fail = (code: RefundErrorCode, message: string, raw?: unknown) =>
    createRefundError({ code, provider, httpStatus: status, message, ...(raw === undefined ? {} : { raw }) }, secrets);

  if (failure === 'redirect') throw fail('unexpected_response', `${provider} answered with a redirect (HTTP ${status}); paykit never follows one`);
  if (failure === 'too_large') throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body over maxResponseBytes (${limit} bytes); it was not read`);
  // Everything the shim reads is scrubbed first, parsed values included: a JSON-escaped echo
  // ("PUSH\/SECRET") is only the secret once decoded, so scrubbing the text alone would miss it.
  const text = result.bodyText;
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text) as unknown;
      // Without a backslash every JSON string is verbatim in the text, so a clean text is a clean body.
      if (text.includes('\\') || mentions(text, secrets)) body = scrubSecrets(body, secrets);
    } catch {
      const authFailure = status === 401 || status === 403;
      throw fail(authFailure ? 'authentication_failed' : 'unexpected_response',
        `${provider} answered HTTP ${status} with a body that is not JSON${authFailure ? ' (authentication failed)' : ''}`,
        scrubSecrets(text, secrets).slice(0, 2000));
    }
  }
  let refund: Refund<string, Raw> | undefined;
  try {
    refund = shim.interpret({ status, headers: new ScrubbedHeaders(result.headers, secrets), body }, input);
    // An id that echoed a credential (an `identifier: Bearer <token>` header) is refused, not returned.
    if (refund !== undefined && refund.id.includes(REDACTED)) throw new ReadError('id echoes a credential');
  } catch (error) {
    if (error instanceof ReadError || error instanceof TransformError || error instanceof MoneyFormatError) {
      throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body paykit cannot read: ${error.message}`, body);
    }
    throw error;
  }
  if (refund !== undefined) return refund;
  const rule = shim.errors.find((r) => r.status === status && matches(r.when, body));
  const detail = rule?.message === undefined ? undefined : at(body, rule.message);
  const said = typeof detail === 'string' && detail !== '' ? `: ${detail}` : '';
  if (rule !== undefined) throw fail(rule.code, `${provider} refused the refund with HTTP ${status}${said}`, body);
  if (status === 401 || status === 403) throw fail('authentication_failed', `${provider} rejected the credentials (HTTP ${status})`, body);
  if (status >= 400 && status < 500) throw fail('invalid_request', `${provider} refused the request with HTTP ${status}`, body);
  throw fail('unexpected_response', `${provider} answered HTTP ${status}, which its mapping does not describe`, body);
}

/** Headers as the shim reads them: each value it asks for, with echoed credentials redacted. */
class ScrubbedHeaders {
  private readonly headers: Headers;
  private readonly secrets: readonly string[];
  constructor(headers: Headers, secrets: readonly string[]) {
    this.headers = headers;
    this.secrets = secrets;
  }

  get(name: string): string | null {
    const value = this.headers.get(name);
    return value === null ? null : scrubSecrets(value, this.secrets);
  }
}

function mentions(text: string, secrets: readonly string[]): boolean {
  return secretForms(secrets).some((form) => text.includes(form));
}

/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function matches(when: Condition | undefined, body: unknown): boolean {
  if (when === undefined) return true;
  if ('present' in when) {
    const value = at(body, when.present);
    return value !== undefined && value !== null && value !== '';
  }
  return at(body, when.equals.path) === when.equals.value;
}

export { RefundError };
