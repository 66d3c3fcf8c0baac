/**
 * Push (specs/sources/push-create-refund.md): POST /refund, bearer API key, integer minor units, USD only.
 * HTTP 401 with an `id` is Push's documented "refund declined by the payment network".
 */
import { bearerToken, json, parseJsonObject, resolveRefund, safeEqual, seqId } from './kit.ts';
import type { IdempotencySupport, ProviderContext, RecordedRequest, Reply, SeededPayment } from './types.ts';

export const route = { method: 'POST', path: '/refund' } as const;

export const credentials = { apiKey: 'push_test_key_sandbox_4f1c9a7e2b' } as const;

export const payments = {
  approved: { id: 'intent_sandbox_dMggQ93ZYH6DH9LBhVeijE', amountMinor: 5000, currency: 'USD', behaviour: 'refunds approved (200)' },
  second: { id: 'intent_sandbox_7QwErTyUiOpAsDfGhJkLzX', amountMinor: 12000, currency: 'USD', behaviour: 'refunds approved (200)' },
  declined: { id: 'intent_sandbox_DeclinedByNetwork00001', amountMinor: 2500, currency: 'USD', behaviour: 'refunds declined by the network (401 with id)' },
} as const satisfies Record<string, SeededPayment>;

const declinedIds: ReadonlySet<string> = new Set([payments.declined.id]);

export const idempotency: IdempotencySupport | null = null;

const error = (status: number, code: string, message: string): Reply => json(status, { error: code, message });

export function errorReply(status: number, message: string): Reply {
  return error(status, status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'internal_error', message);
}

export function authenticate(req: RecordedRequest): Reply | undefined {
  const token = bearerToken(req.headers);
  if (token !== undefined && safeEqual(token, credentials.apiKey)) return undefined;
  return error(401, 'unauthorized', token === undefined ? 'Missing bearer token' : 'Invalid API key');
}

export function handler(req: RecordedRequest, ctx: ProviderContext): Reply {
  const parsed = parseJsonObject(req.bodyText);
  if (!parsed.ok) return error(400, 'invalid_request', parsed.problem);
  const { intent_id, amount } = parsed.value;
  if (typeof intent_id !== 'string' || intent_id === '') return error(400, 'invalid_request', 'intent_id is required and must be a string');
  if (amount !== undefined && !(Number.isSafeInteger(amount) && (amount as number) > 0)) {
    return error(400, 'invalid_request', 'amount must be a positive integer in minor units');
  }
  const intent = Object.values(payments).find((p) => p.id === intent_id);
  if (!intent) return error(404, 'intent_not_found', `No intent ${intent_id}`);

  const check = resolveRefund(intent.amountMinor, ctx.refundedMinor(intent.id), amount as number | undefined);
  if (!check.ok) {
    return check.problem === 'already-refunded'
      ? error(400, 'already_refunded', `Intent ${intent.id} has already been fully refunded`)
      : error(400, 'amount_exceeds_refundable', `amount exceeds the refundable amount of intent ${intent.id}`);
  }
  const declined = declinedIds.has(intent.id);
  const entry = ctx.recordRefund(
    { id: seqId('refund_sbx', ctx.nextSeq(), 16), paymentId: intent.id, amountMinor: check.amountMinor, currency: 'USD', status: declined ? 'declined' : 'approved' },
    !declined,
  );
  if (declined) return json(401, { id: entry.id });
  return json(200, {
    id: entry.id,
    intent_id: intent.id,
    amount: entry.amountMinor,
    currency: 'USD',
    status: 'approved',
    created_at: ctx.now().toISOString(),
  });
}
