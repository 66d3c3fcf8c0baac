/**
 * Facade money and the caller-input check every app needs. The conversions providers need live in
 * minor.ts, major.ts and decimal.ts, so a bundle only carries the ones its provider uses.
 */
import { CURRENCY_EXPONENTS } from './currencies.generated.js';
import { MoneyFormatError, RefundError } from './errors.js';

export { MoneyFormatError };

/** Facade money: integer minor units plus an upper-case ISO 4217 code. */
export type Money = { value: number; currency: string };

/** Minor-unit exponent (USD 2, JPY 0, KWD 3) or undefined for an unknown code. */
export function currencyExponent(code: string): number | undefined {
  // hasOwn: "constructor" or "__proto__" must not resolve through the prototype.
  return Object.hasOwn(CURRENCY_EXPONENTS, code) ? CURRENCY_EXPONENTS[code] : undefined;
}

/** currencyExponent, or MoneyFormatError for an unknown code. */
export function requireExponent(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new MoneyFormatError(`unknown ISO 4217 currency ${quote(currency)}`);
  return exponent;
}

/** A value as shown in a message: strings JSON-quoted and cut to 40 characters, objects by kind. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Validates caller input; throws RefundError invalid_request naming the field. */
export function checkMoney(money: unknown, field: string, provider: string): Money {
  const reject = (message: string): never => {
    throw new RefundError({ code: 'invalid_request', provider, message });
  };
  if (typeof money !== 'object' || money === null || Array.isArray(money)) {
    return reject(`${field} must be an object { value, currency }, got ${quote(money)}`);
  }
  const { value, currency } = money as { value?: unknown; currency?: unknown };
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    const hint = Number.isInteger(value) && !Number.isSafeInteger(value) ? ' (above Number.MAX_SAFE_INTEGER)' : '';
    return reject(`${field}.value must be a positive integer number of minor units, got ${quote(value)}${hint}`);
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return reject(`${field}.currency must be a currency code: use upper-case ISO 4217, e.g. USD, got ${quote(currency)}`);
  }
  if (currencyExponent(currency) === undefined) {
    return reject(`${field}.currency ${quote(currency)} is not a known ISO 4217 currency`);
  }
  return { value, currency };
}
