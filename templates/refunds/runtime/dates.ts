/** What the date transforms (date-naive.ts, date-iso.ts, epoch.ts) share. */
import { TransformError } from './errors.js';
import { quote } from './money.js';

/** millis → ISO string, or TransformError naming `input` when outside the Date range. */
export function isoFromMillis(millis: number, input: unknown): string {
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) throw new TransformError(`${quote(input)} is outside the date range`);
  return date.toISOString();
}

/**
 * Date.UTC of regex groups [year, month, day, hour, minute, second, fraction], or TransformError
 * when a part is out of range (Feb 30, hour 24, second 60).
 */
export function utcMillis(parts: readonly (string | undefined)[], text: string): number {
  const [year, month, day, hour, minute, second] = parts.slice(0, 6).map(Number) as [number, number, number, number, number, number];
  // ".5" → 500, ".123456" → 123 (truncated: sub-millisecond precision is not representable).
  const millis = Number((parts[6] ?? '.').slice(1, 4).padEnd(3, '0'));
  const date = new Date(0);
  // setUTCFullYear avoids Date.UTC's 0–99 → 1900s year mapping.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  // An out-of-range part rolls over into the next one, so reading the parts back tells.
  const back = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  if (back.join() !== [year, month, day, hour, minute, second].join()) throw new TransformError(`${quote(text)} is not a real date and time`);
  return date.getTime();
}
