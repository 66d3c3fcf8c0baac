/// <reference types="node" />
/**
 * `kind: hmac-signature`, verified by the same recipe the client signs by: each header is matched
 * against its template to read back {timestamp}, {signature} and credentials; credentials must be
 * the fake's, the timestamp close to the real clock, and the signature the HMAC of the message
 * template filled with the received timestamp, credentials and the exact body.
 */
import { createHmac } from 'node:crypto';
import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
import { sameSecret } from './secret-compare.js';

type HmacRecipe = Extract<AuthRecipe, { kind: 'hmac-signature' }>;

/** How far a signed request's timestamp may be from the fake's clock, as a provider allows for skew. */
const MAX_SKEW_MS = 5 * 60 * 1000;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Milliseconds since the epoch, or NaN when the text is not in the recipe's format. */
const TIMESTAMP_PARSERS: Record<NonNullable<HmacRecipe['sign']['timestamp']>, (text: string) => number> = {
  'iso8601': (t) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.test(t) ? Date.parse(t) : NaN),
  'iso8601-millis': (t) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:?\d{2})$/.test(t) ? Date.parse(t) : NaN),
  'unix-seconds': (t) => (/^\d{1,12}$/.test(t) ? Number(t) * 1000 : NaN),
  'unix-millis': (t) => (/^\d{1,15}$/.test(t) ? Number(t) : NaN),
};

export const hmacSignatureProblem: Verify<HmacRecipe> = (auth, credentials, headers, bodyText) => {
  const values = new Map<string, string>();
  for (const [name, template] of Object.entries(auth.headers)) {
    const received = headers[name.toLowerCase()];
    if (!received) return `missing ${name}`;
    const read = readTemplate(template, received);
    if (read === undefined) return `${name} is not in the form ${template}`;
    for (const [key, value] of read) {
      if (values.has(key) && values.get(key) !== value) return `${name} disagrees with another header on {${key}}`;
      values.set(key, value);
    }
  }
  for (const [key, value] of values) {
    if (key !== 'timestamp' && key !== 'signature' && !sameSecret(value, credentials[key])) return `invalid {${key}}`;
  }
  const timestamp = values.get('timestamp');
  if (timestamp !== undefined && auth.sign.timestamp !== undefined) {
    const when = TIMESTAMP_PARSERS[auth.sign.timestamp](timestamp);
    if (Number.isNaN(when)) return `the timestamp must be ${auth.sign.timestamp}`;
    // Against the real clock: the client signs with it, whatever clock the fake reports dates by.
    if (Math.abs(Date.now() - when) > MAX_SKEW_MS) return 'the timestamp is more than 5 minutes away';
  }
  const message = auth.sign.message.replace(PLACEHOLDER, (_, key: string) =>
    key === 'body' ? bodyText : key === 'timestamp' ? timestamp ?? '' : credentials[key] ?? '');
  const expected = createHmac(auth.sign.algorithm, credentials[auth.sign.key] ?? '').update(message, 'utf8').digest(auth.sign.encoding);
  const signature = values.get('signature') ?? '';
  return sameSecret(auth.sign.encoding === 'hex' ? signature.toLowerCase() : signature, expected) ? undefined : 'invalid signature';
};

/** The placeholders' values when `text` has the template's form (literal parts exactly), else undefined. */
function readTemplate(template: string, text: string): Map<string, string> | undefined {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    pattern += escapeRegExp(template.slice(last, match.index)) + '(.*?)';
    names.push(match[1]!);
    last = match.index! + match[0].length;
  }
  const found = new RegExp(`^${pattern}${escapeRegExp(template.slice(last))}$`, 's').exec(text);
  if (found === null) return undefined;
  return new Map(names.map((name, i) => [name, found[i + 1]!]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
