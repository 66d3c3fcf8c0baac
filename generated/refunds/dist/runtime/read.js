/**
 * Reading a provider's response. The body is typed by the provider's schema, but it arrived over
 * the network: every value the facade returns is checked here, and a wrong one is a ReadError that
 * the engine reports as `unexpected_response`.
 */
import { ReadError } from './errors.js';
import { currencyExponent, quote } from './money.js';
import { upperCase } from './text.js';
export { ReadError };
// A plausible identifier: 1 to 255 printable ASCII characters, no spaces ("Bearer x" is no id).
const ID = /^[!-~]{1,255}$/;
/** A required identifier: providers send ids as strings, some as numbers. */
export function id(value, field) {
    if (typeof value === 'string' && ID.test(value))
        return value;
    if (typeof value === 'number' && Number.isSafeInteger(value))
        return String(value);
    throw new ReadError(`${field} is missing or not an identifier`);
}
export function optionalString(value, field) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw new ReadError(`${field} is not a string`);
    return value;
}
/** Applies `transform` when the value is present. */
export function optional(value, transform) {
    return value === undefined || value === null ? undefined : transform(value);
}
export function present(value) {
    return value !== undefined && value !== null && value !== '';
}
/**
 * An amount + currency pair from a response, as exact minor units; undefined when neither is there.
 * One without the other, a negative amount or an unknown currency is a ReadError.
 */
export function money(value, currency, field, amount) {
    const noValue = value === undefined || value === null;
    if (noValue && (currency === undefined || currency === null))
        return undefined;
    if (noValue || typeof currency !== 'string')
        throw new ReadError(`${field} needs a value and a currency`);
    const code = upperCase(currency);
    if (currencyExponent(code) === undefined)
        throw new ReadError(`${field}.currency ${quote(currency)} is not ISO 4217`);
    const minor = amount(value, code, field);
    if (minor < 0)
        throw new ReadError(`${field} is negative`);
    return { value: minor, currency: code };
}
/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
export function at(value, path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
            return undefined;
        current = current[key];
    }
    return current;
}
