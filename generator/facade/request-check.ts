/**
 * Checks what a mapping sends against the operation: every body field (a dotted key nests into the
 * body's objects), header, path and query parameter must exist in the spec and every required one
 * must be set, from a facade field that cannot be absent; each transform must fit its source and
 * produce the type the spec declares; a currency sent into a field the spec restricts to an enum
 * narrows the currencies the facade accepts, so a refund in another currency never leaves.
 */
import type { OpenApiDocument } from '../normalize/types.js';
import type { Mapping, RequestValue } from './mapping.js';
import { child, enumValues, parametersIn, property, requestSchema, requiredProperties, type Located } from './spec-walk.js';
import { REQUEST_TRANSFORMS, applyCase } from './vocabulary.js';

type Entry = (string | number)[];
export type Fail = (entry: Entry, problem: string, fix?: string) => never;
export type Missing = (entry: Entry, what: string, pointer: string) => never;

/** What the request check learned: the currencies the spec lets the mapping send, when it restricts them. */
export interface RequestFacts { currencies?: string[] }

/** A body field by its (dotted) mapping key. */
export function bodyField(spec: OpenApiDocument, body: Located | undefined, key: string): Located | undefined {
  return key.split('.').reduce<Located | undefined>((schema, name) => property(spec, schema, name), body);
}

export function checkRequest(mapping: Mapping, spec: OpenApiDocument, operation: Located, fail: Fail, missing: Missing): RequestFacts {
  const { path, method } = mapping.operation;
  const mayBeAbsent = (value: RequestValue) => value.default === undefined && (
    ['reason', 'metadata', 'reference'].includes(value.from)
    || (value.from.startsWith('amount') && mapping.input.amount !== 'required')
    || (value.from.startsWith('providerOptions.') && mapping.input.providerOptions?.[value.from.slice(16)]?.required !== true));
  const needed = (at: Entry, value: RequestValue, what: string) => {
    if (mayBeAbsent(value)) {
      fail([...at, 'from'], `fills ${what}, which the spec requires, from ${value.from}, which the caller may leave out`,
        value.from.startsWith('amount') ? 'set input.amount to required' : 'map it from a field the caller always gives, or give it a default');
    }
  };
  const currencies: string[][] = [];
  const checkValue = (at: Entry, value: RequestValue, schema: Located | undefined, what: string) => {
    const transform = value.transform === undefined ? undefined : REQUEST_TRANSFORMS[value.transform];
    if (transform?.sources !== undefined && !transform.sources.includes(value.from)) {
      fail([...at, 'transform'], `${value.transform} applies to ${transform.sources.join(', ')}, not to ${value.from}`, 'choose a transform for this source, or drop it');
    }
    const produces = transform?.produces ?? (value.from === 'amount.currency' ? 'string' : undefined);
    const declaredType = schema?.node.type;
    if (produces !== undefined && value.map === undefined && typeof declaredType === 'string' && declaredType !== produces && !(produces === 'integer' && declaredType === 'number')) {
      fail([...at, value.transform === undefined ? 'from' : 'transform'], `${value.transform ?? value.from} produces ${produces === 'integer' ? 'an integer' : `a ${produces}`}, but the spec types ${what} as ${declaredType} (#${schema!.pointer}/type)`,
        'choose the transform that produces the type the spec declares');
    }
    const allowed = enumValues(spec, schema);
    if (value.map !== undefined && allowed !== undefined) {
      for (const [key, target] of Object.entries(value.map)) {
        if (target !== null && !allowed.includes(target)) {
          fail([...at, 'map', key], `maps to ${JSON.stringify(target)}, which is not in the enum at #${schema!.pointer}/enum (${allowed.map((a) => JSON.stringify(a)).join(', ')})`,
            'map to one of the values the spec allows, or to null to omit the field');
        }
      }
    }
    if (value.from === 'amount.currency' && value.map === undefined && allowed !== undefined) {
      // The facade's ISO codes whose sent form (after the case transform) is one the spec allows.
      const sendable = allowed.filter((v): v is string => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v))
        .map((v) => v.toUpperCase()).filter((code, i, all) => all.indexOf(code) === i && allowed.includes(applyCase(value.transform, code)));
      if (sendable.length === 0) {
        fail([...at, 'from'], `sends amount.currency${value.transform ? ` through ${value.transform}` : ''}, but no ISO currency code sent that way is in the enum at #${schema!.pointer}/enum (${allowed.map((a) => JSON.stringify(a)).join(', ')})`,
          'add the case transform (lowerCase or upperCase) that produces the spec\'s spelling');
      }
      currencies.push(sendable);
    }
  };

  const body = requestSchema(spec, operation) ?? missing(['request', 'body'], 'maps a JSON request body', `${operation.pointer}/requestBody/content/application~1json/schema`);
  const keys = Object.keys(mapping.request.body);
  for (const [key, value] of Object.entries(mapping.request.body)) {
    const at = ['request', 'body', key];
    const names = key.split('.');
    const inside = keys.find((other) => other !== key && key.startsWith(`${other}.`));
    if (inside !== undefined) fail(at, `sets a field inside ${inside}, which the mapping also sets whole`, 'set the object whole or field by field, not both');
    let schema: Located = body;
    names.forEach((name, i) => {
      schema = property(spec, schema, name) ?? missing(at, `names the request field ${names.slice(0, i + 1).join('.')}`, `${schema.pointer}/properties/${name}`);
    });
    checkValue(at, value, schema, key);
  }
  // Every object the mapping writes into (the body, and each prefix of a dotted key) is always sent, so it needs its required fields.
  const objects = new Set(['', ...keys.flatMap((k) => k.split('.').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join('.')))]);
  for (const prefix of objects) {
    const schema = prefix === '' ? body : bodyField(spec, body, prefix);
    for (const required of requiredProperties(spec, schema)) {
      const full = prefix === '' ? required : `${prefix}.${required}`;
      const covered = keys.some((k) => k === full || k.startsWith(`${full}.`));
      if (!covered) fail(['request', 'body'], `does not set ${full}, which #${schema!.pointer}/required requires`, 'map it from a facade field or a providerOptions entry');
      if (Object.hasOwn(mapping.request.body, full)) needed(['request', 'body', full], mapping.request.body[full]!, `the body field ${full}`);
    }
  }

  const headers = new Map([...parametersIn(spec, path, method, 'header')].map(([name, p]) => [name.toLowerCase(), p]));
  for (const [name, value] of Object.entries(mapping.request.headers)) {
    const parameter = headers.get(name.toLowerCase()) ?? missing(['request', 'headers', name], `sends the header ${name}`, `${operation.pointer}/parameters (a header named ${name})`);
    checkValue(['request', 'headers', name], value, child(spec, parameter, 'schema'), `the header ${name}`);
  }
  for (const [name, parameter] of headers) {
    const covered = Object.keys(mapping.request.headers).some((h) => h.toLowerCase() === name);
    if (parameter.node.required === true && !covered) {
      fail(['request', 'headers'], `does not send the header ${String(parameter.node.name)}, which #${parameter.pointer} requires`, 'map it, or remove it in the overlay if the client sets it');
    }
  }
  for (const where of ['path', 'query'] as const) {
    const declared = parametersIn(spec, path, method, where);
    const values = mapping.request[where];
    for (const [name, value] of Object.entries(values)) {
      const at = ['request', where, name];
      const parameter = declared.get(name) ?? missing(at, `sets the ${where} parameter ${name}`, `${operation.pointer}/parameters (a ${where} parameter named ${name})`);
      checkValue(at, value, child(spec, parameter, 'schema'), `the ${where} parameter ${name}`);
      if (where === 'path' || parameter.node.required === true) needed(at, value, `the ${where} parameter ${name}`);
    }
    const inPath = where === 'path' ? [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) : [];
    for (const [name, parameter] of declared) if (parameter.node.required === true && !inPath.includes(name)) inPath.push(name);
    for (const name of inPath) {
      if (!Object.hasOwn(values, name)) {
        const pointer = declared.get(name)?.pointer ?? `${operation.pointer.split('/').slice(0, -1).join('/')}`;
        fail(['request', where], `does not set the ${where} parameter ${name}, which #${pointer} requires`, `map it in request.${where} (e.g. ${name}: paymentId)`);
      }
    }
  }
  if (currencies.length === 0) return mapping.input.currencies === undefined ? {} : { currencies: mapping.input.currencies };
  const sendable = currencies.reduce((a, b) => a.filter((c) => b.includes(c)));
  (mapping.input.currencies ?? []).forEach((code, i) => {
    if (!sendable.includes(code)) fail(['input', 'currencies', i], `lists ${code}, but the spec lets the mapping send only ${sendable.join(', ')}`, 'remove it, or fix the spec in the overlay if the provider takes it');
  });
  return { currencies: mapping.input.currencies ?? sendable };
}
