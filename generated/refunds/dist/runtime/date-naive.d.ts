/** "2024-05-01 13:45:09" (no zone, read as UTC) → "2024-05-01T13:45:09.000Z". */
export declare function naiveUtcDateTimeToIso(text: string): string;
