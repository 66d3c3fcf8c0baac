/**
 * Test-side clients for the sandboxes: build each provider's authenticated request independently of the
 * server code (own base64, own HMAC), so the tests check the server against the vendor documents.
 */
import { createHmac } from 'node:crypto';
import type { ProviderId, Sandbox } from './core.ts';
import * as push from './push.ts';
import * as wooshpay from './wooshpay.ts';
import * as onekeypayments from './onekeypayments.ts';
import * as xpay from './xpay.ts';
import * as payop from './payop.ts';

export type Auth = 'good' | 'bad' | 'none';
export interface SendOptions {
  auth?: Auth;
  headers?: Record<string, string>;
  /** Abort after this many ms. */
  timeoutMs?: number;
  /** onekeypayments: X-Date to sign with (default now). */
  xDate?: string;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export function okpHeaders(bodyText: string, opts: { login?: string; secretKey?: string; xDate?: string } = {}): Record<string, string> {
  const xDate = opts.xDate ?? new Date().toISOString().slice(0, 19) + 'Z';
  const login = opts.login ?? onekeypayments.credentials.login;
  const hex = createHmac('sha256', opts.secretKey ?? onekeypayments.credentials.secretKey).update(xDate + login + bodyText).digest('hex');
  return { 'X-Date': xDate, 'X-Login': login, Authorization: `V2-HMAC-SHA256, Signature: ${hex}` };
}

function authHeaders(provider: ProviderId, auth: Auth, bodyText: string, xDate?: string): Record<string, string> {
  if (auth === 'none') return {};
  const bad = auth === 'bad';
  switch (provider) {
    case 'push': return { Authorization: `Bearer ${bad ? 'push_test_key_wrong' : push.credentials.apiKey}` };
    case 'wooshpay': return { Authorization: basic(bad ? 'sk_test_wrong' : wooshpay.credentials.secretKey, '') };
    case 'onekeypayments': return okpHeaders(bodyText, { secretKey: bad ? 'wrong-secret' : onekeypayments.credentials.secretKey, ...(xDate ? { xDate } : {}) });
    case 'xpay': return { Authorization: basic(xpay.credentials.publicKey, bad ? 'xpay_sk_wrong' : xpay.credentials.secretKey) };
    case 'payop': return { Authorization: `Bearer ${bad ? 'eyJ.wrong.token' : payop.credentials.token}` };
  }
}

/** POSTs `body` (an object is JSON-encoded; a string is sent verbatim) to the provider's refund route. */
export async function send(sb: Sandbox, body: unknown, opts: SendOptions = {}): Promise<Response> {
  const provider = sb.provider as ProviderId;
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  const path = routes[provider];
  return fetch(sb.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders(provider, opts.auth ?? 'good', bodyText, opts.xDate), ...opts.headers },
    body: bodyText,
    ...(opts.timeoutMs ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {}),
  });
}

export async function jsonOf(res: Response): Promise<any> {
  return JSON.parse(await res.text());
}

const routes: Record<ProviderId, string> = {
  push: '/refund',
  wooshpay: '/v1/refunds',
  onekeypayments: '/v3/refunds',
  xpay: '/payments/merchant/refund',
  payop: '/v1/refunds/create',
};

/** A valid partial refund of 10.00 (1000 minor units) per provider, and its payment id. */
export const samples: Record<ProviderId, { body: Record<string, unknown>; paymentId: string; amountMinor: number }> = {
  push: { body: { intent_id: push.payments.approved.id, amount: 1000 }, paymentId: push.payments.approved.id, amountMinor: 1000 },
  wooshpay: { body: { payment_intent: wooshpay.payments.usd.id, amount: '1000' }, paymentId: wooshpay.payments.usd.id, amountMinor: 1000 },
  onekeypayments: { body: { deposit_id: 3000001, invoice_id: 'inv-1001', amount: 10 }, paymentId: '3000001', amountMinor: 1000 },
  xpay: { body: { xIntentId: xpay.payments.usd.id, amount: '1000' }, paymentId: xpay.payments.usd.id, amountMinor: 1000 },
  payop: { body: { transactionIdentifier: payop.payments.eur.id, refundType: 2, amount: 10, metadata: {} }, paymentId: payop.payments.eur.id, amountMinor: 1000 },
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
