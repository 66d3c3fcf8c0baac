/** Minor units → the major-unit decimal a provider's request wants. */
import { MoneyFormatError } from './errors.js';
import { quote, requireExponent } from './money.js';

/** 1450 USD → "14.50", 5 JPY → "5", 1234 KWD → "1.234": always exactly `exponent` fraction digits. */
export function minorToMajorDecimal(value: number, currency: string): string {
  const exponent = requireExponent(currency);
  if (!Number.isSafeInteger(value)) throw new MoneyFormatError(`minor units must be a safe integer, got ${quote(value)}`);
  // Its own digits (String(-0) is "0"), so this module needs nothing of minor.ts and a bundle that
  // only converts to numbers does not load it.
  const digits = String(value);
  if (exponent === 0) return digits;
  const sign = value < 0 ? '-' : '';
  const padded = digits.slice(sign.length).padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

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
export function minorToMajorNumber(value: number, currency: string, options: MajorNumberOptions = {}): number {
  const exponent = requireExponent(currency);
  const { maxFractionDigits } = options;
  if (exponent > maxFractionDigits!) {
    throw new MoneyFormatError(`${currency} has ${exponent} fraction digits but the provider accepts at most ${maxFractionDigits}`);
  }
  // Up to 15 significant digits survive decimal → double → shortest decimal unchanged (DBL_DIG).
  if (!Number.isSafeInteger(value) || Math.abs(value) > 999_999_999_999_999) {
    throw new MoneyFormatError(`${quote(value)} ${currency} is not an integer of at most 15 significant digits, which an exact JSON number needs`);
  }
  return value / 10 ** exponent + 0; // + 0 turns -0 into 0
}
