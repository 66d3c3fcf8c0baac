/**
 * paykit's own rules: given one change api-smart-diff found, decide its class where a client of a payment API
 * sees it differently from api-smart-diff's server-side view:
 *
 *   - a new response enum value is breaking (the facade meets a status it cannot map);
 *     a removed response enum value is not;
 *   - a removed request field is breaking (clients still send it), a new required one too;
 *     a new optional request field is non-breaking;
 *   - a removed or retyped field, either side, is breaking;
 *   - any change to the security requirements or schemes (other than wording) is breaking;
 *   - descriptions, summaries, examples and titles are patch, and so is an empty map or list coming or going;
 *   - a response header no longer required is breaking, a newly required one non-breaking.
 *
 * Everything else keeps api-smart-diff's class (breaking / non-breaking; deprecated → non-breaking;
 * annotation → patch; unclassified → non-breaking, so it is reviewed but does not claim a break).
 */
import type { Diff } from 'api-smart-diff';
import type { ChangeClass, SpecChange } from './types.js';
import {
  areaOf, capital, describeWhere, fieldName, fieldPath, isRequired, operationOf, pointerWords, values, verb, type Path,
} from './where.js';
import { joinPointer } from '../errors.js';
import type { OpenApiDocument } from '../normalize/types.js';

/** The placeholder rule of a change under /servers, which diffSpecs replaces by classifyServerChanges. */
export const SERVER_RULE = 'paykit:server';

const ANNOTATIONS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'x-enumDescriptions', 'tags']);
const TYPE_KEYS = new Set(['type', 'format', 'items', '$ref', 'oneOf', 'anyOf', 'allOf', 'nullable', 'const']);

export function classifyChange(diff: Diff, path: Path, location: string, before: OpenApiDocument, after: OpenApiDocument): SpecChange {
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
  // An empty map or list appearing or disappearing (`headers: {}`) changes nothing a client sees.
  if ((diff.action === 'add' || diff.action === 'remove') && isEmpty(diff.action === 'add' ? diff.after : diff.before)) {
    return make('patch', 'paykit:empty', `${capital(where)}: empty ${String(last)} ${verb(diff.action)} (no API change)`);
  }
  // A response header's `required`: the client may no longer find it (breaking), or always will.
  if (area === 'response' && path[5] === 'headers' && path.length === 8 && last === 'required') {
    if (diff.before === true && diff.after !== true) return make('breaking', 'paykit:response-header-optional', `${capital(where)} may now be absent`);
    if (diff.before !== true && diff.after === true) return make('non-breaking', 'paykit:response-header-required', `${capital(where)} is now always sent`);
  }
  // 2. Authentication.
  if (area === 'auth') {
    return make('breaking', 'paykit:auth-changed', `Authentication changed: ${pointerWords(path)} ${verb(diff.action)}${values(diff)}`);
  }
  // Servers are classified as a whole, against providers.yaml's choice (serverChanges in ./classify.ts): this one is replaced.
  if (path[0] === 'servers') return make('patch', SERVER_RULE, `Servers: ${pointerWords(path)} ${verb(diff.action)}`);
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
export function mergeRequiredWithAdded(changes: SpecChange[]): SpecChange[] {
  const added = new Set(changes.filter((c) => c.rule === 'paykit:request-field-added-required').map((c) => c.pointer));
  return changes.filter((c) => {
    if (c.rule !== 'paykit:request-field-required') return true;
    const schema = c.pointer.replace(/\/required\/\d+$/, '');
    return !added.has(`${schema}/properties/${String(c.after).replace(/~/g, '~0').replace(/\//g, '~1')}`);
  });
}

/** One change per security scheme (or requirement list): a scheme's type, name and `in` changing together are one event. */
export function collapseAuth(changes: SpecChange[]): SpecChange[] {
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

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}
