import { type Money } from './money.js';
export declare class ReadError extends Error {
    readonly name = "ReadError";
}
/** A required identifier: providers send ids as strings, some as numbers. */
export declare function id(value: unknown, field: string): string;
export declare function optionalString(value: unknown, field: string): string | undefined;
/** Applies `transform` when the value is present. */
export declare function optional<T, R>(value: T | undefined | null, transform: (present: T) => R): R | undefined;
export declare function present(value: unknown): boolean;
export type AmountFormat = 'minorInteger' | 'minorString' | 'majorNumber' | 'majorString';
/** An amount + currency pair from a response, as exact minor units; undefined unless both are there. */
export declare function money(value: unknown, currency: unknown, format: AmountFormat, field: string): Money | undefined;
/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
export declare function at(value: unknown, path: readonly string[]): unknown;
