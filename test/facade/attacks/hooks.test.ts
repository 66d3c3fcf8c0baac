/**
 * DESIGN.md "Hooks": onAttempt gets { provider, attempt, idempotencyKey, method, url } before each
 * attempt (from 1), onAttemptEnd gets { provider, attempt, durationMs, httpStatus?, errorCode?,
 * willRetry } after it. No credential ever reaches a hook, even when the server echoes them; a hook
 * that throws or rejects changes nothing about the refund. (Before: hooks were ignored.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError, type AttemptEndEvent, type AttemptEvent } from '@paykit/refunds';
import { client, credentialsFor, outcome, providerIds, sendJson, startAttacker, successAnswer, validInput, type Answer, type Attacker } from './kit.ts';

let attacker: Attacker;
let script: Answer[] = [];
beforeAll(async () => {
  attacker = await startAttacker((_req, res, index) => sendJson(res, script[Math.min(index - first, script.length - 1)]!));
});
afterAll(() => attacker.close());
let first = 0;

function play(answers: Answer[]): void {
  script = answers;
  first = attacker.requests.length;
}

function recorder() {
  const events: (['start', AttemptEvent] | ['end', AttemptEndEvent])[] = [];
  return { events, hooks: { onAttempt: (e: AttemptEvent) => void events.push(['start', e]), onAttemptEnd: (e: AttemptEndEvent) => void events.push(['end', e]) } };
}

describe.each(providerIds)('%s', (id) => {
  const secrets = Object.values(credentialsFor(id));
  const echo = secrets.join(' ');

  it('a 429 then success: two attempts, reported in order with the caller key, URL, statuses and codes', async () => {
    const input = { ...(await validInput(id)), idempotencyKey: `hooks-key-${id}` };
    const success = successAnswer(id, input);
    play([{ status: 429, body: { echo }, headers: { 'retry-after': '0', 'x-echo': echo } }, success]);
    const { events, hooks } = recorder();
    const result = await outcome(() => client(id, attacker.url, { maxRetries: 1, hooks }).refunds.create(input as never));
    expect(result).not.toBeInstanceOf(RefundError);
    expect(events.map(([kind, e]) => `${kind}${e.attempt}`)).toEqual(['start1', 'end1', 'start2', 'end2']);
    const [start1, end1, , end2] = events.map(([, e]) => e) as [AttemptEvent, AttemptEndEvent, AttemptEvent, AttemptEndEvent];
    expect(start1).toMatchObject({ provider: id, attempt: 1, idempotencyKey: `hooks-key-${id}`, method: 'POST' });
    expect(start1.url.startsWith(`${attacker.url}/`)).toBe(true);
    expect(start1.url).toBe(`${attacker.url}${attacker.requests[first]!.url}`);
    expect(end1).toMatchObject({ provider: id, attempt: 1, httpStatus: 429, errorCode: 'rate_limited', willRetry: true });
    expect(end2).toMatchObject({ provider: id, attempt: 2, httpStatus: success.status, willRetry: false });
    expect(end2.errorCode).toBeUndefined();
    for (const [, e] of events) if ('durationMs' in e) expect(Number.isFinite(e.durationMs) && e.durationMs >= 0).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')));
  });

  it('a failing attempt reports the error code the call throws', async () => {
    const input = await validInput(id);
    play([{ status: 404, body: { message: echo }, headers: {} }]);
    const { events, hooks } = recorder();
    const result = await outcome(() => client(id, attacker.url, { hooks }).refunds.create(input as never));
    expect(result).toBeInstanceOf(RefundError);
    const end = events.filter(([kind]) => kind === 'end').map(([, e]) => e as AttemptEndEvent);
    expect(end).toEqual([{ provider: id, attempt: 1, durationMs: end[0]!.durationMs, httpStatus: 404, errorCode: (result as RefundError).code, willRetry: false }]);
    expect(JSON.stringify(events)).not.toContain(secrets[0]);
  });

  it('the URL a hook sees never carries a credential, even one in the base URL path', async () => {
    const input = await validInput(id);
    play([successAnswer(id, input)]);
    const { events, hooks } = recorder();
    await outcome(() => client(id, `${attacker.url}/${encodeURIComponent(secrets[0]!)}`, { hooks }).refunds.create(input as never));
    const start = events.find(([kind]) => kind === 'start')![1] as AttemptEvent;
    expect(start.url).toContain('[redacted]');
    for (const secret of secrets) expect(start.url).not.toContain(encodeURIComponent(secret));
  });

  it.each([
    ['throw', () => { throw new Error(`hook failed ${echo}`); }],
    ['reject', () => Promise.reject(new Error('async hook failed'))],
  ])('hooks that %s change nothing: the same Refund, the same attempts', async (_what, bad) => {
    const input = { ...(await validInput(id)), idempotencyKey: `hooks-same-${id}` };
    play([{ status: 429, body: {}, headers: { 'retry-after': '0' } }, successAnswer(id, input)]);
    const plain = await outcome(() => client(id, attacker.url, { maxRetries: 1 }).refunds.create(input as never));
    const plainRequests = attacker.requests.length - first;
    play([{ status: 429, body: {}, headers: { 'retry-after': '0' } }, successAnswer(id, input)]);
    const hooked = await outcome(() => client(id, attacker.url, { maxRetries: 1, hooks: { onAttempt: bad, onAttemptEnd: bad } }).refunds.create(input as never));
    expect(attacker.requests.length - first).toBe(plainRequests);
    expect(hooked).not.toBeInstanceOf(RefundError);
    expect(hooked).toEqual(plain);
  });
});
