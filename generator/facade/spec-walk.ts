/** Finding things in a normalized (bundled, internally referenced) OpenAPI document, with JSON pointers. */
import { joinPointer } from '../errors.js';
import { resolvePointer, splitRef } from '../load/refs.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';

export interface Located { node: Record<string, unknown>; pointer: string }

/** Follows `$ref`s (bounded, so a cycle cannot hang) to the node that defines something. */
export function deref(document: OpenApiDocument, located: Located | undefined): Located | undefined {
  let current = located;
  for (let hops = 0; current !== undefined && typeof current.node.$ref === 'string'; hops++) {
    if (hops > 32) return undefined;
    const fragment = splitRef(current.node.$ref)[1];
    const target = resolvePointer(document, fragment);
    current = isRecord(target) ? { node: target, pointer: fragment } : undefined;
  }
  return current;
}

export function child(document: OpenApiDocument, parent: Located | undefined, ...keys: string[]): Located | undefined {
  let current = deref(document, parent);
  for (const key of keys) {
    if (current === undefined) return undefined;
    const next = Object.hasOwn(current.node, key) ? current.node[key] : undefined;
    current = isRecord(next) ? deref(document, { node: next, pointer: `${current.pointer}${joinPointer([key])}` }) : undefined;
  }
  return current;
}

export function operationAt(document: OpenApiDocument, path: string, method: string): Located | undefined {
  return child(document, { node: document, pointer: '' }, 'paths', path, method);
}

export function requestSchema(document: OpenApiDocument, operation: Located): Located | undefined {
  return child(document, operation, 'requestBody', 'content', 'application/json', 'schema');
}

/** The response object for a status: exact code, then `4XX`-style range, then `default`. */
export function responseFor(document: OpenApiDocument, operation: Located, status: number): Located | undefined {
  const responses = child(document, operation, 'responses');
  if (responses === undefined) return undefined;
  for (const key of [String(status), `${Math.floor(status / 100)}XX`, 'default']) {
    const found = child(document, responses, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function responseSchema(document: OpenApiDocument, response: Located): Located | undefined {
  return child(document, response, 'content', 'application/json', 'schema');
}

/** A property of an object schema, looking through allOf members. */
export function property(document: OpenApiDocument, schema: Located | undefined, name: string): Located | undefined {
  const resolved = deref(document, schema);
  if (resolved === undefined) return undefined;
  const direct = child(document, resolved, 'properties', name);
  if (direct !== undefined) return direct;
  const allOf = resolved.node.allOf;
  if (Array.isArray(allOf)) {
    for (let i = 0; i < allOf.length; i++) {
      const member = allOf[i];
      if (!isRecord(member)) continue;
      const found = property(document, { node: member, pointer: `${resolved.pointer}/allOf/${i}` }, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function requiredProperties(document: OpenApiDocument, schema: Located | undefined): string[] {
  const resolved = deref(document, schema);
  const required = resolved?.node.required;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}

export function enumValues(document: OpenApiDocument, schema: Located | undefined): unknown[] | undefined {
  const values = deref(document, schema)?.node.enum;
  return Array.isArray(values) ? values : undefined;
}

/** Header parameters of an operation (and its path item), by lower-cased name. */
export function headerParameters(document: OpenApiDocument, path: string, method: string): Map<string, Located> {
  return new Map([...parametersIn(document, path, method, 'header')].map(([name, p]) => [name.toLowerCase(), p]));
}

/** The operation's (and its path item's) parameters in one place (`path`, `query`, `header`), by name; the operation's win. */
export function parametersIn(document: OpenApiDocument, path: string, method: string, where: 'path' | 'query' | 'header'): Map<string, Located> {
  const found = new Map<string, Located>();
  const pathItem = child(document, { node: document, pointer: '' }, 'paths', path);
  for (const owner of [pathItem, child(document, pathItem, method)]) {
    const list = owner?.node.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((parameter, index) => {
      const resolved = deref(document, isRecord(parameter) ? { node: parameter, pointer: `${owner!.pointer}/parameters/${index}` } : undefined);
      if (resolved?.node.in === where && typeof resolved.node.name === 'string') found.set(resolved.node.name, resolved);
    });
  }
  return found;
}
