/** Where a change is, in words and pointers: operations, fields, areas, and locations through local $refs. */
import type { Diff } from 'api-smart-diff';
import { HTTP_METHODS, isRecord, type OpenApiDocument } from '../normalize/types.js';
import { joinPointer } from '../errors.js';
import { resolvePointer } from '../load/refs.js';
import type { SpecChange } from './types.js';

export type Path = (string | number)[];

export function areaOf(path: Path): SpecChange['area'] {
  if (path[0] === 'security' || (path[0] === 'components' && path[1] === 'securitySchemes')) return 'auth';
  if (path[0] === 'paths') {
    if (path[3] === 'security') return 'auth';
    if (path[3] === 'requestBody' || path[3] === 'parameters') return 'request';
    if (path[3] === 'responses') return 'response';
    if (path[2] === 'parameters') return 'request';
  }
  return 'document';
}

export function operationOf(path: Path): { method: string; path: string } | undefined {
  if (path[0] !== 'paths' || typeof path[1] !== 'string' || typeof path[2] !== 'string') return undefined;
  if (!(HTTP_METHODS as readonly string[]).includes(path[2])) return undefined;
  return { method: path[2].toUpperCase(), path: path[1] };
}

export function describeWhere(path: Path, operation: { method: string; path: string } | undefined, _before: OpenApiDocument, _after: OpenApiDocument): string {
  if (operation === undefined) {
    if (path[0] === 'components' && path.length >= 3) return `${String(path[1])} ${String(path[2])}`;
    return path.length === 0 ? 'the document' : String(path[0]);
  }
  const op = `${operation.method} ${operation.path}`;
  if (path[3] === 'requestBody') return `${op} request body`;
  if (path[3] === 'parameters') return `${op} request`;
  if (path[3] === 'responses' && path[4] !== undefined) {
    const status = String(path[4]);
    if (path[5] === 'headers' && path[6] !== undefined) return `${op} response ${status} header \`${String(path[6])}\``;
    return `${op} response ${status}`;
  }
  return op;
}

/** `refund_info.result` for …/schema/properties/refund_info/properties/result/…; undefined when not inside a field. */
export function fieldName(path: Path): string | undefined {
  const names = fieldPath(path);
  return names.length === 0 ? undefined : names.join('.');
}

export function fieldPath(path: Path): string[] {
  const names: string[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    if (path[i] === 'properties' && path[i - 1] !== 'properties') names.push(String(path[i + 1]));
    else if (path[i] === 'items' && path[i - 1] !== 'properties' && names.length > 0) names[names.length - 1] += '[]';
  }
  return names;
}

/** Whether the field at …/properties/<name> is listed in its schema's `required`. */
export function isRequired(document: OpenApiDocument, path: Path): boolean {
  const name = path[path.length - 1];
  const schema = walk(document, path.slice(0, -2));
  return isRecord(schema) && Array.isArray(schema.required) && schema.required.includes(name);
}

/** Follows `path` through the document, jumping through local $refs; the pointer of where it ends. */
export function resolveLocation(document: OpenApiDocument, path: Path): string | undefined {
  let node: unknown = document;
  let location: (string | number)[] = [];
  for (const segment of path) {
    const jumped = followRef(document, node);
    if (jumped !== undefined) [node, location] = jumped;
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node) && typeof segment === 'string' && segment in node) node = node[segment];
    else if (isRecord(node) && typeof segment === 'number' && String(segment) in node) node = node[String(segment)];
    else return undefined;
    location = [...location, segment];
  }
  return joinPointer(location);
}

export function walk(document: OpenApiDocument, path: Path): unknown {
  let node: unknown = document;
  for (const segment of path) {
    const jumped = followRef(document, node);
    if (jumped !== undefined) node = jumped[0];
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return followRef(document, node)?.[0] ?? node;
}

export function followRef(document: OpenApiDocument, node: unknown): [unknown, (string | number)[]] | undefined {
  let current = node;
  let target: string[] | undefined;
  for (let hops = 0; hops < 32 && isRecord(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
    target = current.$ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = resolvePointer(document, current.$ref.slice(1));
  }
  return target === undefined ? undefined : [current, target];
}

export function pointerWords(path: Path): string {
  return joinPointer(path);
}

export function verb(action: SpecChange['action']): string {
  return action === 'add' ? 'added' : action === 'remove' ? 'removed' : action === 'rename' ? 'renamed' : 'changed';
}

export function values(diff: Diff): string {
  if (diff.action === 'replace') return ` from ${short(diff.before)} to ${short(diff.after)}`;
  if (diff.action === 'add' && isScalar(diff.after)) return ` (${short(diff.after)})`;
  if (diff.action === 'remove' && isScalar(diff.before)) return ` (was ${short(diff.before)})`;
  return '';
}

export function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function short(value: unknown): string {
  const text = safeJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return String(value);
  }
}

export function capital(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
