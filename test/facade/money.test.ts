/**
 * Money is exact end to end (fast-check over real HTTP), for every provider in specs/providers.yaml
 * and every currency its fake seeds a payment in: minor units in, the provider's form on the wire (the
 * mapping's amount transform: integer or string minor units, or a major-unit JSON number), the same
 * minor units in the fake's ledger and back in Refund.amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseOf, clientFor, providerIds, startHarness } from './harness.js';
import { currencyExponent } from '../../generated/refunds/src/runtime/money.js';

/** The decimal text of `minor` with `exponent` fraction digits, trailing zeros trimmed, as JSON prints it. */
function majorText(minor: number, exponent: number): string {
  const digits = String(minor).padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** The JSON text the mapping's amount transform must put on the wire for `minor`. */
function wireText(transform: string, minor: number, exponent: number): string {
  if (transform === 'minorToInteger') return String(minor);
  if (transform === 'minorToString') return JSON.stringify(String(minor));
  if (transform === 'minorToMajorNumber') return majorText(minor, exponent);
  if (transform === 'minorToMajorString') return JSON.stringify(majorText(minor, exponent));
  throw new Error(`money.test.ts: no wire form known for the amount transform ${transform}; add it here`);
}

/** The body field the mapping sends the amount in, and its transform. */
const amountRule = (provider: (typeof providerIds)[number]) =>
  Object.entries(caseOf(provider).mapping.request.body ?? {}).find(([, v]) => (v as { from?: string }).from === 'amount') as [string, { transform: string }] | undefined;

describe.each(providerIds.filter((id) => amountRule(id) !== undefined))('%s: minor units → wire form → minor units', (provider) => {
  const c = caseOf(provider);
  it('every amount of every seeded payment', async () => {
    const [field, rule] = amountRule(provider)!;
    const h = await startHarness(provider);
    await h.fake.close();
    for (const payment of h.fake.payments.filter((p, i, all) => all.findIndex((q) => q.amount.currency === p.amount.currency) === i)) {
      const exponent = currencyExponent(payment.amount.currency)!;
      await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: payment.amount.value }), async (value) => {
        const run = await startHarness(provider);
        try {
          const refund = await clientFor(provider, run).refunds.create(c.input(payment, value));
          expect(run.requests[0]!.bodyText).toContain(`"${field}":${wireText(rule.transform, value, exponent)}`);
          expect(run.ledger[0]!.amountMinor).toBe(value);
          if (refund.amount !== undefined) expect(refund.amount).toEqual({ value, currency: payment.amount.currency });
        } finally {
          await run.fake.close();
        }
      }), { numRuns: 30, examples: [[1], [10], [435], [1005], [payment.amount.value]] });
    }
  });
});
