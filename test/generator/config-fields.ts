/**
 * Finds every place in providers.yaml and a mapping where a user writes text, from the JSON schemas
 * themselves (so a field added to a schema is covered without touching the test), and puts hostile
 * text there. A place is a path of keys with `*` for map entries and array items, plus a trailing
 * `{}` for the names (keys) of a free-form map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

type Schema = Record<string, unknown>;

/** String-typed places (and free map keys) whose schema has no enum or const: where text can go. */
export function textPlaces(schemaFile: string): string[] {
  const root = JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema;
  const places = new Set<string>();
  const visit = (node: unknown, path: string[], refs: readonly string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as Schema;
    if (typeof schema.$ref === 'string') {
      if (refs.includes(schema.$ref)) return;
      const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((n, k) => (n as Schema)[k], root);
      return visit(target, path, [...refs, schema.$ref]);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) for (const sub of (schema[key] as unknown[] | undefined) ?? []) visit(sub, path, refs);
    for (const key of ['if', 'then', 'else'] as const) visit(schema[key], path, refs);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const free = schema.enum === undefined && schema.const === undefined;
    // `{}` (any value) and string types are text.
    const anyValue = Object.keys(schema).length === 0 && path.length > 0;
    if (free && (types.includes('string') || anyValue)) places.add(path.join('/'));
    for (const [key, sub] of Object.entries((schema.properties as Schema | undefined) ?? {})) visit(sub, [...path, key], refs);
    if (schema.additionalProperties !== undefined && typeof schema.additionalProperties === 'object') {
      const names = schema.propertyNames as Schema | undefined;
      if (names?.enum === undefined) places.add([...path, '{}'].join('/'));
      visit(schema.additionalProperties, [...path, '*'], refs);
    }
    if (schema.items !== undefined) visit(schema.items, [...path, '*'], refs);
  };
  visit(root, [], []);
  return [...places].sort();
}

/** The place an instance path belongs to: `providers/push/title` → `providers/* /title` when `providers` is a map. */
export function placeOf(path: readonly string[], places: ReadonlySet<string>, isKey: boolean): string | undefined {
  const candidates = (i: number, acc: string[]): string[] => {
    if (i === path.length) return [acc.join('/')];
    return [...candidates(i + 1, [...acc, path[i]!]), ...candidates(i + 1, [...acc, '*'])];
  };
  const tail = isKey ? ['{}'] : [];
  const all = candidates(0, []).map((c) => [c, ...tail].filter(Boolean).join('/'));
  return all.find((c) => places.has(c));
}

export interface Injection { file: string; place: string; pointer: string; value: string }

/**
 * Appends the first payload the schema accepts to every string value (and map key) at a text place
 * of `data`, skipping `bound` places. A payload is tried on one place at a time and kept only when
 * the whole document still validates, so a field the schema constrains (a pattern, a length) gets
 * the most hostile text it allows, and a field that allows none is left alone.
 */
export function inject(data: unknown, file: string, schemaFile: string, payloads: readonly string[], bound: ReadonlySet<string>): Injection[] {
  const places = new Set(textPlaces(schemaFile));
  const validate = new Ajv({ strict: false, allErrors: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const done: Injection[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const childPath = [...path, key];
      const value = record[key];
      if (typeof value === 'string') {
        const place = placeOf(childPath, places, false);
        if (place !== undefined && !bound.has(place)) {
          for (const payload of payloads) {
            record[key] = value + payload;
            if (validate(data)) {
              done.push({ file, place, pointer: '/' + childPath.join('/'), value: value + payload });
              break;
            }
            record[key] = value;
          }
        }
      } else {
        walk(value, childPath);
      }
      if (!Array.isArray(record)) {
        const keyPlace = placeOf(childPath.slice(0, -1), places, true);
        if (keyPlace !== undefined && !bound.has(keyPlace)) throw new Error(`${file}: ${keyPlace} takes free map keys; classify it in BOUND or inject into it`);
      }
    }
  };
  walk(data, []);
  return done;
}

export const schemaPath = (repo: string, name: string) => join(repo, 'generator/schemas', name);
