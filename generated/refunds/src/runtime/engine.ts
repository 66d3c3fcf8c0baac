/**
 * What every provider shares: validate, send with retries under one idempotency key, then read the
 * answer through the provider's shim (generated from its mapping) or its error table.
 */
import type { CreateOptions, Refund, RefundsClientOptionsBase } from './contract.js';
import { MoneyFormatError, ReadError, RefundError, TransformError, createRefundError, scrubSecrets, type RefundErrorCode } from './errors.js';
import { newIdempotencyKey, sendWithRetries, type AttemptResult } from './transport.js';
import { checkCredentials, validateInput, type InputRules } from './validate.js';

export type Condition = { present: readonly string[] } | { equals: { path: readonly string[]; value: string | number | boolean } };

/** One row of a provider's error table; `message` and condition paths start at the body. */
export interface ErrorRule { status: number; when?: Condition; code: RefundErrorCode; message?: readonly string[] }

export interface Received { status: number; headers: Headers; body: unknown }

export interface SendInit {
  signal: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
  parseAs: 'text';
}

export interface Shim<Client, Credentials, Input, Raw> {
  provider: string;
  /** The provider de-duplicates by idempotency key, so a retry can never refund twice. */
  deduplicates: boolean;
  credentialFields: readonly string[];
  rules: InputRules;
  /** Spec limits on pass-through fields (generated from the spec when it has some). */
  check?(input: Input): void;
  errors: readonly ErrorRule[];
  createClient(options: { credentials: Credentials; baseUrl?: string; fetch?: (input: Request) => Promise<Response> }): Client;
  send(client: Client, input: Input, idempotencyKey: string, init: SendInit): Promise<unknown>;
  /** The refund this answer describes, or undefined when it is an error. */
  interpret(received: Received, input: Input): Refund<string, Raw> | undefined;
}

export interface EngineOptions<Credentials> extends RefundsClientOptionsBase {
  provider: string;
  credentials: Credentials;
}

export interface RefundsEngine<Input, Raw> {
  readonly provider: string;
  readonly refunds: { create(input: Input, options?: CreateOptions): Promise<Refund<string, Raw>> };
}

export function createRefundsEngine<Client, Credentials, Input, Raw>(
  options: EngineOptions<Credentials>,
  loadShim: () => Promise<Shim<Client, Credentials, Input, Raw>>,
): RefundsEngine<Input, Raw> {
  const { provider } = options;
  let ready: Promise<{ shim: Shim<Client, Credentials, Input, Raw>; client: Client; secrets: string[] }> | undefined;
  const prepare = () => (ready ??= loadShim().then((shim) => {
    const secrets = secretForms(checkCredentials(options.credentials, shim.credentialFields, provider));
    const client = shim.createClient({
      credentials: options.credentials,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    return { shim, client, secrets };
  }));

  async function create(input: Input, callOptions: CreateOptions = {}): Promise<Refund<string, Raw>> {
    const { shim, client, secrets } = await prepare();
    validateInput(input, shim.rules, provider);
    shim.check?.(input);
    const key = (input as { idempotencyKey?: string }).idempotencyKey ?? newIdempotencyKey();
    const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    const result = await sendWithRetries(async (signal) => {
      let status = 0;
      let headers = new Headers();
      let errorText: string | undefined;
      // openapi-fetch reads a 2xx body as text (parseAs: 'text'); an error body is read here and the
      // client gets an empty response, so the exact bytes are kept either way and parsed only once.
      const fetch = async (request: Request) => {
        const response = await baseFetch(request);
        ({ status, headers } = response);
        if (response.ok) return response;
        errorText = await response.text();
        return new Response(null, { status, headers });
      };
      const sent = await shim.send(client, input, key, { signal, fetch, parseAs: 'text' }) as { data?: unknown };
      return { status, headers, bodyText: errorText ?? (typeof sent.data === 'string' ? sent.data : '') };
    }, {
      provider,
      deduplicates: shim.deduplicates,
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 30_000,
      secrets,
      ...(callOptions.signal === undefined ? {} : { signal: callOptions.signal }),
    });
    return interpret(shim, result, input, secrets);
  }

  return { provider, refunds: { create } };
}

function interpret<Input, Raw>(shim: Shim<unknown, unknown, Input, Raw>, result: AttemptResult, input: Input, secrets: readonly string[]): Refund<string, Raw> {
  const { provider } = shim;
  const { status } = result;
  const fail = (code: RefundErrorCode, message: string, raw?: unknown) =>
    createRefundError({ code, provider, httpStatus: status, message, ...(raw === undefined ? {} : { raw }) }, secrets);

  // A body that echoes a credential is scrubbed before anything reads, quotes or cuts it, so no
  // fragment of a secret can survive in a message, in raw, or in the refund.
  const tainted = mayContain(result.bodyText, secrets);
  const text = tainted ? scrubSecrets(result.bodyText, secrets) : result.bodyText;
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(result.bodyText);
    } catch {
      const authFailure = status === 401 || status === 403;
      throw fail(authFailure ? 'authentication_failed' : 'unexpected_response',
        `${provider} answered HTTP ${status} with a body that is not JSON${authFailure ? ' (authentication failed)' : ''}`,
        text.slice(0, 2000));
    }
    if (tainted) body = scrubSecrets(body, secrets);
  }
  let refund: Refund<string, Raw> | undefined;
  try {
    refund = shim.interpret({ status, headers: result.headers, body }, input);
  } catch (error) {
    if (error instanceof ReadError || error instanceof TransformError || error instanceof MoneyFormatError) {
      throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body paykit cannot read: ${error.message}`, body);
    }
    throw error;
  }
  if (refund !== undefined) return tainted ? scrubSecrets(refund, secrets) : refund;
  const rule = shim.errors.find((r) => r.status === status && matches(r.when, body));
  const detail = rule?.message === undefined ? undefined : at(body, rule.message);
  const said = typeof detail === 'string' && detail !== '' ? `: ${detail}` : '';
  if (rule !== undefined) throw fail(rule.code, `${provider} refused the refund with HTTP ${status}${said}`, body);
  if (status === 401 || status === 403) throw fail('authentication_failed', `${provider} rejected the credentials (HTTP ${status})`, body);
  if (status >= 400 && status < 500) throw fail('invalid_request', `${provider} refused the request with HTTP ${status}`, body);
  throw fail('unexpected_response', `${provider} answered HTTP ${status}, which its mapping does not describe`, body);
}

/**
 * Credentials also travel encoded: HTTP basic sends base64("user:password"). Every such pairing of
 * the credential values is a secret too, so an echoed Authorization header is scrubbed as well.
 */
function secretForms(values: readonly string[]): string[] {
  const forms = new Set(values);
  const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  for (const user of values) {
    forms.add(utf8Base64(`${user}:`));
    for (const password of values) if (password !== user) forms.add(utf8Base64(`${user}:${password}`));
  }
  return [...forms];
}

/**
 * The forms scrubSecrets removes: the secret itself and its percent-encoding. A secret JSON would
 * escape (quotes, backslashes, anything outside printable ASCII) may hide in the text, so it always counts.
 */
function mayContain(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => !/^[\x20-\x7e]*$/.test(secret) || /["\\]/.test(secret)
    || text.includes(secret) || text.includes(encodeURIComponent(secret)));
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
