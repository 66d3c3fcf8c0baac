/**
 * What changed in a package's published files besides what the spec diff already explains: a
 * template, the runtime, providers.yaml or a mapping. Any published byte that differs is at least a
 * patch; a change to the declarations consumers compile against is classified by surface.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { diffSurfaces, readSurface, type SurfaceChange } from './surface.js';

export interface PackageChange {
  /** Published paths whose content differs (package.json's version left out). */
  files: string[];
  /** Surface changes (empty when only implementation or documentation changed). */
  surface: SurfaceChange[];
}

/**
 * Compares the package folder `dir` (the previous release) with the new `files`. Undefined when no
 * published file changed or the package is new. `isSpecDerived` names files the spec diff covers.
 */
export function packageChange(root: string, dir: string, files: ReadonlyMap<string, string>, isSpecDerived: (path: string) => boolean, siblings: Iterable<string> = []): PackageChange | undefined {
  const previous = readPackage(join(root, dir));
  if (!previous.has('package.json')) return undefined;
  const published = (path: string, manifests: (string | undefined)[]) => path === 'package.json' || manifests.some((m) => isListed(path, m));
  const manifests = [previous.get('package.json'), files.get('package.json')];
  const paths = [...new Set([...previous.keys(), ...files.keys()])]
    .filter((path) => path !== 'CHANGELOG.md' && !isSpecDerived(path) && published(path, manifests))
    .sort();
  const names = [...siblings];
  const differing = paths.filter((path) => comparable(path, previous.get(path), names) !== comparable(path, files.get(path), names));
  if (differing.length === 0) return undefined;
  const declarationsChanged = differing.some((path) => path.endsWith('.d.ts') || path === 'package.json');
  const surface = declarationsChanged ? diffSurfaces(readSurface(previous, isSpecDerived), readSurface(files, isSpecDerived)) : [];
  return { files: differing, surface };
}

/**
 * The package's version moves with every release, and a dependency on a package generated in the
 * same run moves with that package's release (the facade takes the largest bump among them), so
 * neither is a change of its own.
 */
function comparable(path: string, text: string | undefined, siblings: readonly string[]): string | undefined {
  if (path !== 'package.json' || text === undefined) return text;
  let out = text.replace(/("version"\s*:\s*)"[^"]*"/, '$1""');
  for (const name of siblings) out = out.split(`${JSON.stringify(name)}: "`).map((part, i) => (i === 0 ? part : part.replace(/^[^"]*/, ''))).join(`${JSON.stringify(name)}: "`);
  return out;
}

/** Whether package.json's `files` (npm's rule: a listed folder publishes all under it) includes `path`. */
function isListed(path: string, manifest: string | undefined): boolean {
  let listed: unknown;
  try { listed = (JSON.parse(manifest ?? '{}') as { files?: unknown }).files; } catch { return false; }
  if (!Array.isArray(listed)) return true; // no `files`: npm publishes everything
  return listed.some((entry) => typeof entry === 'string' && (path === posix.normalize(entry) || path.startsWith(`${posix.normalize(entry).replace(/\/$/, '')}/`)));
}

function readPackage(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) { if (entry.name !== 'node_modules') walk(path); }
      else if (entry.isFile()) files.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}
