export declare function minorInteger(value: unknown, _currency: string, field: string): number;
