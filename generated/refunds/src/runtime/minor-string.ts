/** Minor units as the digit strings some providers send and receive. */
import { MoneyFormatError, ReadError } from './errors.js';
import { quote } from './money.js';
import { digitStringToMinor, minorToDigitString } from './minor.js';

/** 1450 → "1450", for providers that send minor units as strings. Non-negative only. */
export function minorToString(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MoneyFormatError(`minor units must be a non-negative safe integer, got ${quote(value)}`);
  }
  return minorToDigitString(value);
}

/** "1450" → 1450; anything but ASCII digits (signs, spaces, "14.50", "1e3") is rejected. */
export function stringToMinor(digits: string): number {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) {
    throw new MoneyFormatError(`expected a string of digits, got ${quote(digits)}`);
  }
  return digitStringToMinor(digits);
}

/** read.money amount format "minorString": "1450" → 1450. */
export function minorStringAmount(value: unknown, currency: string, field: string): number {
  if (typeof value !== 'string') throw new ReadError(`${field} is not a string`);
  return stringToMinor(value);
}
