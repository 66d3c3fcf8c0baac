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
 * UTC millis of regex groups [year, month, day, hour, minute, second, fraction], or TransformError
 * when a part is out of range (Feb 30, hour 24, second 60).
 */
export function utcMillis(parts: readonly (string | undefined)[], text: string): number {
  // The parts as the ISO form Date.parse reads as UTC (years 0–99 included), with exactly three
  // fraction digits: ".5" → ".500", ".123456" → ".123" (sub-millisecond precision is not representable).
  const iso = `${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}${(parts[6] ?? '.').slice(0, 4).padEnd(4, '0')}Z`;
  const millis = Date.parse(iso);
  // An out-of-range part is refused or rolls over (Feb 30 → Mar 2), so printing it back tells.
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== iso) throw new TransformError(`${quote(text)} is not a real date and time`);
  return millis;
}
