/** Any ISO 8601 date-time with a zone ("…+02:00", "…Z") → UTC "…Z" with milliseconds. */
export declare function isoToIso(text: string): string;
