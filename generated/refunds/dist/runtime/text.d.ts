export declare function upperCase(text: string): string;
export declare function lowerCase(text: string): string;
/**
 * Looks a provider value up in a mapping table; an unknown value yields
 * `fallback` when one is given, and throws otherwise (so new provider states are noticed).
 */
export declare function mapEnum<T>(table: Readonly<Record<string, T>>, value: string, fallback?: T): T;
