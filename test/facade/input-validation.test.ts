/**
 * "Input the provider would reject is rejected before any request, as invalid_request with a message
 * that names the field" (DESIGN.md). Constraints here come from the normalized specs
 * (generated/<provider>/openapi.yaml) and the mappings; each case asserts that nothing was sent.
 */
import { describe, expect, it } from 'vitest';
import { providers } from '../sandboxes/index.ts';
import { clientFor, refundError, useSandbox } from './cases.ts';

const bank = { beneficiary: 'Ana Ruiz', bank_code: '012', account_number: '012180001234567891', account_type: 'CHECKING' };

describe('onekeypayments: spec constraints are enforced before sending', () => {
  const sandbox = useSandbox('onekeypayments');
  const { payments } = providers.onekeypayments;
  const base = (providerOptions: Record<string, unknown>) => ({ paymentId: payments.bank.id, amount: { value: 100, currency: 'MXN' }, providerOptions: { invoiceId: payments.bank.invoiceId, bankAccount: bank, ...providerOptions } });

  const cases: [string, Record<string, unknown>, string][] = [
    ['comments longer than maxLength 200', { comments: 'c'.repeat(201) }, 'comments'],
    ['invoiceId longer than maxLength 128', { invoiceId: 'i'.repeat(129) }, 'invoiceId'],
    ['bankAccount without the required account_type', { bankAccount: { beneficiary: 'Ana Ruiz', bank_code: '012', account_number: '0121' } }, 'account_type'],
    ['bankAccount.bank_code longer than maxLength 5', { bankAccount: { ...bank, bank_code: '0123456' } }, 'bank_code'],
    ['notificationUrl that is not a URI', { notificationUrl: 'not a url' }, 'notificationUrl'],
  ];

  it.each(cases)('%s → invalid_request naming the field, no request', async (_what, providerOptions, field) => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('onekeypayments', sb).refunds.create(base(providerOptions)));
    expect(sb.requests, 'a request was sent for input the spec forbids').toHaveLength(0);
    expect(err.httpStatus).toBeUndefined();
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain(field);
  });

  it('control: the same input within the limits is accepted', async () => {
    const sb = sandbox();
    const refund = await clientFor('onekeypayments', sb).refunds.create(base({ comments: 'c'.repeat(200), notificationUrl: 'https://merchant.example/hook' }));
    expect(refund.status).toBe('pending');
    expect(sb.requests).toHaveLength(1);
  });
});

describe('every provider: common input checks happen before sending', () => {
  const sandbox = useSandbox('xpay');
  const bad: [string, Record<string, unknown>, string][] = [
    ['empty paymentId', { paymentId: '' }, 'paymentId'],
    ['zero amount', { paymentId: 'in_1', amount: { value: 0, currency: 'USD' } }, 'amount.value'],
    ['negative amount', { paymentId: 'in_1', amount: { value: -5, currency: 'USD' } }, 'amount.value'],
    ['lower-case currency', { paymentId: 'in_1', amount: { value: 5, currency: 'usd' } }, 'amount.currency'],
    ['unknown currency', { paymentId: 'in_1', amount: { value: 5, currency: 'XYZ' } }, 'amount.currency'],
    ['unknown reason', { paymentId: 'in_1', reason: 'because' }, 'reason'],
    ['non-string metadata value', { paymentId: 'in_1', metadata: { n: 1 } }, 'metadata'],
    ['unknown providerOptions key', { paymentId: 'in_1', providerOptions: { invoiceId: 'x' } }, 'providerOptions.invoiceId'],
    ['non-string reference', { paymentId: 'in_1', reference: 17 }, 'reference'],
  ];
  it.each(bad)('%s → invalid_request naming the field', async (_what, input, field) => {
    const sb = sandbox();
    const err = await refundError(() => clientFor('xpay', sb).refunds.create(input));
    expect(err.code).toBe('invalid_request');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(field);
    expect(sb.requests).toHaveLength(0);
  });

  it('credentials with a missing field are refused at createRefundsClient (TypeError) naming the field, not the value', () => {
    const sb = sandbox();
    let err: unknown;
    try {
      clientFor('xpay', sb, { credentials: { secretKey: 'xpay_secret_value_should_not_show' } });
    } catch (error) {
      err = error;
    }
    expect(err).toBeInstanceOf(TypeError);
    if (!(err instanceof TypeError)) return;
    expect(err.message).toContain('credentials.publicKey');
    expect(err.message).not.toContain('xpay_secret_value_should_not_show');
    expect(sb.requests).toHaveLength(0);
  });
});
