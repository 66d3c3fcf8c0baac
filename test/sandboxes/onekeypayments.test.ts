import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './core.ts';
import { credentials } from './onekeypayments.ts';
import { jsonOf, okpHeaders, send } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox('onekeypayments'); });
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const card = { deposit_id: 3000001, invoice_id: 'inv-1001' };
const bank = { deposit_id: 3000002, invoice_id: 'inv-1002' };
const bankAccount = { beneficiary: 'Ana Pérez', bank_code: '002', account_number: '012345678901234567', account_type: 'CHECKING' };
const isoSeconds = (d: Date) => d.toISOString().slice(0, 19) + 'Z';

async function expectError(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  const body = await jsonOf(res);
  expect(body).toMatchObject({ code: expect.any(Number), description: expect.any(String), type });
  expect(Number.isInteger(body.code)).toBe(true);
  return body;
}

describe('onekeypayments sandbox', () => {
  it('card deposit: synchronous SUCCESS in major units', async () => {
    const res = await send(sb, { ...card, amount: 14.5, comments: 'partial' });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body).toEqual({
      refund_id: '100001', deposit_id: 3000001, merchant_invoice_id: 'inv-1001',
      refund_info: { type: 'CARD', result: 'SUCCESS', payment_method: 'VI', payment_method_name: 'Visa', amount: 14.5, currency: 'MXN', created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) },
    });
    expect(sb.ledger).toEqual([{ id: '100001', paymentId: '3000001', amountMinor: 1450, currency: 'MXN', status: 'SUCCESS' }]);
  });

  it('partial then full (amount omitted), then ALREADY_REFUNDED', async () => {
    await send(sb, { ...card, amount: 0.1 });
    const full = await jsonOf(await send(sb, card));
    expect(full.refund_info.amount).toBe(99.9);
    await expectError(await send(sb, card), 400, 'ALREADY_REFUNDED');
    expect(sb.ledger.map((e) => e.amountMinor)).toEqual([10, 9990]);
  });

  it('bank deposit requires bank_account and answers IN_PROGRESS', async () => {
    await expectError(await send(sb, { ...bank, amount: 10 }), 400, 'INVALID_REQUEST');
    const body = await jsonOf(await send(sb, { ...bank, amount: 10, bank_account: bankAccount }));
    expect(body.refund_info).toMatchObject({ type: 'BANK', result: 'IN_PROGRESS', amount: 10, reason: expect.any(String) });
    await expectError(await send(sb, { ...bank, bank_account: { ...bankAccount, account_type: 'GOLD' } }), 400, 'INVALID_REQUEST');
    expect(sb.ledger).toHaveLength(1);
  });

  it('rejected deposit: 200 with result REJECTED, ledger entry REJECTED, balance untouched', async () => {
    const body = await jsonOf(await send(sb, { deposit_id: 3000003, invoice_id: 'inv-1003' }));
    expect(body.refund_info).toMatchObject({ result: 'REJECTED', amount: 50, reason_code: expect.any(String) });
    expect(sb.ledger[0]!.status).toBe('REJECTED');
    expect((await send(sb, { deposit_id: 3000003, invoice_id: 'inv-1003' })).status).toBe(200);
  });

  it.each([
    ['too large', 100.01],
    ['three decimals', 1.005],
    ['zero', 0],
    ['negative', -1],
    ['string', '10.00'],
  ])('amount %s → 400 INVALID_AMOUNT', async (_n, amount) => {
    await expectError(await send(sb, { ...card, amount }), 400, 'INVALID_AMOUNT');
    expect(sb.ledger).toHaveLength(0);
  });

  it('exceeding the remaining amount is code 5008', async () => {
    await send(sb, { ...card, amount: 60 });
    const body = await expectError(await send(sb, { ...card, amount: 40.01 }), 400, 'INVALID_AMOUNT');
    expect(body.code).toBe(5008);
  });

  it.each([
    ['invalid JSON', '{"deposit_id":'],
    ['deposit_id as string', { deposit_id: '3000001', invoice_id: 'inv-1001' }],
    ['missing invoice_id', { deposit_id: 3000001 }],
    ['invoice_id over 128', { deposit_id: 3000001, invoice_id: 'x'.repeat(129) }],
    ['comments over 200', { ...card, comments: 'c'.repeat(201) }],
    ['notification_url not a URL', { ...card, notification_url: 'not a url' }],
  ])('400 INVALID_REQUEST: %s', async (_n, body) => {
    await expectError(await send(sb, body), 400, 'INVALID_REQUEST');
  });

  it('404 NOT_FOUND for an unknown deposit or a mismatched invoice_id', async () => {
    expect(await expectError(await send(sb, { deposit_id: 3999999, invoice_id: 'inv-1001' }), 404, 'NOT_FOUND')).toEqual({ code: 404, description: 'Deposit not found', type: 'NOT_FOUND' });
    await expectError(await send(sb, { deposit_id: 3000001, invoice_id: 'inv-1002' }), 404, 'NOT_FOUND');
  });

  describe('signature', () => {
    it('is HMAC-SHA256(secret, X-Date + X-Login + raw body) as hex; upper-case hex accepted', async () => {
      const text = JSON.stringify({ ...card, amount: 1 });
      const h = okpHeaders(text);
      h.Authorization = h.Authorization!.replace(/[0-9a-f]{64}$/, (x) => x.toUpperCase());
      expect((await send(sb, text, { auth: 'none', headers: h })).status).toBe(200);
    });

    it.each([
      ['wrong secret', () => ({ auth: 'bad' as const })],
      ['no headers', () => ({ auth: 'none' as const })],
      ['wrong login', (t: string) => ({ auth: 'none' as const, headers: okpHeaders(t, { login: 'someone-else' }) })],
      ['X-Date 6 minutes old', () => ({ xDate: isoSeconds(new Date(Date.now() - 6 * 60_000)) })],
      ['X-Date not ISO', () => ({ xDate: 'Mon, 01 Jan 2024 00:00:00 GMT' })],
      ['body changed after signing', (t: string) => ({ auth: 'none' as const, headers: okpHeaders(t.replace('1001', '1002')) })],
      ['prefix without space', (t: string) => ({ auth: 'none' as const, headers: { ...okpHeaders(t), Authorization: okpHeaders(t).Authorization!.replace('Signature: ', 'Signature:') } })],
    ])('401 UNAUTHORIZED: %s', async (_n, opts) => {
      const text = JSON.stringify(card);
      const body = await expectError(await send(sb, text, opts(text)), 401, 'UNAUTHORIZED');
      expect(body.code).toBe(401);
      expect(sb.ledger).toHaveLength(0);
    });

    it('accepts an X-Date 4 minutes old', async () => {
      expect((await send(sb, card, { xDate: isoSeconds(new Date(Date.now() - 4 * 60_000)) })).status).toBe(200);
      expect(credentials.login).toBeTruthy();
    });
  });

  describe('idempotency (X-Idempotency-Key)', () => {
    it('same key + same body: stored answer, one refund', async () => {
      const headers = { 'X-Idempotency-Key': 'refund-order-17' };
      const a = await send(sb, { ...card, amount: 5 }, { headers });
      const b = await send(sb, { ...card, amount: 5 }, { headers });
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await b.text()).toBe(await a.text());
      expect(sb.ledger).toHaveLength(1);
      expect(sb.ledger[0]!.idempotencyKey).toBe('refund-order-17');
    });

    it('replays errors too, and a stored answer survives reset-after', async () => {
      const headers = { 'X-Idempotency-Key': 'k-after' };
      sb.injectFault({ kind: 'reset-after' });
      await expect(send(sb, { ...card, amount: 5 }, { headers })).rejects.toThrow();
      const retry = await send(sb, { ...card, amount: 5 }, { headers });
      expect(retry.status).toBe(200);
      expect((await jsonOf(retry)).refund_id).toBe(sb.ledger[0]!.id);
      expect(sb.ledger).toHaveLength(1);
    });

    it('same key + different body: 400 IDEMPOTENCY_CONFLICT', async () => {
      const headers = { 'X-Idempotency-Key': 'k2' };
      await send(sb, { ...card, amount: 5 }, { headers });
      await expectError(await send(sb, { ...card, amount: 6 }, { headers }), 400, 'IDEMPOTENCY_CONFLICT');
      expect(sb.ledger).toHaveLength(1);
    });

    it('different keys make different refunds; reset() forgets keys', async () => {
      await send(sb, { ...card, amount: 5 }, { headers: { 'X-Idempotency-Key': 'a' } });
      await send(sb, { ...card, amount: 5 }, { headers: { 'X-Idempotency-Key': 'b' } });
      expect(sb.ledger).toHaveLength(2);
      sb.reset();
      await send(sb, { ...card, amount: 5 }, { headers: { 'X-Idempotency-Key': 'a' } });
      expect(sb.ledger).toHaveLength(1);
    });
  });
});
