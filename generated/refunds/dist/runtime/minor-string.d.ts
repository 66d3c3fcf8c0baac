/** 1450 → "1450", for providers that send minor units as strings. Non-negative only. */
export declare function minorToString(value: number): string;
/** "1450" → 1450; anything but ASCII digits (signs, spaces, "14.50", "1e3") is rejected. */
export declare function stringToMinor(digits: string): number;
/** read.money amount format "minorString": "1450" → 1450. */
export declare function minorStringAmount(value: unknown, currency: string, field: string): number;
