/** 1700000000 → "2023-11-14T22:13:20.000Z". Fractional seconds are rounded to the millisecond. */
export declare function epochSecondsToIso(seconds: number): string;
/** 1700000000000 → "2023-11-14T22:13:20.000Z". */
export declare function epochMillisToIso(millis: number): string;
