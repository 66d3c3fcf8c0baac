/**
 * Reading a provider's response. The body is typed by the provider's schema, but it arrived over
 * the network: every value the facade returns is checked here, and a wrong one is a ReadError that
 * the engine reports as `unexpected_response`.
 */
import { majorToMinor, stringToMinor, upperCase } from './transforms.js';
import { currencyExponent, type Money } from './money.js';

export class ReadError extends Error {
  override readonly name = 'ReadError';
}

/** A required identifier: providers send ids as strings, some as numbers. */
export function id(value: unknown, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new ReadError(`${field} is missing or not an identifier`);
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ReadError(`${field} is not a string`);
  return value;
}

/** Applies `transform` when the value is present. */
export function optional<T, R>(value: T | undefined | null, transform: (present: T) => R): R | undefined {
  return value === undefined || value === null ? undefined : transform(value);
}

export function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export type AmountFormat = 'minorInteger' | 'minorString' | 'majorNumber' | 'majorString';

/** An amount + currency pair from a response, as exact minor units; undefined unless both are there. */
export function money(value: unknown, currency: unknown, format: AmountFormat, field: string): Money | undefined {
  if (value === undefined || value === null || currency === undefined || currency === null) return undefined;
  if (typeof currency !== 'string') throw new ReadError(`${field} currency is not a string`);
  const code = upperCase(currency);
  if (currencyExponent(code) === undefined) throw new ReadError(`${field} currency ${JSON.stringify(currency)} is not ISO 4217`);
  switch (format) {
    case 'minorInteger':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ReadError(`${field} is not an integer`);
      return { value, currency: code };
    case 'minorString':
      if (typeof value !== 'string') throw new ReadError(`${field} is not a string`);
      return { value: stringToMinor(value), currency: code };
    case 'majorNumber':
    case 'majorString':
      if (typeof value !== 'number' && typeof value !== 'string') throw new ReadError(`${field} is not a decimal`);
      return { value: majorToMinor(value, code), currency: code };
  }
}

/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
export function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
