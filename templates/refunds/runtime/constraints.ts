/**
 * Limits the provider's spec puts on fields the caller passes through (providerOptions, reference):
 * lengths, patterns, enums, URLs, required members. The generator copies them from the normalized
 * spec into the shim, nested by `properties` (`providerOptions` → `bankAccount` → `bank_code`); only
 * shims that have some import this module.
 */
import { RefundError } from './errors.js';

// Spec patterns compiled once each ('u': JSON Schema patterns are Unicode). Its own cache rather than
// validate.ts's, so a bundle's shared chunk does not split off validate.ts for shims that use this.
const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let found = compiled.get(pattern);
  if (found === undefined) compiled.set(pattern, (found = new RegExp(pattern, 'u')));
  return found;
}

export interface Constraint {
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  format?: 'uri';
  required?: readonly string[];
  properties?: Readonly<Record<string, Constraint>>;
}

/** Checks each constrained input field (`reference`, `providerOptions.bankAccount`, …) that is present. */
export function checkConstraints(input: Record<string, unknown>, constraints: Readonly<Record<string, Constraint>>, provider: string): void {
  const problem = members(input, constraints, '');
  if (problem !== undefined) throw new RefundError({ code: 'invalid_request', provider, message: problem });
}

function members(record: Record<string, unknown>, constraints: Readonly<Record<string, Constraint>>, prefix: string): string | undefined {
  for (const [key, constraint] of Object.entries(constraints)) {
    const problem = record[key] === undefined ? undefined : violation(record[key], constraint, prefix + key);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function violation(value: unknown, c: Constraint, field: string): string | undefined {
  const { maxLength = Infinity, minLength = 0, pattern, required, properties } = c;
  if (c.enum !== undefined && !c.enum.includes(value as string)) return `${field} must be one of ${c.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (value.length > maxLength) return `${field} must be at most ${maxLength} characters`;
    if (value.length < minLength) return `${field} must be at least ${minLength} characters`;
    if (pattern !== undefined && !regex(pattern).test(value)) return `${field} must match ${pattern}`;
    if (c.format === 'uri' && !isUrl(value)) return `${field} must be an absolute URL`;
  }
  if (required === undefined && properties === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${field} must be an object`;
  const record = value as Record<string, unknown>;
  const missing = required?.find((key) => record[key] === undefined);
  return missing === undefined ? members(record, properties ?? {}, `${field}.`) : `${field}.${missing} is required`;
}

function isUrl(text: string): boolean {
  try {
    return new URL(text) !== undefined;
  } catch {
    return false;
  }
}
