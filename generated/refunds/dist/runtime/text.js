/** String transforms and the enum lookup mappings use for statuses. */
import { TransformError } from './errors.js';
import { quote } from './money.js';
export function upperCase(text) {
    if (typeof text !== 'string')
        throw new TransformError(`expected a string, got ${quote(text)}`);
    return text.toUpperCase(); // locale-independent, unlike toLocaleUpperCase
}
export function lowerCase(text) {
    if (typeof text !== 'string')
        throw new TransformError(`expected a string, got ${quote(text)}`);
    return text.toLowerCase();
}
/**
 * Looks a provider value up in a mapping table; an unknown value yields
 * `fallback` when one is given, and throws otherwise (so new provider states are noticed).
 */
export function mapEnum(table, value, fallback) {
    if (typeof value === 'string' && Object.hasOwn(table, value))
        return table[value];
    if (fallback !== undefined)
        return fallback;
    const known = Object.keys(table).map((key) => JSON.stringify(key)).join(', ');
    throw new TransformError(`unknown value ${quote(value)}; expected one of ${known}`);
}
