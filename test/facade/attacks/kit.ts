/**
 * What the attack tests share: the providers, read from specs/providers.yaml (never a list here),
 * distinctive credentials per provider, a valid refund input derived from the provider's shim rules,
 * a success answer derived from its mapping, and a loopback attacker server.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createRefundsClient, RefundError, type ProviderId, type Refund } from '@paykit/refunds';
import { loadProjectConfig, type ProviderConfig } from '../../../generator/config.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const providerConfigs: ProviderConfig[] = loadProjectConfig(ROOT).providers.filter((p) => p.mapping !== undefined);
export const providerIds = providerConfigs.map((p) => p.id) as ProviderId[];

export function config(provider: string): ProviderConfig {
  return providerConfigs.find((p) => p.id === provider)!;
}

/** One distinctive secret per credential field, with characters every encoding changes ('/', '+', '='). */
export function credentialsFor(provider: string): Record<string, string> {
  const { auth } = config(provider);
  const fields = auth.kind === 'none' ? [] : Object.keys(auth.credentials);
  return Object.fromEntries(fields.map((field, i) => [field, `${provider}/${field}+UNIQUE=SECRET/${i}x9Qz`]));
}

interface Rules {
  amount: 'optional' | 'required';
  currencies?: readonly string[];
  paymentId?: { pattern: string };
  providerOptions: Record<string, { type: string; required: boolean }>;
}

/** A refund input the provider's own checks accept, built from its shim's rules (data, not a table). */
export async function validInput(provider: string): Promise<Record<string, unknown>> {
  const { shim } = await import(`../../../generated/refunds/src/providers/${provider}.ts`) as { shim: { rules: Rules } };
  const { rules } = shim;
  const paymentId = ['12345', 'pay_12345'].find((id) => rules.paymentId === undefined || new RegExp(rules.paymentId.pattern).test(id));
  if (paymentId === undefined) throw new Error(`kit: no sample paymentId matches ${provider}'s pattern ${rules.paymentId?.pattern}`);
  const sample: Record<string, unknown> = { string: 'inv-1', boolean: true, number: 1, object: {} };
  const required = Object.entries(rules.providerOptions).filter(([, o]) => o.required);
  return {
    paymentId,
    amount: { value: 1450, currency: rules.currencies?.[0] ?? 'USD' },
    ...(required.length === 0 ? {} : { providerOptions: Object.fromEntries(required.map(([name, o]) => [name, sample[o.type]])) }),
  };
}

export interface Mapping {
  responses: { status: number; when?: Condition; refund: Record<string, any> }[];
  errors: { status: number; when?: Condition; code: string; message?: string }[];
}
type Condition = { present: string } | { equals: { path: string; value: unknown } };

export function mappingOf(provider: string): Mapping {
  return parse(readFileSync(`${ROOT}${config(provider).mapping}`, 'utf8')) as Mapping;
}

export interface Answer { status: number; body: unknown; headers: Record<string, string> }

const AMOUNT_SAMPLES: Record<string, unknown> = { minorInteger: 1450, minorString: '1450', majorNumber: 14.5, majorString: '14.50' };
const DATE_SAMPLES: Record<string, unknown> = {
  isoToIso: '2026-03-04T05:06:07Z', epochSecondsToIso: 1772600767, epochMillisToIso: 1772600767891, naiveUtcDateTimeToIso: '2026-03-04 05:06:07',
};

/** Sets `body.a.b` or `header.x` in an answer. */
export function place(answer: Answer, path: string, value: unknown): void {
  const [root, ...rest] = path.split('.');
  if (root === 'header') {
    answer.headers[rest.join('.')] = String(value);
    return;
  }
  if (root !== 'body') return; // input.* comes from the caller
  if (typeof answer.body !== 'object' || answer.body === null) answer.body = {};
  let node = answer.body as Record<string, unknown>;
  for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[rest[rest.length - 1]!] = value;
}

/** Every response path the 2xx refund mapping reads, with the field it feeds. */
/** What the success entry reads from the answer; `fallback` marks a field the mapping says what to use for when it is absent. */
export function readPaths(provider: string): { field: string; path: string; fallback?: true }[] {
  const entry = successEntry(provider);
  const out: { field: string; path: string; fallback?: true }[] = [];
  for (const [field, value] of Object.entries(entry.refund)) {
    if (typeof value === 'string') out.push({ field, path: value });
    else if (field === 'amount' && typeof value === 'object') out.push({ field: 'amount.value', path: value.value }, { field: 'amount.currency', path: value.currency });
    else if (typeof value === 'object' && value !== null && 'from' in value) {
      out.push({ field, path: value.from, ...('fallback' in value && value.fallback !== undefined ? { fallback: true as const } : {}) });
    }
  }
  return out.filter((p) => !p.path.startsWith('input.'));
}

export function successEntry(provider: string) {
  const entry = mappingOf(provider).responses.find((r) => r.status >= 200 && r.status < 300);
  if (entry === undefined) throw new Error(`kit: ${provider}'s mapping has no 2xx refund`);
  return entry;
}

/** A 2xx answer the provider's mapping reads as a refund of `input`, built from the mapping alone. */
export function successAnswer(provider: string, input: Record<string, unknown>): Answer {
  const entry = successEntry(provider);
  const answer: Answer = { status: entry.status, body: {}, headers: {} };
  if (entry.when !== undefined) {
    if ('present' in entry.when) place(answer, entry.when.present, 'x');
    else place(answer, entry.when.equals.path, entry.when.equals.value);
  }
  const amount = input.amount as { value: number; currency: string };
  for (const [field, value] of Object.entries(entry.refund)) {
    const v = typeof value === 'string' ? { from: value } : value;
    if (field === 'amount') {
      if (typeof v === 'object' && 'format' in v) {
        place(answer, v.value, AMOUNT_SAMPLES[v.format]);
        place(answer, v.currency, amount.currency.toLowerCase());
      }
    } else if (field === 'status' && 'map' in v) {
      place(answer, v.from, Object.keys(v.map)[0]);
    } else if ('from' in v) {
      const sample = field === 'id' ? 'rf_attack_1' : field === 'paymentId' ? input.paymentId
        : v.transform !== undefined ? DATE_SAMPLES[v.transform] : `${field}-sample`;
      place(answer, v.from, sample);
    }
  }
  return answer;
}

export interface Attacker {
  url: string;
  /** Requests received: method, path, headers, body. */
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/** A loopback server (port 0) that records each request, then lets `answer` write the response. */
export async function startAttacker(answer: (req: IncomingMessage, res: ServerResponse, index: number) => void): Promise<Attacker> {
  const requests: Attacker['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(req, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function sendJson(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body));
}

export function client(provider: string, baseUrl: string, extra: Record<string, unknown> = {}) {
  return createRefundsClient({ provider, credentials: credentialsFor(provider), baseUrl, maxRetries: 0, timeoutMs: 10_000, ...extra } as never);
}

/** The call's outcome, either way: a Refund or the RefundError it threw (anything else fails the test). */
export async function outcome(call: () => Promise<Refund>): Promise<Refund | RefundError> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RefundError) return error;
    throw error;
  }
}
