import { MoneyFormatError } from './errors.js';
export { MoneyFormatError };
/** Facade money: integer minor units plus an upper-case ISO 4217 code. */
export type Money = {
    value: number;
    currency: string;
};
/** Minor-unit exponent (USD 2, JPY 0, KWD 3) or undefined for an unknown code. */
export declare function currencyExponent(code: string): number | undefined;
/** currencyExponent, or MoneyFormatError for an unknown code. */
export declare function requireExponent(currency: string): number;
/** A value as shown in a message: strings JSON-quoted and cut to 40 characters, objects by kind. */
export declare function quote(value: unknown): string;
/** Validates caller input; throws RefundError invalid_request naming the field. */
export declare function checkMoney(money: unknown, field: string, provider: string): Money;
