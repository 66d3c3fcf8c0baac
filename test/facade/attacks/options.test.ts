/**
 * DESIGN.md "Configuration": createRefundsClient checks its options and credentials before any
 * request and throws a TypeError or RangeError naming the option, never a credential's value.
 * (Before: an unknown provider was a RefundError, maxRetries NaN/Infinity retried without end,
 * timeoutMs 0/NaN/'abc' timed out at once, credentials with CR/LF became network_error.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefundsClient } from '@paykit/refunds';
import { credentialsFor, providerIds, startAttacker, type Attacker } from './kit.ts';

let attacker: Attacker;
beforeAll(async () => {
  attacker = await startAttacker((_req, res) => res.writeHead(500).end());
});
afterAll(() => attacker.close());

function thrown(options: unknown): Error {
  try {
    createRefundsClient(options as never);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`createRefundsClient accepted ${JSON.stringify(options)}`);
}

/** [what, change to valid options, the option the message must name] */
const badOptions: [string, Record<string, unknown>, string][] = [
  ...[Number.NaN, Number.POSITIVE_INFINITY, -1, 11, 1.5, '2', null].map((v): [string, Record<string, unknown>, string] => [`maxRetries ${String(v)}`, { maxRetries: v }, 'maxRetries']),
  ...[0, Number.NaN, Number.POSITIVE_INFINITY, 'abc', -5, 600_001, null].map((v): [string, Record<string, unknown>, string] => [`timeoutMs ${String(v)}`, { timeoutMs: v }, 'timeoutMs']),
  ...[0, -1, 1.5, Number.NaN, '1024', Number.POSITIVE_INFINITY].map((v): [string, Record<string, unknown>, string] => [`maxResponseBytes ${String(v)}`, { maxResponseBytes: v }, 'maxResponseBytes']),
  ...['ftp://127.0.0.1/', 'not a url', 'javascript:alert(1)', '/relative', 'http://user:pw@127.0.0.1/', 42].map((v): [string, Record<string, unknown>, string] => [`baseUrl ${String(v)}`, { baseUrl: v }, 'baseUrl']),
  ['fetch not a function', { fetch: 'fetch' }, 'fetch'],
  ['hooks not an object', { hooks: 'log' }, 'hooks'],
  ['hooks.onAttempt not a function', { hooks: { onAttempt: 1 } }, 'hooks.onAttempt'],
];

describe('createRefundsClient refuses bad options before any request', () => {
  it.each([['unknown id', 'nope'], ['not a string', 42], ['prototype key', 'constructor']])('provider: %s → TypeError/RangeError naming provider', (_what, provider) => {
    const error = thrown({ provider, credentials: {} });
    expect([TypeError, RangeError]).toContain(error.constructor);
    expect(error.message).toContain('provider');
  });

  it('options that are not an object → TypeError', () => {
    expect(thrown(undefined)).toBeInstanceOf(TypeError);
  });

  describe.each(providerIds)('%s', (provider) => {
    const credentials = credentialsFor(provider);
    const fields = Object.keys(credentials);
    const valid = () => ({ provider, credentials: { ...credentials }, baseUrl: attacker.url });

    it.each(badOptions)('%s → TypeError/RangeError naming the option', (_what, change, option) => {
      const error = thrown({ ...valid(), ...change });
      expect([TypeError, RangeError]).toContain(error.constructor);
      expect(error.message).toContain(option);
      for (const secret of Object.values(credentials)) expect(error.message).not.toContain(secret);
    });

    const badCredentials: [string, (secret: string) => unknown][] = [
      ['missing', () => undefined],
      ['empty', () => ''],
      ['not a string', () => 12345],
      ['containing CR LF', (s) => `${s}\r\nX-Injected: 1`],
      ['containing LF', (s) => `${s}\nmore`],
      ['containing CR', (s) => `${s}\rmore`],
      ['beyond Latin-1', (s) => `${s}\u2603`],
    ];
    it.each(fields.flatMap((field) => badCredentials.map(([what, make]) => [field, what, make] as const)))(
      'credentials.%s %s → TypeError/RangeError naming the field, not the value',
      (field, _what, make) => {
        const creds: Record<string, unknown> = { ...credentials, [field]: make(credentials[field]!) };
        if (creds[field] === undefined) delete creds[field];
        const error = thrown({ ...valid(), credentials: creds });
        expect([TypeError, RangeError]).toContain(error.constructor);
        expect(error.message).toContain(`credentials.${field}`);
        for (const secret of Object.values(credentials)) expect(error.message).not.toContain(secret);
        expect(String(error) + JSON.stringify(error) + (error.stack ?? '')).not.toContain(credentials[field]!);
      },
    );

    it('credentials that are not an object → TypeError naming credentials', () => {
      const error = thrown({ ...valid(), credentials: 'secret' });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain('credentials');
    });

    it('the limits themselves are accepted (maxRetries 0 and 10, timeoutMs 1 and 600000, maxResponseBytes 1, https baseUrl)', () => {
      for (const change of [{ maxRetries: 0 }, { maxRetries: 10 }, { timeoutMs: 1 }, { timeoutMs: 600_000 }, { maxResponseBytes: 1 }, { baseUrl: 'https://example.test/v1' }]) {
        expect(() => createRefundsClient({ ...valid(), ...change } as never)).not.toThrow();
      }
    });
  });

  it('nothing reached the server', () => {
    expect(attacker.requests).toEqual([]);
  });
});
