import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError } from '../../templates/refunds/runtime/errors.js';
import {
  newIdempotencyKey,
  parseRetryAfterMs,
  sendWithRetries,
  wasCertainlyNotSent,
  type AttemptResult,
  type SendOptions,
} from '../../templates/refunds/runtime/transport.js';

const SECRET = 'sk_test_transport_secret';

function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleep };
}

function options(overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    provider: 'example-provider',
    deduplicates: false,
    maxRetries: 2,
    timeoutMs: 1_000,
    secrets: [SECRET],
    sleep: async () => {},
    random: () => 0.5,
    ...overrides,
  };
}

function response(status: number, body = '{}', headers: Record<string, string> = {}): AttemptResult {
  return { status, headers: new Headers(headers), bodyText: body };
}

/** A fake attempt function playing the given script, one step per attempt. */
function scripted(steps: Array<AttemptResult | Error | 'hang'>) {
  const calls: number[] = [];
  const attempt = async (signal: AbortSignal): Promise<AttemptResult> => {
    const step = steps[Math.min(calls.length, steps.length - 1)];
    calls.push(calls.length + 1);
    if (step === 'hang') return new Promise<never>(() => {}); // ignores its signal on purpose
    if (step instanceof Error) throw step;
    expect(signal.aborted).toBe(false);
    return step as AttemptResult;
  };
  return { attempt, calls };
}

function fetchFailed(code: string, message = `connect ${code} 127.0.0.1:9`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

async function caught(promise: Promise<unknown>): Promise<RefundError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RefundError);
    return error as RefundError;
  }
  throw new Error('expected a rejection');
}

describe('sendWithRetries with a fake attempt', () => {
  it.each([200, 201, 400, 401, 404, 409, 422])('returns HTTP %i without retrying', async (status) => {
    const { attempt, calls } = scripted([response(status)]);
    await expect(sendWithRetries(attempt, options({ deduplicates: true }))).resolves.toMatchObject({ status });
    expect(calls).toHaveLength(1);
  });

  // [failure, deduplicates, expected attempts with maxRetries 2, code, retryable]
  // A 5xx is retryable: true for every provider (the facade contract); transport itself never resends it to a non-deduplicating one.
  it.each([
    ['503', false, 1, 'provider_unavailable', true, () => response(503)],
    ['503', true, 3, 'provider_unavailable', true, () => response(503)],
    ['500', false, 1, 'provider_unavailable', true, () => response(500)],
    ['429', false, 3, 'rate_limited', true, () => response(429)],
    ['429', true, 3, 'rate_limited', true, () => response(429)],
    ['ECONNREFUSED', false, 3, 'network_error', true, () => fetchFailed('ECONNREFUSED')],
    ['ENOTFOUND', false, 3, 'network_error', true, () => fetchFailed('ENOTFOUND')],
    ['EAI_AGAIN', false, 3, 'network_error', true, () => fetchFailed('EAI_AGAIN')],
    ['ECONNRESET', false, 1, 'network_error', false, () => fetchFailed('ECONNRESET')],
    ['ECONNRESET', true, 3, 'network_error', true, () => fetchFailed('ECONNRESET')],
    ['UND_ERR_SOCKET', false, 1, 'network_error', false, () => fetchFailed('UND_ERR_SOCKET', 'other side closed')],
    ['no code', false, 1, 'network_error', false, () => new TypeError('fetch failed')],
  ] as const)('%s, deduplicates %s → %i attempts, %s (retryable %s)', async (_name, deduplicates, attempts, code, retryable, make) => {
    const { attempt, calls } = scripted([make()]);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates })));
    expect(calls).toHaveLength(attempts);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.provider).toBe('example-provider');
  });

  it.each([
    ['a JSON body', response(503, '{"error":"down"}'), 'provider_unavailable'],
    ['an empty body', response(503, ''), 'provider_unavailable'],
    ['a plain-text body', response(503, 'Service Unavailable', { 'content-type': 'text/plain' }), 'provider_unavailable'],
    ['an HTML page', response(502, '<html><body>Bad gateway</body></html>'), 'unexpected_response'],
    ['an HTML content type', response(502, 'Bad gateway', { 'content-type': 'text/html; charset=utf-8' }), 'unexpected_response'],
  ] as const)('a final 5xx with %s is %s, retryable', async (_name, result, code) => {
    const { attempt } = scripted([result]);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates: false })));
    expect(error).toMatchObject({ code, retryable: true, httpStatus: result.status });
  });

  it('maxRetries 0 means exactly one attempt', async () => {
    const { attempt, calls } = scripted([response(503)]);
    await caught(sendWithRetries(attempt, options({ deduplicates: true, maxRetries: 0 })));
    expect(calls).toHaveLength(1);
  });

  it('times out an attempt even when the callback ignores its signal', async () => {
    const { attempt, calls } = scripted(['hang']);
    const error = await caught(sendWithRetries(attempt, options({ timeoutMs: 30, deduplicates: false })));
    expect(calls).toHaveLength(1);
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('example-provider did not answer within 30 ms (1 attempt)');
  });

  it('retries timeouts for a de-duplicating provider', async () => {
    const { attempt, calls } = scripted(['hang', 'hang', response(200)]);
    await expect(sendWithRetries(attempt, options({ timeoutMs: 20, deduplicates: true }))).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(3);
  });

  it('uses capped exponential backoff with full jitter', async () => {
    const { delays, sleep } = recordingSleep();
    const { attempt } = scripted([response(500)]);
    await caught(
      sendWithRetries(attempt, options({ deduplicates: true, maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5, sleep })),
    );
    expect(delays).toEqual([50, 100, 200, 400, 500]);
  });

  it.each([
    ['seconds', '7', 7_000],
    ['HTTP-date', new Date(Date.now() + 60_000).toUTCString(), 55_000],
  ])('honours Retry-After in %s on 429', async (_name, header, atLeast) => {
    const { delays, sleep } = recordingSleep();
    const { attempt, calls } = scripted([response(429, '{}', { 'retry-after': header }), response(200)]);
    await sendWithRetries(attempt, options({ sleep, maxRetryAfterMs: 120_000 }));
    expect(calls).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(atLeast);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    const { delays, sleep } = recordingSleep();
    const { attempt, calls } = scripted([response(429, '{"error":"slow down"}', { 'retry-after': '3600' })]);
    const error = await caught(sendWithRetries(attempt, options({ sleep })));
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(error).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true, raw: { error: 'slow down' } });
    expect(error.message).toMatch(/asked to wait 3600000 ms/);
  });

  it('scrubs secrets from messages, raw and cause', async () => {
    const { attempt } = scripted([fetchFailed('ECONNRESET', `socket hang up https://api.example/?key=${SECRET}`)]);
    const error = await caught(sendWithRetries(attempt, options()));
    expect(JSON.stringify(error) + String(error.cause) + error.stack).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');

    const { attempt: echo } = scripted([response(503, JSON.stringify({ echoed: SECRET }))]);
    const unavailable = await caught(sendWithRetries(echo, options()));
    expect(unavailable.raw).toEqual({ echoed: '[redacted]' });
  });

  it('rethrows the caller abort itself, before and during attempts and sleeps', async () => {
    const before = new AbortController();
    before.abort();
    const { attempt, calls } = scripted([response(200)]);
    await expect(sendWithRetries(attempt, options({ signal: before.signal }))).rejects.toBe(before.signal.reason);
    expect(calls).toHaveLength(0);

    const during = new AbortController();
    const hanging = scripted(['hang']);
    const pending = sendWithRetries(hanging.attempt, options({ signal: during.signal, timeoutMs: 10_000 }));
    setTimeout(() => during.abort(), 10);
    const reason = await pending.catch((error: unknown) => error);
    expect(reason).toBe(during.signal.reason);
    expect((reason as Error).name).toBe('AbortError');

    const sleeping = new AbortController();
    const busy = scripted([response(503)]);
    const waiting = sendWithRetries(busy.attempt, options({ deduplicates: true, signal: sleeping.signal, sleep: undefined, baseDelayMs: 10_000, random: () => 1 }));
    setTimeout(() => sleeping.abort(), 10);
    const sleepReason = await waiting.catch((error: unknown) => error);
    expect(sleepReason).toBe(sleeping.signal.reason);
    expect((sleepReason as Error).name).toBe('AbortError');
    expect(busy.calls).toHaveLength(1);
  });
});

describe('sendWithRetries: final answers and attempt reports', () => {
  it.each(['redirect', 'too_large'] as const)('an answer marked %s is returned at once, even a 503 to a de-duplicating provider', async (failure) => {
    const { attempt, calls } = scripted([{ ...response(503), failure }]);
    await expect(sendWithRetries(attempt, options({ deduplicates: true }))).resolves.toMatchObject({ status: 503, failure, attempt: 1 });
    expect(calls).toHaveLength(1);
  });

  it('reports every attempt it retries or fails on, and numbers the returned one', async () => {
    const ends: unknown[] = [];
    const { attempt } = scripted([response(503), fetchFailed('ECONNRESET'), response(200)]);
    const result = await sendWithRetries(attempt, options({ deduplicates: true, onAttemptEnd: (e) => ends.push(e) }));
    expect(result).toMatchObject({ status: 200, attempt: 3 });
    expect(ends).toMatchObject([
      { attempt: 1, httpStatus: 503, errorCode: 'provider_unavailable', willRetry: true },
      { attempt: 2, errorCode: 'network_error', willRetry: true },
    ]);
    const { attempt: failing } = scripted([response(429)]);
    const last: unknown[] = [];
    await caught(sendWithRetries(failing, options({ maxRetries: 0, onAttemptEnd: (e) => last.push(e) })));
    expect(last).toMatchObject([{ attempt: 1, httpStatus: 429, errorCode: 'rate_limited', willRetry: false }]);
  });
});

describe('helpers', () => {
  it('newIdempotencyKey returns fresh UUIDs', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 60_000],
    ['Wed, 21 Oct 2015 07:26:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
  ])('parseRetryAfterMs(%j)', (header, expected) => {
    expect(parseRetryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(expected);
  });

  it('finds not-sent codes in nested causes and AggregateErrors only when all qualify', () => {
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(wasCertainlyNotSent(new TypeError('fetch failed', { cause: new AggregateError([refused, refused]) }))).toBe(true);
    expect(wasCertainlyNotSent(new TypeError('fetch failed', { cause: new AggregateError([refused, reset]) }))).toBe(false);
    expect(wasCertainlyNotSent(new Error('x', { cause: new Error('y', { cause: refused }) }))).toBe(true);
    expect(wasCertainlyNotSent('ECONNREFUSED')).toBe(false);
  });
});

describe('sendWithRetries against a real HTTP server', () => {
  type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;
  let server: Server;
  let baseUrl = '';
  let handler: Handler = (_request, res) => res.end();
  const seen: Array<{ key: string | undefined; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, res) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        seen.push({ key: request.headers['idempotency-key'] as string | undefined, body });
        handler(request, res, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function post(url: string) {
    const key = newIdempotencyKey(); // one per logical create, reused by every attempt
    let attempts = 0;
    const attempt = async (signal: AbortSignal): Promise<AttemptResult> => {
      attempts++;
      const res = await fetch(url, { method: 'POST', body: '{"amount":1450}', headers: { 'idempotency-key': key, 'content-type': 'application/json' }, signal });
      return { status: res.status, headers: res.headers, bodyText: await res.text() };
    };
    return { attempt, key, count: () => attempts };
  }

  function play(...steps: Handler[]) {
    seen.length = 0;
    let index = 0;
    handler = (request, res, body) => {
      const step = steps[Math.min(index++, steps.length - 1)];
      step?.(request, res, body);
    };
  }

  const delayed: Handler = (_request, res) => {
    const timer = setTimeout(() => res.end('{}'), 2_000);
    res.on('close', () => clearTimeout(timer));
  };
  const reset: Handler = (request) => request.socket.destroy();
  const status = (code: number, headers: Record<string, string> = {}): Handler => (_request, res) => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ status: code }));
  };

  it.each([
    [false, 1],
    [true, 3],
  ])('timeout (server delays), deduplicates %s → %i attempts', async (deduplicates, attempts) => {
    play(delayed);
    const { attempt, count } = post(`${baseUrl}/refunds`);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates, timeoutMs: 150 })));
    expect(count()).toBe(attempts);
    expect(error).toMatchObject({ code: 'timeout', retryable: deduplicates });
    expect(error.message).toBe(`example-provider did not answer within 150 ms (${attempts} attempt${attempts === 1 ? '' : 's'})`);
  });

  it.each([
    [false, 1, false],
    [true, 3, true],
  ])('reset after receiving the body, deduplicates %s → %i attempts', async (deduplicates, attempts, retryable) => {
    play(reset);
    const { attempt, count } = post(`${baseUrl}/refunds`);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates })));
    expect(count()).toBe(attempts);
    expect(seen.map((request) => request.body)).toEqual(Array(attempts).fill('{"amount":1450}'));
    expect(error).toMatchObject({ code: 'network_error', retryable });
  });

  it('ECONNREFUSED on a closed port is retried even for a non-de-duplicating provider', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { attempt, count } = post(`http://127.0.0.1:${port}/refunds`);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates: false })));
    expect(count()).toBe(3);
    expect(error).toMatchObject({ code: 'network_error', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('503 then 200: a de-duplicating provider is retried with the same idempotency key', async () => {
    play(status(503), status(200));
    const { attempt, key, count } = post(`${baseUrl}/refunds`);
    const result = await sendWithRetries(attempt, options({ deduplicates: true }));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.bodyText)).toEqual({ status: 200 });
    expect(count()).toBe(2);
    expect(seen.map((request) => request.key)).toEqual([key, key]);
  });

  it('503 for a non-de-duplicating provider: exactly one attempt', async () => {
    play(status(503), status(200));
    const { attempt, count } = post(`${baseUrl}/refunds`);
    const error = await caught(sendWithRetries(attempt, options({ deduplicates: false })));
    expect(count()).toBe(1);
    expect(error).toMatchObject({ code: 'provider_unavailable', httpStatus: 503, raw: { status: 503 } });
  });

  it('429 with Retry-After waits at least that long, then succeeds', async () => {
    play(status(429, { 'retry-after': '2' }), status(200));
    const { delays, sleep } = recordingSleep();
    const { attempt, count } = post(`${baseUrl}/refunds`);
    const result = await sendWithRetries(attempt, options({ deduplicates: false, sleep, random: () => 0 }));
    expect(result.status).toBe(200);
    expect(count()).toBe(2);
    expect(delays).toEqual([2_000]);
  });
});
