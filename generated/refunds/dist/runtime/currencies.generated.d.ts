/** ISO 4217 minor-unit exponent per currency code (USD 2, JPY 0, KWD 3), keys sorted. */
export declare const CURRENCY_EXPONENTS: Readonly<Record<string, number>>;
