/**
 * "A second HMAC vendor is data": SigPay (test/fixtures/hmac-vendor/), which signs
 * `<unix seconds>.<body>` and sends `X-Timestamp` and `X-Signature: sha256=<hex>`, is added to a
 * scratch copy as files only. It generates; its client signs exactly what an independent node:crypto
 * computation expects; its fake (the same recipe, verified) accepts that and refuses wrong ones; the
 * facade refunds through it. Recipes that cannot work are refused at load with a one-line message.
 */
import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadProjectConfig } from '../generator/config.js';
import { PaykitError } from '../generator/errors.js';
import { REPO, copyProject, paykit } from './helpers/project-copy.js';
import { startRecordingServer } from './helpers/recording-server.js';

const FIXTURE = join(REPO, 'test/fixtures/hmac-vendor');
const ID = 'sigpay';
const PATH = '/v2/charges/refunds';

type Post = (path: string, init: { body: unknown; parseAs?: 'text' }) => Promise<{ response: Response }>;
type ClientFactory = (options: { credentials: Record<string, string>; baseUrl: string; now?: () => Date }) => { POST: Post };
interface Fake { baseUrl: string; credentials: Record<string, string>; payments: { paymentId: string }[]; refunds(): unknown[]; close(): Promise<void> }

let dir = '';
let generate = { status: null as number | null, stdout: '', stderr: '' };
const closers: (() => Promise<void>)[] = [];
const load = async <T>(file: string) => (await import(/* @vite-ignore */ pathToFileURL(join(dir, file)).href)) as T;

beforeAll(() => {
  dir = copyProject({ generated: true });
  cpSync(join(FIXTURE, 'specs'), join(dir, 'specs'), { recursive: true });
  writeFileSync(join(dir, 'specs/providers.yaml'), readFileSync(join(dir, 'specs/providers.yaml'), 'utf8') + readFileSync(join(FIXTURE, 'providers-entry.yaml'), 'utf8'));
  generate = paykit(dir, 'generate');
  if (generate.status !== 0) return;
  // Resolve the generated packages and openapi-fetch the way an installed project would.
  mkdirSync(join(dir, 'node_modules/@paykit'), { recursive: true });
  for (const pkg of readdirSync(join(dir, 'generated')).filter((n) => statSync(join(dir, 'generated', n)).isDirectory())) {
    symlinkSync(join(dir, 'generated', pkg), join(dir, 'node_modules/@paykit', pkg));
  }
  symlinkSync(join(REPO, 'node_modules/openapi-fetch'), join(dir, 'node_modules/openapi-fetch'));
}, 120_000);

afterEach(async () => { await Promise.all(closers.splice(0).map((close) => close())); });
afterAll(() => { if (dir !== '') rmSync(dir, { recursive: true, force: true }); });

const clientFactory = async () => (await load<Record<string, ClientFactory>>(`generated/${ID}/dist/index.js`)).createSigpayClient!;
async function fake(): Promise<Fake> {
  const { startFake } = await load<{ startFake: (id: string) => Promise<Fake> }>('generated/refunds/dist/testing/index.js');
  const started = await startFake(ID);
  closers.push(() => started.close());
  return started;
}

describe('a second HMAC vendor added as data (timestamp.body, sha256=<hex>)', () => {
  it('generates', () => {
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
  });

  it('its client sends X-Timestamp (Unix seconds) and X-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">', async () => {
    const server = await startRecordingServer(() => ({ status: 201, body: '{}' }));
    closers.push(server.close);
    const now = new Date('2024-05-27T10:00:00.987Z');
    const client = (await clientFactory())({ credentials: { signingSecret: 'whsec_test' }, baseUrl: server.url, now: () => now });
    await client.POST(PATH, { body: { charge: 'ch_1', amount_minor: 250 } });
    const [request] = server.requests;
    expect(request!.body).toBe('{"charge":"ch_1","amount_minor":250}');
    expect(request!.headers['x-timestamp']).toBe('1716804000');
    const expected = createHmac('sha256', 'whsec_test').update(`1716804000.${request!.body}`).digest('hex');
    expect(request!.headers['x-signature']).toBe(`sha256=${expected}`);
    // The signing secret is never sent, and nothing else is added.
    expect(JSON.stringify(request!.headers)).not.toContain('whsec_test');
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('its fake accepts the client\'s signature and refuses a wrong secret, a tampered body and a stale timestamp', async () => {
    const running = await fake();
    const factory = await clientFactory();
    const body = { charge: running.payments[0]!.paymentId, amount_minor: 1 };
    const send = (credentials: Record<string, string>, now = () => new Date()) => factory({ credentials, baseUrl: running.baseUrl, now }).POST(PATH, { body, parseAs: 'text' });
    expect((await send(running.credentials)).response.status).toBe(201);
    expect((await send({ signingSecret: `${running.credentials.signingSecret}x` })).response.status).toBe(401);
    expect((await send(running.credentials, () => new Date(Date.now() - 10 * 60_000))).response.status).toBe(401);
    // A correct signature of another body.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', running.credentials.signingSecret!).update(`${timestamp}.{}`).digest('hex');
    const tampered = await fetch(`${running.baseUrl}${PATH}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': `sha256=${signature}` }, body: JSON.stringify(body),
    });
    expect(tampered.status).toBe(401);
    expect(running.refunds()).toHaveLength(1);
  });

  it('the facade refunds through it (its ./auth export signs the facade\'s own requests)', async () => {
    const running = await fake();
    const { createRefundsClient } = await load<{ createRefundsClient: (o: object) => { refunds: { create(i: object): Promise<{ status: string }> } } }>('generated/refunds/dist/index.js');
    const client = createRefundsClient({ provider: ID, credentials: running.credentials, baseUrl: running.baseUrl, maxRetries: 0 });
    const refund = await client.refunds.create({ paymentId: running.payments[0]!.paymentId, amount: { value: 100, currency: 'USD' } });
    expect(['succeeded', 'pending']).toContain(refund.status);
    await expect(createRefundsClient({ provider: ID, credentials: { signingSecret: 'wrong' }, baseUrl: running.baseUrl, maxRetries: 0 })
      .refunds.create({ paymentId: running.payments[0]!.paymentId })).rejects.toMatchObject({ code: 'authentication_failed' });
  });
});

describe('signing recipes that cannot work are refused at load', () => {
  const withRecipe = (edit: (auth: Record<string, any>) => void): PaykitError => {
    const file = join(dir, 'specs/providers.yaml');
    const original = readFileSync(file, 'utf8');
    const config = parse(original) as { providers: Record<string, { auth: Record<string, any> }> };
    edit(config.providers[ID]!.auth);
    writeFileSync(file, stringify(config));
    try {
      loadProjectConfig(dir);
    } catch (error) {
      return error as PaykitError;
    } finally {
      writeFileSync(file, original);
    }
    throw new Error('the recipe was accepted');
  };

  it.each([
    ['a placeholder that names no value', (a: Record<string, any>) => { a.sign.message = '{timestamp}.{payload}'; }, `/providers/${ID}/auth/sign/message`, /\{payload\}/],
    ['the signing key sent in a header', (a: Record<string, any>) => { a.headers['X-Key'] = '{signingSecret}'; }, `/providers/${ID}/auth/headers/X-Key`, /signing key/],
    ['no header carries the signature', (a: Record<string, any>) => { a.headers['X-Signature'] = 'sha256'; }, `/providers/${ID}/auth/headers`, /no \{signature\}/],
    ['a signed timestamp no header sends', (a: Record<string, any>) => { delete a.headers['X-Timestamp']; }, `/providers/${ID}/auth/headers`, /timestamp/],
    ['a key that is no credential', (a: Record<string, any>) => { a.sign.key = 'secret'; }, `/providers/${ID}/auth/sign/key`, /does not declare/],
    ['a header name that is no HTTP token', (a: Record<string, any>) => { a.headers['X Sig'] = '{signature}'; }, `/providers/${ID}/auth/headers`, /X Sig|must/],
    ['a stray brace', (a: Record<string, any>) => { a.headers['X-Signature'] = 'sha256={signature'; }, `/providers/${ID}/auth/headers/X-Signature`, /placeholder/],
  ])('%s', (_what, edit, pointer, problem) => {
    const error = withRecipe(edit);
    expect(error).toBeInstanceOf(PaykitError);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain(`specs/providers.yaml#${pointer}`);
    expect(error.message).toMatch(problem);
    expect(error.message).not.toContain('whsec');
  });
});
