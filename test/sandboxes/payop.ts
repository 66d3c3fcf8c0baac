/**
 * Payop (specs/sources/payop-create-refund.md, prose only): POST /v1/refunds/create, bearer JWT.
 * Success is {"data":"","status":1} with the refund id in the `identifier` response header.
 * No idempotency: a repeated request creates a second refund.
 */
import { bearerToken, isPlainObject, json, majorToMinor, parseJsonObject, resolveRefund, safeEqual, seqUuid } from './kit.ts';
import type { IdempotencySupport, ProviderContext, RecordedRequest, Reply, SeededPayment } from './types.ts';

export const route = { method: 'POST', path: '/v1/refunds/create' } as const;

export const credentials = {
  token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwYXlvcC1zYW5kYm94LW1lcmNoYW50IiwiaWF0IjoxNzAwMDAwMDAwfQ.c2FuZGJveC1zaWduYXR1cmUtbm90LXZlcmlmaWVk',
} as const;

export const payments = {
  eur: { id: 'd839c714-7743-47cf-8f9d-73592597c6e1', amountMinor: 10000, currency: 'EUR', behaviour: 'EUR 100.00; refunds accepted' },
  usd: { id: '5f3a2b1c-8d4e-4f6a-9b7c-0e1d2c3b4a59', amountMinor: 2550, currency: 'USD', behaviour: 'USD 25.50; refunds accepted' },
} as const satisfies Record<string, SeededPayment>;

export const idempotency: IdempotencySupport | null = null;

const MAX_METADATA_BYTES = 800 * 1024;
const TOO_BIG = 'Refund amount is bigger than transaction amount';
const error = (status: number, message: string): Reply => json(status, { message });

export function errorReply(status: number, message: string): Reply {
  return error(status, message);
}

export function authenticate(req: RecordedRequest): Reply | undefined {
  const token = bearerToken(req.headers);
  if (token !== undefined && safeEqual(token, credentials.token)) return undefined;
  return error(401, 'Full authentication is required to access this resource.');
}

export function handler(req: RecordedRequest, ctx: ProviderContext): Reply {
  const parsed = parseJsonObject(req.bodyText);
  if (!parsed.ok) return error(422, `body: ${parsed.problem}`);
  const { transactionIdentifier, refundType, amount, metadata } = parsed.value;
  if (typeof transactionIdentifier !== 'string' || transactionIdentifier === '') {
    return error(422, 'transactionIdentifier: This value should not be blank.');
  }
  if (refundType !== 1 && refundType !== 2) return error(422, 'refundType: This value should be 1 (full) or 2 (partial).');
  if (amount === undefined || amount === null) return error(422, 'amount: This value should not be blank.');
  if (typeof amount !== 'number') return error(422, 'amount: This value should be a number.');
  if (!isPlainObject(metadata)) return error(422, 'metadata: This value should be an object.');
  if (Buffer.byteLength(JSON.stringify(metadata)) >= MAX_METADATA_BYTES) return error(422, 'metadata: This value should be less than 800 KB.');

  const tx: SeededPayment | undefined = Object.values(payments).find((p) => p.id === transactionIdentifier);
  if (!tx) return error(422, 'Transaction not found');
  const m = majorToMinor(amount, tx.currency);
  if (!m.ok) return error(422, m.problem === 'too-many-decimals' ? 'amount: This value has too many decimal places.' : 'amount: This value is not valid.');
  if (m.minor <= 0) return error(422, 'amount: This value should be positive.');

  const remaining = tx.amountMinor - ctx.refundedMinor(tx.id);
  if (m.minor > remaining) return error(422, TOO_BIG);
  if (refundType === 1 && m.minor !== remaining) {
    return error(422, 'amount: For refundType 1 (full refund) this value should equal the remaining transaction amount.');
  }
  const check = resolveRefund(tx.amountMinor, ctx.refundedMinor(tx.id), m.minor);
  if (!check.ok) return error(422, TOO_BIG);
  const entry = ctx.recordRefund(
    { id: seqUuid(ctx.nextSeq()), paymentId: tx.id, amountMinor: check.amountMinor, currency: tx.currency, status: 'pending' },
    true,
  );
  return json(200, { data: '', status: 1 }, { identifier: entry.id });
}
