/**
 * "Every field of credentials is a secret, logins and public keys included: none appears in an
 * error's message, String(err), JSON.stringify(err), util.inspect(err), raw, or the console."
 * Each provider gets distinctive credentials (one unique long string per field) and is driven through
 * real sandbox failures (auth, 5xx, reset, HTML page) and through a crafted fetch whose answers
 * echo the secrets (and the request headers) back in bodies, messages and thrown errors.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { RefundError, type ProviderId } from '@paykit/refunds';
import { cases, clientFor, providerIds, refundError, useSandbox } from './cases.ts';

const distinctive: Record<ProviderId, Record<string, string>> = {
  push: { apiKey: 'pushApiKey-Zq81-UNIQUE-SECRET-0b7c4e19a2f3' },
  wooshpay: { secretKey: 'wooshSecretKey-Rt55-UNIQUE-SECRET-9d0e7a6b5c4f' },
  onekeypayments: { login: 'okpLogin-Hh42-UNIQUE-SECRET-3c2b1a0f9e8d', secretKey: 'okpSecretKey-Jj17-UNIQUE-SECRET-7e6d5c4b3a29' },
  xpay: { publicKey: 'xpayPublicKey-Pp09-UNIQUE-SECRET-1f2e3d4c5b6a', secretKey: 'xpaySecretKey-Ss63-UNIQUE-SECRET-a1b2c3d4e5f6' },
  payop: { token: 'payopJwt-Kk28-UNIQUE-SECRET.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXVuaXF1ZQ' },
};

// Everything written to the console or to stdout/stderr while this file runs.
const written: string[] = [];
const spies: MockInstance[] = [];
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { written.push(args.map((a) => inspect(a, { depth: 10 })).join(' ')); }));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    spies.push(vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write));
  }
});
afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

/** Which of `secrets` occur in `text` (empty = none leaked). */
function leaks(text: string | undefined, secrets: readonly string[]): string[] {
  return secrets.filter((s) => (text ?? '').includes(s));
}

function expectErrorClean(err: RefundError, secrets: readonly string[]): void {
  const views: Record<string, string | undefined> = {
    message: err.message,
    String: String(err),
    JSON: JSON.stringify(err),
    inspect: inspect(err, { depth: 10 }),
    inspectShowHidden: inspect(err, { depth: 10, showHidden: true, customInspect: false }),
    stack: err.stack,
    raw: JSON.stringify(err.raw),
    cause: inspect((err as { cause?: unknown }).cause, { depth: 10 }),
  };
  for (const [view, text] of Object.entries(views)) expect(leaks(text, secrets), `${view} of ${err.code}`).toEqual([]);
}

function expectValueClean(value: unknown, secrets: readonly string[], what: string): void {
  expect(leaks(JSON.stringify(value), secrets), `${what} (JSON)`).toEqual([]);
  expect(leaks(inspect(value, { depth: 10 }), secrets), `${what} (inspect)`).toEqual([]);
}

/** A success body per provider with the secrets planted in fields the facade reads into the Refund. */
function successBody(provider: ProviderId, echo: unknown, s: string): { body: unknown; headers?: Record<string, string> } {
  const c = cases[provider];
  switch (provider) {
    case 'push':
      return { body: { id: 'refund_echo_1', intent_id: c.payment.id, amount: 1450, currency: 'USD', status: 'approved', created_at: '2026-03-04T05:06:07.891Z', echo } };
    case 'wooshpay':
      return { body: { id: 're_echo_1', object: 'refund', amount: 1450, created: 1772600767, currency: 'usd', metadata: { note: s, [s]: 'key' }, payment_intent: c.payment.id, reason: null, status: 'failed', failure_reason: `declined for ${s}`, echo } };
    case 'onekeypayments':
      return { body: { refund_id: '100001', deposit_id: 3000001, merchant_invoice_id: 'inv-1001', refund_info: { type: 'CARD', result: 'REJECTED', reason: `rejected: ${s}`, amount: 14.5, currency: 'MXN', created_at: '2026-03-04 05:06:07' }, echo } };
    case 'xpay':
      return { body: { refundId: 'rf_echo_1', intentId: c.payment.id, amount: 1450, currency: 'USD', refundedAt: 1772600767891, refundReferenceId: `ref-${s}`, echo } };
    case 'payop':
      return { body: { data: `echo ${s}`, status: 1, echo }, headers: { identifier: '00000000-0000-4000-8000-000000000001' } };
  }
}

/** A fetch that answers like a misbehaving provider: every answer echoes the secrets and the request headers. */
function echoingFetch(provider: ProviderId, mode: 'auth' | '5xx' | '400' | 'html' | 'throw' | 'success', secrets: readonly string[]) {
  const s = secrets.join(' / ');
  return async (request: Request): Promise<Response> => {
    const echo = { headers: Object.fromEntries(request.headers), body: await request.clone().text(), secrets };
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
    const errorBody = (code: string) => ({
      message: `invalid key ${s}`, error: { code, message: `invalid key ${s}`, type: 'invalid_request_error' },
      description: `invalid key ${s}`, type: 'INVALID', code: 5000, errorCode: code, errorDescription: `invalid key ${s}`, echo,
    });
    switch (mode) {
      case 'auth': return json(401, errorBody('unauthorized'));
      case '400': return json(provider === 'payop' ? 422 : 400, errorBody('bad_request'));
      case '5xx': return json(503, errorBody('internal_error'));
      case 'html': return new Response(`<html><body>upstream said ${s} ${JSON.stringify(echo)}</body></html>`, { status: 502, headers: { 'content-type': 'text/html' } });
      case 'throw': throw new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ECONNRESET while sending ${s} ${JSON.stringify(echo.headers)}`), { code: 'ECONNRESET' }) });
      case 'success': {
        const { body, headers } = successBody(provider, echo, s);
        return json(200, body, headers);
      }
    }
  };
}

describe.each(providerIds)('%s: credentials never leak', (provider) => {
  const c = cases[provider];
  const creds = distinctive[provider];
  const secrets = Object.values(creds);
  const sandbox = useSandbox(provider);

  it('has one distinctive secret per credential field', () => {
    expect(Object.keys(creds).sort()).toEqual(Object.keys(c.credentials).sort());
    for (const secret of secrets) expect(secret.length).toBeGreaterThan(20);
  });

  it('sandbox: authentication failure', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(c.input(1450)));
    expect(err.code).toBe('authentication_failed');
    expectErrorClean(err, secrets);
  });

  it('sandbox: 5xx (provider_unavailable) and HTML error page (unexpected_response)', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'status', status: 503 }, 3);
    const a = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(c.input(1450)));
    expect(a.code).toBe('provider_unavailable');
    expectErrorClean(a, secrets);
    sb.reset();
    sb.injectFault({ kind: 'html-error' }, 3);
    const b = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(c.input(1450)));
    expect(b.code).toBe('unexpected_response');
    expectErrorClean(b, secrets);
  });

  it('sandbox: network error (connection reset)', async () => {
    const sb = sandbox();
    sb.injectFault({ kind: 'reset-before' }, 3);
    const err = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(c.input(1450)));
    expect(err.code).toBe('network_error');
    expectErrorClean(err, secrets);
  });

  it('sandbox: a successful refund (with the sandbox credentials as the secrets)', async () => {
    const sb = sandbox();
    const refund = await clientFor(provider, sb).refunds.create(c.input(1450, { reference: 'ref-1', metadata: { order: 'A-17' } }));
    expect(refund.id).toBe(sb.ledger[0]!.id);
    expectValueClean(refund, Object.values(c.credentials), 'refund');
  });

  for (const mode of ['auth', '400', '5xx', 'html', 'throw'] as const) {
    it(`echoing provider: ${mode} answer carrying the secrets`, async () => {
      const err = await refundError(() =>
        clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, mode, secrets), maxRetries: 0 }).refunds.create(c.input(1450)),
      );
      const expected = { auth: 'authentication_failed', '400': 'invalid_request', '5xx': 'provider_unavailable', html: 'unexpected_response', throw: 'network_error' }[mode];
      expect(err.code).toBe(expected);
      expectErrorClean(err, secrets);
    });
  }

  it('echoing provider: a 200 whose body carries the secrets (in raw, reference, failureReason, metadata keys)', async () => {
    const refund = await clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, 'success', secrets) }).refunds.create(c.input(1450));
    expect(refund.provider).toBe(provider);
    expect(refund.amount).toEqual({ value: 1450, currency: c.payment.currency });
    expectValueClean(refund, secrets, 'refund');
    expectValueClean(refund.raw, secrets, 'refund.raw');
  });

  it('echoing provider: a 200 that is not JSON and quotes the secrets', async () => {
    const s = secrets.join(' ');
    const fetch = async () => new Response(`{"truncated": "${s}`, { status: 200, headers: { 'content-type': 'application/json' } });
    const err = await refundError(() => clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch }).refunds.create(c.input(1450)));
    expect(err.code).toBe('unexpected_response');
    expectErrorClean(err, secrets);
  });
});

/**
 * Basic auth sends base64(user:password): a provider (or proxy) that echoes the Authorization header
 * hands back the credentials in a trivially decodable form. That token is a credential too.
 */
describe.each(['wooshpay', 'xpay'] as const)('%s: the basic-auth token (base64 of the credentials) never leaks', (provider) => {
  const creds = distinctive[provider];
  const token = Buffer.from(provider === 'xpay' ? `${creds.publicKey}:${creds.secretKey}` : `${creds.secretKey}:`).toString('base64');

  it('not in an error whose body echoes the request headers', async () => {
    const c = cases[provider];
    const err = await refundError(() =>
      clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, 'auth', []), maxRetries: 0 }).refunds.create(c.input(1450)),
    );
    expect(err.code).toBe('authentication_failed');
    expectErrorClean(err, [token]);
  });

  it('not in refund.raw when a success body echoes the request headers', async () => {
    const c = cases[provider];
    const refund = await clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, 'success', []) }).refunds.create(c.input(1450));
    expectValueClean(refund.raw, [token], 'refund.raw');
  });
});

/**
 * Long non-JSON bodies are cut (1000 chars in transport.ts for 5xx, 2000 in engine.ts for others) before
 * being kept as `raw`. A secret straddling the cut must not survive as a fragment.
 */
describe.each(providerIds)('%s: a secret cut in half by the raw-body truncation', (provider) => {
  const creds = distinctive[provider];
  const secret = Object.values(creds)[0]!;
  /** Every substring of `secret` of `length` chars that occurs in `text`. */
  const fragments = (text: string, length = 12) => {
    const found: string[] = [];
    for (let i = 0; i + length <= secret.length; i++) if (text.includes(secret.slice(i, i + length))) found.push(secret.slice(i, i + length));
    return found;
  };
  for (const [status, cut] of [[502, 1000], [200, 2000]] as const) {
    it(`HTTP ${status} HTML page with the secret across position ${cut}`, async () => {
      const html = `${'x'.repeat(cut - 20)}${secret}${'y'.repeat(500)}`;
      const fetch = async () => new Response(html, { status, headers: { 'content-type': 'text/html' } });
      const err = await refundError(() => clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch, maxRetries: 0 }).refunds.create(cases[provider].input(1450)));
      expect(err.code).toBe('unexpected_response');
      expectErrorClean(err, [secret]);
      expect(fragments(JSON.stringify(err)), 'fragments of the secret in JSON.stringify(err)').toEqual([]);
    });
  }
});

/**
 * A response value the facade cannot read is quoted in the error message, cut to 60 characters
 * (transforms.ts `shown`). A secret straddling that cut must not survive as a fragment either.
 */
describe.each(['push', 'wooshpay', 'onekeypayments', 'xpay'] as const)('%s: an unreadable response value quoting a secret', (provider) => {
  const creds = distinctive[provider];
  const secret = Object.values(creds)[0]!;
  const poisoned = `${'z'.repeat(40)}${secret}`;
  const bodies: Record<typeof provider, unknown> = {
    push: { id: 'refund_1', intent_id: cases.push.payment.id, amount: 1450, currency: 'USD', status: poisoned, created_at: '2026-03-04T05:06:07Z' },
    wooshpay: { id: 're_1', object: 'refund', amount: 1450, created: 1772600767, currency: 'usd', payment_intent: cases.wooshpay.payment.id, status: poisoned },
    onekeypayments: { refund_id: '100001', refund_info: { result: poisoned, amount: 14.5, currency: 'MXN', created_at: '2026-03-04 05:06:07' } },
    xpay: { refundId: 'rf_1', intentId: cases.xpay.payment.id, amount: 1450, currency: 'USD', refundedAt: poisoned },
  };
  it('no fragment of the secret in the unexpected_response error', async () => {
    const fetch = async () => new Response(JSON.stringify(bodies[provider]), { status: 200, headers: { 'content-type': 'application/json' } });
    const err = await refundError(() => clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch }).refunds.create(cases[provider].input(1450)));
    expect(err.code).toBe('unexpected_response');
    expectErrorClean(err, [secret]);
    const fragment = secret.slice(0, 12);
    expect(err.message.includes(fragment), `err.message: ${err.message}`).toBe(false);
  });
});

describe('console', () => {
  it('nothing written to the console or stdout/stderr during this file contains a credential', () => {
    const all = [...Object.values(distinctive).flatMap((c) => Object.values(c)), ...providerIds.flatMap((p) => Object.values(cases[p].credentials))];
    expect(leaks(written.join('\n'), all)).toEqual([]);
  });
});
