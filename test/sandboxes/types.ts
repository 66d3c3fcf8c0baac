/**
 * Types shared by the sandbox machinery (core.ts) and the provider modules.
 * Type-only module: provider files import it without creating a runtime cycle with core.ts.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  bodyText: string;
}

export interface LedgerEntry {
  id: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  status: string;
  idempotencyKey?: string;
}

export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'reset-before' }
  | { kind: 'reset-after' }
  | { kind: 'status'; status: number; afterProcessing?: boolean }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'malformed-json' }
  | { kind: 'html-error'; status?: number };

export interface Sandbox {
  provider: string;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  ledger: LedgerEntry[];
  requests: RecordedRequest[];
  injectFault(fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Ledger, requests, faults, idempotency cache, id counter and seeded balances back to initial. */
  reset(): void;
  close(): Promise<void>;
}

/** What a provider handler answers. `body` is JSON-encoded unless `rawBody` is given. */
export interface Reply {
  status: number;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A payment the sandbox knows about at start-up (and after reset()). */
export interface SeededPayment {
  /** The provider's payment reference as the client sends it (onekeypayments: the deposit_id digits). */
  id: string;
  amountMinor: number;
  currency: string;
  /** What refunds against this payment do, in words. */
  behaviour: string;
}

/** Per-sandbox services a provider handler may use. */
export interface ProviderContext {
  now(): Date;
  /** 1, 2, 3, … per sandbox; back to 1 on reset(). */
  nextSeq(): number;
  /** Minor units already refunded (and not declined) against a payment id. */
  refundedMinor(paymentId: string): number;
  /** Appends a ledger entry; `consumesBalance` false for declined/rejected refunds. */
  recordRefund(entry: Omit<LedgerEntry, 'idempotencyKey'>, consumesBalance: boolean): LedgerEntry;
  /** The request's idempotency key, when the provider supports one and the client sent it. */
  idempotencyKey: string | undefined;
}

export interface IdempotencySupport {
  /** Lower-case request header name. */
  header: string;
  /** A reply when the key is malformed, else undefined. */
  validate(key: string): Reply | undefined;
  /** The reply for a key reused with a different body. */
  conflict(key: string): Reply;
}

/** The fixed shape of every test/sandboxes/<provider>.ts module. */
export interface ProviderModule {
  route: { method: 'POST'; path: string };
  credentials: Readonly<Record<string, string>>;
  payments: Readonly<Record<string, SeededPayment>>;
  /** A reply when authentication fails, else undefined. */
  authenticate(req: RecordedRequest, ctx: ProviderContext): Reply | undefined;
  idempotency: IdempotencySupport | null;
  /** The provider's behaviour for an authenticated request on `route`. */
  handler(req: RecordedRequest, ctx: ProviderContext): Reply;
  /** The provider's error body for a generic failure (unknown path, 5xx fault, 429). */
  errorReply(status: number, message: string): Reply;
}
