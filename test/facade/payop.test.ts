/** Payop through @paykit/refunds: the shared cases plus its specifics (specs/mappings/payop.yaml). */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, describeCommonCases, refundError, useSandbox } from './cases.ts';

describeCommonCases('payop');

describe('payop specifics', () => {
  const sandbox = useSandbox('payop');
  const { payments } = providers.payop;

  it('amount is required at run time, before any request', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('payop', sb).refunds.create({ paymentId: payments.eur.id }));
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('amount');
    expect(sb.requests).toHaveLength(0);
  });

  it('partial: refundType 2, amount in major units, metadata {} when absent; id from the identifier header, status pending', async () => {
    const sb = sandbox();
    const refund = await clientFor('payop', sb).refunds.create({ paymentId: payments.eur.id, amount: { value: 1450, currency: 'EUR' } });
    expect(sb.requests[0]!.headers['authorization']).toBe(`Bearer ${cases.payop.credentials.token}`);
    expect(sb.requests[0]!.bodyText).toBe(JSON.stringify({ transactionIdentifier: payments.eur.id, refundType: 2, amount: 14.5, metadata: {} }));
    expect(refund).toMatchObject({ provider: 'payop', id: sb.ledger[0]!.id, paymentId: payments.eur.id, status: 'pending', amount: { value: 1450, currency: 'EUR' } });
    expect(refund.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(refund.raw).toEqual({ data: '', status: 1 });
    expect(refund.createdAt).toBeUndefined();
  });

  it('providerOptions.fullRefund → refundType 1; metadata is sent as given', async () => {
    const sb = sandbox();
    await clientFor('payop', sb).refunds.create({ paymentId: payments.usd.id, amount: { value: 2550, currency: 'USD' }, metadata: { order: 'A-17' }, providerOptions: { fullRefund: true } });
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ transactionIdentifier: payments.usd.id, refundType: 1, amount: 25.5, metadata: { order: 'A-17' } });
    expect(sb.ledger).toHaveLength(1);
    expect(sb.ledger[0]!.amountMinor).toBe(2550);
  });

  it('sends no idempotency header (Payop documents none)', async () => {
    const sb = sandbox();
    await clientFor('payop', sb).refunds.create({ paymentId: payments.eur.id, amount: { value: 100, currency: 'EUR' }, idempotencyKey: 'caller-key-1' });
    const names = Object.keys(sb.requests[0]!.headers);
    expect(names.filter((n) => n.includes('idempotency'))).toEqual([]);
  });
});
