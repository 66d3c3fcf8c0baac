import { TransformError } from './errors.js';
import { quote } from './money.js';
import { isoFromMillis } from './dates.js';
import { utcIso } from './date-naive.js';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Any ISO 8601 date-time with a zone ("…+02:00", "…Z") → UTC "…Z" with milliseconds. */
export function isoToIso(text: string): string {
  const match = typeof text === 'string' ? ISO_WITH_OFFSET.exec(text) : null;
  if (match === null) throw new TransformError(`expected an ISO 8601 date-time with a zone offset, got ${quote(text)}`);
  const [, year, month, day, hour, minute, second = '00', fraction, , sign, offsetHours = 0, offsetMinutes = 0] = match;
  const offsetH = Number(offsetHours);
  const offsetM = Number(offsetMinutes);
  if (offsetH > 23 || offsetM > 59) throw new TransformError(`${quote(text)} is not a real date and time`);
  const local = Date.parse(utcIso([year, month, day, hour, minute, second, fraction], text));
  const offsetMillis = (sign === '-' ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000;
  return isoFromMillis(local - offsetMillis, text);
}
