/**
 * Type tests for the facade's public API. Every `@ts-expect-error` below must be a real compile error:
 * the last test runs `tsc --noEmit -p test/facade/tsconfig.types.json` over this file alone, and tsc
 * fails on an unused `@ts-expect-error` as well as on any unexpected error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createRefundsClient, RefundError, type ProviderId, type Refund, type RefundErrorCode, type RefundStatus } from '@paykit/refunds';
import type { paths as PushPaths } from '@paykit/push';
import type { paths as XpayPaths } from '@paykit/xpay';

type PushOp = PushPaths['/refund']['post']['responses'];
type PushResponseBody = PushOp[200]['content']['application/json'] | PushOp[401]['content']['application/json'];
type XpayResponseBody = XpayPaths['/payments/merchant/refund']['post']['responses'][200]['content']['application/json'];

const baseUrl = 'http://127.0.0.1:9';
const money = { value: 1450, currency: 'USD' };

/** Never called: these lines only have to compile (or, where marked, fail to). */
export function compileOnly(): void {
  const push = createRefundsClient({ provider: 'push', credentials: { apiKey: 'k' }, baseUrl });
  void push.refunds.create({ paymentId: 'intent_1', amount: money, reason: 'duplicate', metadata: { a: 'b' }, reference: 'r', idempotencyKey: 'k' });
  void push.refunds.create({ paymentId: 'intent_1' });
  // @ts-expect-error push authenticates with { apiKey }, not { secretKey }
  createRefundsClient({ provider: 'push', credentials: { secretKey: 'k' }, baseUrl });
  // @ts-expect-error reason is one of four values
  void push.refunds.create({ paymentId: 'intent_1', reason: 'because' });
  // @ts-expect-error metadata is a string map
  void push.refunds.create({ paymentId: 'intent_1', metadata: { n: 1 } });

  const woosh = createRefundsClient({ provider: 'wooshpay', credentials: { secretKey: 'sk' }, maxRetries: 0, timeoutMs: 1000 });
  void woosh.refunds.create({ paymentId: 'pi_1', amount: money, reason: 'other' });
  // @ts-expect-error wooshpay authenticates with { secretKey }
  createRefundsClient({ provider: 'wooshpay', credentials: { apiKey: 'k' } });

  const okp = createRefundsClient({ provider: 'onekeypayments', credentials: { login: 'l', secretKey: 's' }, fetch: (r: Request) => fetch(r) });
  void okp.refunds.create({ paymentId: '3000001', providerOptions: { invoiceId: 'inv-1001' } });
  void okp.refunds.create({
    paymentId: '3000002', amount: { value: 1, currency: 'MXN' },
    providerOptions: { invoiceId: 'inv-1002', comments: 'c', notificationUrl: 'https://x', bankAccount: { beneficiary: 'A', bank_code: '012', account_number: '1', account_type: 'CHECKING' } },
  });
  // @ts-expect-error onekeypayments needs providerOptions.invoiceId
  void okp.refunds.create({ paymentId: '3000001', providerOptions: {} });
  // @ts-expect-error onekeypayments needs providerOptions at all
  void okp.refunds.create({ paymentId: '3000001' });
  // @ts-expect-error onekeypayments credentials need login as well
  createRefundsClient({ provider: 'onekeypayments', credentials: { secretKey: 's' } });

  const xpay = createRefundsClient({ provider: 'xpay', credentials: { publicKey: 'pk', secretKey: 'sk' } });
  void xpay.refunds.create({ paymentId: 'in_1', reference: 'ref' }, { signal: AbortSignal.timeout(10) });
  // @ts-expect-error xpay credentials need publicKey as well
  createRefundsClient({ provider: 'xpay', credentials: { secretKey: 'sk' } });

  const payop = createRefundsClient({ provider: 'payop', credentials: { token: 't' } });
  void payop.refunds.create({ paymentId: 'tx', amount: { value: 1000, currency: 'EUR' }, providerOptions: { fullRefund: true } });
  // @ts-expect-error payop needs amount even for a full refund
  void payop.refunds.create({ paymentId: 'tx', providerOptions: { fullRefund: true } });
  // @ts-expect-error payop authenticates with { token }
  createRefundsClient({ provider: 'payop', credentials: { apiKey: 't' } });

  // @ts-expect-error not a provider
  createRefundsClient({ provider: 'stripe', credentials: {} });
}

describe('facade types', () => {
  it('create resolves to the provider-specific Refund', () => {
    const push = createRefundsClient({ provider: 'push', credentials: { apiKey: 'k' }, baseUrl });
    expectTypeOf(push.refunds.create).returns.toEqualTypeOf<Promise<Refund<'push'>>>();
    expectTypeOf(push.provider).toEqualTypeOf<'push'>();
    const xpay = createRefundsClient({ provider: 'xpay', credentials: { publicKey: 'pk', secretKey: 'sk' } });
    expectTypeOf(xpay.refunds.create).returns.resolves.toHaveProperty('raw').toEqualTypeOf<XpayResponseBody>();
  });

  it("Refund<'push'>['raw'] is the push response body type, not unknown", () => {
    expectTypeOf<Refund<'push'>['raw']>().not.toBeUnknown();
    expectTypeOf<Refund<'push'>['raw']>().not.toBeAny();
    expectTypeOf<Refund<'push'>['raw']>().toEqualTypeOf<PushResponseBody>();
    expectTypeOf<Refund<'push'>['provider']>().toEqualTypeOf<'push'>();
  });

  it('Refund and RefundError fields match the contract', () => {
    expectTypeOf<Refund['status']>().toEqualTypeOf<RefundStatus>();
    expectTypeOf<RefundStatus>().toEqualTypeOf<'pending' | 'succeeded' | 'failed' | 'canceled'>();
    expectTypeOf<Refund['amount']>().toEqualTypeOf<{ value: number; currency: string } | undefined>();
    expectTypeOf<Refund['createdAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Refund['provider']>().toEqualTypeOf<ProviderId>();
    expectTypeOf<RefundErrorCode>().toEqualTypeOf<
      'invalid_request' | 'authentication_failed' | 'payment_not_found' | 'amount_exceeds_refundable' | 'already_refunded'
      | 'rate_limited' | 'provider_unavailable' | 'timeout' | 'network_error' | 'unexpected_response'
    >();
    expectTypeOf<RefundError['code']>().toEqualTypeOf<RefundErrorCode>();
    expectTypeOf<RefundError['retryable']>().toEqualTypeOf<boolean>();
    expectTypeOf<RefundError['httpStatus']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RefundError>().toMatchTypeOf<Error>();
  });

  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsc = (project: string) =>
    spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', project], { cwd: root, encoding: 'utf8' });

  it('this file type-checks with a real tsc --noEmit (every @ts-expect-error is a real error)', () => {
    const result = tsc(`${root}test/facade/tsconfig.types.json`);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  // Kept out of this file (and written to a scratch folder) so that it cannot break the check above or
  // `npm run typecheck`: at run time validateInput refuses unknown providerOptions keys and a non-object
  // providerOptions, but the generated empty `interface XpayProviderOptions {}` (push, wooshpay too)
  // accepts any value at compile time.
  it('providerOptions of providers without options: an unknown key or a non-object is a compile error, as it is a run-time error', () => {
    const dir = `${root}test/facade/.typecheck-scratch-${process.pid}`;
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(`${dir}/options.ts`, [
        "import { createRefundsClient } from '@paykit/refunds';",
        "const xpay = createRefundsClient({ provider: 'xpay', credentials: { publicKey: 'pk', secretKey: 'sk' } });",
        "const push = createRefundsClient({ provider: 'push', credentials: { apiKey: 'k' } });",
        "// @ts-expect-error xpay has no providerOptions.invoiceId",
        "void xpay.refunds.create({ paymentId: 'in_1', providerOptions: { invoiceId: 'x' } });",
        "// @ts-expect-error providerOptions must be an object",
        "void push.refunds.create({ paymentId: 'intent_1', providerOptions: 'fast' });",
        '',
      ].join('\n'));
      writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true },
        files: ['options.ts'],
      }));
      const result = tsc(`${dir}/tsconfig.json`);
      expect(result.stdout + result.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
