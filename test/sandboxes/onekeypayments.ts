/**
 * onekeypayments (specs/sources/onekeypayments-create-refund.md): POST /v3/refunds, signed headers
 * (X-Date, X-Login, Authorization: V2-HMAC-SHA256 over X-Date + X-Login + raw body), amounts in major
 * units, optional X-Idempotency-Key. Errors are always {code, description, type?}.
 */
import { createHmac } from 'node:crypto';
import { isPlainObject, json, majorToMinor, minorToMajor, parseJsonObject, resolveRefund, safeEqual, utcSeconds } from './kit.ts';
import type { IdempotencySupport, ProviderContext, RecordedRequest, Reply, SeededPayment } from './types.ts';

export const route = { method: 'POST', path: '/v3/refunds' } as const;

export const credentials = { login: 'okp_login_sandbox_7Yt2', secretKey: 'okp_secret_sandbox_Qm83vLx91ZpR' } as const;

type Deposit = SeededPayment & {
  depositId: number;
  invoiceId: string;
  refundType: 'CARD' | 'BANK';
  result: 'SUCCESS' | 'IN_PROGRESS' | 'REJECTED';
  paymentMethod: string;
  paymentMethodName: string;
};

export const payments = {
  card: { id: '3000001', depositId: 3000001, invoiceId: 'inv-1001', amountMinor: 10000, currency: 'MXN', refundType: 'CARD', result: 'SUCCESS', paymentMethod: 'VI', paymentMethodName: 'Visa', behaviour: 'card deposit; refunds SUCCESS synchronously' },
  bank: { id: '3000002', depositId: 3000002, invoiceId: 'inv-1002', amountMinor: 25000, currency: 'MXN', refundType: 'BANK', result: 'IN_PROGRESS', paymentMethod: 'SE', paymentMethodName: 'SPEI', behaviour: 'bank transfer; bank_account required; refunds IN_PROGRESS' },
  rejected: { id: '3000003', depositId: 3000003, invoiceId: 'inv-1003', amountMinor: 5000, currency: 'MXN', refundType: 'CARD', result: 'REJECTED', paymentMethod: 'MC', paymentMethodName: 'Mastercard', behaviour: 'card deposit; refunds REJECTED' },
} as const satisfies Record<string, Deposit>;

const SIGNATURE_PREFIX = 'V2-HMAC-SHA256, Signature: ';
const MAX_SKEW_MS = 5 * 60 * 1000;
const ACCOUNT_TYPES = ['SAVING', 'CHECKING', 'VISTA', 'MASTER', 'SAVING_SET', 'CHECKING_SET', 'DEFAULT'];
const BANK_FIELDS: [name: string, max: number, required: boolean][] = [
  ['beneficiary', 255, true], ['bank_code', 5, true], ['account_number', 45, true], ['account_type', 45, true],
  ['document_type', 10, false], ['document', 30, false], ['branch', 45, false],
];

const error = (status: number, code: number, description: string, type?: string): Reply =>
  json(status, type === undefined ? { code, description } : { code, description, type });
const invalid = (description: string) => error(400, 5000, description, 'INVALID_REQUEST');
const invalidAmount = (description: string) => error(400, 5008, description, 'INVALID_AMOUNT');

/** The signature a client must send: hex HMAC-SHA256(secret, xDate + xLogin + body). */
function sign(secretKey: string, xDate: string, xLogin: string, bodyText: string): string {
  return createHmac('sha256', secretKey).update(xDate + xLogin + bodyText, 'utf8').digest('hex');
}

export const idempotency: IdempotencySupport = {
  header: 'x-idempotency-key',
  validate: (key) => (key.length >= 1 && key.length <= 255 ? undefined : invalid('X-Idempotency-Key must be 1 to 255 characters')),
  conflict: () => error(400, 5011, 'X-Idempotency-Key was already used with a different request body', 'IDEMPOTENCY_CONFLICT'),
};

export function errorReply(status: number, message: string): Reply {
  const type = status === 404 ? 'NOT_FOUND' : status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_ERROR';
  return error(status, status, message, type);
}

export function authenticate(req: RecordedRequest, ctx: ProviderContext): Reply | undefined {
  const unauthorized = (why: string) => error(401, 401, why, 'UNAUTHORIZED');
  const xDate = req.headers['x-date'];
  const xLogin = req.headers['x-login'];
  const auth = req.headers['authorization'];
  if (!xDate || !xLogin || !auth) return unauthorized('Missing X-Date, X-Login or Authorization header');
  if (!safeEqual(xLogin, credentials.login)) return unauthorized('Invalid X-Login');
  const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.test(xDate) ? Date.parse(xDate) : NaN;
  if (Number.isNaN(when)) return unauthorized('X-Date must be an ISO 8601 date-time with time zone');
  if (Math.abs(ctx.now().getTime() - when) > MAX_SKEW_MS) return unauthorized('X-Date is more than 5 minutes from the server time');
  if (!auth.startsWith(SIGNATURE_PREFIX)) return unauthorized(`Authorization must be "${SIGNATURE_PREFIX}<hex>"`);
  const expected = sign(credentials.secretKey, xDate, xLogin, req.bodyText);
  if (!safeEqual(auth.slice(SIGNATURE_PREFIX.length).toLowerCase(), expected)) return unauthorized('Invalid signature');
  return undefined;
}

function bankAccountProblem(v: unknown): string | undefined {
  if (!isPlainObject(v)) return 'bank_account must be an object';
  for (const [name, max, required] of BANK_FIELDS) {
    const f = v[name];
    if (f === undefined) { if (required) return `bank_account.${name} is required`; continue; }
    if (typeof f !== 'string' || f === '' || f.length > max) return `bank_account.${name} must be a string of 1 to ${max} characters`;
  }
  if (!ACCOUNT_TYPES.includes(v['account_type'] as string)) return `bank_account.account_type must be one of ${ACCOUNT_TYPES.join(', ')}`;
  return undefined;
}

export function handler(req: RecordedRequest, ctx: ProviderContext): Reply {
  const parsed = parseJsonObject(req.bodyText);
  if (!parsed.ok) return invalid(parsed.problem);
  const b = parsed.value;
  if (!Number.isSafeInteger(b['deposit_id'])) return invalid('deposit_id is required and must be an integer');
  if (typeof b['invoice_id'] !== 'string' || b['invoice_id'] === '' || b['invoice_id'].length > 128) {
    return invalid('invoice_id is required and must be a string of at most 128 characters');
  }
  if (b['comments'] !== undefined && (typeof b['comments'] !== 'string' || b['comments'].length > 200)) {
    return invalid('comments must be a string of at most 200 characters');
  }
  const url = b['notification_url'];
  if (url !== undefined && (typeof url !== 'string' || url.length > 2048 || !/^https?:\/\/[^\s]+$/.test(url))) {
    return invalid('notification_url must be an http(s) URL of at most 2048 characters');
  }
  if (b['bank_account'] !== undefined) {
    const problem = bankAccountProblem(b['bank_account']);
    if (problem) return invalid(problem);
  }
  const deposit: Deposit | undefined = Object.values(payments).find((d) => d.depositId === b['deposit_id']);
  if (!deposit || deposit.invoiceId !== b['invoice_id']) return error(404, 404, 'Deposit not found', 'NOT_FOUND');

  let requested: number | undefined;
  if (b['amount'] !== undefined) {
    const m = majorToMinor(b['amount'], deposit.currency);
    if (!m.ok) {
      return m.problem === 'too-many-decimals'
        ? invalidAmount('amount must have at most 2 decimal places')
        : invalidAmount('amount must be a positive number');
    }
    if (m.minor <= 0) return invalidAmount('amount must be greater than 0');
    requested = m.minor;
  }
  if (deposit.refundType === 'BANK' && b['bank_account'] === undefined) {
    return error(400, 5002, 'bank_account is required to refund a deposit not paid by card', 'INVALID_REQUEST');
  }
  const check = resolveRefund(deposit.amountMinor, ctx.refundedMinor(deposit.id), requested);
  if (!check.ok) {
    return check.problem === 'already-refunded'
      ? error(400, 5009, 'The deposit has already been fully refunded', 'ALREADY_REFUNDED')
      : invalidAmount('Amount exceeds the refundable amount');
  }
  const entry = ctx.recordRefund(
    { id: String(100000 + ctx.nextSeq()), paymentId: deposit.id, amountMinor: check.amountMinor, currency: deposit.currency, status: deposit.result },
    deposit.result !== 'REJECTED',
  );
  const reason =
    deposit.result === 'REJECTED' ? { reason: 'The refund was rejected by the card issuer', reason_code: 'ISSUER_REJECTED' }
    : deposit.result === 'IN_PROGRESS' ? { reason: 'The refund is being processed by the bank', reason_code: 'PENDING_BANK' }
    : {};
  return json(200, {
    refund_id: entry.id,
    deposit_id: deposit.depositId,
    merchant_invoice_id: deposit.invoiceId,
    refund_info: {
      type: deposit.refundType,
      result: deposit.result,
      ...reason,
      payment_method: deposit.paymentMethod,
      payment_method_name: deposit.paymentMethodName,
      amount: minorToMajor(entry.amountMinor, deposit.currency),
      currency: deposit.currency,
      created_at: utcSeconds(ctx.now()),
    },
  });
}
