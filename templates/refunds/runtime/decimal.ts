/** A provider's major-unit amount ("14.50", 14.5, "1.45e1") → exact minor units. */
import { MoneyFormatError, ReadError } from './errors.js';
import { quote, requireExponent } from './money.js';

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
  const fail = (problem: string): never => {
    throw new MoneyFormatError(`${quote(decimal)} ${problem}`);
  };
  if (typeof decimal === 'number' && !Number.isFinite(decimal)) {
    throw new MoneyFormatError(`amount must be a finite number, got ${decimal}`);
  }
  const match = typeof decimal === 'number' || typeof decimal === 'string' ? DECIMAL_PATTERN.exec(String(decimal)) : null;
  if (match === null) return fail('is not a decimal number');
  const [, sign, integerPart = '', fractionPart = '', exponentPart = '0'] = match;
  const shift = Number(exponentPart);
  // Bounded so "1e999999" cannot build a huge string; real amounts are far inside.
  if (Math.abs(shift) > 400) fail('has an out-of-range exponent');
  // The digits with the point moved to minor units: what falls behind `point` must be zeros.
  const digits = integerPart + fractionPart;
  const point = Math.max(0, integerPart.length + shift + exponent);
  if (/[1-9]/.test(digits.slice(point))) fail(`has more fraction digits than ${currency} allows (${exponent})`);
  const minor = Number(sign + (digits.slice(0, point).padEnd(point, '0') || '0'));
  if (!Number.isSafeInteger(minor)) fail(`${currency} is outside the safe integer range`);
  return minor + 0; // + 0 turns -0 into 0
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
