/** Safe integer → "1450" / "-7"; the string is the exact integer, never exponent notation. */
export declare function minorToDigitString(value: number): string;
/** "1450" / "-7" → safe integer; anything else (signs aside) is rejected. */
export declare function digitStringToMinor(digits: string): number;
