/**
 * WooshPay (specs/sources/wooshpay-create-refund.md): Stripe-like POST /v1/refunds, basic auth with the
 * secret key as user name and an empty password; `amount` is a string of minor units.
 */
import { basicAuth, digitsToMinor, isStringMap, json, parseJsonObject, resolveRefund, safeEqual, seqId } from './kit.ts';
import type { IdempotencySupport, ProviderContext, RecordedRequest, Reply, SeededPayment } from './types.ts';

export const route = { method: 'POST', path: '/v1/refunds' } as const;

export const credentials = { secretKey: 'sk_test_wooshpay_sandbox_51Hx9Q2e' } as const;

type WooshPayment = SeededPayment & { refundStatus: 'succeeded' | 'pending' };

export const payments = {
  usd: { id: 'pi_1787730829493927936', amountMinor: 10000, currency: 'USD', refundStatus: 'succeeded', behaviour: 'card; refunds succeeded' },
  jpy: { id: 'pi_1787730829493927937', amountMinor: 5000, currency: 'JPY', refundStatus: 'succeeded', behaviour: 'card, JPY (exponent 0); refunds succeeded' },
  pending: { id: 'pi_1787730829493927938', amountMinor: 3000, currency: 'USD', refundStatus: 'pending', behaviour: 'refunds come back pending' },
} as const satisfies Record<string, WooshPayment>;

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'resolved_dispute'];

export const idempotency: IdempotencySupport | null = null;

const error = (status: number, code: string, message: string, param?: string): Reply =>
  json(status, { error: { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) } });

export function errorReply(status: number, message: string): Reply {
  if (status === 404) return error(404, 'resource_missing', message);
  if (status === 429) return json(429, { error: { type: 'invalid_request_error', code: 'rate_limit', message } });
  return json(status, { error: { type: 'api_error', message } });
}

export function authenticate(req: RecordedRequest): Reply | undefined {
  const auth = basicAuth(req.headers);
  if (auth && auth.password === '' && safeEqual(auth.user, credentials.secretKey)) return undefined;
  return json(401, {
    error: {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: auth ? 'Invalid API Key provided.' : 'You did not provide an API key. Use HTTP basic auth with your secret key as the user name.',
    },
  });
}

export function handler(req: RecordedRequest, ctx: ProviderContext): Reply {
  const parsed = parseJsonObject(req.bodyText);
  if (!parsed.ok) return error(400, 'parameter_invalid', `Invalid request: ${parsed.problem}`);
  const { payment_intent, amount, reason, metadata } = parsed.value;
  if (payment_intent === undefined) return error(400, 'parameter_missing', 'Missing required param: payment_intent.', 'payment_intent');
  if (typeof payment_intent !== 'string' || payment_intent === '') {
    return error(400, 'parameter_invalid', 'Invalid payment_intent: must be a string.', 'payment_intent');
  }
  const requested = amount === undefined ? undefined : digitsToMinor(amount);
  if (amount !== undefined && !(requested !== undefined && requested > 0)) {
    return error(400, 'parameter_invalid', 'Invalid amount: must be a string of digits giving a positive integer in the smallest currency unit.', 'amount');
  }
  if (reason !== undefined && !REASONS.includes(reason as string)) {
    return error(400, 'parameter_invalid', `Invalid reason: must be one of ${REASONS.join(', ')}.`, 'reason');
  }
  if (metadata !== undefined && !isStringMap(metadata)) {
    return error(400, 'parameter_invalid', 'Invalid metadata: must be an object of string values.', 'metadata');
  }
  const pi: WooshPayment | undefined = Object.values(payments).find((p) => p.id === payment_intent);
  if (!pi) return error(404, 'resource_missing', `No such payment_intent: '${payment_intent}'`, 'payment_intent');

  const check = resolveRefund(pi.amountMinor, ctx.refundedMinor(pi.id), requested);
  if (!check.ok) {
    return check.problem === 'already-refunded'
      ? error(400, 'charge_already_refunded', `Charge for payment_intent ${pi.id} has already been refunded.`)
      : error(400, 'amount_too_large', 'Refund amount is greater than the unrefunded amount on the charge.', 'amount');
  }
  const entry = ctx.recordRefund(
    { id: seqId('re_sbx', ctx.nextSeq()), paymentId: pi.id, amountMinor: check.amountMinor, currency: pi.currency, status: pi.refundStatus },
    true,
  );
  return json(200, {
    id: entry.id,
    object: 'refund',
    amount: entry.amountMinor,
    created: Math.floor(ctx.now().getTime() / 1000),
    currency: pi.currency.toLowerCase(),
    metadata: metadata ?? {},
    payment_intent: pi.id,
    reason: reason ?? null,
    status: pi.refundStatus,
  });
}
