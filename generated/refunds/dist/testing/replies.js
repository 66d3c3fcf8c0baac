import { minorToMajorDecimal } from '../runtime/major.js';
export function refundReply(outcome, facts) {
    const body = structuredClone(outcome.body);
    const headers = {};
    for (const fill of outcome.fills) {
        const value = fillValue(fill, outcome, facts);
        if (value === undefined)
            continue;
        if (fill.header !== undefined)
            headers[fill.header] = String(value);
        else if (fill.at !== undefined)
            setPath(body, fill.at, value);
    }
    return { status: outcome.httpStatus, body, headers };
}
export function errorReply(recipe, message) {
    const body = structuredClone(recipe.body);
    // The template already holds the value a rule's condition needs; only a free-text message is replaced.
    if (recipe.message !== undefined && !hasValue(body, recipe.message))
        setPath(body, recipe.message, message);
    return { status: recipe.httpStatus, body, headers: {} };
}
function fillValue(fill, outcome, facts) {
    switch (fill.slot) {
        case 'refundId': return fill.type === 'string' ? facts.id : Number(facts.id);
        case 'paymentId': return fill.type === 'string' ? String(facts.requestPaymentId) : Number(facts.requestPaymentId);
        case 'status': return outcome.statusValue;
        case 'amount': return amountValue(facts.amount, fill.format ?? 'minorInteger');
        case 'currency': {
            const code = facts.amount.currency;
            return fill.values?.find((v) => typeof v === 'string' && v.toUpperCase() === code) ?? code;
        }
        case 'createdAt': return dateValue(facts.createdAt, fill.format);
        case 'reference': return typeof facts.reference === 'string' ? facts.reference : undefined;
        case 'failureReason':
            if (facts.status !== 'failed' && facts.status !== 'canceled')
                return undefined;
            return fill.values?.[0] ?? 'declined by the paykit fake';
    }
}
function amountValue(amount, format) {
    switch (format) {
        case 'minorString': return String(amount.value);
        case 'majorNumber': return Number(minorToMajorDecimal(amount.value, amount.currency));
        case 'majorString': return minorToMajorDecimal(amount.value, amount.currency);
        default: return amount.value;
    }
}
/** The inverse of the facade's date transform named by the mapping. */
function dateValue(date, transform) {
    switch (transform) {
        case 'epochSecondsToIso': return Math.floor(date.getTime() / 1000);
        case 'epochMillisToIso': return date.getTime();
        case 'naiveUtcDateTimeToIso': return date.toISOString().slice(0, 19).replace('T', ' ');
        default: return date.toISOString();
    }
}
function hasValue(body, path) {
    let current = body;
    for (const key of path) {
        if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key))
            return false;
        current = current[key];
    }
    return current !== undefined && current !== '';
}
function setPath(body, path, value) {
    let current = body;
    for (const key of path.slice(0, -1)) {
        const next = current[key];
        if (typeof next !== 'object' || next === null)
            current[key] = {};
        current = current[key];
    }
    const last = path[path.length - 1];
    if (last !== undefined)
        Object.defineProperty(current, last, { value, enumerable: true, writable: true, configurable: true });
}
