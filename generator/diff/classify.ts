/**
 * Compares two normalized specs. api-smart-diff finds the changes (it resolves $refs and knows
 * OpenAPI's structure); paykit's own rules then decide the class where a client of a payment API
 * sees it differently from api-smart-diff's server-side view:
 *
 *   - a new response enum value is breaking (the facade meets a status it cannot map);
 *     a removed response enum value is not;
 *   - a removed request field is breaking (clients still send it), a new required one too;
 *     a new optional request field is non-breaking;
 *   - a removed or retyped field, either side, is breaking;
 *   - any change to the security requirements or schemes (other than wording) is breaking;
 *   - descriptions, summaries, examples and titles are patch.
 *
 * Everything else keeps api-smart-diff's class (breaking / non-breaking; deprecated → non-breaking;
 * annotation → patch; unclassified → non-breaking, so it is reviewed but does not claim a break).
 */
import { apiCompare, type Diff } from 'api-smart-diff';
import { joinPointer } from '../errors.js';
import { HTTP_METHODS, isRecord, type OpenApiDocument } from '../normalize/types.js';
import { maxClass, type ChangeClass, type SpecChange, type SpecDiff } from './types.js';

type Path = (string | number)[];

const ANNOTATIONS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'x-enumDescriptions', 'tags']);
const TYPE_KEYS = new Set(['type', 'format', 'items', '$ref', 'oneOf', 'anyOf', 'allOf', 'nullable', 'const']);

export function diffSpecs(provider: string, before: OpenApiDocument, after: OpenApiDocument): SpecDiff {
  const { diffs } = apiCompare(before, after);
  const changes: SpecChange[] = [];
  const seen = new Set<string>();
  // Changes seen through an operation first: they say which side (request/response) a schema is on.
  const ordered = [...diffs].sort((a, b) => rank(a) - rank(b));
  for (const diff of ordered) {
    const path = diff.path.map((s) => (typeof s === 'number' ? s : String(s)));
    const doc = diff.action === 'remove' ? before : after;
    const location = resolveLocation(doc, path) ?? resolveLocation(diff.action === 'remove' ? after : before, path) ?? joinPointer(path);
    const key = `${diff.action} ${location} ${safeJson(diff.before)} ${safeJson(diff.after)}`;
    // The same definition reached from components after an operation already reported it.
    if (path[0] !== 'paths' && seen.has(key)) continue;
    seen.add(key);
    changes.push(classify(diff, path, location, before, after));
  }
  const merged = collapseAuth(mergeRequiredWithAdded(changes));
  const unique = dedupe(merged);
  unique.sort((a, b) => classRank(b.class) - classRank(a.class) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  return { provider, class: maxClass(unique.map((c) => c.class)), changes: unique };
}

function rank(diff: Diff): number {
  return diff.path[0] === 'paths' ? 0 : 1;
}

function classRank(c: ChangeClass): number {
  return c === 'breaking' ? 2 : c === 'non-breaking' ? 1 : 0;
}

function classify(diff: Diff, path: Path, location: string, before: OpenApiDocument, after: OpenApiDocument): SpecChange {
  const pointer = joinPointer(path);
  const operation = operationOf(path);
  const area = areaOf(path);
  const base = { action: diff.action, pointer, location, area, ...(operation === undefined ? {} : { operation }), before: diff.before, after: diff.after } as const;
  const where = describeWhere(path, operation, before, after);
  const field = fieldName(path);
  const last = path[path.length - 1];
  const parentKey = path[path.length - 2];
  const make = (cls: ChangeClass, rule: string, sentence: string): SpecChange => ({ class: cls, rule, sentence: `${sentence}.`, ...base });

  // 1. Wording and examples.
  if (isAnnotation(path)) {
    return make('patch', 'paykit:documentation', `${capital(where)}: ${annotationName(path)} ${verb(diff.action)} (documentation only)`);
  }
  // 2. Authentication.
  if (area === 'auth') {
    return make('breaking', 'paykit:auth-changed', `Authentication changed: ${pointerWords(path)} ${verb(diff.action)}${values(diff)}`);
  }
  if (path[0] === 'servers' && last === 'url') {
    return make('non-breaking', 'paykit:server-url-changed', `Server URL ${verb(diff.action)}${values(diff)}; check defaultServer in specs/providers.yaml`);
  }
  // 3. Enum values.
  if (parentKey === 'enum' && typeof last === 'number') {
    const value = JSON.stringify(diff.action === 'remove' ? diff.before : diff.after);
    const subject = field === undefined ? where : `${where} field \`${field}\``;
    if (area === 'response') {
      if (diff.action === 'remove') return make('non-breaking', 'paykit:response-enum-removed', `${capital(subject)} no longer returns ${value}`);
      return make('breaking', 'paykit:response-enum-added', `${capital(subject)} may now return ${value}${diff.action === 'replace' ? ` instead of ${JSON.stringify(diff.before)}` : ''}, a value existing clients and the facade cannot map`);
    }
    if (area === 'request') {
      if (diff.action === 'add') return make('non-breaking', 'paykit:request-enum-added', `${capital(subject)} now also accepts ${value}`);
      return make('breaking', 'paykit:request-enum-removed', `${capital(subject)} no longer accepts ${JSON.stringify(diff.before)}`);
    }
  }
  // 4. Fields (schema properties) and parameters.
  if (parentKey === 'properties' && typeof last === 'string' && (area === 'request' || area === 'response')) {
    const subject = `${where} field \`${field ?? last}\``;
    if (diff.action === 'remove') return make('breaking', `paykit:${area}-field-removed`, `${capital(subject)} was removed`);
    if (diff.action === 'add') {
      if (area === 'response') return make('non-breaking', 'paykit:response-field-added', `${capital(subject)} was added`);
      const required = isRequired(after, path);
      return required
        ? make('breaking', 'paykit:request-field-added-required', `${capital(subject)} was added and is required`)
        : make('non-breaking', 'paykit:request-field-added-optional', `${capital(subject)} was added (optional)`);
    }
    return make('breaking', `paykit:${area}-field-replaced`, `${capital(subject)} was redefined`);
  }
  if (parentKey === 'required' && typeof last === 'number' && (area === 'request' || area === 'response')) {
    const name = String(diff.action === 'remove' ? diff.before : diff.after);
    const subject = `${where} field \`${[...fieldPath(path.slice(0, -2)), name].join('.')}\``;
    if (area === 'request') {
      return diff.action === 'remove'
        ? make('non-breaking', 'paykit:request-field-optional', `${capital(subject)} is now optional`)
        : make('breaking', 'paykit:request-field-required', `${capital(subject)} is now required`);
    }
    return diff.action === 'remove'
      ? make('breaking', 'paykit:response-field-optional', `${capital(subject)} may now be absent`)
      : make('non-breaking', 'paykit:response-field-required', `${capital(subject)} is now always present`);
  }
  if (typeof last === 'string' && TYPE_KEYS.has(last) && (area === 'request' || area === 'response') && path.includes('schema')) {
    const subject = field === undefined ? where : `${where} field \`${field}\``;
    return make('breaking', `paykit:${area}-field-retyped`, `${capital(subject)} changed ${last}${values(diff)}`);
  }
  if (area === 'request' && parentKey === 'parameters' && typeof last === 'number') {
    const param = (diff.action === 'remove' ? diff.before : diff.after) as { name?: unknown; in?: unknown; required?: unknown } | undefined;
    const subject = `${where} ${String(param?.in ?? '')} parameter \`${String(param?.name ?? last)}\``;
    if (diff.action === 'remove') return make('breaking', 'paykit:request-parameter-removed', `${capital(subject)} was removed`);
    if (diff.action === 'add') {
      return param?.required === true
        ? make('breaking', 'paykit:request-parameter-added-required', `${capital(subject)} was added and is required`)
        : make('non-breaking', 'paykit:request-parameter-added-optional', `${capital(subject)} was added (optional)`);
    }
  }
  // 5. Operations.
  if (path[0] === 'paths' && path.length === 3) {
    if (diff.action === 'remove') return make('breaking', 'paykit:operation-removed', `${capital(where)} was removed`);
    if (diff.action === 'add') return make('non-breaking', 'paykit:operation-added', `${capital(where)} was added`);
  }
  if (path[0] === 'paths' && path.length === 2) {
    if (diff.action === 'remove') return make('breaking', 'paykit:path-removed', `Path ${String(path[1])} was removed`);
    if (diff.action === 'add') return make('non-breaking', 'paykit:path-added', `Path ${String(path[1])} was added`);
  }
  // 6. What api-smart-diff says.
  const cls: ChangeClass = diff.type === 'breaking' ? 'breaking' : diff.type === 'annotation' ? 'patch' : 'non-breaking';
  const text = diff.description !== undefined
    ? `${capital(where)}: ${diff.description.replace(/^\[(\w+)\]\s*/, (_m, a: string) => `${a.toLowerCase()} `)}`
    : `${capital(where)}: ${pointerWords(path)} ${verb(diff.action)}${values(diff)}`;
  return make(cls, `api-smart-diff:${diff.type}`, text);
}

/** A field added and made required shows twice (the property and its `required` entry): keep the property. */
function mergeRequiredWithAdded(changes: SpecChange[]): SpecChange[] {
  const added = new Set(changes.filter((c) => c.rule === 'paykit:request-field-added-required').map((c) => c.pointer));
  return changes.filter((c) => {
    if (c.rule !== 'paykit:request-field-required') return true;
    const schema = c.pointer.replace(/\/required\/\d+$/, '');
    return !added.has(`${schema}/properties/${String(c.after).replace(/~/g, '~0').replace(/\//g, '~1')}`);
  });
}

/** One change per security scheme (or requirement list): a scheme's type, name and `in` changing together are one event. */
function collapseAuth(changes: SpecChange[]): SpecChange[] {
  const out: SpecChange[] = [];
  const groups = new Map<string, SpecChange[]>();
  for (const c of changes) {
    if (c.rule !== 'paykit:auth-changed') { out.push(c); continue; }
    const m = /^(\/components\/securitySchemes\/[^/]+|\/security|\/paths\/[^/]+\/[^/]+\/security)/.exec(c.pointer);
    const key = m?.[1] ?? c.pointer;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [pointer, group] of groups) {
    if (group.length === 1) { out.push(group[0]!); continue; }
    const scheme = /securitySchemes\/([^/]+)$/.exec(pointer)?.[1];
    const details = group.map((c) => c.sentence.replace(/^Authentication changed: /, '').replace(/\.$/, '').replace(`${pointer}/`, '')).join('; ');
    out.push({
      ...group[0]!, action: 'replace', pointer, location: pointer, before: undefined, after: undefined,
      sentence: `Authentication changed: ${scheme === undefined ? 'security requirements' : `security scheme \`${scheme.replace(/~1/g, '/').replace(/~0/g, '~')}\``} (${details}).`,
    });
  }
  return out;
}

function dedupe(changes: SpecChange[]): SpecChange[] {
  const keys = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.class} ${c.pointer} ${c.sentence}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

function isAnnotation(path: Path): boolean {
  if (path[0] === 'info' || (path[0] === 'tags' && path.length >= 1)) return true;
  if (path[0] === 'servers' && path.includes('description')) return true;
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string' || !ANNOTATIONS.has(key)) continue;
    if (path[i - 1] === 'properties') continue; // a field named like an annotation keyword
    if (key === 'tags' && !(path[0] === 'paths' && i === 3)) continue;
    return true;
  }
  return false;
}

function annotationName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && ANNOTATIONS.has(key) && path[i - 1] !== 'properties') {
      const field = fieldName(path.slice(0, i));
      return field === undefined ? key : `${key} of \`${field}\``;
    }
  }
  return 'text';
}

function areaOf(path: Path): SpecChange['area'] {
  if (path[0] === 'security' || (path[0] === 'components' && path[1] === 'securitySchemes')) return 'auth';
  if (path[0] === 'paths') {
    if (path[3] === 'security') return 'auth';
    if (path[3] === 'requestBody' || path[3] === 'parameters') return 'request';
    if (path[3] === 'responses') return 'response';
    if (path[2] === 'parameters') return 'request';
  }
  return 'document';
}

function operationOf(path: Path): { method: string; path: string } | undefined {
  if (path[0] !== 'paths' || typeof path[1] !== 'string' || typeof path[2] !== 'string') return undefined;
  if (!(HTTP_METHODS as readonly string[]).includes(path[2])) return undefined;
  return { method: path[2].toUpperCase(), path: path[1] };
}

function describeWhere(path: Path, operation: { method: string; path: string } | undefined, _before: OpenApiDocument, _after: OpenApiDocument): string {
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
function fieldName(path: Path): string | undefined {
  const names = fieldPath(path);
  return names.length === 0 ? undefined : names.join('.');
}

function fieldPath(path: Path): string[] {
  const names: string[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    if (path[i] === 'properties' && path[i - 1] !== 'properties') names.push(String(path[i + 1]));
    else if (path[i] === 'items' && path[i - 1] !== 'properties' && names.length > 0) names[names.length - 1] += '[]';
  }
  return names;
}

/** Whether the field at …/properties/<name> is listed in its schema's `required`. */
function isRequired(document: OpenApiDocument, path: Path): boolean {
  const name = path[path.length - 1];
  const schema = walk(document, path.slice(0, -2));
  return isRecord(schema) && Array.isArray(schema.required) && schema.required.includes(name);
}

/** Follows `path` through the document, jumping through local $refs; the pointer of where it ends. */
function resolveLocation(document: OpenApiDocument, path: Path): string | undefined {
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

function walk(document: OpenApiDocument, path: Path): unknown {
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

function followRef(document: OpenApiDocument, node: unknown): [unknown, (string | number)[]] | undefined {
  let current = node;
  let target: string[] | undefined;
  for (let hops = 0; hops < 32 && isRecord(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
    target = current.$ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let next: unknown = document;
    for (const s of target) next = isRecord(next) ? next[s] : Array.isArray(next) ? next[Number(s)] : undefined;
    current = next;
  }
  return target === undefined ? undefined : [current, target];
}

function pointerWords(path: Path): string {
  return joinPointer(path);
}

function verb(action: SpecChange['action']): string {
  return action === 'add' ? 'added' : action === 'remove' ? 'removed' : action === 'rename' ? 'renamed' : 'changed';
}

function values(diff: Diff): string {
  if (diff.action === 'replace') return ` from ${short(diff.before)} to ${short(diff.after)}`;
  if (diff.action === 'add' && isScalar(diff.after)) return ` (${short(diff.after)})`;
  if (diff.action === 'remove' && isScalar(diff.before)) return ` (was ${short(diff.before)})`;
  return '';
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function short(value: unknown): string {
  const text = safeJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return String(value);
  }
}

function capital(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
