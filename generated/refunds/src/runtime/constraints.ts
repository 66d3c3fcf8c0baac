/**
 * Limits the provider's spec puts on fields the caller passes through (providerOptions, reference):
 * lengths, patterns, enums, URLs, required members. The generator copies them from the normalized
 * spec into the shim; only shims that have some import this module.
 */
import { RefundError } from './errors.js';

export interface Constraint {
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  format?: 'uri';
  required?: readonly string[];
  properties?: Readonly<Record<string, Constraint>>;
}

/** Checks each input path (`reference`, `providerOptions.bankAccount`, …) that is present. */
export function checkConstraints(input: Record<string, unknown>, constraints: Readonly<Record<string, Constraint>>, provider: string): void {
  for (const [path, constraint] of Object.entries(constraints)) {
    const [head, name] = path.split('.') as [string, string | undefined];
    const container = input[head];
    const value = name === undefined ? container : container !== null && typeof container === 'object' ? (container as Record<string, unknown>)[name] : undefined;
    const problem = value === undefined ? undefined : violation(value, constraint, path);
    if (problem !== undefined) throw new RefundError({ code: 'invalid_request', provider, message: problem });
  }
}

function violation(value: unknown, c: Constraint, field: string): string | undefined {
  if (c.enum !== undefined && !c.enum.includes(value as string)) return `${field} must be one of ${c.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (c.maxLength !== undefined && value.length > c.maxLength) return `${field} must be at most ${c.maxLength} characters`;
    if (c.minLength !== undefined && value.length < c.minLength) return `${field} must be at least ${c.minLength} characters`;
    if (c.pattern !== undefined && !new RegExp(c.pattern, 'u').test(value)) return `${field} must match ${c.pattern}`;
    if (c.format === 'uri' && !isUrl(value)) return `${field} must be an absolute URL`;
  }
  if (c.required === undefined && c.properties === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${field} must be an object`;
  const record = value as Record<string, unknown>;
  for (const key of c.required ?? []) if (record[key] === undefined) return `${field}.${key} is required`;
  for (const [key, sub] of Object.entries(c.properties ?? {})) {
    const problem = record[key] === undefined ? undefined : violation(record[key], sub, `${field}.${key}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function isUrl(text: string): boolean {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
}
