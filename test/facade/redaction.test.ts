/**
 * "Every field of credentials is a secret, logins and public keys included: none appears in an
 * error's message, String(err), JSON.stringify(err), util.inspect(err), raw, or the console."
 * Each provider gets distinctive credentials (one unique long string per field) and is driven through
 * real failures of its fake (auth, 5xx, reset, HTML page) and through a crafted fetch whose answers
 * echo the secrets (and the request headers) back in bodies, messages and thrown errors.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createHash } from 'node:crypto';
import { RefundError, type ProviderId } from '@paykit/refunds';
import { startFake } from '@paykit/refunds/testing';
import { caseOf, clientFor, credentialFields, providerIds, recipes, refundError, seededPayments, useFake } from './harness.js';

/** One distinctive, long secret per credential field of each provider (derived, never listed). */
const distinctive = Object.fromEntries(providerIds.map((provider) => [provider, Object.fromEntries(credentialFields(provider).map((field) => {
  const tag = createHash('sha256').update(`${provider}/${field}`).digest('hex').slice(0, 12);
  return [field, `${field}-Zq81-UNIQUE-SECRET-${tag}`];
}))])) as Record<ProviderId, Record<string, string>>;

/** Refund input for the provider's first seeded payment (crafted-fetch tests need no fake). */
const inputOf = (provider: ProviderId, amount = 1450, extra: Record<string, unknown> = {}) => caseOf(provider).input(seededPayments(provider)[0]!, amount, extra);

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

/**
 * A fetch that forwards to the provider's fake, then plants `secrets` in its success answer where the
 * facade reads text into the Refund (the mapping's reference and failureReason body paths) and in an
 * `echo` property carrying the request's headers (the credentials in their wire form) and body.
 */
function plantingFetch(provider: ProviderId, secrets: readonly string[]) {
  const s = secrets.join(' / ');
  return async (request: Request): Promise<Response> => {
    const echo = { headers: Object.fromEntries(request.headers), body: await request.clone().text(), secrets };
    const answer = await globalThis.fetch(request);
    const body = await answer.json() as Record<string, unknown>;
    for (const rule of caseOf(provider).mapping.responses) {
      for (const slot of ['reference', 'failureReason']) {
        const from = rule.refund[slot];
        const path = typeof from === 'string' ? from : (from as { from?: string } | undefined)?.from;
        if (path?.startsWith('body.')) setAt(body, path.slice('body.'.length).split('.'), `${slot}: ${s}`);
      }
    }
    body.echo = echo;
    const headers = new Headers(answer.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: answer.status, headers });
  };
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = value;
}

/** A fetch that answers like a misbehaving provider: every answer echoes the secrets and the request headers. */
function echoingFetch(provider: ProviderId, mode: 'auth' | '5xx' | '400' | 'html' | 'throw', secrets: readonly string[]) {
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
      case '400': return json(caseOf(provider).errorStatus('invalid_request')!, errorBody('bad_request'));
      case '5xx': return json(503, errorBody('internal_error'));
      case 'html': return new Response(`<html><body>upstream said ${s} ${JSON.stringify(echo)}</body></html>`, { status: 502, headers: { 'content-type': 'text/html' } });
      case 'throw': throw new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ECONNRESET while sending ${s} ${JSON.stringify(echo.headers)}`), { code: 'ECONNRESET' }) });
    }
  };
}

describe.each(providerIds)('%s: credentials never leak', (provider) => {
  const c = caseOf(provider);
  const creds = distinctive[provider];
  const secrets = Object.values(creds);
  const sandbox = useFake(provider);
  const input = (extra: Record<string, unknown> = {}) => c.input(seededPayments(provider)[0]!, 1450, extra);

  it('has one distinctive secret per credential field', () => {
    expect(Object.keys(creds).sort()).toEqual(Object.keys(sandbox().fake.credentials).sort());
    for (const secret of secrets) expect(secret.length).toBeGreaterThan(20);
  });

  it('fake: authentication failure', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(input()));
    expect(err.code).toBe('authentication_failed');
    expectErrorClean(err, secrets);
  });

  it('fake: 5xx (provider_unavailable) and HTML error page (unexpected_response)', async () => {
    const sb = sandbox();
    const attempts = c.deduplicates ? 3 : 1; // only a de-duplicating provider is retried after a 5xx
    sb.injectFault('5xx', attempts);
    const a = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(input()));
    expect(a.code).toBe('provider_unavailable');
    expectErrorClean(a, secrets);
    sb.injectFault('html', attempts);
    const b = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(input()));
    expect(b.code).toBe('unexpected_response');
    expectErrorClean(b, secrets);
  });

  it('fake: network error (connection reset)', async () => {
    const sb = sandbox();
    sb.injectFault('reset-before', 3);
    const err = await refundError(() => clientFor(provider, sb, { credentials: creds }).refunds.create(input()));
    expect(err.code).toBe('network_error');
    expectErrorClean(err, secrets);
  });

  it('fake: a successful refund (with the fake\'s credentials as the secrets)', async () => {
    const sb = sandbox();
    const refund = await clientFor(provider, sb).refunds.create(input({ reference: 'ref-1', metadata: { order: 'A-17' } }));
    expect(refund.id).toBe(sb.ledger[0]!.id);
    expectValueClean(refund, Object.values(sb.fake.credentials), 'refund');
  });

  for (const mode of ['auth', '400', '5xx', 'html', 'throw'] as const) {
    it(`echoing provider: ${mode} answer carrying the secrets`, async () => {
      const err = await refundError(() =>
        clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, mode, secrets), maxRetries: 0 }).refunds.create(input()),
      );
      const expected = { auth: 'authentication_failed', '400': 'invalid_request', '5xx': 'provider_unavailable', html: 'unexpected_response', throw: 'network_error' }[mode];
      expect(err.code).toBe(expected);
      expectErrorClean(err, secrets);
    });
  }

  it('echoing provider: a 200 whose body carries the credentials (in raw, reference, failureReason, the echoed request headers)', async () => {
    const sb = sandbox();
    const credentials = sb.fake.credentials as unknown as Record<string, string>;
    const planted = Object.values(credentials);
    const refund = await clientFor(provider, sb, { fetch: plantingFetch(provider, planted) }).refunds.create(input());
    expect(refund.provider).toBe(provider);
    expect(refund.id).toBe(sb.ledger[0]!.id);
    expect(JSON.stringify(refund.raw)).toContain('[redacted]');
    expectValueClean(refund, planted, 'refund');
    expectValueClean(refund.raw, planted, 'refund.raw');
  });

  it('echoing provider: a 200 that is not JSON and quotes the secrets', async () => {
    const s = secrets.join(' ');
    const fetch = async () => new Response(`{"truncated": "${s}`, { status: 200, headers: { 'content-type': 'application/json' } });
    const err = await refundError(() => clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch }).refunds.create(input()));
    expect(err.code).toBe('unexpected_response');
    expectErrorClean(err, secrets);
  });
});

/**
 * Basic auth sends base64(user:password): a provider (or proxy) that echoes the Authorization header
 * hands back the credentials in a trivially decodable form. That token is a credential too.
 */
describe.each(providerIds.filter((id) => recipes[id].auth.kind === 'basic'))('%s: the basic-auth token (base64 of the credentials) never leaks', (provider) => {
  const creds = distinctive[provider];
  const auth = recipes[provider].auth as { username: string; password?: string };
  const token = Buffer.from(`${creds[auth.username]}:${auth.password === undefined ? '' : creds[auth.password]}`).toString('base64');
  const sandbox = useFake(provider);

  it('not in an error whose body echoes the request headers', async () => {
    const err = await refundError(() =>
      clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch: echoingFetch(provider, 'auth', []), maxRetries: 0 }).refunds.create(inputOf(provider)),
    );
    expect(err.code).toBe('authentication_failed');
    expectErrorClean(err, [token]);
  });

  it('not in refund.raw when a success body echoes the request headers', async () => {
    const sb = sandbox();
    const credentials = sb.fake.credentials as unknown as Record<string, string>;
    const wire = Buffer.from(`${credentials[auth.username]}:${auth.password === undefined ? '' : credentials[auth.password]}`).toString('base64');
    const refund = await clientFor(provider, sb, { fetch: plantingFetch(provider, []) }).refunds.create(inputOf(provider));
    expect(JSON.stringify(refund.raw)).toContain('echo');
    expectValueClean(refund.raw, [wire], 'refund.raw');
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
      const err = await refundError(() => clientFor(provider, { url: 'http://127.0.0.1:9' }, { credentials: creds, fetch, maxRetries: 0 }).refunds.create(inputOf(provider)));
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
/** Where a provider's success answer has a value the facade must parse (a mapped status or a date), from its mapping. */
function parsedPath(provider: ProviderId): string[] | undefined {
  const refund = caseOf(provider).mapping.responses[0]!.refund;
  for (const slot of [refund.status, refund.createdAt]) {
    const from = (slot as { from?: string } | undefined)?.from;
    if (from?.startsWith('body.')) return from.slice('body.'.length).split('.');
  }
  return undefined;
}

describe.each(providerIds.filter((id) => parsedPath(id) !== undefined))('%s: an unreadable response value quoting a secret', (provider) => {
  const sandbox = useFake(provider);
  it('no fragment of the secret in the unexpected_response error', async () => {
    const sb = sandbox();
    const secret = Object.values(sb.fake.credentials as unknown as Record<string, string>)[0]!;
    const poisoned = `${'z'.repeat(40)}${secret}`;
    // The fake's real success answer, with the value the facade parses replaced by the poisoned text.
    const fetch = async (request: Request) => {
      const answer = await globalThis.fetch(request);
      const body = await answer.json() as Record<string, unknown>;
      setAt(body, parsedPath(provider)!, poisoned);
      return new Response(JSON.stringify(body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    };
    const err = await refundError(() => clientFor(provider, sb, { fetch, maxRetries: 0 }).refunds.create(inputOf(provider)));
    expect(err.code).toBe('unexpected_response');
    expectErrorClean(err, [secret]);
    const fragment = secret.slice(0, 12);
    expect(err.message.includes(fragment), `err.message: ${err.message}`).toBe(false);
  });
});

describe('console', () => {
  it('nothing written to the console or stdout/stderr during this file contains a credential', () => {
    const all = [...Object.values(distinctive).flatMap((c) => Object.values(c)), ...providerIds.flatMap((p) => Object.values(recipes[p].credentials))];
    expect(leaks(written.join('\n'), all)).toEqual([]);
  });
});
