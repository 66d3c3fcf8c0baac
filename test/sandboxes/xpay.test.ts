import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './core.ts';
import { credentials, payments } from './xpay.ts';
import { jsonOf, send } from './helpers.ts';

let sb: Sandbox;
const fixed = new Date('2026-01-02T03:04:05.678Z');
beforeAll(async () => { sb = await startSandbox('xpay', { now: () => fixed }); });
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const intent = payments.usd.id;
const errorOf = async (res: Response, status: number, errorCode: string) => {
  expect(res.status).toBe(status);
  expect(await jsonOf(res)).toEqual({ errorCode, errorDescription: expect.any(String) });
};

describe('xpay sandbox', () => {
  it('refunds with epoch-millisecond refundedAt and echoes refundReferenceId', async () => {
    const res = await send(sb, { xIntentId: intent, amount: '2000', refundReferenceId: 're123' });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({ refundId: 'rf_sbx00000000000001', intentId: intent, amount: 2000, currency: 'USD', refundedAt: fixed.getTime(), refundReferenceId: 're123' });
    expect(sb.ledger).toEqual([{ id: 'rf_sbx00000000000001', paymentId: intent, amountMinor: 2000, currency: 'USD', status: 'succeeded' }]);
  });

  it('INR intent; no refundReferenceId when none was sent', async () => {
    const body = await jsonOf(await send(sb, { xIntentId: payments.inr.id }));
    expect(body).toMatchObject({ currency: 'INR', amount: 50000 });
    expect(body).not.toHaveProperty('refundReferenceId');
  });

  it('partial then full, then already_refunded; exceeding is amount_exceeds_refundable', async () => {
    await send(sb, { xIntentId: intent, amount: '3000' });
    await errorOf(await send(sb, { xIntentId: intent, amount: '7001' }), 400, 'amount_exceeds_refundable');
    expect((await jsonOf(await send(sb, { xIntentId: intent }))).amount).toBe(7000);
    await errorOf(await send(sb, { xIntentId: intent }), 400, 'already_refunded');
    expect(sb.ledger).toHaveLength(2);
  });

  it('auth: basic publicKey:secretKey; anything else is 401 unauthorized', async () => {
    await errorOf(await send(sb, { xIntentId: intent }, { auth: 'bad' }), 401, 'unauthorized');
    await errorOf(await send(sb, { xIntentId: intent }, { auth: 'none' }), 401, 'unauthorized');
    const swapped = `Basic ${Buffer.from(`${credentials.secretKey}:${credentials.publicKey}`).toString('base64')}`;
    await errorOf(await send(sb, { xIntentId: intent }, { auth: 'none', headers: { Authorization: swapped } }), 401, 'unauthorized');
    expect(sb.ledger).toHaveLength(0);
  });

  it.each([
    ['invalid JSON', '{'],
    ['missing xIntentId', { amount: '100' }],
    ['amount as integer', { xIntentId: intent, amount: 100 }],
    ['amount with decimals', { xIntentId: intent, amount: '1.50' }],
    ['amount zero', { xIntentId: intent, amount: '0' }],
    ['refundReferenceId not a string', { xIntentId: intent, refundReferenceId: 7 }],
  ])('400 bad_request: %s', async (_n, body) => {
    await errorOf(await send(sb, body), 400, 'bad_request');
  });

  it('400 intent_not_found for an unknown intent', async () => {
    await errorOf(await send(sb, { xIntentId: 'in_unknown' }), 400, 'intent_not_found');
  });

  describe('idempotency (Idempotency-Key)', () => {
    it('same key + same body: identical answer, one refund', async () => {
      const headers = { 'Idempotency-Key': 'KG5LxwFBepaKHyUD' };
      const a = await send(sb, { xIntentId: intent, amount: '100' }, { headers });
      const b = await send(sb, { xIntentId: intent, amount: '100' }, { headers });
      expect(b.status).toBe(a.status);
      expect(await b.text()).toBe(await a.text());
      expect(sb.ledger).toHaveLength(1);
      expect(sb.ledger[0]!.idempotencyKey).toBe('KG5LxwFBepaKHyUD');
    });

    it('a retry after a 500-after-processing gets the real answer, still one refund', async () => {
      const headers = { 'Idempotency-Key': 'order:17.a_b-c' };
      sb.injectFault({ kind: 'status', status: 500, afterProcessing: true });
      expect((await send(sb, { xIntentId: intent, amount: '100' }, { headers })).status).toBe(500);
      const retry = await send(sb, { xIntentId: intent, amount: '100' }, { headers });
      expect(retry.status).toBe(200);
      expect((await jsonOf(retry)).refundId).toBe(sb.ledger[0]!.id);
      expect(sb.ledger).toHaveLength(1);
    });

    it('same key + different body: 400 idempotency_conflict', async () => {
      const headers = { 'Idempotency-Key': 'k' };
      await send(sb, { xIntentId: intent, amount: '100' }, { headers });
      await errorOf(await send(sb, { xIntentId: intent, amount: '200' }, { headers }), 400, 'idempotency_conflict');
      expect(sb.ledger).toHaveLength(1);
    });

    it.each([['has a space', 'a b'], ['has a slash', 'a/b'], ['is 256 long', 'k'.repeat(256)]])('400 bad_request when the key %s', async (_n, key) => {
      await errorOf(await send(sb, { xIntentId: intent }, { headers: { 'Idempotency-Key': key } }), 400, 'bad_request');
      expect(sb.ledger).toHaveLength(0);
    });

    it('a 255-character key is fine', async () => {
      expect((await send(sb, { xIntentId: intent }, { headers: { 'Idempotency-Key': 'k'.repeat(255) } })).status).toBe(200);
    });
  });
});
