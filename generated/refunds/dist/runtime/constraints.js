/**
 * Limits the provider's spec puts on fields the caller passes through (providerOptions, reference):
 * lengths, patterns, enums, URLs, required members. The generator copies them from the normalized
 * spec into the shim, nested by `properties` (`providerOptions` → `bankAccount` → `bank_code`); only
 * shims that have some import this module.
 */
import { RefundError } from './errors.js';
// Spec patterns compiled once each ('u': JSON Schema patterns are Unicode). Its own cache rather than
// validate.ts's, so a bundle's shared chunk does not split off validate.ts for shims that use this.
const compiled = new Map();
function regex(pattern) {
    let found = compiled.get(pattern);
    if (found === undefined)
        compiled.set(pattern, (found = new RegExp(pattern, 'u')));
    return found;
}
/** Checks each constrained input field (`reference`, `providerOptions.bankAccount`, …) that is present. */
export function checkConstraints(input, constraints, provider) {
    const problem = members(input, constraints, '');
    if (problem !== undefined)
        throw new RefundError({ code: 'invalid_request', provider, message: problem });
}
function members(record, constraints, prefix) {
    for (const [key, constraint] of Object.entries(constraints)) {
        const problem = record[key] === undefined ? undefined : violation(record[key], constraint, prefix + key);
        if (problem !== undefined)
            return problem;
    }
    return undefined;
}
function violation(value, c, field) {
    const { maxLength = Infinity, minLength = 0, pattern, required, properties } = c;
    if (c.enum !== undefined && !c.enum.includes(value))
        return `${field} must be one of ${c.enum.join(', ')}`;
    if (typeof value === 'string') {
        if (value.length > maxLength)
            return `${field} must be at most ${maxLength} characters`;
        if (value.length < minLength)
            return `${field} must be at least ${minLength} characters`;
        if (pattern !== undefined && !regex(pattern).test(value))
            return `${field} must match ${pattern}`;
        if (c.format === 'uri' && !isUrl(value))
            return `${field} must be an absolute URL`;
    }
    if (required === undefined && properties === undefined)
        return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return `${field} must be an object`;
    const record = value;
    const missing = required?.find((key) => record[key] === undefined);
    return missing === undefined ? members(record, properties ?? {}, `${field}.`) : `${field}.${missing} is required`;
}
function isUrl(text) {
    try {
        return new URL(text) !== undefined;
    }
    catch {
        return false;
    }
}
