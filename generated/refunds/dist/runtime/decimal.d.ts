/**
 * "14.5" / "14.50" / 14.5 / "1.45e1" → 1450 (USD). A JS number is read through its
 * shortest round-trip string (String(14.5) === "14.5"), never multiplied, so
 * 4.35 gives 435 where 4.35 * 100 would give 434.99999999999994.
 * Throws MoneyFormatError for malformed input or more fraction digits than the
 * currency has (trailing zeros excepted: "100.00" JPY is 100, "1.005" USD is an error).
 */
export declare function majorDecimalToMinor(decimal: string | number, currency: string): number;
/** Provider major-unit amount ("14.50" or 14.5) → minor units; same as majorDecimalToMinor. */
export declare function majorToMinor(decimal: string | number, currency: string): number;
/** read.money amount formats "majorNumber" and "majorString": 14.5 / "14.50" USD → 1450. */
export declare function majorAmount(value: unknown, currency: string, field: string): number;
