/**
 * Loopback HTTP servers that play payment providers' "create refund" endpoints.
 * Request pipeline: route → record → fault (FIFO) → auth → idempotency → provider handler → post-fault.
 * Control surface under /__sandbox/ (never recorded, never faulted, no auth).
 */
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault, LedgerEntry, ProviderContext, ProviderModule, RecordedRequest, Reply, Sandbox } from './types.ts';
import * as push from './push.ts';
import * as wooshpay from './wooshpay.ts';
import * as onekeypayments from './onekeypayments.ts';
import * as xpay from './xpay.ts';
import * as payop from './payop.ts';

export type { Fault, LedgerEntry, ProviderContext, ProviderModule, RecordedRequest, Reply, Sandbox, SeededPayment } from './types.ts';

/** Every provider the sandboxes play. Adding one: a new module with the same exports, plus a line here. */
export const providers = { push, wooshpay, onekeypayments, xpay, payop } satisfies Record<string, ProviderModule>;
export type ProviderId = keyof typeof providers;
export const providerIds = Object.keys(providers) as ProviderId[];

export interface SandboxOptions {
  /** Default 0: a random free port. */
  port?: number;
  /** Clock, for reproducible timestamps (default: real time). */
  now?: () => Date;
}

interface StoredAnswer { bodyText: string; reply: Reply }

const HTML_ERROR = (status: number) =>
  `<html>\r\n<head><title>${status} ${statusText(status)}</title></head>\r\n<body>\r\n<center><h1>${status} ${statusText(status)}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export async function startSandbox(provider: ProviderId, options: SandboxOptions = {}): Promise<Sandbox> {
  const mod: ProviderModule = providers[provider];
  if (!mod) throw new Error(`sandbox: unknown provider ${String(provider)}`);
  const now = options.now ?? (() => new Date());
  const ledger: LedgerEntry[] = [];
  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; remaining: number }[] = [];
  const refunded = new Map<string, number>();
  const idempotency = new Map<string, StoredAnswer>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;

  const reset = () => {
    ledger.length = 0;
    requests.length = 0;
    faults.length = 0;
    refunded.clear();
    idempotency.clear();
    seq = 0;
  };
  const injectFault = (fault: Fault, times = 1) => {
    const problem = faultProblem(fault);
    if (problem) throw new Error(`sandbox: invalid fault: ${problem}`);
    if (!Number.isInteger(times) || times < 1) throw new Error('sandbox: times must be a positive integer');
    faults.push({ fault, remaining: times });
  };
  const takeFault = (): Fault | undefined => {
    const head = faults[0];
    if (!head) return undefined;
    if (--head.remaining <= 0) faults.shift();
    return head.fault;
  };

  const processRequest = (rec: RecordedRequest): Reply => {
    const key = mod.idempotency ? rec.headers[mod.idempotency.header] : undefined;
    const ctx: ProviderContext = {
      now,
      nextSeq: () => ++seq,
      refundedMinor: (id) => refunded.get(id) ?? 0,
      recordRefund: (entry, consumesBalance) => {
        const full: LedgerEntry = key === undefined ? { ...entry } : { ...entry, idempotencyKey: key };
        ledger.push(full);
        if (consumesBalance) refunded.set(entry.paymentId, (refunded.get(entry.paymentId) ?? 0) + entry.amountMinor);
        return full;
      },
      idempotencyKey: key,
    };
    const denied = mod.authenticate(rec, ctx);
    if (denied) return denied;
    if (mod.idempotency && key !== undefined) {
      const bad = mod.idempotency.validate(key);
      if (bad) return bad;
      const stored = idempotency.get(key);
      if (stored) return stored.bodyText === rec.bodyText ? stored.reply : mod.idempotency.conflict(key);
      const reply = mod.handler(rec, ctx);
      idempotency.set(key, { bodyText: rec.bodyText, reply });
      return reply;
    }
    return mod.handler(rec, ctx);
  };

  const server = createServer((req, res) => {
    res.on('error', () => {});
    void readBody(req).then(async (bodyText) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/__sandbox/')) return control(req.method ?? 'GET', path, bodyText, res);
      const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers: flatHeaders(req), bodyText };
      requests.push(rec);
      if (rec.method !== mod.route.method || path !== mod.route.path) {
        return send(res, mod.errorReply(404, `No route for ${rec.method} ${path}`));
      }
      const fault = takeFault();
      switch (fault?.kind) {
        case 'reset-before': return void req.socket.destroy();
        case 'rate-limit': {
          const r = mod.errorReply(429, 'Too many requests');
          return send(res, { ...r, headers: { ...r.headers, 'retry-after': String(fault.retryAfterSeconds) } });
        }
        case 'html-error': {
          const status = fault.status ?? 502;
          return send(res, { status, rawBody: HTML_ERROR(status), contentType: 'text/html' });
        }
        case 'status':
          if (!fault.afterProcessing) return send(res, mod.errorReply(fault.status, statusText(fault.status)));
          break;
        case 'delay':
          await new Promise<void>((resolve) => {
            const t = setTimeout(() => { timers.delete(t); resolve(); }, fault.ms);
            timers.add(t);
          });
          break;
      }
      const reply = processRequest(rec);
      if (fault?.kind === 'reset-after') return void req.socket.destroy();
      if (fault?.kind === 'status') return send(res, mod.errorReply(fault.status, statusText(fault.status)));
      if (fault?.kind === 'malformed-json') {
        const text = encode(reply);
        return send(res, { status: 200, contentType: 'application/json', rawBody: text.slice(0, Math.max(1, Math.floor(text.length / 2))) });
      }
      return send(res, reply);
    }).catch((err: unknown) => {
      send(res, { status: 500, body: { sandboxError: String(err) } });
    });
  });

  const control = (method: string, path: string, bodyText: string, res: ServerResponse) => {
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__sandbox/ledger': return send(res, { status: 200, body: { provider, ledger } });
      case 'GET /__sandbox/requests': return send(res, { status: 200, body: { provider, requests } });
      case 'GET /__sandbox/faults': return send(res, { status: 200, body: { provider, faults } });
      case 'GET /__sandbox/info':
        return send(res, { status: 200, body: { provider, url: sandbox.url, route: mod.route, credentials: mod.credentials, payments: mod.payments } });
      case 'DELETE /__sandbox/faults': faults.length = 0; return send(res, { status: 204 });
      case 'POST /__sandbox/reset': reset(); return send(res, { status: 204 });
      case 'POST /__sandbox/faults': {
        let input: unknown;
        try { input = JSON.parse(bodyText); } catch { return send(res, { status: 400, body: { error: 'body is not JSON' } }); }
        const obj = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
        const { times = 1, fault: nested, ...rest } = obj;
        const fault = (nested ?? rest) as Fault;
        const problem = faultProblem(fault) ?? (Number.isInteger(times) && (times as number) >= 1 ? undefined : 'times must be a positive integer');
        if (problem) return send(res, { status: 400, body: { error: problem } });
        faults.push({ fault, remaining: times as number });
        return send(res, { status: 201, body: { provider, faults } });
      }
      default: return send(res, { status: 404, body: { error: `no sandbox control ${route}` } });
    }
  };

  server.on('connection', (socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  const sandbox: Sandbox = {
    provider,
    url: `http://127.0.0.1:${port}`,
    port,
    ledger,
    requests,
    injectFault,
    clearFaults: () => { faults.length = 0; },
    reset,
    close: () => new Promise<void>((resolve, reject) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (!server.listening) return resolve();
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
  return sandbox;
}

/** Starts every provider; with basePort, on basePort, basePort+1, … in `providerIds` order. */
export async function startAllSandboxes(basePort?: number): Promise<Record<ProviderId, Sandbox>> {
  const started: Partial<Record<ProviderId, Sandbox>> = {};
  try {
    for (const [i, id] of providerIds.entries()) {
      started[id] = await startSandbox(id, { port: basePort === undefined ? 0 : basePort + i });
    }
  } catch (err) {
    await Promise.all(Object.values(started).map((s) => s.close()));
    throw err;
  }
  return started as Record<ProviderId, Sandbox>;
}

/** undefined when `f` is a well-formed Fault, else what is wrong with it. */
export function faultProblem(f: unknown): string | undefined {
  if (typeof f !== 'object' || f === null) return 'fault must be an object';
  const x = f as Record<string, unknown>;
  const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  switch (x.kind) {
    case 'delay': return isInt(x.ms, 0) ? undefined : 'delay needs ms (integer ≥ 0)';
    case 'reset-before': case 'reset-after': case 'malformed-json': return undefined;
    case 'status':
      if (!isInt(x.status, 100) || (x.status as number) > 599) return 'status needs status (100..599)';
      return x.afterProcessing === undefined || typeof x.afterProcessing === 'boolean' ? undefined : 'afterProcessing must be boolean';
    case 'rate-limit': return isInt(x.retryAfterSeconds, 0) ? undefined : 'rate-limit needs retryAfterSeconds (integer ≥ 0)';
    case 'html-error': return x.status === undefined || (isInt(x.status, 100) && (x.status as number) <= 599) ? undefined : 'html-error status must be 100..599';
    default: return `unknown fault kind ${JSON.stringify(x.kind)}`;
  }
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? `HTTP ${status}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function encode(reply: Reply): string {
  return reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const text = encode(reply);
  const headers: Record<string, string> = { ...reply.headers };
  if (text !== '') {
    headers['content-type'] = reply.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(text));
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}
