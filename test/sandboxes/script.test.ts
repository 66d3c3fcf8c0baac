/** scripts/sandbox.ts (npm run sandbox) and fixed-port start-up. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { providerIds, providers, startSandbox } from './index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run sandbox', () => {
  it('starts all providers on consecutive ports, prints them, stops on SIGTERM', async () => {
    const base = 41000 + Math.floor(Math.random() * 2000) * 5;
    const p = run(['--base-port', String(base)]);
    try {
      await waitFor(() => p.out().includes('control:'));
      const lines = p.out().trim().split('\n');
      for (const [i, id] of providerIds.entries()) {
        const line = lines.find((l) => l.startsWith(`${id} `));
        expect(line, id).toContain(`http://127.0.0.1:${base + i}`);
        for (const payment of Object.values(providers[id].payments)) expect(line).toContain(payment.id);
        for (const name of Object.keys(providers[id].credentials)) expect(line).toContain(`${name}=`);
      }
      const ledger = await fetch(`http://127.0.0.1:${base + 1}/__sandbox/ledger`).then((r) => r.json());
      expect(ledger).toEqual({ provider: 'wooshpay', ledger: [] });
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
});

describe('startSandbox on a fixed port', () => {
  it('uses the port, and rejects when the port is taken', async () => {
    const a = await startSandbox('push');
    try {
      await expect(startSandbox('xpay', { port: a.port })).rejects.toThrow(/EADDRINUSE/);
      await a.close();
      const b = await startSandbox('xpay', { port: a.port });
      expect(b.url).toBe(`http://127.0.0.1:${a.port}`);
      await b.close();
    } finally {
      await a.close(); // idempotent
    }
  });
});
