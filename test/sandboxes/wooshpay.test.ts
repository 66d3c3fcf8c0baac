import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './core.ts';
import { credentials, payments } from './wooshpay.ts';
import { jsonOf, send } from './helpers.ts';

let sb: Sandbox;
const fixed = new Date('2026-01-02T03:04:05.678Z');
beforeAll(async () => { sb = await startSandbox('wooshpay', { now: () => fixed }); });
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const pi = payments.usd.id;

describe('wooshpay sandbox', () => {
  it('creates a Stripe-like refund: integer amount, epoch seconds, lower-case currency', async () => {
    const res = await send(sb, { payment_intent: pi, amount: '1450', reason: 'requested_by_customer', metadata: { order: 'A-17' } });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({
      id: 're_sbx000000000000000001', object: 'refund', amount: 1450, created: 1767323045, currency: 'usd',
      metadata: { order: 'A-17' }, payment_intent: pi, reason: 'requested_by_customer', status: 'succeeded',
    });
    expect(sb.ledger).toEqual([{ id: 're_sbx000000000000000001', paymentId: pi, amountMinor: 1450, currency: 'USD', status: 'succeeded' }]);
  });

  it('JPY amounts are whole yen; reason null and metadata {} when omitted', async () => {
    const body = await jsonOf(await send(sb, { payment_intent: payments.jpy.id, amount: '500' }));
    expect(body).toMatchObject({ amount: 500, currency: 'jpy', reason: null, metadata: {} });
  });

  it('a payment whose refunds come back pending', async () => {
    const body = await jsonOf(await send(sb, { payment_intent: payments.pending.id }));
    expect(body).toMatchObject({ status: 'pending', amount: payments.pending.amountMinor });
    expect(sb.ledger[0]!.status).toBe('pending');
  });

  it('partial then full, then charge_already_refunded', async () => {
    await send(sb, { payment_intent: pi, amount: '2500' });
    expect((await jsonOf(await send(sb, { payment_intent: pi }))).amount).toBe(7500);
    const res = await send(sb, { payment_intent: pi, amount: '1' });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toEqual({ type: 'invalid_request_error', code: 'charge_already_refunded', message: expect.any(String) });
    expect(sb.ledger).toHaveLength(2);
  });

  it('amount_too_large with param amount', async () => {
    const res = await send(sb, { payment_intent: pi, amount: '10001' });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toMatchObject({ code: 'amount_too_large', param: 'amount' });
  });

  it('auth: secret key as basic user with empty password; anything else is api_key_invalid', async () => {
    const variants = [
      { auth: 'bad' as const },
      { auth: 'none' as const },
      { auth: 'none' as const, headers: { Authorization: `Basic ${Buffer.from(`${credentials.secretKey}:x`).toString('base64')}` } },
      { auth: 'none' as const, headers: { Authorization: `Bearer ${credentials.secretKey}` } },
    ];
    for (const opts of variants) {
      const res = await send(sb, { payment_intent: pi }, opts);
      expect(res.status).toBe(401);
      expect(await jsonOf(res)).toEqual({ error: { type: 'invalid_request_error', code: 'api_key_invalid', message: expect.any(String) } });
    }
    expect(sb.ledger).toHaveLength(0);
  });

  it.each([
    ['amount as integer', { payment_intent: pi, amount: 100 }, 'amount'],
    ['amount with decimals', { payment_intent: pi, amount: '10.50' }, 'amount'],
    ['amount zero', { payment_intent: pi, amount: '0' }, 'amount'],
    ['amount negative', { payment_intent: pi, amount: '-5' }, 'amount'],
    ['unknown reason', { payment_intent: pi, reason: 'other' }, 'reason'],
    ['metadata not strings', { payment_intent: pi, metadata: { n: 1 } }, 'metadata'],
  ])('400 parameter_invalid: %s', async (_name, body, param) => {
    const res = await send(sb, body);
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param });
  });

  it('400 for invalid JSON and a missing payment_intent', async () => {
    const bad = await send(sb, '{nope');
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).error.code).toBe('parameter_invalid');
    const missing = await send(sb, { amount: '100' });
    expect(missing.status).toBe(400);
    expect((await jsonOf(missing)).error).toMatchObject({ code: 'parameter_missing', param: 'payment_intent' });
  });

  it('404 resource_missing for an unknown payment_intent', async () => {
    const res = await send(sb, { payment_intent: 'pi_unknown' });
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'payment_intent' });
  });
});
