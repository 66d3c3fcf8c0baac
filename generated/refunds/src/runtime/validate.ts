/**
 * Input the provider would reject is rejected before any request, as `invalid_request` with a
 * message naming the field. The rules are data emitted from each provider's mapping.
 */
import { checkMoney, currencyExponent } from './money.js';
import { isRecord } from './options.js';

export interface InputRules {
  amount: 'optional' | 'required';
  /** Why the amount is required, for the message. */
  amountHint?: string;
  currencies?: readonly string[];
  /** The most decimals the provider accepts in major units. */
  maxFractionDigits?: number;
  paymentId?: { pattern: string; hint: string };
  idempotencyKey?: { pattern?: string; maxLength?: number };
  providerOptions: Readonly<Record<string, { type: 'string' | 'boolean' | 'number' | 'object'; required?: boolean }>>;
}

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'other'];

// Spec patterns are compiled once, not on every call.
const compiled = new Map<string, RegExp>();
/** `pattern` (a spec's regular expression) as a RegExp, compiled on first use. */
export function regex(pattern: string): RegExp {
  let found = compiled.get(pattern);
  if (found === undefined) compiled.set(pattern, (found = new RegExp(pattern)));
  return found;
}

/** `reject` throws the provider's invalid_request RefundError (one per client, made by the engine). */
export function validateInput(input: unknown, rules: InputRules, provider: string, reject: (message: string) => never): void {
  if (!isRecord(input)) reject('the refund input must be an object');
  const { paymentId, amount, reason, metadata, reference, idempotencyKey: key } = input as Record<string, unknown>;
  const providerOptions = (input as Record<string, unknown>).providerOptions ?? {};
  const { paymentId: id, currencies, maxFractionDigits, idempotencyKey: keyRule = {}, providerOptions: options } = rules;

  if (typeof paymentId !== 'string' || paymentId.trim() === '' || (id !== undefined && !regex(id.pattern).test(paymentId))) {
    reject(`paymentId must be ${id === undefined ? 'a non-empty string' : id.hint}`);
  }
  if (amount === undefined) {
    if (rules.amount === 'required') reject(`amount is required for ${provider}${rules.amountHint === undefined ? '' : ` (${rules.amountHint})`}`);
  } else {
    const { currency } = checkMoney(amount, 'amount', provider);
    if (currencies !== undefined && !currencies.includes(currency)) {
      reject(`amount.currency ${currency} is not supported by ${provider} (supported: ${currencies.join(', ')})`);
    }
    // False when either is undefined (NaN comparison).
    if (currencyExponent(currency)! > maxFractionDigits!) reject(`amount.currency ${currency} has more decimals than the ${maxFractionDigits} ${provider} accepts`);
  }
  if (reason !== undefined && !REASONS.includes(reason as string)) reject(`reason must be one of ${REASONS.join(', ')}`);
  if (metadata !== undefined && (!isRecord(metadata) || Object.values(metadata).some((v) => typeof v !== 'string'))) {
    reject('metadata must be an object whose values are strings');
  }
  if (reference !== undefined && typeof reference !== 'string') reject('reference must be a string');
  const { maxLength = Infinity, pattern } = keyRule;
  if (key !== undefined && (typeof key !== 'string' || key === '' || key.length > maxLength || (pattern !== undefined && !regex(pattern).test(key)))) {
    reject(`idempotencyKey must be a non-empty string${maxLength < Infinity ? ` of at most ${maxLength} characters` : ''}${pattern === undefined ? '' : ` matching ${pattern}`}`);
  }
  // Absent options are checked as empty ones: the first required option is named as missing.
  if (!isRecord(providerOptions)) reject('providerOptions must be an object');
  for (const name of Object.keys(providerOptions as object)) {
    if (!Object.hasOwn(options, name)) reject(`providerOptions.${name} is not an option of ${provider}`);
  }
  for (const [name, { type, required }] of Object.entries(options)) {
    const value = (providerOptions as Record<string, unknown>)[name];
    if (value === undefined) {
      if (required) reject(`providerOptions.${name} is required`);
    } else if (type === 'object' ? !isRecord(value) : typeof value !== type || value === '') {
      reject(`providerOptions.${name} must be ${type === 'object' ? 'an object' : `a non-empty ${type}`}`);
    }
  }
}
