/**
 * Checks every `$ref` of a spec before any library follows it. A reference may name a place in the
 * same document or a file inside the spec's own folder; it may not name a URL, leave that folder,
 * point at nothing, or point only at itself. Returns every file the spec is made of, parsed.
 */
import { existsSync, realpathSync } from 'node:fs';

// The system's realpath(3): one call per path, where Node's JavaScript version lstat()s every
// component (measurable on DigitalOcean's ~2,000 files). Both resolve every symbolic link.
const realpath = realpathSync.native;
import { dirname, relative, resolve, sep } from 'node:path';
import { PaykitError, joinPointer } from '../errors.js';
import { parseDataText, readDataText } from './parse.js';
import { PARSE_CACHE_DIR, ParseCache } from './parse-cache.js';

export interface SpecFiles {
  /** Parsed documents by absolute path, the entry first. */
  documents: Map<string, unknown>;
  /** For each document, the file part of each of its `$ref`s → the document it names (for load/resolver.ts). */
  targets: Map<string, Map<string, string>>;
  hasExternalRefs: boolean;
}

interface RefSite { file: string; pointer: string; ref: string; node: Record<string, unknown> }

export const URL_LIKE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/** `cacheDir`: where parse results are kept between runs (parse-cache.ts); false parses every file. */
export function loadSpecFiles(entryPath: string, display: (absolute: string) => string, cacheDir: string | false = PARSE_CACHE_DIR): SpecFiles {
  if (!existsSync(entryPath)) {
    throw new PaykitError(display(entryPath), undefined, 'file not found', 'check the spec path in specs/providers.yaml');
  }
  const root = realpath(dirname(entryPath));
  const documents = new Map<string, unknown>();
  const targets = new Map<string, Map<string, string>>();
  const pending = [realpath(entryPath)];
  const sites: RefSite[] = [];
  const real = new RealPaths();
  let hasExternalRefs = false;
  let cache: ParseCache | undefined;

  while (pending.length > 0) {
    const file = pending.pop()!;
    if (documents.has(file)) continue;
    const text = readDataText(file, display(file));
    cache ??= ParseCache.forEntry(text, cacheDir);
    const parsed = cache.parse(text, () => parseDataText(text, display(file)));
    documents.set(file, parsed);
    const first = sites.length;
    collectRefs(parsed, (pointer, ref, node) => sites.push({ file, pointer, ref, node }));
    for (let i = first; i < sites.length; i++) {
      const site = sites[i]!;
      const target = targetFile(site, root, display, real);
      // `spec.yaml#/x` inside spec.yaml is `#/x`: written that way, the document stays one file.
      if (target === file && splitRef(site.ref)[0] !== '') site.ref = site.node.$ref = `#${splitRef(site.ref)[1]}`;
      if (target !== file) {
        hasExternalRefs = true;
        let named = targets.get(file);
        if (named === undefined) targets.set(file, named = new Map());
        named.set(splitRef(site.ref)[0], target);
        if (!documents.has(target)) pending.push(target);
      }
    }
  }
  for (const site of sites) checkTarget(site, documents, root, display, real);
  cache?.save();
  return { documents, targets, hasExternalRefs };
}

/**
 * Keys whose value is a map from names to objects (schemas, responses, media types, ...). Inside such
 * a map a key is a name, never a keyword: a schema property called `examples` is still a schema.
 */
const NAME_MAPS = new Set([
  'paths', 'webhooks', 'schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'securitySchemes',
  'links', 'callbacks', 'pathItems', 'content', 'encoding', 'variables', 'properties', 'patternProperties',
  'definitions', '$defs', 'dependentSchemas', 'mapping',
]);

/** Where the walker stands: keys are keywords, keys are names, or inside `examples: { <name>: Example }`. */
const enum At { Keywords, Names, ExampleMap, Example }

/**
 * Visits every `$ref` a resolver follows. The `value` of an Example Object is literal data (an
 * example of an API that itself uses `$ref`, say), which neither OpenAPI nor redocly resolves, so a
 * `$ref` there is not a reference and is not checked. Pointers are built only for the references.
 */
export function collectRefs(document: unknown, visit: (pointer: string, ref: string, node: Record<string, unknown>) => void): void {
  const path: (string | number)[] = [];
  const walk = (node: unknown, at: At): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (item === null || typeof item !== 'object') continue;
        path.push(index);
        walk(item, At.Keywords);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      path.push('$ref');
      visit(joinPointer(path), record.$ref, record);
      path.pop();
    }
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const value = record[key];
      if (key === '$ref' || value === null || typeof value !== 'object') continue;
      let next: At;
      if (at === At.Names) next = At.Keywords;
      else if (at === At.ExampleMap) next = At.Example;
      else if (at === At.Example && key === 'value') continue;
      else if (key === 'examples' && !Array.isArray(value)) next = At.ExampleMap;
      else next = NAME_MAPS.has(key) ? At.Names : At.Keywords;
      path.push(key);
      walk(value, next);
      path.pop();
    }
  };
  if (document !== null && typeof document === 'object') walk(document, At.Keywords);
}

/** realpath with a cache: large split specs name the same few hundred files thousands of times. */
class RealPaths {
  private readonly cache = new Map<string, string | undefined>();
  /** undefined when the path does not exist. */
  get(path: string): string | undefined {
    if (this.cache.has(path)) return this.cache.get(path);
    let result: string | undefined;
    try {
      result = realpath(path);
    } catch {
      result = undefined; // missing, or unreadable: either way not a file the spec can use
    }
    this.cache.set(path, result);
    return result;
  }
}

function targetFile(site: RefSite, root: string, display: (absolute: string) => string, real: RealPaths): string {
  const where = display(site.file);
  if (URL_LIKE.test(site.ref)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" names a URL; paykit never fetches while generating`,
      'download the referenced document into the spec folder and reference it by relative path');
  }
  const [filePart] = splitRef(site.ref);
  if (filePart === '') return site.file;
  let decoded: string;
  try {
    decoded = decodeURI(filePart);
  } catch {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" has malformed percent-encoding`, 'fix the %-escapes in the path');
  }
  const lexical = resolve(dirname(site.file), decoded);
  if (!isInside(lexical, root)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" leaves the spec folder`,
      'copy the referenced file next to the spec and reference it from there');
  }
  const target = real.get(lexical);
  if (target === undefined) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" names a file that does not exist`, 'fix the path or add the file');
  }
  if (!isInside(target, root)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" leaves the spec folder through a symbolic link`,
      'copy the referenced file next to the spec instead of linking it');
  }
  return target;
}

function checkTarget(site: RefSite, documents: Map<string, unknown>, root: string, display: (absolute: string) => string, real: RealPaths): void {
  const where = display(site.file);
  const [filePart, fragment] = splitRef(site.ref);
  const file = filePart === '' ? site.file : real.get(resolve(dirname(site.file), decodeLoosely(filePart)))!;
  const target = resolvePointer(documents.get(file), fragment);
  if (target === undefined) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" points at nothing`,
      'fix the reference or add the component it names');
  }
  if (followsOnlyRefs(target, file, documents, real, new Set([site.node]))) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" refers only to itself`,
      'give the referenced schema a real definition (a recursive schema must have properties or items around the reference)');
  }
}

/** True when a chain of bare `{ $ref }` nodes loops without reaching any real definition. */
function followsOnlyRefs(node: unknown, file: string, documents: Map<string, unknown>, real: RealPaths, seen: Set<unknown>): boolean {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref !== 'string') return false;
  if (seen.has(node)) return true;
  seen.add(node);
  const [filePart, fragment] = splitRef(record.$ref);
  const lexical = filePart === '' ? file : resolve(dirname(file), decodeLoosely(filePart));
  const nextFile = real.get(lexical) ?? lexical;
  const next = resolvePointer(documents.get(nextFile), fragment);
  return followsOnlyRefs(next, nextFile, documents, real, seen);
}

/** For references already checked by targetFile (which refuses malformed escapes). */
function decodeLoosely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export function splitRef(ref: string): [string, string] {
  const hash = ref.indexOf('#');
  return hash === -1 ? [ref, ''] : [ref.slice(0, hash), ref.slice(hash + 1)];
}

/** RFC 6901 with the URI-fragment percent-decoding OpenAPI uses. */
export function resolvePointer(document: unknown, fragment: string): unknown {
  if (fragment === '' || fragment === '/') return fragment === '' ? document : undefined;
  if (!fragment.startsWith('/')) return undefined;
  let node = document;
  for (const raw of fragment.slice(1).split('/')) {
    const key = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith('/'));
}
