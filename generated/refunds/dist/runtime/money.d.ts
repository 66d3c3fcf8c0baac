/** Facade money: integer minor units plus an upper-case ISO 4217 code. */
export type Money = {
    value: number;
    currency: string;
};
/** A decimal or digit string that cannot be represented exactly; callers pick the RefundErrorCode. */
export declare class MoneyFormatError extends Error {
    constructor(message: string);
}
/** Minor-unit exponent (USD 2, JPY 0, KWD 3) or undefined for an unknown code. */
export declare function currencyExponent(code: string): number | undefined;
/** Validates caller input; throws RefundError invalid_request naming the field. */
export declare function checkMoney(money: unknown, field: string, provider: string): Money;
/** Safe integer → "1450" / "-7"; the string is the exact integer, never exponent notation. */
export declare function minorToDigitString(value: number): string;
/** "1450" / "-7" → safe integer; anything else (signs aside) is rejected. */
export declare function digitStringToMinor(digits: string): number;
/** 1450 USD → "14.50", 5 JPY → "5", 1234 KWD → "1.234": always exactly `exponent` fraction digits. */
export declare function minorToMajorDecimal(value: number, currency: string): string;
/**
 * "14.5" / "14.50" / 14.5 / "1.45e1" → 1450 (USD). A JS number is read through its
 * shortest round-trip string (String(14.5) === "14.5"), never multiplied, so
 * 4.35 gives 435 where 4.35 * 100 would give 434.99999999999994.
 * Throws MoneyFormatError for malformed input or more fraction digits than the
 * currency has (trailing zeros excepted: "100.00" JPY is 100, "1.005" USD is an error).
 */
export declare function majorDecimalToMinor(decimal: string | number, currency: string): number;
export interface MajorNumberOptions {
    /** Largest number of fraction digits the provider's JSON number accepts. */
    maxFractionDigits?: number;
}
/**
 * 1450 USD → 14.5 as a JS number, for providers whose JSON wants a number.
 * Why this is exact: Number("14.50") is the double nearest to 14.50, and
 * JSON.stringify prints the shortest string that reads back as that same double,
 * which for any decimal of ≤ 15 significant digits is that decimal itself
 * ("14.5", trailing zeros dropped). So the provider receives the exact digits;
 * no arithmetic on doubles happens anywhere.
 */
export declare function minorToMajorNumber(value: number, currency: string, options?: MajorNumberOptions): number;
