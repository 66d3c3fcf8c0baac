/**
 * Every failure a user can fix is a PaykitError: one line naming the file, the JSON pointer
 * (when there is one) and what to do. The CLI prints `message` and exits 2; only `--debug`
 * shows a stack.
 */
export class PaykitError extends Error {
  override readonly name = 'PaykitError';

  constructor(
    readonly file: string,
    readonly pointer: string | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(formatProblem(file, pointer, problem, fix));
  }
}

export function formatProblem(file: string, pointer: string | undefined, problem: string, fix: string): string {
  const where = pointer === undefined ? file : `${file}#${pointer}`;
  return oneLine(`${where}: ${problem}; ${fix}`);
}

/** Spec text may contain newlines or control characters; an error message must stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.length === 0 ? '' : '/' + segments.map(pointerSegment).join('/');
}
