import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './core.ts';
import { payments } from './payop.ts';
import { jsonOf, send } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox('payop'); });
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const eur = payments.eur.id;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const req = (extra: Record<string, unknown>) => ({ transactionIdentifier: eur, refundType: 2, amount: 10, metadata: { 'internal merchant id': 'example' }, ...extra });
const message = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  const body = await jsonOf(res);
  expect(Object.keys(body)).toEqual(['message']);
  return body.message as string;
};

describe('payop sandbox', () => {
  it('success: {"data":"","status":1} with the refund id in the identifier header', async () => {
    const res = await send(sb, req({}));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"data":"","status":1}');
    const id = res.headers.get('identifier');
    expect(id).toMatch(UUID);
    expect(sb.ledger).toEqual([{ id, paymentId: eur, amountMinor: 1000, currency: 'EUR', status: 'pending' }]);
  });

  it('decimal major units in the transaction currency (USD 10.5)', async () => {
    expect((await send(sb, req({ transactionIdentifier: payments.usd.id, amount: 10.5 }))).status).toBe(200);
    expect(sb.ledger[0]).toMatchObject({ amountMinor: 1050, currency: 'USD' });
  });

  it('partial then full (refundType 1 with the remaining amount), then refuses', async () => {
    await send(sb, req({ amount: 10 }));
    expect(await message(await send(sb, req({ refundType: 1, amount: 50 })), 422)).toMatch(/^amount\b/);
    expect((await send(sb, req({ refundType: 1, amount: 90 }))).status).toBe(200);
    expect(await message(await send(sb, req({ amount: 0.01 })), 422)).toBe('Refund amount is bigger than transaction amount');
    expect(sb.ledger.map((e) => e.amountMinor)).toEqual([1000, 9000]);
  });

  it('422 when the amount is bigger than the transaction (full or partial)', async () => {
    expect(await message(await send(sb, req({ amount: 100.01 })), 422)).toBe('Refund amount is bigger than transaction amount');
    expect(await message(await send(sb, req({ refundType: 1, amount: 200 })), 422)).toBe('Refund amount is bigger than transaction amount');
    expect(sb.ledger).toHaveLength(0);
  });

  it('422 Transaction not found', async () => {
    expect(await message(await send(sb, req({ transactionIdentifier: '00000000-0000-4000-8000-000000000000' })), 422)).toBe('Transaction not found');
  });

  it('401 with the documented message for a bad or missing token', async () => {
    for (const auth of ['bad', 'none'] as const) {
      expect(await message(await send(sb, req({}), { auth }), 401)).toBe('Full authentication is required to access this resource.');
    }
    expect(sb.ledger).toHaveLength(0);
  });

  it.each([
    ['transactionIdentifier', { transactionIdentifier: undefined }],
    ['refundType', { refundType: 3 }],
    ['refundType', { refundType: '2' }],
    ['amount', { amount: undefined }],
    ['amount', { amount: '10' }],
    ['amount', { amount: 1.005 }],
    ['amount', { amount: 0 }],
    ['metadata', { metadata: undefined }],
    ['metadata', { metadata: 5 }],
    ['metadata', { metadata: [] }],
  ])('422 naming the field: %s', async (field, extra) => {
    expect(await message(await send(sb, req(extra)), 422)).toMatch(new RegExp(`^${field}\\b`));
    expect(sb.ledger).toHaveLength(0);
  });

  it('invalid JSON is a 422 {message}', async () => {
    expect(await message(await send(sb, '{"amount":'), 422)).toMatch(/JSON/);
  });

  it('no idempotency: a repeated request makes a second refund', async () => {
    const headers = { 'Idempotency-Key': 'same' };
    const a = await send(sb, req({ amount: 1 }), { headers });
    const b = await send(sb, req({ amount: 1 }), { headers });
    expect(a.headers.get('identifier')).not.toBe(b.headers.get('identifier'));
    expect(sb.ledger).toHaveLength(2);
  });
});
