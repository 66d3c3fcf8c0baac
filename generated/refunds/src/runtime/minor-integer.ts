/**
 * read.money amount format "minorInteger": 1450 → 1450. Its own module rather than part of read.ts,
 * so a bundle whose provider states amounts otherwise does not carry it.
 */
import { ReadError } from './errors.js';

export function minorInteger(value: unknown, _currency: string, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ReadError(`${field} is not an integer`);
  return value;
}
