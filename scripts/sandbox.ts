/**
 * `npm run sandbox` (node --import tsx scripts/sandbox.ts [--base-port 4010]):
 * starts the five provider sandboxes on 127.0.0.1, prints how to reach them, stops on SIGINT/SIGTERM.
 * The credentials printed are the sandboxes' own fake test credentials, not real secrets.
 */
import { providerIds, providers, startAllSandboxes } from '../test/sandboxes/index.ts';

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
let sandboxes: Awaited<ReturnType<typeof startAllSandboxes>>;
try {
  sandboxes = await startAllSandboxes(basePort);
} catch (err) {
  console.error(`sandbox: could not start on ports ${basePort}..${basePort + providerIds.length - 1}: ${(err as Error).message}`);
  process.exit(1);
}

const width = Math.max(...providerIds.map((id) => id.length));
for (const id of providerIds) {
  const mod = providers[id];
  const creds = Object.entries(mod.credentials).map(([k, v]) => `${k}=${v}`).join(' ');
  const pays = Object.entries(mod.payments).map(([name, p]) => `${name}=${p.id} (${p.amountMinor} ${p.currency} minor)`).join(', ');
  console.log(`${id.padEnd(width)}  ${sandboxes[id].url}  ${mod.route.method} ${mod.route.path}  credentials: ${creds}  payments: ${pays}`);
}
console.log(`control: GET /__sandbox/ledger | /__sandbox/requests | /__sandbox/info, POST /__sandbox/faults, POST /__sandbox/reset. Ctrl-C to stop.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(Object.values(sandboxes).map((s) => s.close()));
  console.log(`sandbox: stopped (${signal})`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
