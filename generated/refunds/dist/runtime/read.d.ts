/**
 * Reading a provider's response. The body is typed by the provider's schema, but it arrived over
 * the network: every value the facade returns is checked here, and a wrong one is a ReadError that
 * the engine reports as `unexpected_response`.
 */
import { ReadError } from './errors.js';
import { type Money } from './money.js';
export { ReadError };
/** A required identifier: providers send ids as strings, some as numbers. */
export declare function id(value: unknown, field: string): string;
export declare function optionalString(value: unknown, field: string): string | undefined;
/** Applies `transform` when the value is present. */
export declare function optional<T, R>(value: T | undefined | null, transform: (present: T) => R): R | undefined;
export declare function present(value: unknown): boolean;
/**
 * How a response states an amount: `minorInteger` (minor-integer.ts), `minorStringAmount` (minor-string.ts),
 * `majorAmount` (decimal.ts, major-unit numbers and strings). Each returns exact minor units.
 */
export type AmountReader = (value: unknown, currency: string, field: string) => number;
/**
 * An amount + currency pair from a response, as exact minor units; undefined when neither is there.
 * One without the other, a negative amount or an unknown currency is a ReadError.
 */
export declare function money(value: unknown, currency: unknown, field: string, amount: AmountReader): Money | undefined;
/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
export declare function at(value: unknown, path: readonly string[]): unknown;
