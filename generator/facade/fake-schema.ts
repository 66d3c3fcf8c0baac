/**
 * Spec schemas as plain data for the fakes (@paykit/refunds/testing): `$ref`s inlined, only the
 * keywords a fake validates or samples kept, and a minimal sample value for a schema.
 */
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import { deref, type Located } from './spec-walk.js';

const KEPT = new Set([
  'type', 'nullable', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'allOf', 'anyOf', 'oneOf',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format', 'minItems', 'maxItems',
]);
/** Deeper than any refund body; a recursive schema is cut off there (and then accepts anything). */
const MAX_DEPTH = 12;

export type Schema = Record<string, unknown>;

export function inlineSchema(document: OpenApiDocument, located: Located | undefined, depth = 0): Schema | undefined {
  const resolved = deref(document, located);
  if (resolved === undefined || depth > MAX_DEPTH) return undefined;
  const out: Schema = {};
  const sub = (node: unknown, key: string) => (isRecord(node) ? inlineSchema(document, { node, pointer: `${resolved.pointer}/${key}` }, depth + 1) ?? {} : {});
  for (const [key, value] of Object.entries(resolved.node)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties' && isRecord(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, node]) => [name, sub(node, `properties/${name}`)]));
    } else if ((key === 'items' || key === 'additionalProperties') && isRecord(value)) {
      out[key] = sub(value, key);
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((node, i) => sub(node, `${key}/${i}`));
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

/** The smallest value the schema accepts that a reader would recognise: required properties only. */
export function sampleOf(schema: Schema | undefined, depth = 0): unknown {
  if (schema === undefined || depth > MAX_DEPTH) return {};
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return structuredClone(schema.enum[0]);
  if (schema.const !== undefined) return structuredClone(schema.const);
  const allOf = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : [];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties || allOf.length > 0 ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const part of [schema, ...allOf]) {
        const properties = isRecord(part.properties) ? part.properties : {};
        for (const name of Array.isArray(part.required) ? (part.required as string[]) : []) {
          defineOwn(out, name, sampleOf(properties[name] as Schema | undefined, depth + 1));
        }
      }
      return out;
    }
    case 'array': return [];
    case 'integer': case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
      return type === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean': return false;
    case 'string': return schema.format === 'date-time' ? '2024-01-01T00:00:00Z' : schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'fake';
    default: return {};
  }
}

/** An own property even for `__proto__`: spec names are data. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The media example of a response (example, or the first of examples), when it is an object. */
export function exampleOf(document: OpenApiDocument, response: Located): Record<string, unknown> | undefined {
  const media = deref(document, response)?.node.content;
  const json = isRecord(media) && isRecord(media['application/json']) ? media['application/json'] : undefined;
  const examples = json && isRecord(json.examples) ? Object.values(json.examples) : [];
  const first = examples.map((e) => deref(document, isRecord(e) ? { node: e, pointer: '' } : undefined)?.node.value)[0];
  const schema = json && isRecord(json.schema) ? deref(document, { node: json.schema, pointer: '' })?.node : undefined;
  const candidate = json?.example ?? first ?? schema?.example;
  return isRecord(candidate) ? structuredClone(candidate) : undefined;
}
