/**
 * createRefundsClient's options, checked before any request (DESIGN.md, "Configuration"): a
 * TypeError for a wrong type, a RangeError for a value out of range, each naming the option and
 * never a credential's value.
 */
import type { RefundsClientOptionsBase } from './contract.js';

/** A provider's credential fields and its lazily loaded shim module (which exports `shim`). */
export type ProviderEntry = readonly [credentialFields: readonly string[], load: () => Promise<{ shim: unknown }>];

export interface CheckedOptions extends RefundsClientOptionsBase {
  provider: string;
  credentials: Record<string, string>;
}

// Not sendable in an HTTP header: CR, LF, NUL, or a character beyond Latin-1.
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;
// [option, min, max, integer]
const NUMBERS: readonly [string, number, number, boolean][] = [
  ['maxRetries', 0, 10, true],
  ['timeoutMs', 1, 600_000, false],
  ['maxResponseBytes', 1, Number.MAX_SAFE_INTEGER, true],
];

/** A TypeError when `value` has the wrong type, else a RangeError. */
function fail(wrongType: boolean, message: string): never {
  throw new (wrongType ? TypeError : RangeError)(message);
}

/** The provider's entry and the credential values (every one a secret), or a TypeError/RangeError. */
export function checkOptions(options: unknown, providers: Readonly<Record<string, ProviderEntry>>): [ProviderEntry, string[]] {
  if (!isRecord(options)) fail(true, 'createRefundsClient options must be an object');
  const { provider, credentials, baseUrl, hooks } = options;
  if (typeof provider !== 'string' || !Object.hasOwn(providers, provider)) fail(typeof provider !== 'string', `provider must be one of ${Object.keys(providers).join(', ')}`);
  const entry = providers[provider]!;
  if (!isRecord(credentials)) fail(true, `credentials must be an object with ${entry[0].join(', ')}`);
  const secrets = entry[0].map((field) => {
    const value = credentials[field];
    if (typeof value !== 'string' || value === '' || UNSENDABLE.test(value)) {
      fail(typeof value !== 'string', `credentials.${field} must be a non-empty string an HTTP header can carry`);
    }
    return value;
  });
  for (const [name, min, max, integer] of NUMBERS) {
    const value = options[name];
    // The range test is false for NaN and catches ±Infinity.
    if (value !== undefined && (typeof value !== 'number' || (integer && !Number.isInteger(value)) || !(value >= min && value <= max))) {
      fail(typeof value !== 'number', `${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    }
  }
  if (baseUrl !== undefined && !httpUrl(baseUrl)) fail(typeof baseUrl !== 'string', 'baseUrl must be an http(s) URL without user or password');
  if (hooks !== undefined && !isRecord(hooks)) fail(true, 'hooks must be an object');
  for (const [name, value] of [['fetch', options.fetch], ['hooks.onAttempt', hooks?.onAttempt], ['hooks.onAttemptEnd', hooks?.onAttemptEnd]] as const) {
    if (value !== undefined && typeof value !== 'function') fail(true, `${name} must be a function`);
  }
  return [entry, secrets];
}

function httpUrl(text: unknown): boolean {
  try {
    const url = new URL(text as string);
    return typeof text === 'string' && /^https?:$/.test(url.protocol) && url.username + url.password === '';
  } catch {
    return false;
  }
}

/** A non-null, non-array object (what options, credentials and refund input must be). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
