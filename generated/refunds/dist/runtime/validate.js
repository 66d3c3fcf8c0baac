/**
 * Input the provider would reject is rejected before any request, as `invalid_request` with a
 * message naming the field. The rules are data emitted from each provider's mapping.
 */
import { RefundError } from './errors.js';
import { checkMoney, currencyExponent } from './money.js';
import { isRecord } from './options.js';
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'other'];
// Spec patterns are compiled once, not on every call.
const compiled = new Map();
/** `pattern` (a spec's regular expression) as a RegExp, compiled on first use. */
export function regex(pattern) {
    let found = compiled.get(pattern);
    if (found === undefined)
        compiled.set(pattern, (found = new RegExp(pattern)));
    return found;
}
export function validateInput(input, rules, provider) {
    const reject = (message) => {
        throw new RefundError({ code: 'invalid_request', provider, message });
    };
    if (!isRecord(input))
        return reject('the refund input must be an object');
    const { paymentId, amount, reason, metadata, reference, idempotencyKey, providerOptions } = input;
    if (typeof paymentId !== 'string' || paymentId.trim() === '')
        reject('paymentId must be a non-empty string');
    if (rules.paymentId !== undefined && !regex(rules.paymentId.pattern).test(paymentId)) {
        reject(`paymentId must be ${rules.paymentId.hint}`);
    }
    if (amount === undefined) {
        if (rules.amount === 'required')
            reject(`amount is required for ${provider}${rules.amountHint === undefined ? '' : ` (${rules.amountHint})`}`);
    }
    else {
        const money = checkMoney(amount, 'amount', provider);
        if (rules.currencies !== undefined && !rules.currencies.includes(money.currency)) {
            reject(`amount.currency ${money.currency} is not supported by ${provider} (supported: ${rules.currencies.join(', ')})`);
        }
        const exponent = currencyExponent(money.currency) ?? 0;
        if (rules.maxFractionDigits !== undefined && exponent > rules.maxFractionDigits) {
            reject(`amount.currency ${money.currency} has ${exponent} decimals; ${provider} accepts at most ${rules.maxFractionDigits}`);
        }
    }
    if (reason !== undefined && !REASONS.includes(reason))
        reject(`reason must be one of ${REASONS.join(', ')}`);
    if (metadata !== undefined && (!isRecord(metadata) || Object.values(metadata).some((v) => typeof v !== 'string'))) {
        reject('metadata must be an object whose values are strings');
    }
    if (reference !== undefined && typeof reference !== 'string')
        reject('reference must be a string');
    if (idempotencyKey !== undefined)
        checkIdempotencyKey(idempotencyKey, rules, reject);
    checkProviderOptions(providerOptions, rules, reject);
}
function checkIdempotencyKey(key, rules, reject) {
    if (typeof key !== 'string' || key === '')
        reject('idempotencyKey must be a non-empty string');
    const rule = rules.idempotencyKey;
    if (rule?.maxLength !== undefined && key.length > rule.maxLength)
        reject(`idempotencyKey must be at most ${rule.maxLength} characters`);
    if (rule?.pattern !== undefined && !regex(rule.pattern).test(key))
        reject(`idempotencyKey must match ${rule.pattern}`);
}
function checkProviderOptions(options, rules, reject) {
    // Absent options are checked as empty ones: the first required option is named as missing.
    const given = options ?? {};
    if (!isRecord(given))
        return reject('providerOptions must be an object');
    for (const name of Object.keys(given)) {
        if (!Object.hasOwn(rules.providerOptions, name))
            reject(`providerOptions.${name} is not an option of this provider`);
    }
    for (const [name, rule] of Object.entries(rules.providerOptions)) {
        const value = given[name];
        if (value === undefined) {
            if (rule.required)
                reject(`providerOptions.${name} is required`);
        }
        else if (rule.type === 'object' ? !isRecord(value) : typeof value !== rule.type || value === '') {
            reject(`providerOptions.${name} must be ${rule.type === 'object' ? 'an object' : `a non-empty ${rule.type}`}`);
        }
    }
}
