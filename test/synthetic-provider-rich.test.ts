/**
 * The richer mapping language, proved on a synthetic provider added as files to a scratch copy
 * (test/fixtures/synthetic-provider-rich/): BrightPay takes the merchant and the payment in the
 * path, the caller's reference in the query, and a nested body `{ refund: { amount, currency } }`
 * whose currency is a lower-case enum; its mapping reads responses and errors through
 * `all` / `any` / `not` conditions. It generates, type-checks, and a probe (probe.mjs) sends
 * refunds through the facade to its fake, recording every request the facade makes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, copyProject, paykit } from './helpers/project-copy.js';
import { linkWorkspaces } from './helpers/workspaces.js';

const FIXTURE = join(REPO, 'test/fixtures/synthetic-provider-rich');
const ID = 'brightpay';

interface Sent { method: string; url: string; body: string }
interface Call { refund?: { status: string; amount: { value: number; currency: string }; reference?: string }; error?: { code: string; message: string }; sent: Sent[] }
interface Report { baseUrl: string; payments: { paymentId: string; amount: { value: number; currency: string }; providerOptions: { merchant: string }; refundStatus: string }[]; calls: Record<string, Call>; ledger: unknown[] }

function run(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, out: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

describe(`path, query, nested body, currency and composite conditions (${ID})`, () => {
  let dir = '';
  let generate = { status: null as number | null, stdout: '', stderr: '' };
  let report: Report | undefined;
  let probe = '';

  beforeAll(() => {
    dir = copyProject({ generated: true });
    cpSync(join(FIXTURE, 'specs'), join(dir, 'specs'), { recursive: true });
    writeFileSync(join(dir, 'specs/providers.yaml'), readFileSync(join(dir, 'specs/providers.yaml'), 'utf8') + readFileSync(join(FIXTURE, 'providers-entry.yaml'), 'utf8'));
    generate = paykit(dir, 'generate');
    if (generate.status !== 0) return;
    linkWorkspaces(dir);
    cpSync(join(FIXTURE, 'probe.mjs'), join(dir, 'probe.mjs'));
    const result = run(dir, ['probe.mjs']);
    probe = result.out;
    if (result.status === 0) report = JSON.parse(result.stdout) as Report;
  }, 240_000);

  const call = (name: string): Call => {
    expect(report, probe.slice(-3000)).toBeDefined();
    return report!.calls[name]!;
  };
  const payment = (name: string) => {
    const sent = call(name).sent[0]!;
    return report!.payments.find((p) => sent.url.includes(`/payments/${p.paymentId}/`))!;
  };

  it('generates, and its package and the facade pass tsc --noEmit', () => {
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
    for (const pkg of [ID, 'refunds']) {
      const tsc = run(dir, [join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', `generated/${pkg}/tsconfig.json`]);
      expect(tsc.out, pkg).toBe('');
      expect(tsc.status, pkg).toBe(0);
    }
  }, 120_000);

  it('a EUR refund fills the path, URL-encodes the query and sends {"refund":{"amount":100,"currency":"eur"}}', () => {
    const eur = call('eurPartial');
    const p = payment('eurPartial');
    expect(eur.error).toBeUndefined();
    expect(eur.sent).toEqual([{
      method: 'POST',
      url: `${report!.baseUrl}/v3/merchants/${p.providerOptions.merchant}/payments/${p.paymentId}/refunds?client_ref=order+7%2F%C3%A4`,
      body: '{"refund":{"amount":100,"currency":"eur"}}',
    }]);
    expect(eur.refund).toMatchObject({ status: 'succeeded', amount: { value: 100, currency: 'EUR' }, reference: 'order 7/ä' });
  });

  it('sends the currency the caller gives (lower-cased), so a wrong one is the provider\'s to refuse, never replaced', () => {
    const wrong = call('eurWrongCurrency');
    expect(payment('eurWrongCurrency').amount.currency).toBe('EUR');
    expect(JSON.parse(wrong.sent[0]!.body)).toEqual({ refund: { amount: 100, currency: 'usd' } });
    expect(wrong.error?.code).toBe('invalid_request');
  });

  it('refuses a currency outside the spec\'s enum before sending, naming amount.currency', () => {
    const jpy = call('unsupportedCurrency');
    expect(jpy.sent).toEqual([]);
    expect(jpy.error?.code).toBe('invalid_request');
    expect(jpy.error?.message).toMatch(/amount\.currency JPY is not supported by brightpay \(supported: EUR, USD, GBP\)/);
  });

  it('reads errors through any / all+not conditions and a declined refund through not', () => {
    expect(call('tooMuch').error?.code).toBe('amount_exceeds_refundable');
    expect(call('usdRest').refund?.status).toBe('succeeded');
    expect(call('usdAgain').error?.code).toBe('already_refunded');
    // Only the second response rule (no reference) reads a declined refund: the first one's `not` held it off.
    expect(call('declined').refund?.status).toBe('failed');
    expect(call('declined').refund?.reference).toBeUndefined();
  });

  it('holds a query value to its parameter\'s schema (client_ref maxLength 40) before sending', () => {
    const long = call('longReference');
    expect(long.sent).toEqual([]);
    expect(long.error?.code).toBe('invalid_request');
    expect(long.error?.message).toMatch(/reference/);
    // The fake checks it too (its own answer to a request sent around the facade).
    expect((report as unknown as { fakeLongQuery: { status: number; body: { message: string } } }).fakeLongQuery).toMatchObject({ status: 409, body: { message: expect.stringMatching(/client_ref query parameter/) } });
  });

  it('URL-encodes a path parameter, and refuses "." and ".." (which URL parsing would resolve) before sending', () => {
    const slash = call('slashInId');
    expect(slash.sent[0]!.url).toContain('/payments/pay%2F..%2Fx%20y/refunds');
    expect(slash.error?.code).toBe('payment_not_found');
    const dots = call('dotDotId');
    expect(dots.sent).toEqual([]);
    expect(dots.error?.code).toBe('invalid_request');
  });
});
