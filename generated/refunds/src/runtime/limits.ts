/**
 * What the shims' generated `check(input, fail)` (generator/facade/emit-checks.ts) calls, one call
 * per limit the provider's spec puts on a pass-through field; an absent value passes every check.
 * Each function is separate, so a bundle carries only the kinds of limit its provider's spec has.
 */
type Fail = (message: string) => never;

// Spec patterns compiled once each ('u': JSON Schema patterns are Unicode).
const compiled = new Map<string, RegExp>();

/** A string option whose spec limits its length: present, it is a non-empty string of at most `max` characters. */
export function text(fail: Fail, field: string, value: unknown, max: number): void {
  if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > max)) fail(`${field} must be a non-empty string of at most ${max} characters`);
}

export function maxLength(fail: Fail, field: string, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) fail(`${field} must be at most ${max} characters`);
}

export function minLength(fail: Fail, field: string, value: unknown, min: number): void {
  if (typeof value === 'string' && value.length < min) fail(`${field} must be at least ${min} characters`);
}

export function matches(fail: Fail, field: string, value: unknown, source: string): void {
  let pattern = compiled.get(source);
  if (pattern === undefined) compiled.set(source, (pattern = new RegExp(source, 'u')));
  if (typeof value === 'string' && !pattern.test(value)) fail(`${field} must match ${source}`);
}

/** format: uri. */
export function absoluteUrl(fail: Fail, field: string, value: unknown): void {
  if (typeof value !== 'string') return;
  try {
    new URL(value);
  } catch {
    fail(`${field} must be an absolute URL`);
  }
}

export function oneOf(fail: Fail, field: string, value: unknown, values: readonly unknown[]): void {
  if (value !== undefined && !values.includes(value)) fail(`${field} must be one of ${values.join(', ')}`);
}

/** An object with every `required` member; returned for the checks of its members. */
export function object(fail: Fail, field: string, value: unknown, required: readonly string[] = []): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${field} must be an object`);
  const missing = required.find((key) => (value as Record<string, unknown>)[key] === undefined);
  if (missing !== undefined) fail(`${field}.${missing} is required`);
  return value as Record<string, unknown>;
}
