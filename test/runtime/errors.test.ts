import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createRefundError,
  describeError,
  RefundError,
  scrubSecrets,
} from '../../templates/refunds/runtime/errors.js';

const SECRET = 'sk_live_51HxSECRETxyz';

function everyRendering(error: RefundError): Array<[string, string]> {
  return [
    ['message', error.message],
    ['String', String(error)],
    ['JSON', JSON.stringify(error)],
    ['inspect', inspect(error, { depth: 10 })],
    ['inspect (no custom)', inspect(error, { depth: 10, customInspect: false, showHidden: true })],
    ['stack', error.stack ?? ''],
    ['cause', String(error.cause)],
    ['raw', JSON.stringify(error.raw)],
  ];
}

describe('RefundError', () => {
  it('carries the init fields, with retryable defaulting to false', () => {
    const error = new RefundError({ code: 'payment_not_found', provider: 'example-provider', message: 'no such payment', httpStatus: 404 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RefundError');
    expect(error.code).toBe('payment_not_found');
    expect(error.provider).toBe('example-provider');
    expect(error.httpStatus).toBe(404);
    expect(error.retryable).toBe(false);
    expect(String(error)).toBe('RefundError: no such payment');
    expect(error.stack?.startsWith('RefundError: no such payment')).toBe(true);
  });

  it('serialises to a fixed set of fields', () => {
    const error = new RefundError({ code: 'rate_limited', provider: 'example-provider', message: 'slow down', httpStatus: 429, retryable: true, raw: { a: 1 } });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RefundError', code: 'rate_limited', provider: 'example-provider', httpStatus: 429, retryable: true, message: 'slow down', raw: { a: 1 },
    });
    expect(inspect(error)).toContain('RefundError [rate_limited]: slow down (provider: example-provider, httpStatus: 429, retryable: true)');
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['plain string', `token ${SECRET} end`, 'token [redacted] end'],
    ['repeated', `${SECRET}${SECRET}`, '[redacted][redacted]'],
    ['number', 42, 42],
    ['null', null, null],
    ['boolean', true, true],
    ['array', [SECRET, 1], ['[redacted]', 1]],
    ['nested object and key', { a: { [SECRET]: `x${SECRET}` } }, { a: { '[redacted]': 'x[redacted]' } }],
    ['percent-encoded form', `key=${encodeURIComponent('p@ss/w0rd')}`, 'key=[redacted]'],
  ])('%s', (_name, input, expected) => {
    expect(scrubSecrets(input, [SECRET, 'p@ss/w0rd'])).toEqual(expected);
  });

  it('ignores empty and very short secrets', () => {
    expect(scrubSecrets('a b ab', ['', 'a', 'ab'])).toBe('a b ab');
  });

  it('removes the longer of overlapping secrets whole', () => {
    expect(scrubSecrets('abcdef', ['bcd', 'abcdef'])).toBe('[redacted]');
  });

  it('does not mutate its input and copies deeply', () => {
    const input = { list: [{ token: SECRET }] };
    const output = scrubSecrets(input, [SECRET]);
    expect(input.list[0]?.token).toBe(SECRET);
    expect(output.list[0]?.token).toBe('[redacted]');
    expect(output.list).not.toBe(input.list);
  });

  it('survives cycles and describes non-plain objects without leaking', () => {
    const input: Record<string, unknown> = { error: new Error(`bad ${SECRET}`) };
    input.self = input;
    const output = scrubSecrets(input, [SECRET]) as Record<string, unknown>;
    expect(output.self).toBe('[circular]');
    expect(output.error).toBe('Error: bad [redacted]');
  });
});

describe('secretForms: every echoed form is scrubbed', () => {
  const secret = 'p@ss/w0rd+KEY=1';
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  it.each([
    ['JSON-escaped slash (unparsed text)', JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/')],
    ['percent-encoded, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['base64', b64(secret)],
    ['base64url', b64(secret).replaceAll('+', '-').replaceAll('/', '_')],
    ['base64 of "Bearer <secret>"', b64(`Bearer ${secret}`)],
    ['base64 of "x<secret>" (second alignment)', b64(`x${secret}`)],
    ['basic auth with the secret as password', b64(`user:${secret}`)],
  ])('%s', (_name, echoed) => {
    const scrubbed = scrubSecrets(`seen: ${echoed} end`, [secret]);
    expect(scrubbed).toContain('[redacted]');
    expect(scrubbed).not.toContain(echoed);
  });

  it('leaves text without a secret as it is', () => {
    expect(scrubSecrets({ a: 'plain text, nothing here' }, [secret])).toEqual({ a: 'plain text, nothing here' });
  });

  it('keeps a JSON "__proto__" key a key, never a prototype', () => {
    const scrubbed = scrubSecrets(JSON.parse('{"__proto__": {"polluted": true}}'), [secret]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
    expect(Object.hasOwn(scrubbed, '__proto__')).toBe(true);
    expect((scrubbed as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('createRefundError', () => {
  const cause = new TypeError('fetch failed', { cause: Object.assign(new Error(`connect to https://api/${SECRET}`), { code: 'ECONNRESET' }) });

  it('never exposes a secret from message, raw (nested value and key) or cause', () => {
    const error = createRefundError(
      {
        code: 'authentication_failed',
        provider: 'example-provider',
        message: `key ${SECRET} was rejected`,
        httpStatus: 401,
        raw: { error: { detail: [`bad key ${SECRET}`], [SECRET]: true } },
        cause,
      },
      [SECRET],
    );
    for (const [where, text] of everyRendering(error)) {
      expect(text, where).not.toContain(SECRET);
      expect(text, where).not.toContain('51HxSECRET');
    }
    expect(error.message).toBe('key [redacted] was rejected');
    expect(error.raw).toEqual({ error: { detail: ['bad key [redacted]'], '[redacted]': true } });
    expect(typeof error.cause).toBe('string');
    expect(error.cause).toContain('ECONNRESET');
  });

  it('keeps the useful parts of a cause as a description', () => {
    expect(describeError(cause)).toBe(`TypeError: fetch failed; caused by Error: connect to https://api/${SECRET} [ECONNRESET]`);
  });

  it('passes retryable and httpStatus through', () => {
    const error = createRefundError({ code: 'timeout', provider: 'p', message: 'm', retryable: true }, []);
    expect(error.retryable).toBe(true);
    expect(error.httpStatus).toBeUndefined();
    expect(error.cause).toBeUndefined();
  });
});
