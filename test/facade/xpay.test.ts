/** xPay through @paykit/refunds: the shared cases plus its specifics (specs/mappings/xpay.yaml). */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, describeCommonCases, FIXED_NOW, refundError, useSandbox } from './cases.ts';

describeCommonCases('xpay');

describe('xpay specifics', () => {
  const sandbox = useSandbox('xpay');
  const { payments } = providers.xpay;

  it('sends basic auth publicKey:secretKey, amount as a string of minor units and refundReferenceId; reference round-trips', async () => {
    const sb = sandbox();
    const refund = await clientFor('xpay', sb).refunds.create({ paymentId: payments.inr.id, amount: { value: 12345, currency: 'INR' }, reference: 'ref-xpay-17' });
    const { publicKey, secretKey } = cases.xpay.credentials;
    expect(sb.requests[0]!.headers['authorization']).toBe(`Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`);
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ xIntentId: payments.inr.id, amount: '12345', refundReferenceId: 'ref-xpay-17' });
    expect(refund).toMatchObject({ status: 'pending', reference: 'ref-xpay-17', amount: { value: 12345, currency: 'INR' }, createdAt: FIXED_NOW.toISOString() });
  });

  it('sends a generated Idempotency-Key matching the spec pattern; a caller key verbatim', async () => {
    const sb = sandbox();
    const client = clientFor('xpay', sb);
    await client.refunds.create({ paymentId: payments.usd.id, amount: { value: 100, currency: 'USD' } });
    await client.refunds.create({ paymentId: payments.usd.id, amount: { value: 100, currency: 'USD' }, idempotencyKey: 'order:A-17_refund.1' });
    expect(sb.requests[0]!.headers['idempotency-key']).toMatch(/^[a-zA-Z0-9\-_:.]+$/);
    expect(sb.requests[1]!.headers['idempotency-key']).toBe('order:A-17_refund.1');
    expect(sb.ledger).toHaveLength(2);
  });

  it('an Idempotency-Key the spec forbids (a space, or > 255 chars) is invalid_request before sending', async () => {
    const sb = sandbox();
    const client = clientFor('xpay', sb);
    for (const idempotencyKey of ['order A-17', 'k'.repeat(256)]) {
      const err = await refundError(() => client.refunds.create({ paymentId: payments.usd.id, idempotencyKey }));
      expect(err.code).toBe('invalid_request');
      expect(err.message).toContain('idempotencyKey');
    }
    expect(sb.requests).toHaveLength(0);
  });

  it('a full refund omits amount', async () => {
    const sb = sandbox();
    const refund = await clientFor('xpay', sb).refunds.create({ paymentId: payments.usd.id });
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ xIntentId: payments.usd.id });
    expect(refund.amount).toEqual({ value: 10000, currency: 'USD' });
    expect(refund.reference).toBeUndefined();
  });
});
