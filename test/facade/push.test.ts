/** Push through @paykit/refunds: the shared cases plus Push's specifics (specs/mappings/push.yaml). */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, describeCommonCases, FIXED_NOW, refundError, useSandbox } from './cases.ts';

describeCommonCases('push');

describe('push specifics', () => {
  const sandbox = useSandbox('push');
  const { payments } = providers.push;

  it('HTTP 401 carrying an id is a declined Refund (status failed), not an error', async () => {
    const sb = sandbox();
    const refund = await clientFor('push', sb).refunds.create({ paymentId: payments.declined.id, amount: { value: 700, currency: 'USD' } });
    expect(sb.ledger).toHaveLength(1);
    expect(sb.ledger[0]!.status).toBe('declined');
    expect(refund).toMatchObject({ provider: 'push', id: sb.ledger[0]!.id, paymentId: payments.declined.id, status: 'failed', failureReason: 'declined_by_payment_network' });
    expect(refund.raw).toEqual({ id: sb.ledger[0]!.id });
  });

  it('a full refund omits amount and reads the amount and created_at from the answer', async () => {
    const sb = sandbox();
    const refund = await clientFor('push', sb).refunds.create({ paymentId: payments.second.id });
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ intent_id: payments.second.id });
    expect(refund.amount).toEqual({ value: 12000, currency: 'USD' });
    expect(refund.createdAt).toBe(FIXED_NOW.toISOString());
  });

  it('sends the bearer API key and integer minor units', async () => {
    const sb = sandbox();
    await clientFor('push', sb).refunds.create({ paymentId: payments.approved.id, amount: { value: 1450, currency: 'USD' } });
    expect(sb.requests[0]!.headers['authorization']).toBe(`Bearer ${cases.push.credentials.apiKey}`);
    expect(JSON.parse(sb.requests[0]!.bodyText)).toEqual({ intent_id: payments.approved.id, amount: 1450 });
  });

  it('a currency other than USD is refused before any request', async () => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('push', sb).refunds.create({ paymentId: payments.approved.id, amount: { value: 100, currency: 'EUR' } }));
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('amount.currency');
    expect(sb.requests).toHaveLength(0);
  });
});
