/**
 * `npm run sandbox` (node --import tsx scripts/sandbox.ts [--base-port 4010]): starts a fake
 * (@paykit/refunds/testing) of every provider in specs/providers.yaml that the facade maps, on
 * consecutive 127.0.0.1 ports in providers.yaml order, prints how to reach each, stops on SIGINT/SIGTERM.
 * The credentials printed are the fakes' own test credentials, not real secrets.
 */
import type { ProviderId } from '@paykit/refunds';
import { startFake, type Fake } from '@paykit/refunds/testing';
import { loadProjectConfig } from '../generator/config.ts';

const root = new URL('../', import.meta.url).pathname;
const providerIds = loadProjectConfig(root).providers.filter((p) => p.mapping !== undefined).map((p) => p.id as ProviderId);

function basePortFromArgs(argv: string[]): number {
  let value: string | undefined;
  for (const [i, arg] of argv.entries()) {
    if (arg === '--base-port') value = argv[i + 1];
    else if (arg.startsWith('--base-port=')) value = arg.slice('--base-port='.length);
  }
  if (value === undefined) return 4010;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535 - providerIds.length) {
    console.error(`sandbox: --base-port must be an integer from 1 to ${65535 - providerIds.length}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return port;
}

const basePort = basePortFromArgs(process.argv.slice(2));
const fakes: Fake[] = [];
try {
  for (const [i, id] of providerIds.entries()) fakes.push(await startFake(id, { port: basePort + i }));
} catch (err) {
  await Promise.all(fakes.map((f) => f.close()));
  console.error(`sandbox: could not start on ports ${basePort}..${basePort + providerIds.length - 1}: ${(err as Error).message}`);
  process.exit(1);
}

const width = Math.max(...providerIds.map((id) => id.length));
for (const fake of fakes) {
  const creds = Object.entries(fake.credentials).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  const pays = fake.payments.map((p) => {
    const options = p.providerOptions === undefined ? '' : ` providerOptions=${JSON.stringify(p.providerOptions)}`;
    return `${p.paymentId} (${p.amount.value} ${p.amount.currency} minor, refunds ${p.refundStatus}${options})`;
  }).join(', ');
  console.log(`${fake.provider.padEnd(width)}  ${fake.baseUrl}  credentials: ${creds}  payments: ${pays}`);
}
console.log('Use each line\'s URL as createRefundsClient\'s baseUrl with its credentials. Ctrl-C to stop.');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(fakes.map((f) => f.close()));
  console.log(`sandbox: stopped (${signal})`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
