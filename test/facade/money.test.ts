/**
 * Money is exact end to end (fast-check over real HTTP): minor units in, the provider's form on the
 * wire (major-unit JSON numbers for onekeypayments and Payop, digit strings for xpay), and the same
 * minor units back in Refund.amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { clientFor, useSandbox } from './cases.ts';

/** The decimal text of `minor` with `exponent` fraction digits, trailing zeros trimmed, as JSON prints it. */
function majorText(minor: number, exponent: number): string {
  const digits = String(minor).padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

describe('onekeypayments: minor → major number → minor', () => {
  const sandbox = useSandbox('onekeypayments');
  const card = providers.onekeypayments.payments.card;
  it('every amount 1..10000 MXN', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: card.amountMinor }), async (value) => {
      const sb = sandbox();
      sb.reset();
      const refund = await clientFor('onekeypayments', sb).refunds.create({ paymentId: card.id, amount: { value, currency: 'MXN' }, providerOptions: { invoiceId: card.invoiceId } });
      expect(sb.requests[0]!.bodyText).toContain(`"amount":${majorText(value, 2)}`);
      expect(sb.ledger[0]!.amountMinor).toBe(value);
      expect(refund.amount).toEqual({ value, currency: 'MXN' });
    }), { numRuns: 60, examples: [[1], [10], [435], [1005], [9999], [10000]] });
  });
});

describe('payop: minor → major number; Refund.amount echoes the input', () => {
  const sandbox = useSandbox('payop');
  const eur = providers.payop.payments.eur;
  it('every amount 1..10000 EUR', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: eur.amountMinor }), async (value) => {
      const sb = sandbox();
      sb.reset();
      const refund = await clientFor('payop', sb).refunds.create({ paymentId: eur.id, amount: { value, currency: 'EUR' } });
      expect(sb.requests[0]!.bodyText).toContain(`"amount":${majorText(value, 2)},`);
      expect(sb.ledger[0]!.amountMinor).toBe(value);
      expect(refund.amount).toEqual({ value, currency: 'EUR' });
    }), { numRuns: 60, examples: [[1], [29], [57], [435], [10000]] });
  });
});

describe('xpay: minor units as digit strings', () => {
  const sandbox = useSandbox('xpay');
  const inr = providers.xpay.payments.inr;
  it('every amount 1..50000 INR', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: inr.amountMinor }), async (value) => {
      const sb = sandbox();
      sb.reset();
      const refund = await clientFor('xpay', sb).refunds.create({ paymentId: inr.id, amount: { value, currency: 'INR' } });
      expect(JSON.parse(sb.requests[0]!.bodyText).amount).toBe(String(value));
      expect(refund.amount).toEqual({ value, currency: 'INR' });
    }), { numRuns: 40 });
  });
});
