/** A provider's major-unit amount ("14.50", 14.5, "1.45e1") → exact minor units. */
import { MoneyFormatError, ReadError } from './errors.js';
import { quote, requireExponent } from './money.js';
import { digitStringToMinor } from './minor.js';

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
  if (match === null) throw new MoneyFormatError(`${quote(decimal)} is not a decimal number`);
  const [, sign = '', integerPart = '', fractionPart = '', exponentPart = '0'] = match;
  const shift = Number(exponentPart);
  // Bounded so "1e999999" cannot build a huge string; real amounts are far inside.
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 400) {
    throw new MoneyFormatError(`${quote(decimal)} has an out-of-range exponent`);
  }
  // Move the decimal point `shift` places within the digit string: pad with zeros on both sides
  // so the point always falls inside, then cut.
  const pointAt = integerPart.length + shift;
  const allDigits = '0'.repeat(Math.max(0, -pointAt)) + integerPart + fractionPart;
  const padded = allDigits.padEnd(Math.max(0, pointAt), '0');
  const cut = Math.max(0, pointAt);
  const whole = padded.slice(0, cut) || '0';
  const fraction = padded.slice(cut).replace(/0+$/, '');
  if (fraction.length > exponent) {
    throw new MoneyFormatError(`${quote(decimal)} has more fraction digits than ${currency} allows (${exponent})`);
  }
  const minorDigits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (minorDigits.length > 16) {
    throw new MoneyFormatError(`${quote(decimal)} ${currency} is outside the safe integer range`);
  }
  return digitStringToMinor(sign + minorDigits);
}

/** Provider major-unit amount ("14.50" or 14.5) → minor units; same as majorDecimalToMinor. */
export function majorToMinor(decimal: string | number, currency: string): number {
  return majorDecimalToMinor(decimal, currency);
}

/** read.money amount formats "majorNumber" and "majorString": 14.5 / "14.50" USD → 1450. */
export function majorAmount(value: unknown, currency: string, field: string): number {
  if (typeof value !== 'number' && typeof value !== 'string') throw new ReadError(`${field} is not a decimal`);
  return majorDecimalToMinor(value, currency);
}
