/** Table-driven: the fault queue and the /__sandbox/ control surface behave the same for every provider. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providerIds, startAllSandboxes, type ProviderId, type Sandbox } from './index.ts';
import { jsonOf, samples, send, sleep } from './helpers.ts';

let all: Record<ProviderId, Sandbox>;
beforeAll(async () => { all = await startAllSandboxes(); });
afterAll(async () => { await Promise.all(Object.values(all).map((s) => s.close())); });

describe.each(providerIds)('%s', (provider) => {
  let sb: Sandbox;
  const { body, paymentId, amountMinor } = samples[provider];
  beforeEach(() => { sb = all[provider]; sb.reset(); });

  it('listens on 127.0.0.1 and records one ledger entry per successful refund', async () => {
    expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
    const res = await send(sb, body);
    expect(res.status).toBe(200);
    expect(sb.ledger).toHaveLength(1);
    expect(sb.ledger[0]).toMatchObject({ paymentId, amountMinor });
    expect(sb.requests).toHaveLength(1);
    expect(sb.requests[0]!.bodyText).toBe(JSON.stringify(body));
    expect(sb.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('records requests that fail auth, without a ledger entry', async () => {
    const res = await send(sb, body, { auth: 'bad' });
    expect(res.status).toBe(401);
    expect(sb.requests).toHaveLength(1);
    expect(sb.ledger).toHaveLength(0);
  });

  it('delay: processes after the delay even when the client gave up', async () => {
    sb.injectFault({ kind: 'delay', ms: 300 });
    await expect(send(sb, body, { timeoutMs: 80 })).rejects.toThrow();
    expect(sb.ledger).toHaveLength(0);
    await sleep(450);
    expect(sb.ledger).toHaveLength(1);
  });

  it('delay shorter than the client timeout answers normally', async () => {
    sb.injectFault({ kind: 'delay', ms: 50 });
    const t0 = Date.now();
    const res = await send(sb, body);
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
  });

  it('reset-before: network error, nothing in the ledger', async () => {
    sb.injectFault({ kind: 'reset-before' });
    await expect(send(sb, body)).rejects.toThrow(TypeError);
    expect(sb.ledger).toHaveLength(0);
    expect(sb.requests).toHaveLength(1);
  });

  it('reset-after: network error, but the refund exists', async () => {
    sb.injectFault({ kind: 'reset-after' });
    await expect(send(sb, body)).rejects.toThrow(TypeError);
    expect(sb.ledger).toHaveLength(1);
  });

  it('status: 503 with a JSON body, not processed', async () => {
    sb.injectFault({ kind: 'status', status: 503 });
    const res = await send(sb, body);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(typeof (await jsonOf(res))).toBe('object');
    expect(sb.ledger).toHaveLength(0);
  });

  it('status afterProcessing: 500, but the refund exists', async () => {
    sb.injectFault({ kind: 'status', status: 500, afterProcessing: true });
    const res = await send(sb, body);
    expect(res.status).toBe(500);
    await jsonOf(res);
    expect(sb.ledger).toHaveLength(1);
  });

  it('rate-limit: 429 with Retry-After, not processed, applied before auth', async () => {
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const res = await send(sb, body, { auth: 'bad' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(sb.ledger).toHaveLength(0);
  });

  it('malformed-json: 200 application/json that does not parse, refund exists', async () => {
    sb.injectFault({ kind: 'malformed-json' });
    const res = await send(sb, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
    expect(sb.ledger).toHaveLength(1);
  });

  it('html-error: text/html 502 by default, or the given status; not processed', async () => {
    sb.injectFault({ kind: 'html-error' });
    sb.injectFault({ kind: 'html-error', status: 504 });
    const a = await send(sb, body);
    expect(a.status).toBe(502);
    expect(a.headers.get('content-type')).toBe('text/html');
    expect(await a.text()).toContain('<html>');
    const b = await send(sb, body);
    expect(b.status).toBe(504);
    expect(sb.ledger).toHaveLength(0);
  });

  it('faults are FIFO, each for `times` routed requests; unrouted requests do not consume them', async () => {
    sb.injectFault({ kind: 'status', status: 503 }, 2);
    sb.injectFault({ kind: 'rate-limit', retryAfterSeconds: 1 });
    const stray = await fetch(`${sb.url}/not-a-route`, { method: 'POST', body: '{}' });
    expect(stray.status).toBe(404);
    expect((await Promise.all([send(sb, body), send(sb, body)])).map((r) => r.status)).toEqual([503, 503]);
    expect((await send(sb, body)).status).toBe(429);
    expect((await send(sb, body)).status).toBe(200);
    expect(sb.ledger).toHaveLength(1);
  });

  it('clearFaults and reset drop pending faults; reset restores balances and the ledger', async () => {
    sb.injectFault({ kind: 'status', status: 503 });
    sb.clearFaults();
    expect((await send(sb, body)).status).toBe(200);
    sb.injectFault({ kind: 'status', status: 503 });
    sb.reset();
    expect(sb.ledger).toHaveLength(0);
    expect(sb.requests).toHaveLength(0);
    expect((await send(sb, body)).status).toBe(200);
    expect(sb.ledger).toHaveLength(1);
  });

  it('rejects an invalid fault', () => {
    expect(() => sb.injectFault({ kind: 'status' } as never)).toThrow(/status/);
    expect(() => sb.injectFault({ kind: 'delay', ms: 5 }, 0)).toThrow(/times/);
  });

  it('control surface: faults, ledger, requests, info, reset over HTTP', async () => {
    const post = (path: string, payload?: unknown) =>
      fetch(`${sb.url}/__sandbox/${path}`, { method: 'POST', ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
    expect((await post('faults', { kind: 'status', status: 503, times: 2 })).status).toBe(201);
    expect((await post('faults', { fault: { kind: 'rate-limit', retryAfterSeconds: 2 } })).status).toBe(201);
    expect((await post('faults', { kind: 'nope' })).status).toBe(400);
    expect((await post('faults', 'not json')).status).toBe(400);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(sb, body)).status);
    expect(statuses).toEqual([503, 503, 429, 200]);

    const ledger = await jsonOf(await fetch(`${sb.url}/__sandbox/ledger`));
    expect(ledger.provider).toBe(provider);
    expect(ledger.ledger).toEqual(sb.ledger);
    expect(ledger.ledger).toHaveLength(1);
    const reqs = await jsonOf(await fetch(`${sb.url}/__sandbox/requests`));
    expect(reqs.requests).toHaveLength(4);
    const info = await jsonOf(await fetch(`${sb.url}/__sandbox/info`));
    expect(info.url).toBe(sb.url);
    expect(Object.keys(info.payments).length).toBeGreaterThanOrEqual(2);

    expect((await post('faults', { kind: 'status', status: 500 })).status).toBe(201);
    expect((await fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await post('reset')).status).toBe(204);
    expect(sb.ledger).toHaveLength(0);
    expect((await send(sb, body)).status).toBe(200);
    expect((await fetch(`${sb.url}/__sandbox/unknown`)).status).toBe(404);
  });
});

describe('startAllSandboxes', () => {
  it('starts every provider on distinct loopback ports', () => {
    const ports = new Set(providerIds.map((id) => all[id].port));
    expect(ports.size).toBe(providerIds.length);
    for (const id of providerIds) expect(all[id].provider).toBe(id);
  });
});
