/** onekeypayments through @paykit/refunds: the shared cases plus its specifics (specs/mappings/onekeypayments.yaml). */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, describeCommonCases, refundError, useSandbox } from './cases.ts';

describeCommonCases('onekeypayments');

describe('onekeypayments specifics', () => {
  const sandbox = useSandbox('onekeypayments');
  const { payments } = providers.onekeypayments;
  const card = { paymentId: payments.card.id, providerOptions: { invoiceId: payments.card.invoiceId } };

  it('sends X-Idempotency-Key, signed headers, deposit_id as an integer and the amount in major units (1450 MXN → 14.5)', async () => {
    const sb = sandbox();
    await clientFor('onekeypayments', sb).refunds.create({ ...card, amount: { value: 1450, currency: 'MXN' } });
    const req = sb.requests[0]!;
    expect(req.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.headers['x-login']).toBe(cases.onekeypayments.credentials.login);
    expect(req.headers['x-date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(req.headers['authorization']).toMatch(/^V2-HMAC-SHA256, Signature: [0-9a-f]{64}$/);
    expect(req.bodyText).toBe(JSON.stringify({ deposit_id: 3000001, invoice_id: 'inv-1001', amount: 14.5 }));
    expect(sb.ledger[0]!.amountMinor).toBe(1450);
  });

  it('a caller idempotencyKey is sent verbatim', async () => {
    const sb = sandbox();
    await clientFor('onekeypayments', sb).refunds.create({ ...card, amount: { value: 100, currency: 'MXN' }, idempotencyKey: 'order-A17 refund #1' });
    expect(sb.requests[0]!.headers['x-idempotency-key']).toBe('order-A17 refund #1');
  });

  it('KWD (exponent 3) is refused before any request', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('onekeypayments', sb).refunds.create({ ...card, amount: { value: 1234, currency: 'KWD' } }));
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('KWD');
    expect(err.message).toContain('amount.currency');
    expect(sb.requests).toHaveLength(0);
  });

  it('a paymentId that is not digits is refused before any request', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('onekeypayments', sb).refunds.create({ ...card, paymentId: 'dep_3000001' }));
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('paymentId');
    expect(sb.requests).toHaveLength(0);
  });

  it('a missing providerOptions.invoiceId is refused at run time', async () => {
    const sb = sandbox();
    const client = clientFor('onekeypayments', sb);
    const a = await refundError(() => client.refunds.create({ paymentId: payments.card.id }));
    const b = await refundError(() => client.refunds.create({ paymentId: payments.card.id, providerOptions: {} }));
    for (const err of [a, b]) {
      expect(err.code).toBe('invalid_request');
      expect(err.message).toContain('providerOptions.invoiceId');
    }
    expect(sb.requests).toHaveLength(0);
  });

  it('IN_PROGRESS → pending; REJECTED → failed with the reason', async () => {
    const sb = sandbox();
    const client = clientFor('onekeypayments', sb);
    const bank = await client.refunds.create({
      paymentId: payments.bank.id,
      amount: { value: 1000, currency: 'MXN' },
      providerOptions: { invoiceId: payments.bank.invoiceId, bankAccount: { beneficiary: 'Ana Ruiz', bank_code: '012', account_number: '012180001234567891', account_type: 'CHECKING' } },
    });
    expect(bank.status).toBe('pending');
    expect(bank.amount).toEqual({ value: 1000, currency: 'MXN' });
    const rejected = await client.refunds.create({ paymentId: payments.rejected.id, providerOptions: { invoiceId: payments.rejected.invoiceId } });
    expect(rejected.status).toBe('failed');
    expect(rejected.failureReason).toBe('The refund was rejected by the card issuer');
    expect(rejected.amount).toEqual({ value: 5000, currency: 'MXN' });
  });
});
