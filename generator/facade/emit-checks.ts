/**
 * The shim's `check(input, fail)`: what the provider's mapping asks of the input (a paymentId pattern,
 * a required amount, its currencies and decimals, the idempotency key's limits, the providerOptions'
 * types) and the spec's limits on pass-through input (`reference`, `providerOptions.*`: lengths,
 * patterns, enums, URLs, required members), as straight-line code, so an app's bundle carries exactly
 * the checks its provider needs and no rule interpreter. The common checks every provider shares run
 * before it (runtime/validate.ts). Mapping and spec text (names, enum values, patterns) only ever
 * reaches the code as string literals (tsString); patterns are compiled once, into PATTERNS.
 */
import type { CodeBlockWriter } from 'ts-morph';
import { tsString } from '../text/escape.js';
import type { CheckedMapping, Constraint } from './check.js';
import { literal, runtimeFunction } from './expressions.js';

/** A statement, or a block statement with its body. */
export type Statement = string | { head: string; body: Statement[] };

/**
 * The body of `check(input, fail)` for the mapping's pass-through constraints (check.ts), one
 * runtime call (runtime/limits.ts) per limit, or undefined when there are none. Computed eagerly so
 * collectRuntime sees the helpers it calls.
 */
export function constraintChecks(flat: Readonly<Record<string, Constraint>>, options?: string): Statement[] | undefined {
  const nested = nestConstraints(flat);
  if (Object.keys(nested).length === 0) return undefined;
  let counter = 0;
  const call = (helper: string, field: string, value: string, ...rest: string[]) =>
    `${runtimeFunction(helper)}(fail, ${[tsString(field), value, ...rest].join(', ')});`;
  const checks = (value: string, c: Constraint, field: string): Statement[] => {
    const out: Statement[] = [];
    if (c.enum !== undefined) out.push(call('oneOf', field, value, literal(c.enum)));
    if (c.maxLength !== undefined) out.push(call('maxLength', field, value, String(c.maxLength)));
    if (c.minLength !== undefined) out.push(call('minLength', field, value, String(c.minLength)));
    if (c.pattern !== undefined) out.push(call('matches', field, value, tsString(c.pattern)));
    if (c.format === 'uri') out.push(call('absoluteUrl', field, value));
    if (c.required === undefined && c.properties === undefined) return out;
    // validateInput has already refused a providerOptions that is not an object; `options` holds it.
    const record = field === 'providerOptions' && options !== undefined ? options : `v${counter++}`;
    if (record !== options) out.push(field === 'providerOptions'
      ? `const ${record} = ${value} as Record<string, unknown> | undefined;`
      : `const ${record} = ${runtimeFunction('object')}(fail, ${tsString(field)}, ${value}${c.required === undefined ? '' : `, ${literal(c.required)}`});`);
    for (const [name, member] of Object.entries(c.properties ?? {})) out.push(...checks(`${record}?.[${tsString(name)}]`, member, `${field}.${name}`));
    return out;
  };
  return Object.entries(nested).flatMap(([name, c]) => checks(`input[${tsString(name)}]`, c, name));
}

/** The check's statements and the pattern sources they test with (`PATTERNS[i]`, compiled once per module). */
export interface InputChecks { statements: Statement[]; patterns: string[] }

/** Everything `check(input, fail)` does for this mapping, or undefined when it has nothing to check. */
export function inputChecks(checked: CheckedMapping): InputChecks | undefined {
  const { mapping, provider, currencies, idempotencyKeyRule: key = {} } = checked;
  const { input } = mapping;
  const patterns: string[] = [];
  const compiled = (source: string) => `PATTERNS[${patterns.push(source) - 1}]!`;
  const fail = (message: string) => `fail(${tsString(message)});`;
  const statements: Statement[] = [];
  if (input.paymentId !== undefined) {
    statements.push(`if (!${compiled(input.paymentId.pattern)}.test(input.paymentId as string)) ${fail(`paymentId must be ${input.paymentId.hint}`)}`);
  }
  if (input.amount === 'required') statements.push(`if (input.amount === undefined) ${fail(`amount is required for ${provider.id} (${provider.title} needs it even for a full refund)`)}`);
  if (currencies !== undefined || input.maxFractionDigits !== undefined) {
    statements.push('const currency = (input.amount as { currency: string } | undefined)?.currency;');
    if (currencies !== undefined) {
      statements.push(`if (currency !== undefined && !${literal(currencies)}.includes(currency)) fail(${tsString('amount.currency ')} + currency + ${tsString(` is not supported by ${provider.id} (supported: ${currencies.join(', ')})`)});`);
    }
    if (input.maxFractionDigits !== undefined) {
      statements.push(`if (currency !== undefined && ${runtimeFunction('currencyExponent')}(currency)! > ${input.maxFractionDigits}) fail(${tsString('amount.currency ')} + currency + ${tsString(` has more decimals than the ${input.maxFractionDigits} ${provider.id} accepts`)});`);
    }
  }
  if (key.maxLength !== undefined || key.pattern !== undefined) {
    const tests = [...(key.maxLength === undefined ? [] : [`key.length > ${key.maxLength}`]), ...(key.pattern === undefined ? [] : [`!${compiled(key.pattern)}.test(key)`])];
    const limits = [...(key.maxLength === undefined ? [] : [`at most ${key.maxLength} characters`]), ...(key.pattern === undefined ? [] : [`matching ${key.pattern}`])];
    statements.push('const key = input.idempotencyKey;', `if (typeof key === "string" && (${tests.join(' || ')})) ${fail(`idempotencyKey must be ${limits.join(', ')}`)}`);
  }
  const options = Object.entries(input.providerOptions ?? {});
  // The spec limits left for constraintChecks: a string option's maxLength is checked with its type.
  const limitsLeft: Record<string, Constraint> = { ...checked.passThroughConstraints };
  if (options.length > 0) {
    statements.push('const options = (input.providerOptions ?? {}) as Record<string, unknown>;');
    for (const [name, option] of options) {
      const value = `options[${tsString(name)}]`;
      const field = `providerOptions.${name}`;
      if (option.required === true) statements.push(`if (${value} === undefined) ${fail(`${field} is required`)}`);
      // An object the spec describes is checked (members included) by the limits below.
      const limits = checked.passThroughConstraints[field];
      if (option.schema !== undefined && (limits?.required !== undefined || limits?.properties !== undefined)) continue;
      const maxLength = option.schema === undefined && option.type === 'string' ? limits?.maxLength : undefined;
      if (maxLength !== undefined) {
        const { maxLength: _checked, ...rest } = limits!;
        limitsLeft[field] = rest;
        statements.push(`${runtimeFunction('text')}(fail, ${tsString(field)}, ${value}, ${maxLength});`);
        continue;
      }
      statements.push(option.schema !== undefined
        ? `if (${value} !== undefined && (${value} === null || typeof ${value} !== "object" || Array.isArray(${value}))) ${fail(`${field} must be an object`)}`
        : option.type === 'string'
          ? `if (${value} !== undefined && (typeof ${value} !== "string" || ${value} === "")) ${fail(`${field} must be a non-empty string`)}`
          : `if (${value} !== undefined && typeof ${value} !== ${tsString(option.type!)}) ${fail(`${field} must be a ${option.type!}`)}`);
    }
  }
  statements.push(...constraintChecks(limitsLeft, options.length > 0 ? 'options' : undefined) ?? []);
  return statements.length === 0 ? undefined : { statements, patterns };
}

/** Writes statements with the writer's own blocks and indentation. */
export function writeStatements(writer: CodeBlockWriter, statements: readonly Statement[]): void {
  for (const statement of statements) {
    if (typeof statement === 'string') writer.writeLine(statement);
    else writer.write(statement.head).block(() => writeStatements(writer, statement.body));
  }
}

/** `{ "providerOptions.x": c }` → `{ providerOptions: { properties: { x: c } } }`, named by the same dotted paths. */
function nestConstraints(flat: Readonly<Record<string, Constraint>>): Record<string, Constraint> {
  const nested: Record<string, Constraint> = {};
  for (const [path, constraint] of Object.entries(flat)) {
    const names = path.split('.');
    let level = nested;
    for (const name of names.slice(0, -1)) {
      const parent = (level[name] ??= {});
      level = (parent.properties ??= {});
    }
    const last = names[names.length - 1]!;
    const earlier = level[last];
    level[last] = { ...earlier, ...constraint };
    if (earlier?.properties !== undefined && constraint.properties !== undefined) level[last].properties = { ...earlier.properties, ...constraint.properties };
  }
  return nested;
}
