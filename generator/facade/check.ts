/**
 * Checks a mapping against its provider's normalized spec: every operation, field path, header,
 * status and enum value it names must exist, every required request field must be covered, and a
 * status map must cover exactly the enum the spec declares (a new vendor status fails generation).
 */
import { PaykitError, joinPointer } from '../errors.js';
import type { OpenApiDocument } from '../normalize/types.js';
import type { Condition, LoadedMapping, Mapping, ResponsePath } from './mapping.js';
import { bodyField, checkRequest } from './request-check.js';
import { optionalSources } from './required-sources.js';
import {
  child, deref, enumValues, headerParameters, operationAt, parametersIn, property, requestSchema, requiredProperties,
  responseFor, responseSchema, type Located,
} from './spec-walk.js';

export interface CheckedMapping extends LoadedMapping {
  /** The response key the spec declares for each mapped status ('200', '4XX' or 'default'). */
  responseKeys: Map<number, string>;
  idempotencyKeyRule?: { pattern?: string; maxLength?: number };
  /** Spec limits on fields the caller passes through unchanged, by input path (`providerOptions.x`, `reference`). */
  passThroughConstraints: Record<string, Constraint>;
  /** The currencies the facade accepts: input.currencies, or those a currency enum in the spec allows. */
  currencies?: string[];
}

/** The subset of JSON Schema the runtime checks before sending (as code in the shim's check(): emit-checks.ts). */
export interface Constraint {
  maxLength?: number; minLength?: number; pattern?: string; enum?: (string | number | boolean)[]; format?: 'uri';
  required?: string[]; properties?: Record<string, Constraint>;
}

export function checkMapping(loaded: LoadedMapping, spec: OpenApiDocument): CheckedMapping {
  const { mapping, file, provider } = loaded;
  const specFile = `generated/${provider.id}/openapi.yaml`;
  const fail = (entry: (string | number)[], problem: string, fix = `fix ${file}, or declare it in ${provider.overlay ?? 'an overlay'} if the provider really has it`): never => {
    throw new PaykitError(file, joinPointer(entry), problem, fix);
  };
  const missing = (entry: (string | number)[], what: string, pointer: string): never =>
    fail(entry, `${what}, but ${specFile} has no #${pointer}`);

  const { method, path } = mapping.operation;
  const operation = operationAt(spec, path, method)
    ?? missing(['operation'], `names ${method.toUpperCase()} ${path}`, joinPointer(['paths', path, method]));

  const { currencies } = checkRequest(mapping, spec, operation, fail, missing);
  // A pass-through field's pattern is compiled by the runtime (limits.ts, with the `u` flag) the first time
  // it checks a value: one that cannot compile there is refused here, not thrown from refunds.create.
  const passThroughConstraints = constraintsOf(mapping, spec, requestSchema(spec, operation)!, (pattern, pointer, field) => {
    if (!compiles(pattern, 'u')) {
      fail(['request'], `passes ${field} through to a field whose pattern in ${specFile} (#${pointer}/pattern) is not a valid JavaScript regular expression (with the u flag)`,
        `replace the pattern with an overlay (${provider.overlay ?? 'specs/overlays/<provider>.yaml'})`);
    }
  });
  const headers = headerParameters(spec, path, method);
  let idempotencyKeyRule: CheckedMapping['idempotencyKeyRule'];
  if (mapping.idempotency.header !== undefined) {
    const parameter = headers.get(mapping.idempotency.header.toLowerCase())
      ?? missing(['idempotency', 'header'], `names the header ${mapping.idempotency.header}`, `${operation.pointer}/parameters (a header named ${mapping.idempotency.header})`);
    const schema = child(spec, parameter, 'schema')?.node;
    idempotencyKeyRule = {
      ...(typeof schema?.pattern === 'string' ? { pattern: schema.pattern } : {}),
      ...(typeof schema?.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
    };
    // The shim compiles it when it loads (emit-checks.ts), so one that cannot compile is refused here.
    if (idempotencyKeyRule.pattern !== undefined && !compiles(idempotencyKeyRule.pattern)) {
      fail(['idempotency', 'header'], `names the header ${mapping.idempotency.header}, whose pattern in ${specFile} (#${parameter.pointer}/schema/pattern) is not a valid JavaScript regular expression`,
        `replace the pattern with an overlay (${provider.overlay ?? 'specs/overlays/<provider>.yaml'})`);
    }
  }

  const responseKeys = new Map<number, string>();
  const resolveStatus = (entry: (string | number)[], status: number): Located => {
    const response = responseFor(spec, operation, status)
      ?? missing(entry, `maps HTTP ${status}`, `${operation.pointer}/responses/${status}`);
    responseKeys.set(status, response.pointer.split('/').pop()!);
    return response;
  };
  const checkPath = (entry: (string | number)[], response: Located, responsePath: ResponsePath): Located | undefined => {
    const [root, ...rest] = responsePath.split('.');
    if (root === 'input') return undefined;
    if (root === 'header') {
      const name = rest.join('.').toLowerCase();
      const declared = Object.keys(child(spec, response, 'headers')?.node ?? {}).some((h) => h.toLowerCase() === name);
      if (!declared) missing(entry, `names the response header ${rest.join('.')}`, `${response.pointer}/headers/${rest.join('.')}`);
      return undefined;
    }
    let schema = responseSchema(spec, response) ?? missing(entry, `names ${responsePath}`, `${response.pointer}/content/application~1json/schema`);
    for (const segment of rest) {
      schema = property(spec, schema, segment) ?? missing(entry, `names ${responsePath}`, `${schema.pointer}/properties/${segment}`);
    }
    return schema;
  };
  const checkCondition = (at: (string | number)[], response: Located, when: Condition | undefined) => {
    if (when === undefined) return;
    if ('present' in when) checkPath([...at, 'present'], response, when.present);
    else if ('equals' in when) checkPath([...at, 'equals', 'path'], response, when.equals.path);
    else if ('not' in when) checkCondition([...at, 'not'], response, when.not);
    else if ('all' in when) when.all.forEach((c, i) => checkCondition([...at, 'all', i], response, c));
    else when.any.forEach((c, i) => checkCondition([...at, 'any', i], response, c));
  };

  mapping.responses.forEach((entry, index) => {
    const at = ['responses', index];
    const response = resolveStatus([...at, 'status'], entry.status);
    checkCondition([...at, 'when'], response, entry.when);
    for (const [field, value] of Object.entries(entry.refund)) {
      const fieldAt = [...at, 'refund', field];
      if (field === 'amount') {
        if (typeof value === 'object') {
          checkPath([...fieldAt, 'value'], response, value.value);
          checkPath([...fieldAt, 'currency'], response, value.currency);
        }
        continue;
      }
      if (value === undefined || 'const' in value) continue;
      const schema = checkPath([...fieldAt, 'from'], response, value.from);
      if (field === 'status' && 'map' in value) checkStatusMap(spec, schema, value.map, value.from, [...fieldAt, 'map'], fail);
      if ('fallback' in value && typeof value.fallback === 'string') checkPath([...fieldAt, 'fallback'], response, value.fallback);
    }
    for (const gap of optionalSources(spec, response, entry.refund, entry.when)) {
      fail([...at, 'refund', gap.field, 'from'], `reads ${gap.path}, but the refund's ${gap.field} is required and ${specFile} does not promise it: #${gap.pointer} lacks ${gap.missing}`,
        `add a fallback (an input, a header or a const) to ${file}, or mark it required in ${provider.overlay ?? 'an overlay'} if the vendor documents it as always present`);
    }
  });
  mapping.errors.forEach((entry, index) => {
    const at = ['errors', index];
    const response = resolveStatus([...at, 'status'], entry.status);
    checkCondition([...at, 'when'], response, entry.when);
    if (entry.message !== undefined) checkPath([...at, 'message'], response, entry.message);
    // The engine's error table reads the parsed body only (expressions.ts conditionFunction, bodyPathLiteral).
    for (const [pointer, read] of [...leafPaths([...at, 'when'], entry.when), ...(entry.message === undefined ? [] : [[[...at, 'message'], entry.message] as const])]) {
      if (!read.startsWith('body.')) fail([...pointer], `reads ${read}, but an error rule can only read the response body`, 'use a body.<path> here');
    }
  });
  return { ...loaded, responseKeys, passThroughConstraints, ...(idempotencyKeyRule === undefined ? {} : { idempotencyKeyRule }), ...(currencies === undefined ? {} : { currencies }) };
}

/** Every path a condition reads, with the mapping pointer of its leaf. */
function leafPaths(at: (string | number)[], when: Condition | undefined): (readonly [(string | number)[], ResponsePath])[] {
  if (when === undefined) return [];
  if ('present' in when) return [[[...at, 'present'], when.present]];
  if ('equals' in when) return [[[...at, 'equals', 'path'], when.equals.path]];
  if ('not' in when) return leafPaths([...at, 'not'], when.not);
  const [key, parts] = 'all' in when ? ['all', when.all] as const : ['any', when.any] as const;
  return parts.flatMap((c, i) => leafPaths([...at, key, i], c));
}

/** Fields sent as the caller gave them (no transform, no map) carry the spec's limits into the shim. */
type OnPattern = (pattern: string, pointer: string, field: string) => void;

function constraintsOf(mapping: Mapping, spec: OpenApiDocument, body: Located, onPattern: OnPattern): Record<string, Constraint> {
  const out: Record<string, Constraint> = {};
  const { path, method } = mapping.operation;
  const targets = [
    ...Object.entries(mapping.request.body).map(([field, value]) => [value, bodyField(spec, body, field)] as const),
    ...(['path', 'query'] as const).flatMap((where) => {
      const declared = parametersIn(spec, path, method, where);
      return Object.entries(mapping.request[where]).map(([name, value]) => [value, child(spec, declared.get(name), 'schema')] as const);
    }),
  ];
  for (const [value, schema] of targets) {
    const passedThrough = (value.from === 'reference' || value.from.startsWith('providerOptions.')) && value.transform === undefined && value.map === undefined;
    if (!passedThrough) continue;
    const constraint = constraintOf(spec, schema, 0, (pattern, pointer) => onPattern(pattern, pointer, value.from));
    if (constraint !== undefined) out[value.from] = { ...out[value.from], ...constraint };
  }
  return out;
}

function constraintOf(spec: OpenApiDocument, schema: Located | undefined, depth: number, onPattern: (pattern: string, pointer: string) => void): Constraint | undefined {
  const located = deref(spec, schema);
  const node = located?.node;
  if (node === undefined || depth > 4) return undefined;
  const c: Constraint = {};
  if (typeof node.maxLength === 'number') c.maxLength = node.maxLength;
  if (typeof node.minLength === 'number' && node.minLength > 0) c.minLength = node.minLength;
  if (typeof node.pattern === 'string') {
    onPattern(node.pattern, located!.pointer);
    c.pattern = node.pattern;
  }
  if (Array.isArray(node.enum) && node.enum.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) c.enum = node.enum as (string | number | boolean)[];
  if (node.format === 'uri' || node.format === 'url') c.format = 'uri';
  const required = requiredProperties(spec, schema);
  if (required.length > 0) c.required = required;
  const names = Object.keys(child(spec, schema, 'properties')?.node ?? {}).sort();
  const properties = Object.fromEntries(names.flatMap((name) => {
    const sub = constraintOf(spec, property(spec, schema, name), depth + 1, onPattern);
    return sub === undefined ? [] : [[name, sub]];
  }));
  if (Object.keys(properties).length > 0) c.properties = properties;
  return Object.keys(c).length === 0 ? undefined : c;
}

type Fail = (entry: (string | number)[], problem: string, fix?: string) => never;

function checkStatusMap(spec: OpenApiDocument, schema: Located | undefined, map: Record<string, string>, from: string, at: (string | number)[], fail: Fail): void {
  const values = enumValues(spec, schema);
  if (values === undefined) {
    fail(at, `maps ${from}, but the spec declares no enum for it (#${schema?.pointer ?? ''})`,
      'declare the possible values in the overlay so a new value fails generation instead of production');
  }
  const unmapped = values.filter((v) => typeof v !== 'string' || !Object.hasOwn(map, v));
  if (unmapped.length > 0) {
    fail(at, `does not map ${unmapped.map((v) => JSON.stringify(v)).join(', ')} from the enum at #${schema!.pointer}/enum`,
      'map every value the provider can send to pending, succeeded, failed or canceled');
  }
  for (const key of Object.keys(map)) {
    if (!values.includes(key)) fail([...at, key], `maps ${JSON.stringify(key)}, which is not in the enum at #${schema!.pointer}/enum`, 'remove it or fix its spelling');
  }
}

function compiles(pattern: string, flags = ''): boolean {
  try {
    return new RegExp(pattern, flags) !== undefined;
  } catch {
    return false;
  }
}
