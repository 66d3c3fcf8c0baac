/**
 * The facade contract requires a Refund's `id`, `paymentId` and `status`. A mapping may read them
 * from the response only where the spec promises they are there: every segment of a body path listed
 * in its schema's `required` (through $refs and allOf), or a response header declared
 * `required: true`, or a path the entry's `when` condition already checked. Otherwise the mapping
 * must say what to use when the field is absent (`fallback`), so that a 200 without the field is
 * still the refund it is, not `unexpected_response`.
 */
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import type { Condition, RefundMapping, ResponsePath } from './mapping.js';
import { child, deref, property, responseSchema, type Located } from './spec-walk.js';

/** The contract's required Refund fields a mapping may read from a response. */
export const REQUIRED_REFUND_FIELDS = ['id', 'paymentId', 'status'] as const;

export interface OptionalSource {
  field: (typeof REQUIRED_REFUND_FIELDS)[number];
  path: ResponsePath;
  /** The pointer whose `required` (or header `required: true`) would make the source certain. */
  pointer: string;
  /** What is missing there, as words: `id`, or `required: true`. */
  missing: string;
}

/** The first required Refund field of a response entry that comes from a source the spec leaves optional, with no fallback. */
export function optionalSources(spec: OpenApiDocument, response: Located, refund: RefundMapping, when: Condition | undefined): OptionalSource[] {
  const out: OptionalSource[] = [];
  for (const field of REQUIRED_REFUND_FIELDS) {
    const value = refund[field];
    if ('const' in value || value.fallback !== undefined) continue;
    const gap = gapIn(spec, response, value.from, checkedBy(when));
    if (gap !== undefined) out.push({ field, path: value.from, ...gap });
  }
  return out;
}

/** The paths a matched condition proves present: its leaves, through `all` (an `any` or `not` proves none). */
function checkedBy(when: Condition | undefined): ResponsePath[] {
  if (when === undefined) return [];
  if ('present' in when) return [when.present];
  if ('equals' in when) return [when.equals.path];
  return 'all' in when ? when.all.flatMap(checkedBy) : [];
}

/** Where `path` stops being guaranteed, or undefined when the response always carries it. */
function gapIn(spec: OpenApiDocument, response: Located, path: ResponsePath, checked: readonly ResponsePath[]): { pointer: string; missing: string } | undefined {
  const [root, ...rest] = path.split('.');
  if (root === 'input') return undefined;
  const guaranteed = (upTo: number) => checked.some((c) => c === [root, ...rest.slice(0, upTo)].join('.') || c.startsWith(`${[root, ...rest.slice(0, upTo)].join('.')}.`));
  if (root === 'header') {
    if (guaranteed(rest.length)) return undefined;
    const name = rest.join('.').toLowerCase();
    const headers = child(spec, response, 'headers');
    const key = Object.keys(headers?.node ?? {}).find((h) => h.toLowerCase() === name);
    const header = key === undefined ? undefined : child(spec, headers, key);
    return header?.node.required === true ? undefined : { pointer: header?.pointer ?? `${response.pointer}/headers`, missing: 'required: true' };
  }
  let schema = responseSchema(spec, response);
  for (let i = 0; i < rest.length && schema !== undefined; i++) {
    const name = rest[i]!;
    if (!guaranteed(i + 1) && !isRequiredProperty(spec, schema, name, 0)) return { pointer: `${deref(spec, schema)?.pointer ?? schema.pointer}/required`, missing: name };
    schema = property(spec, schema, name);
  }
  return undefined;
}

/** Listed in the schema's `required`, or in the `required` of one of its allOf members. */
function isRequiredProperty(spec: OpenApiDocument, schema: Located, name: string, depth: number): boolean {
  const resolved = deref(spec, schema);
  if (resolved === undefined || depth > 16) return false;
  const required = resolved.node.required;
  if (Array.isArray(required) && required.includes(name)) return true;
  const allOf = resolved.node.allOf;
  return Array.isArray(allOf) && allOf.some((member, i) => isRecord(member) && isRequiredProperty(spec, { node: member, pointer: `${resolved.pointer}/allOf/${i}` }, name, depth + 1));
}
