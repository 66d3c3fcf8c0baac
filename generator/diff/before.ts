/**
 * Where the "before" of a diff comes from. `--against` names a git ref (the committed vendor spec
 * and generated/<id>/openapi.yaml at that commit), a directory (another copy of the project: its
 * specs/ and generated/), or a file (the previous normalized spec alone: the vendor document's own
 * change is then unknown).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PaykitError, oneLine } from '../errors.js';
import { parseDataText } from '../load/parse.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';

export type BeforeSource =
  | { kind: 'git'; ref: string }
  | { kind: 'dir'; path: string }
  | { kind: 'file'; path: string; display: string };

export function beforeSource(root: string, against: string): BeforeSource {
  const path = isAbsolute(against) ? against : join(root, against);
  if (existsSync(path)) return statSync(path).isDirectory() ? { kind: 'dir', path } : { kind: 'file', path, display: against };
  return { kind: 'git', ref: against };
}

/**
 * The document at `rel` (a path inside the project) in the before-state; undefined when that state has
 * no such file (a provider new since then). A file source holds only the normalized spec.
 */
export function readBefore(root: string, source: BeforeSource, rel: string): OpenApiDocument | undefined {
  if (source.kind === 'file') return asDocument(parseDataText(readFileSync(source.path, 'utf8'), source.display), source.display);
  if (source.kind === 'dir') {
    const file = join(source.path, rel);
    return existsSync(file) ? asDocument(parseDataText(readFileSync(file, 'utf8'), rel), rel) : undefined;
  }
  const git = spawnSync('git', ['show', `${source.ref}:${rel}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (git.error !== undefined) throw new PaykitError(rel, undefined, `cannot run git to read it at ${source.ref} (${git.error.message})`, 'install git, or pass --against <file|directory>');
  if (git.status !== 0) {
    const stderr = oneLine(git.stderr);
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    throw new PaykitError(rel, undefined, `cannot be read at ${source.ref}: ${stderr || `git exited ${String(git.status)}`}`,
      'pass a commit, branch or tag that git knows, or a file path with --against');
  }
  return asDocument(parseDataText(git.stdout, `${source.ref}:${rel}`), `${source.ref}:${rel}`);
}

/** Whether the before-state holds vendor documents (a file holds only a normalized spec). */
export function hasVendorDocuments(source: BeforeSource): boolean {
  return source.kind !== 'file';
}

/** Whether git can read `ref` in `root` (generate only explains a refusal against HEAD when it can). */
export function gitKnows(root: string, ref: string): boolean {
  const git = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  return git.error === undefined && git.status === 0;
}

export function asDocument(value: unknown, display: string): OpenApiDocument {
  if (!isRecord(value)) throw new PaykitError(display, undefined, 'is not an OpenAPI document (not a mapping)', 'pass the normalized openapi.yaml of a generated package');
  return value;
}
