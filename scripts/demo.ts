/**
 * `npm run demo`: starts the five sandboxes on loopback and creates one refund on each through
 * @paykit/refunds, printing what the facade returned. No network beyond 127.0.0.1.
 */
import { createRefundsClient, RefundError, type CreateRefundInputByProvider, type ProviderId } from '@paykit/refunds';
import { providers, startSandbox, type Sandbox } from '../test/sandboxes/index.ts';

/** One refund per provider, against the sandboxes' seeded payments. */
const requests: { [P in ProviderId]: CreateRefundInputByProvider[P] } = {
  push: { paymentId: providers.push.payments.approved.id, amount: { value: 1450, currency: 'USD' }, reference: 'demo-push' },
  wooshpay: { paymentId: providers.wooshpay.payments.usd.id, amount: { value: 500, currency: 'USD' }, reason: 'requested_by_customer', metadata: { order: 'A-17' } },
  onekeypayments: {
    paymentId: String(providers.onekeypayments.payments.card.id),
    amount: { value: 1450, currency: 'MXN' },
    providerOptions: { invoiceId: String(providers.onekeypayments.payments.card.invoiceId) },
  },
  xpay: { paymentId: providers.xpay.payments.usd.id, amount: { value: 2000, currency: 'USD' }, reference: 'demo-xpay-17' },
  payop: { paymentId: providers.payop.payments.eur.id, amount: { value: 1000, currency: 'EUR' }, metadata: { order: 'A-17' } },
};

const sandboxes: Sandbox[] = [];
let failures = 0;
try {
  for (const provider of Object.keys(requests) as ProviderId[]) {
    const sandbox = await startSandbox(provider);
    sandboxes.push(sandbox);
    const client = createRefundsClient({ provider, credentials: providers[provider].credentials as never, baseUrl: sandbox.url });
    try {
      const refund = await client.refunds.create(requests[provider] as never);
      const amount = refund.amount === undefined ? 'amount not reported' : `${refund.amount.value} ${refund.amount.currency} (minor units)`;
      console.log(`${provider.padEnd(15)} ${refund.status.padEnd(10)} ${refund.id}  ${amount}${refund.createdAt === undefined ? '' : `  at ${refund.createdAt}`}`);
    } catch (error) {
      failures++;
      console.log(`${provider.padEnd(15)} error      ${error instanceof RefundError ? `${error.code}: ${error.message}` : String(error)}`);
    }
  }
} finally {
  await Promise.all(sandboxes.map((s) => s.close()));
}
process.exitCode = failures === 0 ? 0 : 1;
