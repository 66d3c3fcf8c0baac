/**
 * Input the provider would reject is rejected before any request, as `invalid_request` with a
 * message naming the field. The rules are data emitted from each provider's mapping.
 */
import { checkMoney } from './money.js';
import { isRecord } from './options.js';
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'other'];
/** `reject` throws the provider's invalid_request RefundError (one per client, made by the engine). */
export function validateInput(input, rules, provider, reject) {
    if (!isRecord(input))
        reject('the refund input must be an object');
    const { paymentId, amount, reason, metadata, reference, idempotencyKey: key } = input;
    // Absent options are checked as empty ones (the shim's check then names a missing required one).
    const providerOptions = input.providerOptions ?? {};
    if (typeof paymentId !== 'string' || paymentId.trim() === '')
        reject('paymentId must be a non-empty string');
    if (amount !== undefined)
        checkMoney(amount, 'amount', provider);
    if (reason !== undefined && !REASONS.includes(reason))
        reject(`reason must be one of ${REASONS.join(', ')}`);
    if (metadata !== undefined && (!isRecord(metadata) || Object.values(metadata).some((v) => typeof v !== 'string'))) {
        reject('metadata must be an object whose values are strings');
    }
    if (reference !== undefined && typeof reference !== 'string')
        reject('reference must be a string');
    if (key !== undefined && (typeof key !== 'string' || key === ''))
        reject('idempotencyKey must be a non-empty string');
    if (!isRecord(providerOptions))
        reject('providerOptions must be an object');
    for (const name of Object.keys(providerOptions)) {
        if (!Object.hasOwn(rules.providerOptions, name))
            reject(`providerOptions.${name} is not an option of ${provider}`);
    }
}
