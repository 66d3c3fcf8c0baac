import { TransformError } from './errors.js';
import { quote } from './money.js';
import { isoFromMillis, utcMillis } from './dates.js';

const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;

/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export function naiveUtcDateTimeToIso(text: string): string {
  const match = typeof text === 'string' ? NAIVE_DATE_TIME.exec(text) : null;
  if (match === null) throw new TransformError(`expected "YYYY-MM-DD HH:MM:SS" (UTC), got ${quote(text)}`);
  return isoFromMillis(utcMillis(match.slice(1), text), text);
}
