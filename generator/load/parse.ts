/**
 * Turns the bytes of a spec, overlay or mapping file into plain data. YAML is a superset of JSON,
 * so one parser reads both. Limits here are what keep hostile input bounded: aliases are capped
 * (a "billion laughs" document fails fast), keys must be unique, and the text must be UTF-8.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { PaykitError, joinPointer, oneLine } from '../errors.js';

/** Enough for any real spec; an alias bomb needs thousands. */
export const MAX_ALIAS_COUNT = 100;
/** Larger than any payment API description; a guard against feeding the generator a data dump. */
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readDataFile(absolutePath: string, displayPath: string): unknown {
  return parseDataText(readDataText(absolutePath, displayPath), displayPath);
}

/** The text of a data file, size- and UTF-8-checked. */
export function readDataText(absolutePath: string, displayPath: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PaykitError(displayPath, undefined, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`,
      'check the path in specs/providers.yaml or the $ref that names it');
  }
  return decodeUtf8(bytes, displayPath);
}

export function decodeUtf8(bytes: Uint8Array, displayPath: string): string {
  if (bytes.byteLength > MAX_SPEC_BYTES) {
    throw new PaykitError(displayPath, undefined, `is ${bytes.byteLength} bytes, over the ${MAX_SPEC_BYTES}-byte limit`,
      'split the document or remove unrelated APIs from it');
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new PaykitError(displayPath, undefined, 'is not valid UTF-8', 're-save the file as UTF-8');
  }
}

/**
 * redocly and openapi-typescript parse with js-yaml, which stops at 100 levels of nesting; paykit
 * refuses deeper documents itself, with the place, instead of failing inside a library.
 */
export const MAX_DEPTH = 100;

export function parseDataText(text: string, displayPath: string): unknown {
  let value: unknown;
  try {
    value = parseUnchecked(text, displayPath);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw tooDeep(displayPath, undefined);
  }
  const deepest = pathDeeperThan(value, MAX_DEPTH);
  if (deepest !== undefined) throw tooDeep(displayPath, joinPointer(deepest));
  return value;
}

function tooDeep(displayPath: string, pointer: string | undefined): PaykitError {
  return new PaykitError(displayPath, pointer, `nests deeper than ${MAX_DEPTH} levels`,
    'flatten the structure with named components and $refs');
}

/**
 * The first path longer than `limit` (children visited last to first, as a stack-based walk finds it).
 * Recursion stops at `limit + 1` levels, so the check itself cannot overflow; the path is built only
 * on the way back from a node that is too deep, so a document within the limit allocates nothing.
 */
function pathDeeperThan(root: unknown, limit: number): (string | number)[] | undefined {
  const visit = (node: object, depth: number): (string | number)[] | undefined => {
    if (depth > limit) return [];
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as Record<string, unknown>)[keys[i]!];
      if (child === null || typeof child !== 'object') continue;
      const below = visit(child, depth + 1);
      if (below !== undefined) {
        below.unshift(Array.isArray(node) ? Number(keys[i]) : keys[i]!);
        return below;
      }
    }
    return undefined;
  };
  return root !== null && typeof root === 'object' ? visit(root, 0) : undefined;
}

function parseUnchecked(text: string, displayPath: string): unknown {
  const json = parseStrictJson(text);
  if (json !== NOT_JSON) return json;
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2', merge: false });
  const [first] = document.errors;
  if (first !== undefined) {
    const [line, column] = [first.linePos?.[0].line, first.linePos?.[0].col];
    const at = line === undefined ? '' : ` at line ${line}, column ${column}`;
    throw new PaykitError(displayPath, undefined, `does not parse${at}: ${firstSentence(first.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      'fix the YAML/JSON syntax there (duplicate keys are not allowed)');
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      throw new PaykitError(displayPath, undefined, `uses more than ${MAX_ALIAS_COUNT} YAML alias expansions (a resource-exhaustion pattern)`,
        'write the repeated structure out or use a $ref instead of YAML anchors');
    }
    throw new PaykitError(displayPath, undefined, `cannot be read as data: ${firstSentence(message)}`, 'fix the YAML there');
  }
}

const NOT_JSON = Symbol('not JSON');

/**
 * Most large specs are JSON, and the YAML parser builds a full syntax tree first, which for a 13 MB
 * document costs seconds and a gigabyte. JSON.parse gives the same data as YAML 1.2 for valid JSON
 * except that it keeps the last of duplicate keys, so a text is taken as JSON only when it parses and
 * has no duplicate keys; anything else (flow-style YAML, syntax errors, duplicates) goes to the YAML
 * parser, which reads it or reports the problem with its position.
 */
function parseStrictJson(text: string): unknown {
  const start = /^[ \t\r\n]*/.exec(text)![0].length;
  const first = text.charCodeAt(start);
  if (first !== 0x7b /* { */ && first !== 0x5b /* [ */) return NOT_JSON;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  return hasDuplicateKeys(text) ? NOT_JSON : value;
}

/** For text JSON.parse accepted: true when an object repeats a key (compared after unescaping). */
export function hasDuplicateKeys(text: string): boolean {
  const objects: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const open = i;
      for (;;) {
        i = text.indexOf('"', i + 1);
        let slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === 0x5c /* \ */) slashes++;
        if (slashes % 2 === 0) break;
      }
      if (expectKey) {
        const raw = text.slice(open + 1, i);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(open, i + 1)) as string) : raw;
        const keys = objects[objects.length - 1]!;
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      objects.push(undefined);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = objects[objects.length - 1] !== undefined;
    }
  }
  return false;
}

function firstSentence(message: string): string {
  return oneLine(message.split('\n')[0] ?? message);
}
