/**
 * Every request the facade sends validates against the provider's normalized spec
 * (generated/<provider>/openapi.yaml): the JSON body against the operation's requestBody schema (ajv,
 * `$ref`s resolved inside the document, no undeclared properties), the headers against the header
 * parameters and the header-borne security schemes. Then Prism (`--errors`) mocks xpay and push from
 * their specs and the facade must get a Refund back from it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '@paykit/refunds';
import { providers } from '../sandboxes/index.ts';
import { cases, clientFor, providerIds, useSandbox } from './cases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const routes: Record<ProviderId, string> = {
  push: '/refund', wooshpay: '/v1/refunds', onekeypayments: '/v3/refunds', xpay: '/payments/merchant/refund', payop: '/v1/refunds/create',
};

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Inlines every local `$ref` (the specs have no cycles on the request side). */
function deref(node: Json, doc: Json, depth = 0): Json {
  if (depth > 50) throw new Error('ref cycle');
  if (Array.isArray(node)) return node.map((n) => deref(n, doc, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const target = (node.$ref as string).replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at: Json, key: string) => at?.[key], doc);
    if (target === undefined) throw new Error(`unresolved ${node.$ref}`);
    return deref(target, doc, depth + 1);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples' || k.startsWith('x-')) continue;
    out[k] = deref(v, doc, depth + 1);
  }
  return out;
}

interface OperationContract {
  body: ValidateFunction;
  declared: Set<string>;
  headers: { name: string; required: boolean; validate: ValidateFunction }[];
  securityHeaders: string[];
}

function contractFor(provider: ProviderId): OperationContract {
  const doc = parse(readFileSync(`${root}generated/${provider}/openapi.yaml`, 'utf8'));
  const op = deref(doc.paths[routes[provider]].post, doc);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
  const schema = op.requestBody.content['application/json'].schema;
  const params = [...(deref(doc.paths[routes[provider]].parameters ?? [], doc) as Json[]), ...((op.parameters ?? []) as Json[])];
  const schemes = deref(doc.components?.securitySchemes ?? {}, doc);
  const security: Json[] = op.security ?? doc.security ?? [];
  const securityHeaders = security.flatMap((req: Json) => Object.keys(req))
    .map((name: string) => schemes[name])
    .flatMap((s: Json) => (s?.type === 'apiKey' && s.in === 'header' ? [s.name] : s?.type === 'http' ? ['Authorization'] : []));
  return {
    body: ajv.compile(schema),
    declared: new Set(Object.keys(schema.properties ?? {})),
    headers: params.filter((p) => p.in === 'header').map((p) => ({ name: p.name, required: p.required === true, validate: ajv.compile(p.schema ?? {}) })),
    securityHeaders,
  };
}

/** Representative inputs per provider (all valid for the facade and the sandbox). */
const inputs: Record<ProviderId, Record<string, unknown>[]> = {
  push: [
    { paymentId: providers.push.payments.approved.id, amount: { value: 1450, currency: 'USD' }, reference: 'r-1', metadata: { a: 'b' }, reason: 'duplicate' },
    { paymentId: providers.push.payments.second.id },
  ],
  wooshpay: [
    { paymentId: providers.wooshpay.payments.usd.id, amount: { value: 1450, currency: 'USD' }, reason: 'requested_by_customer', metadata: { order: 'A-17', note: '' } },
    { paymentId: providers.wooshpay.payments.usd.id, amount: { value: 10, currency: 'USD' }, reason: 'other', reference: 'r-2' },
    { paymentId: providers.wooshpay.payments.jpy.id, reason: 'fraudulent' },
  ],
  onekeypayments: [
    { paymentId: '3000001', amount: { value: 1450, currency: 'MXN' }, providerOptions: { invoiceId: 'inv-1001', comments: 'partial', notificationUrl: 'https://merchant.example/hooks/refunds' } },
    {
      paymentId: '3000002', amount: { value: 99, currency: 'MXN' }, idempotencyKey: 'okp-key-1',
      providerOptions: { invoiceId: 'inv-1002', bankAccount: { beneficiary: 'Ana Ruiz', bank_code: '012', account_number: '012180001234567891', account_type: 'CHECKING', document_type: 'RFC', document: 'RUAA800101XX0' } },
    },
    { paymentId: '3000003', providerOptions: { invoiceId: 'inv-1003' }, reason: 'duplicate', metadata: { x: 'y' } },
  ],
  xpay: [
    { paymentId: providers.xpay.payments.usd.id, amount: { value: 1450, currency: 'USD' }, reference: 'ref-17' },
    { paymentId: providers.xpay.payments.inr.id, idempotencyKey: 'order:A-17_refund.1', metadata: { a: 'b' } },
  ],
  payop: [
    { paymentId: providers.payop.payments.eur.id, amount: { value: 1450, currency: 'EUR' } },
    { paymentId: providers.payop.payments.eur.id, amount: { value: 1, currency: 'EUR' }, metadata: { order: 'A-17' }, reason: 'other', providerOptions: { fullRefund: false } },
    { paymentId: providers.payop.payments.usd.id, amount: { value: 2550, currency: 'USD' }, providerOptions: { fullRefund: true } },
  ],
};

describe.each(providerIds)('%s requests validate against generated/%s/openapi.yaml', (provider) => {
  const sandbox = useSandbox(provider);
  const contract = contractFor(provider);

  it('the contract itself rejects a wrong body (so the check can fail)', () => {
    expect(contract.body({})).toBe(false);
    expect(contract.body([])).toBe(false);
    expect(contract.declared.size).toBeGreaterThan(1);
  });

  it.each(inputs[provider].map((input, i) => [i, input] as const))('input #%i: body, declared properties and headers', async (_i, input) => {
    const sb = sandbox();
    const refund = await clientFor(provider, sb).refunds.create(input);
    expect(refund.provider).toBe(provider);
    expect(sb.requests).toHaveLength(1);
    const req = sb.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(routes[provider]);
    expect(req.headers['content-type']).toMatch(/^application\/json\b/);

    const body = JSON.parse(req.bodyText);
    const ok = contract.body(body);
    expect(contract.body.errors ?? [], req.bodyText).toEqual([]);
    expect(ok).toBe(true);
    expect(Object.keys(body).filter((k) => !contract.declared.has(k)), 'undeclared body properties').toEqual([]);

    for (const header of contract.headers) {
      const value = req.headers[header.name.toLowerCase()];
      if (header.required) expect(value, header.name).toBeDefined();
      if (value !== undefined) {
        expect(header.validate(value), `${header.name}: ${value}`).toBe(true);
      }
    }
    for (const name of contract.securityHeaders) expect(req.headers[name.toLowerCase()], name).toBeTruthy();
    if (typeof input.idempotencyKey === 'string' && cases[provider].idempotencyHeader) {
      expect(req.headers[cases[provider].idempotencyHeader!]).toBe(input.idempotencyKey);
    }
  });
});

// ---- Prism -------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Prism { url: string; child: ChildProcess; log: string[] }

async function startPrism(spec: string): Promise<Prism> {
  const pkg = JSON.parse(readFileSync(`${root}node_modules/@stoplight/prism-cli/package.json`, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism;
  const port = await freePort();
  const child = spawn(process.execPath, [`${root}node_modules/@stoplight/prism-cli/${bin}`, 'mock', `${root}${spec}`, '--host', '127.0.0.1', '--port', String(port), '--errors'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start: ${log.join('')}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/Prism is listening/.test(log.join(''))) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`prism exited ${code}: ${log.join('')}`)); });
  });
  return { url: `http://127.0.0.1:${port}`, child, log };
}

async function stopPrism(prism: Prism | undefined): Promise<void> {
  if (!prism || prism.child.exitCode !== null) return;
  const exited = new Promise((resolve) => prism.child.once('exit', resolve));
  prism.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (prism.child.exitCode === null) prism.child.kill('SIGKILL');
}

describe('Prism mock (--errors) of the normalized specs', () => {
  let xpay: Prism | undefined;
  let push: Prism | undefined;
  beforeAll(async () => {
    [xpay, push] = await Promise.all([startPrism('generated/xpay/openapi.yaml'), startPrism('generated/push/openapi.yaml')]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([stopPrism(xpay), stopPrism(push)]);
  });

  it('xpay: Prism rejects an invalid request (control), and answers the facade with the spec example', async () => {
    const bad = await fetch(`${xpay!.url}/payments/merchant/refund`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic eDp5' }, body: JSON.stringify({ amount: 100 }),
    });
    expect(bad.status).not.toBe(200);
    expect(bad.status).toBeGreaterThanOrEqual(400);

    const before = xpay!.log.join('').split('Violation').length;
    const refund = await clientFor('xpay', xpay!, { maxRetries: 0 }).refunds.create({
      paymentId: providers.xpay.payments.usd.id, amount: { value: 1450, currency: 'USD' }, reference: 're123', idempotencyKey: 'prism:key-1',
    });
    expect(refund).toMatchObject({
      provider: 'xpay', id: 'rf_fooBOwYsaK50AEaJ', paymentId: 'in_fooBOwYsaK50AEfK', status: 'pending',
      amount: { value: 2000, currency: 'USD' }, createdAt: new Date(1727340330123).toISOString(),
    });
    expect(xpay!.log.join('').split('Violation').length, 'Prism reported violations for the facade request').toBe(before);
  });

  it('push: the facade gets a Refund from Prism', async () => {
    const refund = await clientFor('push', push!, { maxRetries: 0 }).refunds.create({ paymentId: providers.push.payments.approved.id, amount: { value: 1450, currency: 'USD' } });
    expect(refund.provider).toBe('push');
    expect(refund.id).toBe('refund_28CJjV7P4Go5PNJvfzghiD');
    expect(['succeeded', 'failed']).toContain(refund.status);
    expect(push!.log.join('')).not.toMatch(/Violation/);
  });
});
