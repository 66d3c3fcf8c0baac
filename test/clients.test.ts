/**
 * Each generated client sends one real request over loopback; the server records it and the test
 * checks method, path, headers, authentication and body. The onekeypayments signature is checked
 * against an independent node:crypto computation.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createOnekeypaymentsClient } from '@paykit/onekeypayments';
import { createPayopClient } from '@paykit/payop';
import { createPushClient } from '@paykit/push';
import { createWooshpayClient } from '@paykit/wooshpay';
import { createXpayClient } from '@paykit/xpay';
import { startRecordingServer, type CannedResponse } from './helpers/recording-server.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function serve(answer: CannedResponse) {
  const server = await startRecordingServer(() => answer);
  close = server.close;
  return server;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('generated provider clients', () => {
  it('push sends a bearer token and the JSON body to POST /refund', async () => {
    const server = await serve({ status: 200, body: JSON.stringify({ id: 'refund_1', intent_id: 'intent_1', amount: 1450, currency: 'USD', status: 'approved', created_at: '2024-01-01T00:00:00.000Z' }) });
    const client = createPushClient({ credentials: { apiKey: 'pk_live_secret' }, baseUrl: server.url });
    const { data, response } = await client.POST('/refund', { body: { intent_id: 'intent_1', amount: 1450 } });
    expect(response.status).toBe(200);
    expect(data?.status).toBe('approved');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/refund' });
    expect(request!.headers.authorization).toBe('Bearer pk_live_secret');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ intent_id: 'intent_1', amount: 1450 });
  });

  it('wooshpay sends basic auth with the secret key as user and an empty password', async () => {
    const server = await serve({ status: 200, body: '{"id":"re_1","object":"refund","status":"succeeded"}' });
    const client = createWooshpayClient({ credentials: { secretKey: 'sk_test_abc' }, baseUrl: server.url });
    await client.POST('/v1/refunds', { body: { payment_intent: 'pi_1', amount: '500', metadata: { order: 'A-17' }, reason: 'duplicate' } });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/refunds' });
    expect(request!.headers.authorization).toBe(basic('sk_test_abc', ''));
    expect(JSON.parse(request!.body)).toEqual({ payment_intent: 'pi_1', amount: '500', metadata: { order: 'A-17' }, reason: 'duplicate' });
  });

  it('xpay sends basic auth public:secret and the Idempotency-Key header', async () => {
    const server = await serve({ status: 200, body: '{"refundId":"rf_1","intentId":"in_1","amount":200,"currency":"USD","refundedAt":1727340330123}' });
    const client = createXpayClient({ credentials: { publicKey: 'pub_1', secretKey: 'sec_2' }, baseUrl: server.url });
    await client.POST('/payments/merchant/refund', {
      params: { header: { 'Idempotency-Key': 'key-123' } },
      body: { xIntentId: 'in_1', amount: '200', refundReferenceId: 're123' },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/payments/merchant/refund' });
    expect(request!.headers.authorization).toBe(basic('pub_1', 'sec_2'));
    expect(request!.headers['idempotency-key']).toBe('key-123');
    expect(JSON.parse(request!.body)).toEqual({ xIntentId: 'in_1', amount: '200', refundReferenceId: 're123' });
  });

  it('payop sends the JWT as a bearer token; the refund id comes back in the identifier header', async () => {
    const server = await serve({ status: 200, headers: { identifier: '81962ed0-a65c-4d1a-851b-b3dbf9750399' }, body: '{"data":"","status":1}' });
    const client = createPayopClient({ credentials: { token: 'eyJhbGciOi.jwt.sig' }, baseUrl: server.url });
    const { data, response } = await client.POST('/v1/refunds/create', {
      body: { transactionIdentifier: 'd839c714-7743-47cf-8f9d-73592597c6e1', refundType: 2, amount: 10, metadata: { 'internal merchant id': 'example' } },
    });
    expect(data).toEqual({ data: '', status: 1 });
    expect(response.headers.get('identifier')).toBe('81962ed0-a65c-4d1a-851b-b3dbf9750399');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/refunds/create' });
    expect(request!.headers.authorization).toBe('Bearer eyJhbGciOi.jwt.sig');
  });

  it('onekeypayments signs X-Date + X-Login + the exact body with HMAC-SHA256', async () => {
    const server = await serve({ status: 200, body: '{"refund_id":"1","refund_info":{"result":"SUCCESS"}}' });
    const now = new Date('2024-05-27T10:00:00.123Z');
    const client = createOnekeypaymentsClient({ credentials: { login: 'merchant-login', secretKey: 's3cr3t' }, baseUrl: server.url, now: () => now });
    await client.POST('/v3/refunds', {
      params: { header: { 'X-Idempotency-Key': 'idem-1' } },
      body: { deposit_id: 3000001, invoice_id: 'inv-1001', amount: 14.5 },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v3/refunds' });
    expect(request!.headers['x-date']).toBe('2024-05-27T10:00:00Z');
    expect(request!.headers['x-login']).toBe('merchant-login');
    expect(request!.headers['x-idempotency-key']).toBe('idem-1');
    const expected = createHmac('sha256', 's3cr3t').update('2024-05-27T10:00:00Z' + 'merchant-login' + request!.body).digest('hex');
    expect(request!.headers.authorization).toBe(`V2-HMAC-SHA256, Signature: ${expected}`);
    expect(request!.body).toBe('{"deposit_id":3000001,"invoice_id":"inv-1001","amount":14.5}');
  });

  it('onekeypayments signs each request anew: another body, another signature, each the HMAC of its own body', async () => {
    const server = await serve({ status: 200, body: '{}' });
    const now = new Date('2024-05-27T10:00:00Z');
    const client = createOnekeypaymentsClient({ credentials: { login: 'l', secretKey: 'k' }, baseUrl: server.url, now: () => now });
    await client.POST('/v3/refunds', { body: { deposit_id: 1, invoice_id: 'i' } });
    await client.POST('/v3/refunds', { body: { deposit_id: 2, invoice_id: 'i' } });
    const [first, second] = server.requests.map((r) => ({ body: r.body, authorization: r.headers.authorization }));
    for (const r of [first!, second!]) {
      expect(r.authorization).toBe(`V2-HMAC-SHA256, Signature: ${createHmac('sha256', 'k').update(`2024-05-27T10:00:00Zl${r.body}`).digest('hex')}`);
    }
    expect(first!.authorization).not.toBe(second!.authorization);
  });
});
