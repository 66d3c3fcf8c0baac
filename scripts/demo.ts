/**
 * `npm run demo`: starts a fake of every provider in specs/providers.yaml that the facade maps
 * (@paykit/refunds/testing, on loopback) and creates one partial refund on each through
 * @paykit/refunds, printing what the facade returned. No network beyond 127.0.0.1.
 */
import { createRefundsClient, RefundError, type ProviderId } from '@paykit/refunds';
import { startFake, type Fake } from '@paykit/refunds/testing';
import { loadProjectConfig } from '../generator/config.ts';

const root = new URL('../', import.meta.url).pathname;
const providers = loadProjectConfig(root).providers.filter((p) => p.mapping !== undefined).map((p) => p.id as ProviderId);
const width = Math.max(...providers.map((id) => id.length));

const fakes: Fake[] = [];
let failures = 0;
try {
  for (const provider of providers) {
    const fake = await startFake(provider);
    fakes.push(fake);
    const payment = fake.payments[0]!;
    const client = createRefundsClient({ provider, credentials: fake.credentials as never, baseUrl: fake.baseUrl });
    try {
      const refund = await client.refunds.create({
        paymentId: payment.paymentId,
        amount: { value: Math.floor(payment.amount.value / 4), currency: payment.amount.currency },
        reference: `demo-${provider}`,
        ...(payment.providerOptions === undefined ? {} : { providerOptions: payment.providerOptions }),
      } as never);
      const amount = refund.amount === undefined ? 'amount not reported' : `${refund.amount.value} ${refund.amount.currency} (minor units)`;
      console.log(`${provider.padEnd(width)}  ${refund.status.padEnd(10)} ${refund.id}  ${amount}${refund.createdAt === undefined ? '' : `  at ${refund.createdAt}`}`);
    } catch (error) {
      failures++;
      console.log(`${provider.padEnd(width)}  error      ${error instanceof RefundError ? `${error.code}: ${error.message}` : String(error)}`);
    }
  }
} finally {
  await Promise.all(fakes.map((f) => f.close()));
}
process.exitCode = failures === 0 ? 0 : 1;
