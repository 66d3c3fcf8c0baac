/**
 * Named value transforms that provider mappings refer to by name. All pure:
 * they throw MoneyFormatError (money) or TransformError (everything else)
 * and let the caller decide which RefundErrorCode that becomes.
 */
import { minorToMajorDecimal, minorToMajorNumber } from './money.js';
export { minorToMajorDecimal, minorToMajorNumber };
export declare class TransformError extends Error {
    constructor(message: string);
}
/** Provider major-unit amount ("14.50" or 14.5) → minor units; same as majorDecimalToMinor. */
export declare function majorToMinor(decimal: string | number, currency: string): number;
/** 1450 → "1450", for providers that send minor units as strings. Non-negative only. */
export declare function minorToString(value: number): string;
/** "1450" → 1450; anything but ASCII digits (signs, spaces, "14.50", "1e3") is rejected. */
export declare function stringToMinor(digits: string): number;
/** 1700000000 → "2023-11-14T22:13:20.000Z". Fractional seconds are rounded to the millisecond. */
export declare function epochSecondsToIso(seconds: number): string;
/** 1700000000000 → "2023-11-14T22:13:20.000Z". */
export declare function epochMillisToIso(millis: number): string;
/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export declare function naiveUtcDateTimeToIso(text: string): string;
/** Any ISO 8601 date-time with a zone ("…+02:00", "…Z") → UTC "…Z" with milliseconds. */
export declare function isoToIso(text: string): string;
export declare function upperCase(text: string): string;
export declare function lowerCase(text: string): string;
/**
 * Looks a provider value up in a mapping table; an unknown value yields
 * `fallback` when one is given, and throws otherwise (so new provider states are noticed).
 */
export declare function mapEnum<T>(table: Readonly<Record<string, T>>, value: string, fallback?: T): T;
/** Every named transform a mapping may use, by name. */
export declare const transforms: {
    readonly minorToMajorNumber: typeof minorToMajorNumber;
    readonly minorToMajorDecimal: typeof minorToMajorDecimal;
    readonly majorToMinor: typeof majorToMinor;
    readonly minorToString: typeof minorToString;
    readonly stringToMinor: typeof stringToMinor;
    readonly epochSecondsToIso: typeof epochSecondsToIso;
    readonly epochMillisToIso: typeof epochMillisToIso;
    readonly naiveUtcDateTimeToIso: typeof naiveUtcDateTimeToIso;
    readonly isoToIso: typeof isoToIso;
    readonly upperCase: typeof upperCase;
    readonly lowerCase: typeof lowerCase;
    readonly mapEnum: typeof mapEnum;
};
export type TransformName = keyof typeof transforms;
