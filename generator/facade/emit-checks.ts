/**
 * The spec's limits on pass-through input (`reference`, `providerOptions.*`: lengths, patterns,
 * enums, URLs, required members) as straight-line code in the shim's `check(input, fail)`, so an
 * app's bundle carries exactly the checks its provider's spec asks for and no rule interpreter.
 * Spec text (names, enum values, patterns) only ever reaches the code as string literals (tsString).
 */
import type { CodeBlockWriter } from 'ts-morph';
import { tsString } from '../text/escape.js';
import type { Constraint } from './check.js';
import { literal, runtimeFunction } from './expressions.js';

/** A statement, or a block statement with its body. */
export type Statement = string | { head: string; body: Statement[] };

/**
 * The body of `check(input, fail)` for the mapping's pass-through constraints (check.ts), one
 * runtime call (runtime/limits.ts) per limit, or undefined when there are none. Computed eagerly so
 * collectRuntime sees the helpers it calls.
 */
export function constraintChecks(flat: Readonly<Record<string, Constraint>>): Statement[] | undefined {
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
    const record = `v${counter++}`;
    // validateInput has already refused a providerOptions that is not an object.
    out.push(field === 'providerOptions'
      ? `const ${record} = ${value} as Record<string, unknown> | undefined;`
      : `const ${record} = ${runtimeFunction('object')}(fail, ${tsString(field)}, ${value}${c.required === undefined ? '' : `, ${literal(c.required)}`});`);
    for (const [name, member] of Object.entries(c.properties ?? {})) out.push(...checks(`${record}?.[${tsString(name)}]`, member, `${field}.${name}`));
    return out;
  };
  return Object.entries(nested).flatMap(([name, c]) => checks(`input[${tsString(name)}]`, c, name));
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
