/**
 * Every request the facade sends validates against the provider's normalized spec
 * (generated/<provider>/openapi.yaml): the JSON body against the operation's requestBody schema (ajv,
 * `$ref`s resolved inside the document, no undeclared properties), the headers against the header
 * parameters and the header-borne security schemes, for every provider in specs/providers.yaml and
 * inputs built from its fake's seeded payments. Then Prism (`--errors`) mocks each provider from its
 * normalized spec and must see no violation in the facade's request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilities, RefundError, type ProviderId } from '@paykit/refunds';
import type { FakePayment } from '@paykit/refunds/testing';
import { caseOf, clientFor, credentialFields, providerIds, seededPayments, useFake } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** The route the mapping names for the refund operation. */
const routeOf = (provider: ProviderId) => caseOf(provider).mapping.operation;

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
  const { method, path } = routeOf(provider);
  const op = deref(doc.paths[path][method], doc);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
  const schema = op.requestBody.content['application/json'].schema;
  const params = [...(deref(doc.paths[path].parameters ?? [], doc) as Json[]), ...((op.parameters ?? []) as Json[])];
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

/**
 * Representative inputs: every seeded payment, partially refunded with every optional field the
 * capabilities say the provider takes, then fully; a caller idempotency key where it de-duplicates.
 */
function inputsFor(provider: ProviderId, payments: readonly FakePayment[]): Record<string, unknown>[] {
  const c = caseOf(provider);
  const caps = capabilities[provider];
  return payments.flatMap((payment, i) => [
    c.input(payment, 1450 + i, {
      ...(caps.reference ? { reference: `r-${i}` } : {}),
      ...(caps.metadata ? { metadata: { order: `A-${i}`, note: '' } } : {}),
      ...(caps.reasons ? { reason: (['duplicate', 'fraudulent', 'requested_by_customer', 'other'] as const)[i % 4] } : {}),
      ...(caps.idempotency ? { idempotencyKey: `order:A-${i}_refund.1` } : {}),
    }),
    c.fullInput(payment, payment.amount.value - 1450 - i),
  ]);
}

describe.each(providerIds)('%s requests validate against generated/%s/openapi.yaml', (provider) => {
  const sandbox = useFake(provider);
  const contract = contractFor(provider);
  const c = caseOf(provider);

  it('the contract itself rejects a wrong body (so the check can fail)', () => {
    expect(contract.body({})).toBe(false);
    expect(contract.body([])).toBe(false);
    expect(contract.declared.size).toBeGreaterThan(1);
  });

  it('every representative input: body, declared properties and headers', async () => {
    const sb = sandbox();
    const inputs = inputsFor(provider, sb.fake.payments);
    for (const [i, input] of inputs.entries()) {
      const refund = await clientFor(provider, sb).refunds.create(input);
      expect(refund.provider).toBe(provider);
      expect(sb.requests).toHaveLength(i + 1);
      const req = sb.requests[i]!;
      expect(req.method).toBe(routeOf(provider).method.toUpperCase());
      expect(req.path).toBe(routeOf(provider).path);
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
      if (typeof input.idempotencyKey === 'string' && c.idempotencyHeader) {
        expect(req.headers[c.idempotencyHeader]).toBe(input.idempotencyKey);
      }
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

describe('Prism mock (--errors) of every normalized spec', () => {
  const prisms = new Map<ProviderId, Prism>();
  beforeAll(async () => {
    const started = await Promise.all(providerIds.map(async (id) => [id, await startPrism(`generated/${id}/openapi.yaml`)] as const));
    for (const [id, prism] of started) prisms.set(id, prism);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([...prisms.values()].map((p) => stopPrism(p)));
  });

  it.each(providerIds)('%s: Prism rejects an invalid request (control) and sees no violation in the facade\'s', async (provider) => {
    const prism = prisms.get(provider)!;
    const { method, path } = routeOf(provider);
    const bad = await fetch(`${prism.url}${path}`, { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(bad.status).toBeGreaterThanOrEqual(400);

    const before = prism.log.join('').split('Violation').length;
    const credentials = Object.fromEntries(credentialFields(provider).map((f) => [f, `prism-${f}-0000000000`]));
    const outcome = await clientFor(provider, prism, { credentials, maxRetries: 0 }).refunds
      .create(caseOf(provider).input(seededPayments(provider)[0]!, 1450)).catch((e: unknown) => e);
    // Prism answers with the spec's examples: a Refund, or a documented error; never a request violation.
    if (outcome instanceof RefundError) expect(outcome.code, outcome.message).not.toBe('invalid_request');
    else expect(outcome).toMatchObject({ provider });
    expect(prism.log.join('').split('Violation').length, 'Prism reported violations for the facade request').toBe(before);
  });
});
