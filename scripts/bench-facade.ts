/**
 * `npm run bench:facade [-- --provider <id>]`: 2,000 refunds.create calls against a provider's fake
 * (`@paykit/refunds/testing`) through the facade, and the same 2,000 requests through the bare
 * generated openapi-fetch client, measured in the same run (alternating rounds, median). Prints the
 * ratio (target ≤ 1.05, issue 12) and the min+gzip size of the facade bundled for that provider
 * (target ≤ 8 kB, issue 12; 10 kB, issue 10). The provider: `--provider`, else the first one in
 * specs/providers.yaml with bearer auth and a mapping.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createRefundsClient, type ProviderId } from '@paykit/refunds';
import { startFake, type Fake } from '@paykit/refunds/testing';
import { loadProjectConfig, PROVIDERS_FILE } from '../generator/config.ts';
import { measureProviderBundle } from './bundle-size.ts';
import { rerunOnEachNode } from './bench/node-binary.ts';

// `-- --node 24` (or PAYKIT_BENCH_NODE=24): the whole benchmark again on that node, both reported.
if (rerunOnEachNode()) process.exit();

const CALLS = 2_000;
const ROUNDS = 5;

/** `--provider <id>`, else the first bearer provider with a mapping, in providers.yaml's own order. */
function chooseProvider(argv: readonly string[]): ProviderId {
  const root = new URL('../', import.meta.url).pathname;
  const mapped = loadProjectConfig(root).providers.filter((p) => p.mapping !== undefined);
  const at = argv.indexOf('--provider');
  if (at !== -1) {
    const wanted = argv[at + 1];
    if (!mapped.some((p) => p.id === wanted)) {
      console.error(`bench-facade: --provider must name a provider with a mapping in ${PROVIDERS_FILE}: ${mapped.map((p) => p.id).join(', ')}`);
      process.exit(2);
    }
    return wanted as ProviderId;
  }
  const order = Object.keys((parse(readFileSync(`${root}${PROVIDERS_FILE}`, 'utf8')) as { providers: object }).providers);
  const first = order.find((id) => mapped.some((p) => p.id === id && p.auth.kind === 'bearer'));
  if (first === undefined) {
    console.error(`bench-facade: no provider with bearer auth and a mapping in ${PROVIDERS_FILE}; pass --provider <id>`);
    process.exit(2);
  }
  return first as ProviderId;
}

const provider = chooseProvider(process.argv.slice(2));
type Post = (path: string, init: { body: unknown }) => Promise<{ response: Response }>;
const providerModule = (await import(`@paykit/${provider}`)) as Record<string, unknown>;
// The package's client factory (`create<Name>Client`), found by shape, not by name.
const createRaw = Object.entries(providerModule).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === 'function')![1] as
  (options: { credentials: unknown; baseUrl: string }) => { POST: Post };

/** One refund of one minor unit of a seeded payment, as the facade's input. */
function refundInput(fake: Fake) {
  const payment = fake.payments[0]!;
  return {
    input: { paymentId: payment.paymentId, amount: { value: 1, currency: payment.amount.currency }, ...(payment.providerOptions === undefined ? {} : { providerOptions: payment.providerOptions }) },
    status: payment.refundStatus,
  };
}

function viaFacade(fake: Fake): () => Promise<void> {
  const client = createRefundsClient({ provider, credentials: fake.credentials, baseUrl: fake.baseUrl } as never);
  const { input, status } = refundInput(fake);
  return async () => {
    const refund = await client.refunds.create(input as never);
    if (refund.status !== status) throw new Error(`unexpected status ${refund.status}`);
  };
}

/** The bare client sends exactly the request the facade sends (captured once), so both do the same work. */
async function viaRawClient(fake: Fake): Promise<() => Promise<void>> {
  let captured: { path: string; body: unknown } | undefined;
  const capture = async (request: Request) => {
    captured = { path: new URL(request.url).pathname, body: JSON.parse(await request.clone().text()) as unknown };
    return fetch(request);
  };
  const facade = createRefundsClient({ provider, credentials: fake.credentials, baseUrl: fake.baseUrl, fetch: capture } as never);
  await facade.refunds.create(refundInput(fake).input as never);
  const { path, body } = captured!;
  const raw = createRaw({ credentials: fake.credentials, baseUrl: fake.baseUrl });
  return async () => {
    const { response } = await raw.POST(path, { body });
    if (!response.ok) throw new Error(`unexpected HTTP ${response.status}`);
  };
}

/** Each batch gets a fresh fake, so its ledger never runs out of refundable amount. */
async function timeBatch(make: (fake: Fake) => (() => Promise<void>) | Promise<() => Promise<void>>): Promise<number> {
  const fake = await startFake(provider);
  try {
    const call = await make(fake);
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) await call();
    return performance.now() - started;
  } finally {
    await fake.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
console.log(`${CALLS} refunds.create against the ${provider} fake, median of ${ROUNDS} rounds (same run):`);
console.log(`  baseline: bare openapi-fetch client (@paykit/${provider})  ${r.toFixed(0)} ms  (${(r / CALLS).toFixed(3)} ms/call)`);
console.log(`  paykit:   @paykit/refunds facade                   ${f.toFixed(0)} ms  (${(f / CALLS).toFixed(3)} ms/call)`);
console.log(`  ratio facade / baseline: ${(f / r).toFixed(3)}  (target ≤ 1.05)`);

const bundle = await measureProviderBundle(provider);
console.log(`facade + ${provider} bundled with esbuild (minified, code-split): ${(bundle.gzipBytes / 1000).toFixed(2)} kB min+gzip` +
  ` (${(bundle.gzipBytesPerChunk / 1000).toFixed(2)} kB gzipping each of ${bundle.chunks.length} chunks separately); target ≤ 8 kB`);
console.log(`  provider packages in the bundle: ${bundle.providerPackages.join(', ')}`);
