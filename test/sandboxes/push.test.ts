import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './core.ts';
import { credentials, payments } from './push.ts';
import { jsonOf, send } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox('push'); });
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const intent = payments.approved.id;

describe('push sandbox', () => {
  it('approves a partial refund with the documented Refund shape', async () => {
    const res = await send(sb, { intent_id: intent, amount: 1450 });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body).toEqual({ id: 'refund_sbx0000000000000001', intent_id: intent, amount: 1450, currency: 'USD', status: 'approved', created_at: expect.any(String) });
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(sb.ledger).toEqual([{ id: body.id, paymentId: intent, amountMinor: 1450, currency: 'USD', status: 'approved' }]);
  });

  it('partial then full (amount omitted) refunds the remainder, then refuses', async () => {
    expect((await jsonOf(await send(sb, { intent_id: intent, amount: 1000 }))).amount).toBe(1000);
    const full = await send(sb, { intent_id: intent });
    expect(full.status).toBe(200);
    expect((await jsonOf(full)).amount).toBe(payments.approved.amountMinor - 1000);
    const again = await send(sb, { intent_id: intent });
    expect(again.status).toBe(400);
    expect((await jsonOf(again)).error).toBe('already_refunded');
    expect(sb.ledger.map((e) => e.amountMinor)).toEqual([1000, 4000]);
  });

  it('refuses more than the refundable amount', async () => {
    const res = await send(sb, { intent_id: intent, amount: payments.approved.amountMinor + 1 });
    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toEqual({ error: 'amount_exceeds_refundable', message: expect.any(String) });
    expect(sb.ledger).toHaveLength(0);
  });

  it('network decline: HTTP 401 carrying the declined refund id, recorded as declined', async () => {
    const res = await send(sb, { intent_id: payments.declined.id, amount: 500 });
    expect(res.status).toBe(401);
    const body = await jsonOf(res);
    expect(body).toEqual({ id: expect.stringMatching(/^refund_/) });
    expect(sb.ledger).toEqual([{ id: body.id, paymentId: payments.declined.id, amountMinor: 500, currency: 'USD', status: 'declined' }]);
    // a declined refund does not use up the refundable amount
    expect((await send(sb, { intent_id: payments.declined.id })).status).toBe(401);
    expect(sb.ledger[1]!.amountMinor).toBe(payments.declined.amountMinor);
  });

  it('auth failure: 401 without an id', async () => {
    for (const auth of ['bad', 'none'] as const) {
      const res = await send(sb, { intent_id: intent }, { auth });
      expect(res.status).toBe(401);
      const body = await jsonOf(res);
      expect(body.error).toBe('unauthorized');
      expect(body).not.toHaveProperty('id');
    }
    const basic = await send(sb, { intent_id: intent }, { auth: 'none', headers: { Authorization: `Basic ${Buffer.from(credentials.apiKey + ':').toString('base64')}` } });
    expect(basic.status).toBe(401);
    expect(sb.ledger).toHaveLength(0);
  });

  it.each([
    ['invalid JSON', '{"intent_id":'],
    ['not an object', '[]'],
    ['missing intent_id', { amount: 100 }],
    ['amount zero', { intent_id: intent, amount: 0 }],
    ['amount fractional', { intent_id: intent, amount: 10.5 }],
    ['amount as string', { intent_id: intent, amount: '100' }],
  ])('400 invalid_request: %s', async (_name, body) => {
    const res = await send(sb, body);
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toBe('invalid_request');
  });

  it('404 intent_not_found for an unknown intent', async () => {
    const res = await send(sb, { intent_id: 'intent_sandbox_unknown' });
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toBe('intent_not_found');
  });

  it('has no idempotency: the same request twice makes two refunds', async () => {
    const headers = { 'Idempotency-Key': 'k1' };
    await send(sb, { intent_id: intent, amount: 100 }, { headers });
    await send(sb, { intent_id: intent, amount: 100 }, { headers });
    expect(sb.ledger).toHaveLength(2);
    expect(sb.ledger[0]!.idempotencyKey).toBeUndefined();
  });
});
