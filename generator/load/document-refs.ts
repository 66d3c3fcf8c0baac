/**
 * Reference checks for a document that is already one file: the bundled vendor spec after an
 * overlay changed it. Loading checked the vendor's own `$ref`s against the file system; what an
 * overlay adds is checked here, without touching the file system at all, because the normalized
 * spec is published as one file: a reference may only point inside it.
 */
import { collectRefs, resolvePointer, splitRef, URL_LIKE } from './refs.js';

export interface RefProblem {
  /** JSON pointer of the `$ref` inside the value that was checked */
  pointer: string;
  ref: string;
  problem: string;
  fix: string;
}

/** The first `$ref` in `value` (an overlay's update) that is not a pointer into the same document. */
export function foreignRef(value: unknown): RefProblem | undefined {
  let found: RefProblem | undefined;
  collectRefs(value, (pointer, ref) => {
    if (found !== undefined) return;
    if (URL_LIKE.test(ref)) {
      found = { pointer, ref, problem: `$ref "${ref}" names a URL; paykit never fetches while generating`,
        fix: 'copy what it names into the overlay (under components) and reference it as #/components/...' };
    } else if (!ref.startsWith('#')) {
      found = { pointer, ref, problem: `$ref "${ref}" names a file; a reference an overlay adds may only point inside the document (#/...), which is published as one file`,
        fix: 'copy what it names into the overlay (under components) and reference it as #/components/...' };
    }
  });
  return found;
}

/** The first `$ref` in `document` that does not resolve inside it, or that only refers to itself. */
export function brokenLocalRef(document: unknown): RefProblem | undefined {
  let found: RefProblem | undefined;
  collectRefs(document, (pointer, ref, node) => {
    if (found !== undefined) return;
    const problem = localRefProblem(document, ref, node);
    if (problem !== undefined) found = { pointer, ref, ...problem };
  });
  return found;
}

/** Whether the `$ref` at `pointer` in `document` (still `ref`) is broken: used to find which overlay action broke it. */
export function isBrokenAt(document: unknown, pointer: string, ref: string): boolean {
  const node = resolvePointer(document, pointer.replace(/\/\$ref$/, ''));
  if (node === null || typeof node !== 'object' || (node as Record<string, unknown>).$ref !== ref) return false;
  return localRefProblem(document, ref, node as Record<string, unknown>) !== undefined;
}

function localRefProblem(document: unknown, ref: string, node: Record<string, unknown>): Omit<RefProblem, 'pointer' | 'ref'> | undefined {
  const [file, fragment] = splitRef(ref);
  if (file !== '' || URL_LIKE.test(ref)) {
    return { problem: `$ref "${ref}" points outside the document`, fix: 'reference a component of the same document (#/components/...)' };
  }
  const target = resolvePointer(document, fragment);
  if (target === undefined) {
    return { problem: `$ref "${ref}" points at nothing`, fix: 'fix the reference or add the component it names' };
  }
  const seen = new Set<unknown>([node]);
  for (let next: unknown = target; next !== null && typeof next === 'object' && typeof (next as Record<string, unknown>).$ref === 'string';) {
    if (seen.has(next)) {
      return { problem: `$ref "${ref}" refers only to itself`,
        fix: 'give the referenced schema a real definition (a recursive schema must have properties or items around the reference)' };
    }
    seen.add(next);
    const nextRef = (next as Record<string, unknown>).$ref as string;
    if (!nextRef.startsWith('#')) break;
    next = resolvePointer(document, splitRef(nextRef)[1]);
  }
  return undefined;
}
