/**
 * `npm run bench:facade`: 2,000 refunds.create calls against the push sandbox through the facade,
 * and the same 2,000 calls through the bare generated openapi-fetch client, measured in the same
 * run (alternating rounds, median). Prints the ratio (target ≤ 1.05, issue 12) and the min+gzip size
 * of the facade bundled for one provider (target ≤ 10 kB, issue 10; 8 kB, issue 12).
 */
import { createPushClient } from '@paykit/push';
import { createRefundsClient } from '@paykit/refunds';
import { push, startSandbox } from '../test/sandboxes/index.ts';
import { measureProviderBundle } from './bundle-size.ts';
import { rerunOnEachNode } from './bench/node-binary.ts';

// `-- --node 24` (or PAYKIT_BENCH_NODE=24): the whole benchmark again on that node, both reported.
if (rerunOnEachNode()) process.exit();

const CALLS = 2_000;
const ROUNDS = 5;

const sandbox = await startSandbox('push');
const facade = createRefundsClient({ provider: 'push', credentials: push.credentials, baseUrl: sandbox.url });
const raw = createPushClient({ credentials: push.credentials, baseUrl: sandbox.url });
const intent = push.payments.approved.id;

async function viaFacade(): Promise<void> {
  const refund = await facade.refunds.create({ paymentId: intent, amount: { value: 1, currency: 'USD' } });
  if (refund.status !== 'succeeded') throw new Error(`unexpected status ${refund.status}`);
}

async function viaRawClient(): Promise<void> {
  const { data, error } = await raw.POST('/refund', { body: { intent_id: intent, amount: 1 } });
  if (error !== undefined || data?.status !== 'approved') throw new Error('unexpected answer');
}

async function timeBatch(call: () => Promise<void>): Promise<number> {
  sandbox.reset();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  await timeBatch(viaFacade); // warm-up: JIT, lazy shim load, sockets
  await timeBatch(viaRawClient);
  const facadeTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    facadeTimes.push(await timeBatch(viaFacade));
    rawTimes.push(await timeBatch(viaRawClient));
  }
  const f = median(facadeTimes);
  const r = median(rawTimes);
  console.log(`${CALLS} refunds.create against the push sandbox, median of ${ROUNDS} rounds (same run):`);
  console.log(`  baseline: bare openapi-fetch client (@paykit/push)  ${r.toFixed(0)} ms  (${(r / CALLS).toFixed(3)} ms/call)`);
  console.log(`  paykit:   @paykit/refunds facade                   ${f.toFixed(0)} ms  (${(f / CALLS).toFixed(3)} ms/call)`);
  console.log(`  ratio facade / baseline: ${(f / r).toFixed(3)}  (target ≤ 1.05)`);
} finally {
  await sandbox.close();
}

const bundle = await measureProviderBundle('push');
console.log(`facade + push bundled with esbuild (minified, code-split): ${(bundle.gzipBytes / 1000).toFixed(2)} kB min+gzip` +
  ` (${(bundle.gzipBytesPerChunk / 1000).toFixed(2)} kB gzipping each of ${bundle.chunks.length} chunks separately); target ≤ 10 kB`);
console.log(`  provider packages in the bundle: ${bundle.providerPackages.join(', ')}`);
