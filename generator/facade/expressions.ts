/**
 * Turns mapping values into TypeScript expressions for a shim. Every piece of mapping text that
 * reaches code goes through tsString/literal; paths become element accesses, never identifiers.
 */
import { tsString } from '../text/escape.js';
import { REQUEST_TRANSFORMS, RESPONSE_TRANSFORMS } from './vocabulary.js';
import type { Condition, Fallback, Mapping, StatusValue, RequestValue, ResponsePath, ResponseValue } from './mapping.js';

/** A JSON-like value as a TypeScript literal (null becomes undefined: "omit the field"). */
export function literal(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'undefined';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => literal(v, inner))
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${propertyName(k)}: ${literal(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  const flat = items.length === 0 ? (Array.isArray(value) ? '[]' : '{}') : `${open}${items.join(', ')}${close}`;
  // Long literals (rules, constraint tables) get one entry per line so a reviewer can read them.
  if (flat.length + indent.length <= 100 && !flat.includes('\n')) return flat;
  return `${open.trim()}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}${close.trim()}`;
}

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== '__proto__' ? key : tsString(key);
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
    case 'minorToString': expression = apply((m) => `${runtimeFunction('minorToString')}(${m}.value)`); break;
    case 'minorToMajorNumber':
    case 'minorToMajorDecimal': {
      const max = mapping.input.maxFractionDigits === undefined ? '' : `, { maxFractionDigits: ${mapping.input.maxFractionDigits} }`;
      expression = value.transform === 'minorToMajorNumber'
        ? apply((m) => `${runtimeFunction('minorToMajorNumber')}(${m}.value, ${m}.currency${max})`)
        : apply((m) => `${runtimeFunction('minorToMajorDecimal')}(${m}.value, ${m}.currency)`);
      break;
    }
    case 'digitsToInteger': expression = `${runtimeFunction('digitsToInteger')}(${source})`; break;
    case 'lowerCase':
    case 'upperCase': {
      // Only amount.currency takes a case transform (vocabulary.ts): the currency of the Money.
      const name = runtimeFunction(value.transform);
      expression = value.from === 'amount' || value.from === 'amount.currency'
        ? (mapping.input.amount === 'required' ? `${name}(input.amount.currency)` : `read.optional(input.amount, (m) => ${name}(m.currency))`)
        : `read.optional(${source}, ${name})`;
      break;
    }
    default: throw new Error(`internal: no code for request transform ${value.transform}`);
  }
  if (value.map !== undefined) expression = `read.optional(${expression}, (v) => ${runtimeFunction('mapEnum')}(${literal(value.map)} as const, String(v)))`;
  if (value.default !== undefined) expression = `(${expression} ?? ${literal(value.default)})`;
  return expression;
}

/**
 * The runtime module (src/runtime/<module>.ts) of each function a shim may call by name: the
 * vocabulary's transforms (vocabulary.ts) plus the helpers shims call. They are small on purpose:
 * esbuild code-splits by module, so a bundle then carries only what its provider uses.
 */
const RUNTIME_MODULES: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...Object.values(REQUEST_TRANSFORMS), ...Object.values(RESPONSE_TRANSFORMS)].flatMap((t) => (t.runtime === undefined ? [] : [[t.runtime.name, t.runtime.module]]))),
  stringToMinor: 'minor-string', minorStringAmount: 'minor-string', majorToMinor: 'decimal', majorAmount: 'decimal',
  mapEnum: 'text', withParams: 'url', currencyExponent: 'money', minorInteger: 'minor-integer',
  ...Object.fromEntries(['text', 'maxLength', 'minLength', 'matches', 'absoluteUrl', 'oneOf', 'object'].map((name) => [name, 'limits'])),
};

/** The runtime functions the code being emitted calls, recorded as the emission names them (collectRuntime). */
let used: Set<string> | undefined;

/** The name of a runtime function the shim calls; recorded so its import is known, not searched for. */
export function runtimeFunction(name: string): string {
  if (!Object.hasOwn(RUNTIME_MODULES, name)) throw new Error(`internal: no runtime module for ${name}`);
  used?.add(name);
  return name;
}

/** Runs one shim's emission and returns it with the named imports of every runtime function it called: module → names, sorted. */
export function collectRuntime<T>(emit: () => T): { result: T; imports: Array<[string, string[]]> } {
  const outer = used;
  used = new Set();
  try {
    const result = emit();
    const byModule = new Map<string, string[]>();
    for (const name of [...used].sort()) {
      const module = `../runtime/${RUNTIME_MODULES[name]!}.js`;
      byModule.set(module, [...(byModule.get(module) ?? []), name]);
    }
    return { result, imports: [...byModule].sort(([a], [b]) => (a < b ? -1 : 1)) };
  } finally {
    used = outer;
  }
}

/** How `read.money` reads each amount format (see runtime/read.ts). */
export function amountReader(format: string): string {
  return runtimeFunction(format === 'minorInteger' ? 'minorInteger' : format === 'minorString' ? 'minorStringAmount' : 'majorAmount');
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
  // The caller's own input was checked before sending; only what the provider sent is read here.
  if (value.from.startsWith('input.')) return responseSource(value.from);
  const source = withFallback(responseSource(value.from), value.fallback);
  if (value.transform !== undefined) return `read.optional(${source}, ${runtimeFunction(value.transform)})`;
  if (field === 'id' || field === 'paymentId') return `read.id(${source}, ${tsString(field)})`;
  return `read.optionalString(${source}, ${tsString(field)})`;
}

/** `source ?? fallback`: the mapping's fallback applies when the source is missing or null. */
export function withFallback(source: string, fallback: Fallback | undefined): string {
  if (fallback === undefined) return source;
  return `(${source} ?? ${typeof fallback === 'string' ? responseSource(fallback) : tsString(fallback.const)})`;
}

/** A constant status, or the provider's value through the map; a status fallback is a facade status, so it skips the map. */
export function statusExpression(status: StatusValue): string {
  if ('const' in status) return `${tsString(status.const)} as const`;
  const source = responseSource(status.from);
  const mapped = `${runtimeFunction('mapEnum')}(${literal(status.map)} as const, ${source} as string)`;
  return status.fallback === undefined ? mapped : `${source} == null ? ${tsString(status.fallback.const)} as const : ${mapped}`;
}

export function conditionExpression(when: Condition): string {
  if ('present' in when) return `read.present(${responseSource(when.present)})`;
  if ('equals' in when) return `${responseSource(when.equals.path)} === ${literal(when.equals.value)}`;
  if ('not' in when) return `!(${conditionExpression(when.not)})`;
  const [parts, join] = 'all' in when ? [when.all, ' && '] : [when.any, ' || '];
  return `(${parts.map(conditionExpression).join(join)})`;
}

/** A condition as a predicate for the engine's error table: `(b) => …` over the parsed body (read.at checks own properties). */
export function conditionFunction(when: Condition): string {
  const test = (c: Condition): string => {
    if ('present' in c) return `read.present(read.at(b, ${bodyPathLiteral(c.present)}))`;
    if ('equals' in c) return `read.at(b, ${bodyPathLiteral(c.equals.path)}) === ${literal(c.equals.value)}`;
    if ('not' in c) return `!(${test(c.not)})`;
    const [parts, join] = 'all' in c ? [c.all, ' && '] : [c.any, ' || '];
    return `(${parts.map(test).join(join)})`;
  };
  return `(b) => ${test(when)}`;
}

/** A body path as data for the engine's error table: `body.error.code` → ["error", "code"]. */
export function bodyPathLiteral(path: ResponsePath): string {
  return literal(path.split('.').slice(1));
}
