/** The facade's public types that do not depend on which providers exist (see DESIGN.md). */
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
  baseUrl?: string;
  fetch?: (input: Request) => Promise<Response>;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** 0 = exactly one attempt. Default 2. */
  maxRetries?: number;
}

export interface CreateOptions {
  signal?: AbortSignal;
}
