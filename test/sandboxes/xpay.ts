/**
 * xPay (specs/sources/xpay-create-refund.md): POST /payments/merchant/refund, basic auth publicKey:secretKey,
 * `amount` a string of minor units, optional Idempotency-Key, errors {errorCode, errorDescription}.
 */
import { basicAuth, digitsToMinor, json, parseJsonObject, resolveRefund, safeEqual, seqId } from './kit.ts';
import type { IdempotencySupport, ProviderContext, RecordedRequest, Reply, SeededPayment } from './types.ts';

export const route = { method: 'POST', path: '/payments/merchant/refund' } as const;

export const credentials = { publicKey: 'xpay_pk_test_sandbox_9dK2', secretKey: 'xpay_sk_test_sandbox_Vb41nQ7s' } as const;

export const payments = {
  usd: { id: 'in_fooBOwYsaK50AEfK', amountMinor: 10000, currency: 'USD', behaviour: 'captured; refunds succeed' },
  inr: { id: 'in_sandboxINR0000001', amountMinor: 50000, currency: 'INR', behaviour: 'captured, INR; refunds succeed' },
} as const satisfies Record<string, SeededPayment>;

const error = (status: number, errorCode: string, errorDescription: string): Reply => json(status, { errorCode, errorDescription });

export const idempotency: IdempotencySupport = {
  header: 'idempotency-key',
  validate: (key) =>
    /^[a-zA-Z0-9\-_:.]{1,255}$/.test(key) ? undefined : error(400, 'bad_request', 'Idempotency-Key must match ^[a-zA-Z0-9\\-_:\\.]+$ and be at most 255 characters'),
  conflict: () => error(400, 'idempotency_conflict', 'Idempotency-Key was already used with a different request body'),
};

export function errorReply(status: number, message: string): Reply {
  return error(status, status === 404 ? 'not_found' : status === 429 ? 'too_many_requests' : 'internal_server_error', message);
}

export function authenticate(req: RecordedRequest): Reply | undefined {
  const auth = basicAuth(req.headers);
  if (auth && safeEqual(auth.user, credentials.publicKey) && safeEqual(auth.password, credentials.secretKey)) return undefined;
  return error(401, 'unauthorized', 'Invalid or missing credentials');
}

export function handler(req: RecordedRequest, ctx: ProviderContext): Reply {
  const parsed = parseJsonObject(req.bodyText);
  if (!parsed.ok) return error(400, 'bad_request', 'Failed to read request');
  const { xIntentId, amount, refundReferenceId } = parsed.value;
  if (typeof xIntentId !== 'string' || xIntentId === '') return error(400, 'bad_request', 'xIntentId is required and must be a string');
  const requested = amount === undefined ? undefined : digitsToMinor(amount);
  if (amount !== undefined && !(requested !== undefined && requested > 0)) {
    return error(400, 'bad_request', 'amount must be a string of digits giving a positive amount in the smallest currency unit');
  }
  if (refundReferenceId !== undefined && typeof refundReferenceId !== 'string') {
    return error(400, 'bad_request', 'refundReferenceId must be a string');
  }
  const intent: SeededPayment | undefined = Object.values(payments).find((p) => p.id === xIntentId);
  if (!intent) return error(400, 'intent_not_found', `No intent found with id ${xIntentId}`);

  const check = resolveRefund(intent.amountMinor, ctx.refundedMinor(intent.id), requested);
  if (!check.ok) {
    return check.problem === 'already-refunded'
      ? error(400, 'already_refunded', `Intent ${intent.id} is already fully refunded`)
      : error(400, 'amount_exceeds_refundable', 'Refund amount exceeds the refundable amount of the intent');
  }
  const entry = ctx.recordRefund(
    { id: seqId('rf_sbx', ctx.nextSeq(), 14), paymentId: intent.id, amountMinor: check.amountMinor, currency: intent.currency, status: 'succeeded' },
    true,
  );
  return json(200, {
    refundId: entry.id,
    intentId: intent.id,
    amount: entry.amountMinor,
    currency: intent.currency,
    refundedAt: ctx.now().getTime(),
    ...(refundReferenceId === undefined ? {} : { refundReferenceId }),
  });
}
