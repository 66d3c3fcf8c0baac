/**
 * Named value transforms that provider mappings refer to by name. All pure:
 * they throw MoneyFormatError (money) or TransformError (everything else)
 * and let the caller decide which RefundErrorCode that becomes.
 */
import { digitStringToMinor, majorDecimalToMinor, minorToDigitString, minorToMajorDecimal, minorToMajorNumber, MoneyFormatError, } from './money.js';
export { minorToMajorDecimal, minorToMajorNumber };
export class TransformError extends Error {
    constructor(message) {
        super(message);
    }
}
Object.defineProperty(TransformError.prototype, 'name', {
    value: 'TransformError',
    writable: true,
    configurable: true,
});
function shown(value) {
    return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
}
/** Provider major-unit amount ("14.50" or 14.5) → minor units; same as majorDecimalToMinor. */
export function majorToMinor(decimal, currency) {
    return majorDecimalToMinor(decimal, currency);
}
/** 1450 → "1450", for providers that send minor units as strings. Non-negative only. */
export function minorToString(value) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new MoneyFormatError(`minor units must be a non-negative safe integer, got ${shown(value)}`);
    }
    return minorToDigitString(value);
}
/** "1450" → 1450; anything but ASCII digits (signs, spaces, "14.50", "1e3") is rejected. */
export function stringToMinor(digits) {
    if (typeof digits !== 'string' || !/^\d+$/.test(digits)) {
        throw new MoneyFormatError(`expected a string of digits, got ${shown(digits)}`);
    }
    return digitStringToMinor(digits);
}
function isoFromMillis(millis, input) {
    const date = new Date(millis);
    if (Number.isNaN(date.getTime()))
        throw new TransformError(`${shown(input)} is outside the date range`);
    return date.toISOString();
}
/** 1700000000 → "2023-11-14T22:13:20.000Z". Fractional seconds are rounded to the millisecond. */
export function epochSecondsToIso(seconds) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
        throw new TransformError(`expected epoch seconds as a finite number, got ${shown(seconds)}`);
    }
    // Exact for whole seconds (integers below 2^53); fractions only need ms precision.
    return isoFromMillis(Math.round(seconds * 1000), seconds);
}
/** 1700000000000 → "2023-11-14T22:13:20.000Z". */
export function epochMillisToIso(millis) {
    if (typeof millis !== 'number' || !Number.isFinite(millis)) {
        throw new TransformError(`expected epoch milliseconds as a finite number, got ${shown(millis)}`);
    }
    return isoFromMillis(Math.round(millis), millis);
}
/** Date.UTC of the parts, or undefined when a part is out of range (Feb 30, hour 24, second 60). */
function utcMillis(parts) {
    const { year, month, day, hour, minute, second, millis } = parts;
    const date = new Date(0);
    // setUTCFullYear avoids Date.UTC's 0–99 → 1900s year mapping.
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, millis);
    const valid = date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day &&
        date.getUTCHours() === hour &&
        date.getUTCMinutes() === minute &&
        date.getUTCSeconds() === second;
    return valid ? date.getTime() : undefined;
}
function fractionToMillis(fraction) {
    // ".5" → 500, ".123456" → 123 (truncated: sub-millisecond precision is not representable).
    return fraction === undefined ? 0 : Number(fraction.slice(1, 4).padEnd(3, '0'));
}
const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;
/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export function naiveUtcDateTimeToIso(text) {
    const match = typeof text === 'string' ? NAIVE_DATE_TIME.exec(text) : null;
    if (match === null) {
        throw new TransformError(`expected "YYYY-MM-DD HH:MM:SS" (UTC), got ${shown(text)}`);
    }
    const [, year, month, day, hour, minute, second, fraction] = match;
    const millis = utcMillis({
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
        millis: fractionToMillis(fraction),
    });
    if (millis === undefined)
        throw new TransformError(`${shown(text)} is not a real date and time`);
    return isoFromMillis(millis, text);
}
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;
/** Any ISO 8601 date-time with a zone ("…+02:00", "…Z") → UTC "…Z" with milliseconds. */
export function isoToIso(text) {
    const match = typeof text === 'string' ? ISO_WITH_OFFSET.exec(text) : null;
    if (match === null) {
        throw new TransformError(`expected an ISO 8601 date-time with a zone offset, got ${shown(text)}`);
    }
    const [, year, month, day, hour, minute, second = '00', fraction, , sign, offsetHours, offsetMinutes] = match;
    const local = utcMillis({
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
        millis: fractionToMillis(fraction),
    });
    const offsetH = Number(offsetHours ?? 0);
    const offsetM = Number(offsetMinutes ?? 0);
    if (local === undefined || offsetH > 23 || offsetM > 59) {
        throw new TransformError(`${shown(text)} is not a real date and time`);
    }
    const offsetMillis = (sign === '-' ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000;
    return isoFromMillis(local - offsetMillis, text);
}
export function upperCase(text) {
    if (typeof text !== 'string')
        throw new TransformError(`expected a string, got ${shown(text)}`);
    return text.toUpperCase(); // locale-independent, unlike toLocaleUpperCase
}
export function lowerCase(text) {
    if (typeof text !== 'string')
        throw new TransformError(`expected a string, got ${shown(text)}`);
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
    throw new TransformError(`unknown value ${shown(value)}; expected one of ${known}`);
}
/** Every named transform a mapping may use, by name. */
export const transforms = {
    minorToMajorNumber: minorToMajorNumber,
    minorToMajorDecimal: minorToMajorDecimal,
    majorToMinor: majorToMinor,
    minorToString: minorToString,
    stringToMinor: stringToMinor,
    epochSecondsToIso: epochSecondsToIso,
    epochMillisToIso: epochMillisToIso,
    naiveUtcDateTimeToIso: naiveUtcDateTimeToIso,
    isoToIso: isoToIso,
    upperCase: upperCase,
    lowerCase: lowerCase,
    mapEnum: mapEnum,
};
