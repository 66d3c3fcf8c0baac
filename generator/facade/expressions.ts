/**
 * Turns mapping values into TypeScript expressions for a shim. Every piece of mapping text that
 * reaches code goes through tsString/literal; paths become element accesses, never identifiers.
 */
import { tsString } from '../text/escape.js';
import type { Condition, Mapping, RequestValue, ResponsePath, ResponseValue } from './mapping.js';

/** A JSON-like value as a TypeScript literal (null becomes undefined: "omit the field"). */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'undefined';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${tsString(k)}: ${literal(v)}`);
  return `{ ${entries.join(', ')} }`;
}

function access(root: string, segments: readonly string[]): string {
  return root + segments.map((s) => `?.[${tsString(s)}]`).join('');
}

/** `amount` → `input.amount`; `providerOptions.x` → `input.providerOptions?.["x"]`. */
function requestSource(from: string): string {
  if (from === 'idempotencyKey') return 'idempotencyKey';
  const [head, ...rest] = from.split('.');
  return access(`input[${tsString(head!)}]`, rest).replace(/^input\["(\w+)"\]/, 'input.$1');
}

export function requestExpression(value: RequestValue, mapping: Mapping): string {
  const source = requestSource(value.from);
  // A required amount is typed Money, not Money | undefined: convert it directly.
  const apply = (call: (m: string) => string) => (value.from === 'amount' && mapping.input.amount === 'required'
    ? call(source) : `read.optional(${source}, (m) => ${call('m')})`);
  let expression: string;
  switch (value.transform) {
    case undefined: expression = source; break;
    case 'minorToInteger': expression = `${source}?.value`; break;
    case 'minorToString': expression = apply((m) => `t.minorToString(${m}.value)`); break;
    case 'minorToMajorNumber':
    case 'minorToMajorDecimal': {
      const max = mapping.input.maxFractionDigits === undefined ? '' : `, { maxFractionDigits: ${mapping.input.maxFractionDigits} }`;
      expression = value.transform === 'minorToMajorNumber'
        ? apply((m) => `t.minorToMajorNumber(${m}.value, ${m}.currency${max})`)
        : apply((m) => `t.minorToMajorDecimal(${m}.value, ${m}.currency)`);
      break;
    }
    case 'digitsToInteger': expression = `digitsToInteger(${source})`; break;
    default: throw new Error(`internal: no code for request transform ${value.transform}`);
  }
  if (value.map !== undefined) expression = `read.optional(${expression}, (v) => t.mapEnum(${literal(value.map)} as const, String(v)))`;
  if (value.default !== undefined) expression = `(${expression} ?? ${literal(value.default)})`;
  return expression;
}

/** `body.a.b` → `body?.["a"]?.["b"]`; `header.x` → `received.headers.get("x")`; `input.x` → `input.x`. */
export function responseSource(path: ResponsePath): string {
  const [root, ...rest] = path.split('.');
  if (root === 'header') return `received.headers.get(${tsString(rest.join('.'))})`;
  if (root === 'input') return `input.${rest[0]}`;
  return access('body', rest);
}

export function responseExpression(value: ResponseValue, field: string): string {
  if ('const' in value) return tsString(value.const);
  const source = responseSource(value.from);
  if (value.transform !== undefined) return `read.optional(${source}, t.${value.transform})`;
  if (field === 'id' || field === 'paymentId') return `read.id(${source}, ${tsString(field)})`;
  return `read.optionalString(${source}, ${tsString(field)})`;
}

export function conditionExpression(when: Condition): string {
  if ('present' in when) return `read.present(${responseSource(when.present)})`;
  return `${responseSource(when.equals.path)} === ${literal(when.equals.value)}`;
}

/** A body path as data for the engine's error table: `body.error.code` → ["error", "code"]. */
export function bodyPathLiteral(path: ResponsePath): string {
  return literal(path.split('.').slice(1));
}
