import { TransformError } from './errors.js';
import { quote } from './money.js';
const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;
/**
 * Regex groups [year, month, day, hour, minute, second, fraction] as the UTC ISO string
 * (date-iso.ts reads its zone-less part with it too), or TransformError when a part is out of range
 * (Feb 30, hour 24, second 60). Three fraction digits: ".5" → ".500", ".123456" → ".123"
 * (sub-millisecond precision is not representable).
 */
export function utcIso(parts, text) {
    const iso = `${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}${(parts[6] ?? '.').slice(0, 4).padEnd(4, '0')}Z`;
    // Date.parse reads this form as UTC (years 0–99 included); an out-of-range part is refused or
    // rolls over (Feb 30 → Mar 2), so printing it back tells.
    const millis = Date.parse(iso);
    if (Number.isNaN(millis) || new Date(millis).toISOString() !== iso)
        throw new TransformError(`${quote(text)} is not a real date and time`);
    return iso;
}
/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export function naiveUtcDateTimeToIso(text) {
    const match = typeof text === 'string' ? NAIVE_DATE_TIME.exec(text) : null;
    if (match === null)
        throw new TransformError(`expected "YYYY-MM-DD HH:MM:SS" (UTC), got ${quote(text)}`);
    return utcIso(match.slice(1), text);
}
