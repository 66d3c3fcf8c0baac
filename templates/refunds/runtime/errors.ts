/** Every failure the facade reports is one of these codes. */
export type RefundErrorCode =
  | 'invalid_request'
  | 'authentication_failed'
  | 'payment_not_found'
  | 'amount_exceeds_refundable'
  | 'already_refunded'
  | 'rate_limited'
  | 'provider_unavailable'
  | 'timeout'
  | 'network_error'
  | 'unexpected_response';

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

export const REDACTED = '[redacted]';

export class RefundError extends Error {
  declare readonly code: RefundErrorCode;
  declare readonly provider: string;
  declare readonly httpStatus?: number;
  declare readonly retryable: boolean;
  declare readonly raw?: unknown;

  constructor({ message, cause, code, provider, httpStatus, retryable = false, raw }: RefundErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { code, provider, httpStatus, retryable, raw });
  }

  /** JSON.stringify(err) shows exactly these fields, never the cause or stack. */
  toJSON(): Record<string, unknown> {
    const { name, code, provider, httpStatus, retryable, message, raw } = this;
    return { name, code, provider, httpStatus, retryable, message, raw };
  }
}

/**
 * util.inspect/console.log: a summary instead of Node's dump of every own property. Set on the
 * prototype rather than as a computed class member so declarations stay isolated-declarations safe;
 * assigned like `name` below (a symbol key is never listed by for-in, Object.keys or JSON).
 */
(RefundError.prototype as unknown as Record<symbol, unknown>)[Symbol.for('nodejs.util.inspect.custom')] = function (this: RefundError): string {
  const status = this.httpStatus === undefined ? '' : `, httpStatus: ${this.httpStatus}`;
  // The stack's frames, without its header (which repeats the message).
  const frames = (this.stack ?? '').replace(/^[^]*?(?=\n\s+at |$)/, '');
  return `${this.name} [${this.code}]: ${this.message} (provider: ${this.provider}${status}, retryable: ${this.retryable})${frames}`;
};
// `name` on the prototype (not a class field), so the stack header V8 captures shows it.
RefundError.prototype.name = 'RefundError';

/**
 * A value the facade cannot read or convert. Read from a response, the engine reports it as
 * `unexpected_response`; met while building a request, as the caller's `invalid_request`.
 */
export class ReadError extends Error {}
ReadError.prototype.name = 'ReadError';

/** A named transform rejected its input (a ReadError, so one check in the engine covers all three). */
export class TransformError extends ReadError {}
TransformError.prototype.name = 'TransformError';

/** A decimal or digit string that cannot be represented exactly; callers pick the RefundErrorCode. */
export class MoneyFormatError extends ReadError {}
MoneyFormatError.prototype.name = 'MoneyFormatError';

const formsOf = new WeakMap<readonly string[], string[]>();

/**
 * Every form in which a provider could echo a credential back: verbatim, percent-encoded (either hex
 * case, `+` for spaces), JSON-escaped (`\/` included, for text that was not parsed), and base64 or
 * base64url at each of the three byte alignments, which also covers `user:password` basic auth and
 * `Bearer <token>` encoded whole. Computed once per secrets array (a client keeps one), longest
 * first so a form containing another is removed whole. Shorter than 3 characters is not scrubbed:
 * it would shred ordinary words.
 */
export function secretForms(secrets: readonly string[]): string[] {
  let forms = formsOf.get(secrets);
  if (forms === undefined) {
    const found = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < 3) continue;
      const url = encodeURIComponent(secret);
      const json = JSON.stringify(secret).slice(1, -1);
      for (const form of [secret, url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), url.replace(/%20/g, '+'), json, json.replace(/\//g, '\\/')]) found.add(form);
      if (secret.length < 6) continue;
      // UTF-8 (how the clients encode basic auth) and Latin-1 bytes, as binary strings for btoa.
      for (const bytes of [String.fromCharCode(...new TextEncoder().encode(secret)), secret]) {
        for (let align = 0; align < 3; align++) {
          // Chars that also depend on neighbouring bytes (the filler, the next byte) are cut off.
          const padded = '\0'.repeat(align) + bytes;
          const core = btoa(padded).replace(/=+$/, '').slice([0, 2, 3][align], padded.length % 3 === 0 ? undefined : -1);
          found.add(core).add(core.replace(/\+/g, '-').replace(/\//g, '_'));
        }
      }
    }
    forms = [...found].filter((form) => form.length >= 3).sort((a, b) => b.length - a.length);
    formsOf.set(secrets, forms);
  }
  return forms;
}

function scrubString(text: string, secrets: readonly string[]): string {
  if (!secrets.some((secret) => text.includes(secret))) return text;
  let current = text;
  // Repeat because a replacement could, in a contrived case, splice a new match.
  for (let round = 0; round < 5; round++) {
    let next = current;
    for (const secret of secrets) next = next.split(secret).join(REDACTED);
    if (next === current) return current;
    current = next;
  }
  return secrets.some((secret) => current.includes(secret)) ? REDACTED : current;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function scrubValue(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') {
    // Numbers, booleans, undefined cannot hold a secret; functions, symbols and
    // bigints are not JSON-like and are described instead of copied.
    return value == null || typeof value === 'number' || typeof value === 'boolean' ? value : scrubString(String(value), secrets);
  }
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrubValue(item, secrets, seen));
    if (!isPlainObject(value)) return scrubString(describeError(value), secrets);
    // fromEntries defines each key, so a JSON key "__proto__" stays a key instead of replacing the prototype.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrubString(key, secrets), scrubValue(item, secrets, seen)]));
  } finally {
    seen.delete(value);
  }
}

/**
 * Deep copy of a JSON-like value with every occurrence of every secret, in any form secretForms
 * lists (in strings and object keys), replaced by "[redacted]". Non-plain objects
 * (errors, class instances) become scrubbed description strings.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  return scrubValue(value, secretForms(secrets), new WeakSet()) as T;
}

/** One-line description of any thrown value, following the cause chain (which undici nests). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      const codeText = typeof code === 'string' && !current.message.includes(code) ? ` [${code}]` : '';
      parts.push(`${current.name}: ${current.message}${codeText}`);
      current = current.cause;
    } else {
      parts.push(typeof current === 'object' ? safeJson(current) : String(current));
      break;
    }
  }
  return parts.join('; caused by ');
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The way to build a RefundError from anything that may hold a credential:
 * message, raw and stack are scrubbed, and the cause is attached only as a
 * scrubbed description string, never as the original object.
 */
export function createRefundError(init: RefundErrorInit, secrets: readonly string[]): RefundError {
  const usable = secretForms(secrets);
  // The constructor skips undefined httpStatus, raw and cause.
  const safeInit: RefundErrorInit = {
    ...init,
    message: scrubString(init.message, usable),
    raw: init.raw === undefined ? undefined : scrubValue(init.raw, usable, new WeakSet()),
    cause: init.cause === undefined ? undefined : scrubString(describeError(init.cause), usable),
  };
  const error = new RefundError(safeInit);
  if (typeof error.stack === 'string') error.stack = scrubString(error.stack, usable);
  return error;
}
