/**
 * Checks every `$ref` of a spec before any library follows it. A reference may name a place in the
 * same document or a file inside the spec's own folder; it may not name a URL, leave that folder,
 * point at nothing, or point only at itself. Returns every file the spec is made of, parsed.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { PaykitError, joinPointer } from '../errors.js';
import { readDataFile } from './parse.js';

export interface SpecFiles {
  /** Parsed documents by absolute path, the entry first. */
  documents: Map<string, unknown>;
  hasExternalRefs: boolean;
}

interface RefSite { file: string; pointer: string; ref: string; node: Record<string, unknown> }

const URL_LIKE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

export function loadSpecFiles(entryPath: string, display: (absolute: string) => string): SpecFiles {
  const root = realpathSync(dirname(entryPath));
  const documents = new Map<string, unknown>();
  const pending = [realpathSync(entryPath)];
  const sites: RefSite[] = [];
  let hasExternalRefs = false;

  while (pending.length > 0) {
    const file = pending.pop()!;
    if (documents.has(file)) continue;
    const parsed = readDataFile(file, display(file));
    documents.set(file, parsed);
    collectRefs(parsed, [], (pointer, ref, node) => sites.push({ file, pointer, ref, node }));
    for (const site of sites.filter((s) => s.file === file)) {
      const target = targetFile(site, root, display);
      if (target !== file) {
        hasExternalRefs = true;
        pending.push(target);
      }
    }
  }
  for (const site of sites) checkTarget(site, documents, root, display);
  return { documents, hasExternalRefs };
}

function collectRefs(node: unknown, path: (string | number)[], visit: (pointer: string, ref: string, node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectRefs(item, [...path, index], visit));
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') visit(joinPointer([...path, '$ref']), record.$ref, record);
    for (const [key, value] of Object.entries(record)) {
      if (key !== '$ref' && value !== null && typeof value === 'object') collectRefs(value, [...path, key], visit);
    }
  }
}

function targetFile(site: RefSite, root: string, display: (absolute: string) => string): string {
  const where = display(site.file);
  if (URL_LIKE.test(site.ref)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" names a URL; paykit never fetches while generating`,
      'download the referenced document into the spec folder and reference it by relative path');
  }
  const [filePart] = splitRef(site.ref);
  if (filePart === '') return site.file;
  const lexical = resolve(dirname(site.file), decodeURI(filePart));
  if (!isInside(lexical, root)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" leaves the spec folder`,
      'copy the referenced file next to the spec and reference it from there');
  }
  if (!existsSync(lexical)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" names a file that does not exist`, 'fix the path or add the file');
  }
  const real = realpathSync(lexical);
  if (!isInside(real, root)) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" leaves the spec folder through a symbolic link`,
      'copy the referenced file next to the spec instead of linking it');
  }
  return real;
}

function checkTarget(site: RefSite, documents: Map<string, unknown>, root: string, display: (absolute: string) => string): void {
  const where = display(site.file);
  const [filePart, fragment] = splitRef(site.ref);
  const file = filePart === '' ? site.file : realpathSync(resolve(dirname(site.file), decodeURI(filePart)));
  const target = resolvePointer(documents.get(file), fragment);
  if (target === undefined) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" points at nothing`,
      'fix the reference or add the component it names');
  }
  if (followsOnlyRefs(target, file, documents, root, new Set([site.node]))) {
    throw new PaykitError(where, site.pointer, `$ref "${site.ref}" refers only to itself`,
      'give the referenced schema a real definition (a recursive schema must have properties or items around the reference)');
  }
}

/** True when a chain of bare `{ $ref }` nodes loops without reaching any real definition. */
function followsOnlyRefs(node: unknown, file: string, documents: Map<string, unknown>, root: string, seen: Set<unknown>): boolean {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref !== 'string') return false;
  if (seen.has(node)) return true;
  seen.add(node);
  const [filePart, fragment] = splitRef(record.$ref);
  const nextFile = filePart === '' ? file : resolve(dirname(file), decodeURI(filePart));
  const next = resolvePointer(documents.get(existsSync(nextFile) ? realpathSync(nextFile) : nextFile), fragment);
  return followsOnlyRefs(next, nextFile, documents, root, seen);
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
