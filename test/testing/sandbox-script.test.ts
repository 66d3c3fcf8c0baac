/** scripts/sandbox.ts (npm run sandbox): a fake of every mapped provider in specs/providers.yaml, on fixed ports. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRefundsClient, type ProviderId } from '@paykit/refunds';
import { startFake } from '@paykit/refunds/testing';
import { REPO } from '../helpers/project-copy.js';
import { providerIds } from './providers.js';

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

async function waitFor(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run sandbox', () => {
  it('starts a fake per provider on consecutive ports, prints them, each refunds through the facade, stops on SIGTERM', async () => {
    const base = 41000 + Math.floor(Math.random() * 2000) * 10;
    const p = run(['--base-port', String(base)]);
    try {
      await waitFor(() => p.out().includes('Ctrl-C to stop'), 'the sandbox banner');
      const lines = p.out().trim().split('\n');
      expect(lines).toHaveLength(providerIds.length + 1);
      for (const [i, id] of providerIds.entries()) {
        const provider = id as ProviderId;
        const line = lines.find((l) => l.startsWith(`${id} `));
        expect(line, id).toContain(`http://127.0.0.1:${base + i} `);
        // The same seed data and credentials as an in-process fake of that provider.
        const reference = await startFake(provider);
        await reference.close();
        for (const payment of reference.payments) expect(line).toContain(payment.paymentId);
        for (const [name, value] of Object.entries(reference.credentials)) expect(line).toContain(`${name}=${String(value)}`);
        const payment = reference.payments[0]!;
        const client = createRefundsClient({ provider, credentials: reference.credentials as never, baseUrl: `http://127.0.0.1:${base + i}`, maxRetries: 0 });
        const refund = await client.refunds.create({
          paymentId: payment.paymentId, amount: { value: 100, currency: payment.amount.currency },
          ...(payment.providerOptions === undefined ? {} : { providerOptions: payment.providerOptions }),
        } as never);
        expect(refund.status, id).toBe(payment.refundStatus);
      }
    } finally {
      p.child.kill('SIGTERM');
    }
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('stopped (SIGTERM)');
  });

  it('refuses a bad --base-port', async () => {
    const p = run(['--base-port=abc']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain('--base-port');
  });

  it('fails with a one-line message when a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const p = run(['--base-port', String(port)]);
      expect(await p.exited).toBe(1);
      expect(p.err()).toMatch(/^sandbox: could not start on ports .*EADDRINUSE.*\n$/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
