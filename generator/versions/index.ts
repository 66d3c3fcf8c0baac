/**
 * Versions and changelogs of the generated packages. The previous release is what generated/<pkg>/
 * holds now (package.json version, openapi.yaml, CHANGELOG.md): when the newly normalized spec
 * differs, the package is bumped by the class of the diff and an entry is prepended. Nothing here
 * reads a clock, so regenerating with no spec change bumps nothing and writes the same bytes.
 *
 * Policy (also written at the top of every CHANGELOG.md): breaking → major, non-breaking → minor,
 * documentation only → patch, below 1.0.0 too. A breaking vendor change takes 0.x to 1.0.0: the
 * simplest honest rule, and `^0.x.y` ranges never pick up a break.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';
import type { ServerChoice } from '../checks/servers.js';
import { diffSpecs } from '../diff/classify.js';
import { maxClass, type ChangeClass, type SpecDiff } from '../diff/types.js';
import { isRecord } from '../normalize/types.js';

export type Bump = 'major' | 'minor' | 'patch';

export const INITIAL_VERSION = '0.1.0';

export interface Release {
  /** Package name, e.g. @paykit/push. */
  name: string;
  /** The version on disk before this run; undefined for a new package. */
  previousVersion: string | undefined;
  version: string;
  /** undefined when nothing changed (or the package is new). */
  bump: Bump | undefined;
  /** The diff that decided the bump (providers only). */
  diff: SpecDiff | undefined;
  changelog: string;
}

export function bumpFor(cls: ChangeClass | 'none'): Bump | undefined {
  return cls === 'breaking' ? 'major' : cls === 'non-breaking' ? 'minor' : cls === 'patch' ? 'patch' : undefined;
}

export function largestBump(bumps: Iterable<Bump | undefined>): Bump | undefined {
  const order: (Bump | undefined)[] = [undefined, 'patch', 'minor', 'major'];
  let best: Bump | undefined;
  for (const b of bumps) if (order.indexOf(b) > order.indexOf(best)) best = b;
  return best;
}

export function changelogHeader(name: string): string {
  return [
    `# Changelog: ${name}`,
    '',
    'Written by `paykit generate`; do not edit. Each version is decided by `paykit diff` of the normalized spec:',
    'a breaking change bumps the major version, a non-breaking change (a new optional field, a new operation) the minor,',
    'a documentation-only change the patch. This holds below 1.0.0 too, so a breaking vendor change takes 0.x to 1.0.0.',
    '',
  ].join('\n');
}

/** The release of a provider package whose newly normalized spec is `normalizedYaml`. */
export function providerRelease(root: string, dir: string, name: string, normalizedYaml: string, providerId = dir.split('/').pop() ?? dir, serverChoice?: ServerChoice): Release {
  const previous = readPrevious(root, dir);
  if (previous.version === undefined) return initial(name);
  const oldSpec = readText(join(root, dir, 'openapi.yaml'));
  if (oldSpec === normalizedYaml) return unchanged(name, previous.version, previous.changelog);
  const before = oldSpec === undefined ? {} : parse(oldSpec) as unknown;
  const oldDoc = isRecord(before) ? before : {};
  const newDoc = parse(normalizedYaml) as Record<string, unknown>;
  // The default server is providers.yaml's choice: its URL moving is a patch, its disappearance a break.
  const diff = diffSpecs(providerId, oldDoc, newDoc, { before: oldDoc, after: newDoc, choice: serverChoice });
  const bump = bumpFor(diff.class) ?? 'patch';
  const version = semver.inc(previous.version, bump)!;
  const bullets = diff.changes.length === 0
    ? ['- The normalized spec was rewritten without an API change.']
    : diff.changes.map((c) => `- ${c.class}: ${c.sentence}`);
  const entry = [`## ${version}`, '', `${describeBump(bump)} release: ${count(diff.changes.length, 'change')} in the ${providerId} spec.`, '', ...bullets, ''].join('\n');
  return { name, previousVersion: previous.version, version, bump, diff, changelog: prepend(name, entry, previous.changelog) };
}

/** The facade's version: its previous version bumped by the largest bump among the providers it maps. */
export function facadeVersion(previousVersion: string | undefined, bumps: Iterable<Bump | undefined>): string {
  if (previousVersion === undefined || semver.valid(previousVersion) === null) return INITIAL_VERSION;
  const bump = largestBump(bumps);
  return bump === undefined ? previousVersion : semver.inc(previousVersion, bump)!;
}

/**
 * The facade's release, from the releases of the providers it maps. A provider the facade did not
 * map before (a new package) is a new feature of the facade: a minor bump with an "added" line.
 */
export function facadeRelease(root: string, dir: string, name: string, providers: readonly Release[]): Release {
  const previous = readPrevious(root, dir);
  if (previous.version === undefined) return initial(name);
  const added = providers.filter((r) => r.previousVersion === undefined);
  const bump = largestBump([...providers.map((r) => r.bump), ...(added.length > 0 ? ['minor' as const] : [])]);
  if (bump === undefined) return unchanged(name, previous.version, previous.changelog);
  const version = facadeVersion(previous.version, [bump]);
  const bullets = [
    ...added.map((r) => `- ${r.name} ${r.version} added`),
    ...providers.filter((r) => r.bump !== undefined).flatMap((r) => [
      `- ${r.name} ${r.previousVersion ?? ''} → ${r.version} (${r.diff?.class ?? 'patch'})`,
      ...(r.diff?.changes ?? []).map((c) => `  - ${c.class}: ${c.sentence}`),
    ]),
  ];
  const why = added.length > 0 ? `${count(added.length, 'provider')} added` : 'the largest bump among the providers it maps';
  const entry = [`## ${version}`, '', `${describeBump(bump)} release: ${why}.`, '', ...bullets, ''].join('\n');
  return { name, previousVersion: previous.version, version, bump, diff: undefined, changelog: prepend(name, entry, previous.changelog) };
}

/** Writes the release into a package's files: the package.json version, "CHANGELOG.md" in `files`, and CHANGELOG.md. */
export function applyRelease(files: Map<string, string>, release: Release): void {
  const manifest = files.get('package.json');
  if (manifest !== undefined) files.set('package.json', withVersion(manifest, release.version));
  files.set('CHANGELOG.md', release.changelog);
}

/** The name in a package.json text (falls back to `fallback`). */
export function packageName(manifest: string | undefined, fallback: string): string {
  try {
    const name = (JSON.parse(manifest ?? '') as { name?: unknown }).name;
    return typeof name === 'string' ? name : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Sets "version" and lists CHANGELOG.md in "files", editing the text in place so the template's
 * formatting is kept. (The provider template should list CHANGELOG.md itself; until it does, this adds it.)
 */
export function withVersion(manifest: string, version: string): string {
  let text = manifest.replace(/("version"\s*:\s*)"[^"]*"/, (_m, key: string) => `${key}${JSON.stringify(version)}`);
  text = text.replace(/("files"\s*:\s*\[)([^\]]*)\]/, (m, open: string, items: string) => {
    if (/"CHANGELOG\.md"/.test(items)) return m;
    const trimmed = items.replace(/\s+$/, '');
    const trailing = items.slice(trimmed.length);
    return `${open}${trimmed}${trimmed.trim() === '' ? '' : ', '}"CHANGELOG.md"${trailing}]`;
  });
  return text;
}

function initial(name: string): Release {
  return { name, previousVersion: undefined, version: INITIAL_VERSION, bump: undefined, diff: undefined, changelog: `${changelogHeader(name)}\n## ${INITIAL_VERSION}\n\n- Initial release.\n` };
}

function unchanged(name: string, version: string, changelog: string | undefined): Release {
  const text = changelog ?? `${changelogHeader(name)}\n## ${version}\n\n- ${version === INITIAL_VERSION ? 'Initial release.' : 'Changelog started; earlier versions are not recorded here.'}\n`;
  return { name, previousVersion: version, version, bump: undefined, diff: undefined, changelog: text };
}

function prepend(name: string, entry: string, previous: string | undefined): string {
  const start = previous?.search(/^## /m) ?? -1;
  const older = previous === undefined || start === -1 ? '' : `\n${previous.slice(start)}`;
  return `${changelogHeader(name)}\n${entry}${older}`;
}

function readPrevious(root: string, dir: string): { version: string | undefined; changelog: string | undefined } {
  let version: string | undefined;
  const manifest = readText(join(root, dir, 'package.json'));
  if (manifest !== undefined) {
    try {
      const v = (JSON.parse(manifest) as { version?: unknown }).version;
      if (typeof v === 'string' && semver.valid(v) !== null) version = v;
    } catch { /* a broken manifest is regenerated as a new package */ }
  }
  return { version, changelog: readText(join(root, dir, 'CHANGELOG.md')) };
}

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function describeBump(bump: Bump): string {
  return bump === 'major' ? 'Major' : bump === 'minor' ? 'Minor' : 'Patch';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export { maxClass };
