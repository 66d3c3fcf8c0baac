/**
 * Regex groups [year, month, day, hour, minute, second, fraction] as the UTC ISO string
 * (date-iso.ts reads its zone-less part with it too), or TransformError when a part is out of range
 * (Feb 30, hour 24, second 60). Three fraction digits: ".5" → ".500", ".123456" → ".123"
 * (sub-millisecond precision is not representable).
 */
export declare function utcIso(parts: readonly (string | undefined)[], text: string): string;
/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export declare function naiveUtcDateTimeToIso(text: string): string;
