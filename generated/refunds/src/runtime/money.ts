import { CURRENCY_EXPONENTS } from './currencies.generated.js';
import { RefundError } from './errors.js';

/** Facade money: integer minor units plus an upper-case ISO 4217 code. */
export type Money = { value: number; currency: string };

/** A decimal or digit string that cannot be represented exactly; callers pick the RefundErrorCode. */
export class MoneyFormatError extends Error {
  constructor(message: string) {
    super(message);
  }
}
Object.defineProperty(MoneyFormatError.prototype, 'name', {
  value: 'MoneyFormatError',
  writable: true,
  configurable: true,
});

/** Minor-unit exponent (USD 2, JPY 0, KWD 3) or undefined for an unknown code. */
export function currencyExponent(code: string): number | undefined {
  // hasOwn: "constructor" or "__proto__" must not resolve through the prototype.
  return Object.hasOwn(CURRENCY_EXPONENTS, code) ? CURRENCY_EXPONENTS[code] : undefined;
}

function requireExponent(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new MoneyFormatError(`unknown ISO 4217 currency ${quote(currency)}`);
  return exponent;
}

function quote(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
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
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value <= 0
  ) {
    const hint = Number.isInteger(value) && !Number.isSafeInteger(value) ? ' (above Number.MAX_SAFE_INTEGER)' : '';
    return reject(
      `${field}.value must be a positive integer number of minor units, got ${quote(value)}${hint}`,
    );
  }
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency) || currency !== currency.toUpperCase()) {
    return reject(
      `${field}.currency must be a currency code: use upper-case ISO 4217, e.g. USD, got ${quote(currency)}`,
    );
  }
  if (currencyExponent(currency) === undefined) {
    return reject(`${field}.currency ${quote(currency)} is not a known ISO 4217 currency`);
  }
  return { value, currency };
}

/** Safe integer → "1450" / "-7"; the string is the exact integer, never exponent notation. */
export function minorToDigitString(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyFormatError(`minor units must be a safe integer, got ${quote(value)}`);
  }
  return String(value === 0 ? 0 : value); // drops the sign of -0
}

/** "1450" / "-7" → safe integer; anything else (signs aside) is rejected. */
export function digitStringToMinor(digits: string): number {
  if (typeof digits !== 'string' || !/^-?\d+$/.test(digits)) {
    throw new MoneyFormatError(`expected an integer digit string, got ${quote(digits)}`);
  }
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) {
    throw new MoneyFormatError(`${quote(digits)} is outside the safe integer range`);
  }
  return value === 0 ? 0 : value;
}

/** 1450 USD → "14.50", 5 JPY → "5", 1234 KWD → "1.234": always exactly `exponent` fraction digits. */
export function minorToMajorDecimal(value: number, currency: string): string {
  const exponent = requireExponent(currency);
  const digits = minorToDigitString(value);
  const negative = digits.startsWith('-');
  const magnitude = negative ? digits.slice(1) : digits;
  if (exponent === 0) return digits;
  const padded = magnitude.padStart(exponent + 1, '0');
  const cut = padded.length - exponent;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

// Optional sign, integer digits, optional fraction, optional exponent (JSON number grammar).
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * "14.5" / "14.50" / 14.5 / "1.45e1" → 1450 (USD). A JS number is read through its
 * shortest round-trip string (String(14.5) === "14.5"), never multiplied, so
 * 4.35 gives 435 where 4.35 * 100 would give 434.99999999999994.
 * Throws MoneyFormatError for malformed input or more fraction digits than the
 * currency has (trailing zeros excepted: "100.00" JPY is 100, "1.005" USD is an error).
 */
export function majorDecimalToMinor(decimal: string | number, currency: string): number {
  const exponent = requireExponent(currency);
  if (typeof decimal === 'number' && !Number.isFinite(decimal)) {
    throw new MoneyFormatError(`amount must be a finite number, got ${decimal}`);
  }
  const text = typeof decimal === 'number' ? String(decimal) : decimal;
  const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text) : null;
  if (match === null) {
    throw new MoneyFormatError(`${quote(decimal)} is not a decimal number`);
  }
  const [, sign = '', integerPart = '', fractionPart = '', exponentPart = '0'] = match;
  const shift = Number(exponentPart);
  // Bounded so "1e999999" cannot build a huge string; real amounts are far inside.
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 400) {
    throw new MoneyFormatError(`${quote(decimal)} has an out-of-range exponent`);
  }
  // Move the decimal point `shift` places within the digit string.
  const allDigits = integerPart + fractionPart;
  const pointAt = integerPart.length + shift;
  let whole: string;
  let fraction: string;
  if (pointAt <= 0) {
    whole = '0';
    fraction = '0'.repeat(-pointAt) + allDigits;
  } else if (pointAt >= allDigits.length) {
    whole = allDigits + '0'.repeat(pointAt - allDigits.length);
    fraction = '';
  } else {
    whole = allDigits.slice(0, pointAt);
    fraction = allDigits.slice(pointAt);
  }
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length > exponent) {
    throw new MoneyFormatError(
      `${quote(decimal)} has more fraction digits than ${currency} allows (${exponent})`,
    );
  }
  const minorDigits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (minorDigits.length > 16) {
    throw new MoneyFormatError(`${quote(decimal)} ${currency} is outside the safe integer range`);
  }
  return digitStringToMinor(sign + minorDigits);
}

export interface MajorNumberOptions {
  /** Largest number of fraction digits the provider's JSON number accepts. */
  maxFractionDigits?: number;
}

/** Up to 15 significant digits survive decimal → double → shortest decimal unchanged (DBL_DIG). */
const MAX_EXACT_NUMBER_MINOR = 999_999_999_999_999;

/**
 * 1450 USD → 14.5 as a JS number, for providers whose JSON wants a number.
 * Why this is exact: Number("14.50") is the double nearest to 14.50, and
 * JSON.stringify prints the shortest string that reads back as that same double,
 * which for any decimal of ≤ 15 significant digits is that decimal itself
 * ("14.5", trailing zeros dropped). So the provider receives the exact digits;
 * no arithmetic on doubles happens anywhere.
 */
export function minorToMajorNumber(
  value: number,
  currency: string,
  options: MajorNumberOptions = {},
): number {
  const exponent = requireExponent(currency);
  const { maxFractionDigits } = options;
  if (maxFractionDigits !== undefined && exponent > maxFractionDigits) {
    throw new MoneyFormatError(
      `${currency} has ${exponent} fraction digits but the provider accepts at most ${maxFractionDigits}`,
    );
  }
  if (Number.isSafeInteger(value) && Math.abs(value) > MAX_EXACT_NUMBER_MINOR) {
    throw new MoneyFormatError(
      `${value} ${currency} has more than 15 significant digits and cannot be sent as an exact JSON number`,
    );
  }
  const result = Number(minorToMajorDecimal(value, currency));
  return result === 0 ? 0 : result;
}
