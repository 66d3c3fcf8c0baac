/** WooshPay through @paykit/refunds: the shared cases plus its specifics (specs/mappings/wooshpay.yaml). */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, describeCommonCases, useSandbox } from './cases.ts';

describeCommonCases('wooshpay');

describe('wooshpay specifics', () => {
  const sandbox = useSandbox('wooshpay');
  const { payments } = providers.wooshpay;

  it('lower-case currency comes back upper-case; created epoch seconds become ISO 8601 UTC', async () => {
    const sb = sandbox();
    const refund = await clientFor('wooshpay', sb).refunds.create({ paymentId: payments.usd.id, amount: { value: 2500, currency: 'USD' } });
    expect((refund.raw as { currency: string }).currency).toBe('usd');
    expect((refund.raw as { created: number }).created).toBe(1772600767);
    expect(refund.amount).toEqual({ value: 2500, currency: 'USD' });
    expect(refund.createdAt).toBe('2026-03-04T05:06:07.000Z');
  });

  it('JPY (exponent 0): the amount stays exact minor units, sent as a string', async () => {
    const sb = sandbox();
    const refund = await clientFor('wooshpay', sb).refunds.create({ paymentId: payments.jpy.id, amount: { value: 1234, currency: 'JPY' } });
    expect(JSON.parse(sb.requests[0]!.bodyText).amount).toBe('1234');
    expect(refund.amount).toEqual({ value: 1234, currency: 'JPY' });
  });

  it('pending refunds stay pending', async () => {
    const sb = sandbox();
    const refund = await clientFor('wooshpay', sb).refunds.create({ paymentId: payments.pending.id });
    expect(refund.status).toBe('pending');
    expect(refund.amount).toEqual({ value: 3000, currency: 'USD' });
  });

  it('sends basic auth (key as user, empty password), amount as a string, reason and metadata; reason "other" is not sent', async () => {
    const sb = sandbox();
    const client = clientFor('wooshpay', sb);
    await client.refunds.create({ paymentId: payments.usd.id, amount: { value: 100, currency: 'USD' }, reason: 'duplicate', metadata: { order: 'A-17' } });
    await client.refunds.create({ paymentId: payments.usd.id, amount: { value: 100, currency: 'USD' }, reason: 'other' });
    const basic = `Basic ${Buffer.from(`${cases.wooshpay.credentials.secretKey}:`).toString('base64')}`;
    expect(sb.requests[0]!.headers['authorization']).toBe(basic);
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ payment_intent: payments.usd.id, amount: '100', reason: 'duplicate', metadata: { order: 'A-17' } });
    expect(JSON.parse(sb.requests[1]!.bodyText)).toEqual({ payment_intent: payments.usd.id, amount: '100' });
    expect(sb.ledger).toHaveLength(2);
  });
});
