/** Minor units as digit strings, both ways (what major.ts and decimal.ts build on). */
import { MoneyFormatError } from './errors.js';
import { quote } from './money.js';

/** Safe integer → "1450" / "-7"; the string is the exact integer, never exponent notation. */
export function minorToDigitString(value: number): string {
  if (!Number.isSafeInteger(value)) throw new MoneyFormatError(`minor units must be a safe integer, got ${quote(value)}`);
  return String(value === 0 ? 0 : value); // drops the sign of -0
}

/** "1450" / "-7" → safe integer; anything else (signs aside) is rejected. */
export function digitStringToMinor(digits: string): number {
  if (typeof digits !== 'string' || !/^-?\d+$/.test(digits)) {
    throw new MoneyFormatError(`expected an integer digit string, got ${quote(digits)}`);
  }
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) throw new MoneyFormatError(`${quote(digits)} is outside the safe integer range`);
  return value === 0 ? 0 : value;
}
