import { TransformError } from './errors.js';
import { quote } from './money.js';
import { isoFromMillis } from './dates.js';

/** 1700000000 → "2023-11-14T22:13:20.000Z". Fractional seconds are rounded to the millisecond. */
export function epochSecondsToIso(seconds: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw new TransformError(`expected epoch seconds as a finite number, got ${quote(seconds)}`);
  }
  // Exact for whole seconds (integers below 2^53); fractions only need ms precision.
  return isoFromMillis(Math.round(seconds * 1000), seconds);
}

/** 1700000000000 → "2023-11-14T22:13:20.000Z". */
export function epochMillisToIso(millis: number): string {
  if (typeof millis !== 'number' || !Number.isFinite(millis)) {
    throw new TransformError(`expected epoch milliseconds as a finite number, got ${quote(millis)}`);
  }
  return isoFromMillis(Math.round(millis), millis);
}
