/** 1450 USD → "14.50", 5 JPY → "5", 1234 KWD → "1.234": always exactly `exponent` fraction digits. */
export declare function minorToMajorDecimal(value: number, currency: string): string;
export interface MajorNumberOptions {
    /** Largest number of fraction digits the provider's JSON number accepts. */
    maxFractionDigits?: number;
}
/**
 * 1450 USD → 14.5 as a JS number, for providers whose JSON wants a number.
 * Why this is exact: `value` is an integer and 10^exponent a power of ten, both exact doubles, and
 * IEEE 754 division is correctly rounded, so `value / 10 ** exponent` is the double nearest to the
 * decimal value/10^exponent, the very double Number("14.50") parses to. JSON.stringify prints the
 * shortest string that reads back as that double, which for any decimal of ≤ 15 significant digits
 * is that decimal itself ("14.5", trailing zeros dropped). So the provider receives the exact digits
 * (test/runtime/money.test.ts checks them against minorToMajorDecimal). No float is ever scaled up.
 */
export declare function minorToMajorNumber(value: number, currency: string, options?: MajorNumberOptions): number;
