/**
 * Writing generated/ all at once, or comparing against it. Every package is first written complete
 * to a temporary folder inside the project; only when all of them are written are the old folders
 * swapped out, so a failed run leaves generated/ as it was.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Package folder (relative to the project root, e.g. generated/push) → its files. */
export type GeneratedTree = Map<string, Map<string, string>>;

export interface Drift { path: string; kind: 'stale' | 'missing' | 'unexpected' }

/** Folders inside a package that belong to the user's install, not to the generator. */
const IGNORED = new Set(['node_modules']);

export function compareTree(root: string, tree: GeneratedTree): Drift[] {
  const drift: Drift[] = [];
  for (const [dir, files] of tree) {
    for (const [file, content] of files) {
      const path = join(root, dir, file);
      if (!existsSync(path)) drift.push({ path: `${dir}/${file}`, kind: 'missing' });
      else if (!readFileSync(path).equals(Buffer.from(content, 'utf8'))) drift.push({ path: `${dir}/${file}`, kind: 'stale' });
    }
    for (const file of listFiles(join(root, dir))) {
      if (!files.has(file)) drift.push({ path: `${dir}/${file}`, kind: 'unexpected' });
    }
  }
  return drift.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** One file outside the package folders (the manifest). */
export function compareFile(root: string, path: string, content: string): Drift[] {
  const abs = join(root, path);
  if (!existsSync(abs)) return [{ path, kind: 'missing' }];
  return readFileSync(abs).equals(Buffer.from(content, 'utf8')) ? [] : [{ path, kind: 'stale' }];
}

export function writeTree(root: string, tree: GeneratedTree, extra?: { path: string; content: string }): void {
  // A package whose folder already holds exactly these files (and no others) is left alone: no rewrite, no swap.
  tree = new Map([...tree].filter(([dir, files]) => compareTree(root, new Map([[dir, files]])).length > 0));
  if (extra !== undefined && compareFile(root, extra.path, extra.content).length === 0) extra = undefined;
  const staging = join(root, `.paykit-tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const made = new Set<string>();
  try {
    for (const [dir, files] of tree) {
      for (const [file, content] of files) {
        const path = join(staging, dir, file);
        if (!made.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
        made.add(dirname(path));
        writeOrLink(path, join(root, dir, file), content);
      }
    }
    if (extra !== undefined) {
      mkdirSync(dirname(join(staging, extra.path)), { recursive: true });
      writeFileSync(join(staging, extra.path), extra.content);
    }
    for (const dir of tree.keys()) swapIn(join(staging, dir), join(root, dir), join(staging, '.old', dir));
    if (extra !== undefined) renameSync(join(staging, extra.path), join(root, extra.path));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A file of a changed package that is already on disk with this content is hard-linked into the staging
 * folder instead of written (a link is ~5x cheaper; the old folder is removed after the swap anyway).
 * Only a regular file: a symbolic link put there by hand is replaced by the file, as before.
 */
function writeOrLink(path: string, current: string, content: string): void {
  try {
    if (lstatSync(current).isFile() && readFileSync(current).equals(Buffer.from(content, 'utf8'))) {
      linkSync(current, path);
      return;
    }
  } catch {
    // missing, or the file system has no hard links: written below
  }
  writeFileSync(path, content);
}

/** Replaces `target` with `fresh`, carrying over what the generator does not own (node_modules). */
function swapIn(fresh: string, target: string, trash: string): void {
  if (existsSync(target)) {
    for (const name of IGNORED) {
      if (existsSync(join(target, name))) renameSync(join(target, name), join(fresh, name));
    }
    mkdirSync(dirname(trash), { recursive: true });
    renameSync(target, trash);
  }
  mkdirSync(dirname(target), { recursive: true });
  renameSync(fresh, target);
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (IGNORED.has(entry.name) && prefix === '') return [];
    const rel = `${prefix}${entry.name}`;
    return entry.isDirectory() ? listFiles(join(dir, entry.name), `${rel}/`) : [rel];
  });
}
