/** The facade's public types that do not depend on which providers exist (see DESIGN.md). */
import type { RefundErrorCode } from './errors.js';
import type { Money } from './money.js';

export type { Money };
export type RefundStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';
export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer' | 'other';

export interface Refund<P extends string = string, Raw = unknown> {
  provider: P;
  id: string;
  paymentId: string;
  status: RefundStatus;
  /** Integer minor units, upper-case ISO 4217. */
  amount?: Money;
  /** ISO 8601, UTC. */
  createdAt?: string;
  reference?: string;
  failureReason?: string;
  /** The provider's response body as parsed JSON. */
  raw: Raw;
}

/** Fields every provider's input shares; each provider adds its own `amount` and `providerOptions` rules. */
export interface CreateRefundBase {
  /** The provider's own payment reference. */
  paymentId: string;
  reason?: RefundReason;
  metadata?: Record<string, string>;
  reference?: string;
  /** Sent verbatim on every attempt; generated once per call when absent. */
  idempotencyKey?: string;
}

export interface RefundsClientOptionsBase {
  /** An http(s) URL; requests never leave its origin (redirects are not followed). */
  baseUrl?: string;
  fetch?: (input: Request) => Promise<Response>;
  /** Per attempt, 1 to 600 000. Default 30 000. */
  timeoutMs?: number;
  /** 0 to 10; 0 = exactly one attempt. Default 2. */
  maxRetries?: number;
  /** The most bytes read of a response body; a longer one is `unexpected_response`. Default 1 MiB. */
  maxResponseBytes?: number;
  /** For logging and tracing; never given a credential, and a hook that throws changes nothing. */
  hooks?: RefundsHooks;
}

/** Before each attempt (attempts count from 1; a retry reuses the idempotency key). */
export interface AttemptEvent {
  provider: string;
  attempt: number;
  idempotencyKey: string;
  method: string;
  url: string;
}

/** After each attempt: its HTTP status when one arrived, its error code when it failed. */
export interface AttemptEndEvent {
  provider: string;
  attempt: number;
  durationMs: number;
  httpStatus?: number;
  errorCode?: RefundErrorCode;
  willRetry: boolean;
}

export interface RefundsHooks {
  onAttempt?(event: AttemptEvent): void;
  onAttemptEnd?(event: AttemptEndEvent): void;
}

export interface CreateOptions {
  signal?: AbortSignal;
}
