/**
 * Every named value transform that provider mappings refer to by name. All pure: they throw
 * MoneyFormatError (money) or TransformError (everything else) and let the caller decide which
 * RefundErrorCode that becomes. Each lives in a small module of its own (minor.ts, major.ts,
 * decimal.ts, text.ts, epoch.ts, date-naive.ts, date-iso.ts) and generated shims import it from
 * there, so a bundle carries only the transforms its provider uses; this module gathers them.
 */
import { majorToMinor } from './decimal.js';
import { isoToIso } from './date-iso.js';
import { naiveUtcDateTimeToIso } from './date-naive.js';
import { epochMillisToIso, epochSecondsToIso } from './epoch.js';
import { minorToMajorDecimal, minorToMajorNumber } from './major.js';
import { minorToString, stringToMinor } from './minor-string.js';
import { lowerCase, mapEnum, upperCase } from './text.js';
export { TransformError } from './errors.js';
export { epochMillisToIso, epochSecondsToIso, isoToIso, lowerCase, majorToMinor, mapEnum, minorToMajorDecimal, minorToMajorNumber, minorToString, naiveUtcDateTimeToIso, stringToMinor, upperCase, };
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
