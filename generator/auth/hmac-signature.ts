/**
 * `kind: hmac-signature`: a declarative signing recipe. `sign` says what is signed (a template over
 * the timestamp, the exact body and credentials), with which key, digest and encoding; `headers`
 * says what is sent (templates over the timestamp, the signature and credentials). One emitted
 * authenticator and one fake verifier read any recipe, so a second HMAC vendor is data.
 */
import { PaykitError, joinPointer } from '../errors.js';
import { tsString } from '../text/escape.js';
import { checkCredentialRef } from './credentials.js';
import { templateExpression, valuesOf } from './hmac-template.js';
import type { AuthPlugin, Scheme } from './types.js';

export type TimestampFormat = 'iso8601' | 'iso8601-millis' | 'unix-seconds' | 'unix-millis';

export interface HmacSignatureAuth {
  kind: 'hmac-signature';
  credentials: Record<string, string>;
  sign: { message: string; key: string; algorithm: 'sha256' | 'sha512'; encoding: 'hex' | 'base64'; timestamp?: TimestampFormat };
  headers: Record<string, string>;
}

/** How each timestamp format is written from `now()` (a Date) in the emitted code. */
const TIMESTAMP_CODE: Record<TimestampFormat, string> = {
  // Whole seconds: the ISO form without its milliseconds.
  'iso8601': '`${now().toISOString().slice(0, 19)}Z`',
  'iso8601-millis': 'now().toISOString()',
  'unix-seconds': 'String(Math.floor(now().getTime() / 1000))',
  'unix-millis': 'String(now().getTime())',
};

const TIMESTAMP_TEXT: Record<TimestampFormat, string> = {
  'iso8601': 'yyyy-MM-ddTHH:mm:ssZ', 'iso8601-millis': 'yyyy-MM-ddTHH:mm:ss.SSSZ', 'unix-seconds': 'Unix seconds', 'unix-millis': 'Unix milliseconds',
};

export const hmacSignature: AuthPlugin<HmacSignatureAuth> = {
  kind: 'hmac-signature',
  checkConfig(auth, file, at) {
    const fail = (field: (string | number)[], problem: string, fix: string) => { throw new PaykitError(file, joinPointer([...at, ...field]), problem, fix); };
    checkCredentialRef(auth.credentials, auth.sign.key, file, at, ['sign', 'key']);
    const credentials = Object.keys(auth.credentials);
    const known = (allowed: string[], field: (string | number)[], template: string) => {
      for (const name of valuesOf(template)) {
        if (!allowed.includes(name)) fail(field, `names the value {${name}}, which is not one of ${allowed.map((v) => `{${v}}`).join(', ')}`, 'use one of those names, or declare the credential in auth.credentials');
      }
    };
    known(['timestamp', 'body', ...credentials], ['sign', 'message'], auth.sign.message);
    for (const [name, value] of Object.entries(auth.headers)) {
      // Named separately: the schema cannot see that {secretKey} is the signing key.
      if (valuesOf(value).includes(auth.sign.key)) fail(['headers', name], `would send the signing key {${auth.sign.key}} in clear`, 'send the signature instead');
      known(['timestamp', 'signature', ...credentials.filter((c) => c !== auth.sign.key)], ['headers', name], value);
    }
    const sent = Object.values(auth.headers).flatMap(valuesOf);
    if (!sent.includes('signature')) fail(['headers'], 'sends no {signature}', 'put {signature} in one header\'s value');
    const signsTime = valuesOf(auth.sign.message).includes('timestamp') || sent.includes('timestamp');
    if (signsTime && auth.sign.timestamp === undefined) fail(['sign'], 'uses {timestamp} but gives no sign.timestamp format', 'set sign.timestamp to iso8601, iso8601-millis, unix-seconds or unix-millis');
    if (valuesOf(auth.sign.message).includes('timestamp') && !sent.includes('timestamp')) {
      fail(['headers'], 'signs {timestamp} but sends it in no header, so the server cannot check the signature', 'put {timestamp} in a header\'s value');
    }
  },
  satisfies(auth, alt) {
    const wanted = Object.keys(auth.headers).map((h) => h.toLowerCase()).sort();
    const have = apiKeyHeaders(alt);
    return have.length === alt.length && have.length === wanted.length && have.every((h, i) => h === wanted[i]);
  },
  mismatch(auth, alt) {
    if (alt.length === 0 || apiKeyHeaders(alt).length !== alt.length) return undefined;
    const have = apiKeyHeaders(alt);
    const missing = Object.keys(auth.headers).find((h) => !have.includes(h.toLowerCase()));
    const schemes = alt.map((s) => `${s.headerName} (#${s.pointer})`).join(', ');
    if (missing !== undefined) return { field: ['headers', missing], problem: `sends the header "${missing}", but the spec signs with the headers ${schemes}` };
    return { field: ['headers'], problem: `sends ${Object.keys(auth.headers).join(', ')}, but the spec signs with the headers ${schemes}` };
  },
  suggest: (alt) => (alt.length > 0 && apiKeyHeaders(alt).length === alt.length ? `kind: hmac-signature whose headers are ${alt.map((s) => s.headerName).join(', ')}` : undefined),
  headerNames: (auth) => Object.keys(auth.headers),
  describe(auth) {
    const time = auth.sign.timestamp === undefined ? '' : `; {timestamp} is ${TIMESTAMP_TEXT[auth.sign.timestamp]}`;
    const headers = Object.entries(auth.headers).map(([name, value]) => `${name}: ${value}`).join(', ');
    return `signed headers ${headers} ({signature} is the ${auth.sign.encoding} HMAC-${auth.sign.algorithm.toUpperCase()} of ${auth.sign.message}, keyed with ${auth.sign.key}${time}).`;
  },
  perRequest: true,
  templateModel(auth) {
    const used = [auth.sign.message, ...Object.values(auth.headers)].flatMap(valuesOf);
    return {
      hash: auth.sign.algorithm === 'sha512' ? 'SHA-512' : 'SHA-256',
      keyExpression: `credentials[${tsString(auth.sign.key)}]`,
      timestampExpression: used.includes('timestamp') && auth.sign.timestamp !== undefined ? TIMESTAMP_CODE[auth.sign.timestamp] : undefined,
      timestampText: auth.sign.timestamp === undefined ? undefined : TIMESTAMP_TEXT[auth.sign.timestamp],
      messageExpression: templateExpression(auth.sign.message),
      base64: auth.sign.encoding === 'base64',
      headers: Object.entries(auth.headers).map(([name, value]) => ({ nameLiteral: tsString(name), valueExpression: templateExpression(value) })),
    };
  },
  fakeRecipe: (auth) => ({ kind: 'hmac-signature', sign: auth.sign, headers: auth.headers }),
};

function apiKeyHeaders(alt: readonly Scheme[]): string[] {
  return alt.filter((s) => s.type === 'apiKey' && s.in === 'header').map((s) => s.headerName.toLowerCase()).sort();
}
