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
import type { PackageChange } from './package-changes.js';

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
  /** What changed in the published files besides the spec (templates, runtime, providers.yaml, mappings). */
  own?: PackageChange;
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

/**
 * The release of a provider package whose newly normalized spec is `normalizedYaml`; `own` is what
 * else changed in its published files (package-changes.ts), so a template change is released too.
 */
export function providerRelease(root: string, dir: string, name: string, normalizedYaml: string, providerId = dir.split('/').pop() ?? dir, serverChoice?: ServerChoice, own?: PackageChange): Release {
  const previous = readPrevious(root, dir);
  if (previous.version === undefined) return initial(name);
  const oldSpec = readText(join(root, dir, 'openapi.yaml'));
  const diff = oldSpec === normalizedYaml ? undefined : specDiff(providerId, oldSpec, normalizedYaml, serverChoice);
  if (diff === undefined && own === undefined) return unchanged(name, previous.version, previous.changelog);
  const bump = largestBump([diff === undefined ? undefined : bumpFor(diff.class) ?? 'patch', ownBump(own)])!;
  const version = semver.inc(previous.version, bump)!;
  const specBullets = diff === undefined ? [] : diff.changes.length === 0
    ? ['- The normalized spec was rewritten without an API change.']
    : diff.changes.map((c) => `- ${c.class}: ${c.sentence}`);
  const why = [
    ...(diff === undefined ? [] : [`${count(diff.changes.length, 'change')} in the ${providerId} spec`]),
    ...(own === undefined ? [] : [ownSummary(own)]),
  ].join('; ');
  const entry = [`## ${version}`, '', `${describeBump(bump)} release: ${why}.`, '', ...specBullets, ...ownBullets(own, ''), ''].join('\n');
  return { name, previousVersion: previous.version, version, bump, diff, own, changelog: prepend(name, entry, previous.changelog) };
}

function specDiff(providerId: string, oldSpec: string | undefined, normalizedYaml: string, serverChoice: ServerChoice | undefined): SpecDiff {
  const before = oldSpec === undefined ? {} : parse(oldSpec) as unknown;
  const oldDoc = isRecord(before) ? before : {};
  const newDoc = parse(normalizedYaml) as Record<string, unknown>;
  // The default server is providers.yaml's choice: its URL moving is a patch, its disappearance a break.
  return diffSpecs(providerId, oldDoc, newDoc, { before: oldDoc, after: newDoc, choice: serverChoice });
}

/** A declaration consumers compile against changed: breaking → major, additions only → minor; else a patch. */
export function ownBump(own: PackageChange | undefined): Bump | undefined {
  if (own === undefined) return undefined;
  return own.surface.some((c) => c.breaking) ? 'major' : own.surface.length > 0 ? 'minor' : 'patch';
}

function ownSummary(own: PackageChange): string {
  return own.surface.length === 0
    ? `the generated package changed without a change to its types (${count(own.files.length, 'file')})`
    : `${count(own.surface.length, 'change')} to the generated package's types`;
}

function ownBullets(own: PackageChange | undefined, indent: string): string[] {
  if (own === undefined) return [];
  if (own.surface.length === 0) return [`${indent}- patch: ${listFiles(own.files)} changed; exported types unchanged.`];
  return own.surface.map((c) => `${indent}- ${c.breaking ? 'breaking' : 'non-breaking'}: ${c.sentence}.`);
}

function listFiles(files: string[]): string {
  const shown = files.slice(0, 5).map((f) => `\`${f}\``).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
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
export function facadeRelease(root: string, dir: string, name: string, releases: readonly Release[], own?: PackageChange): Release {
  const previous = readPrevious(root, dir);
  if (previous.version === undefined) return initial(name);
  const providers = releases.map((r) => caughtUp(r, previous.dependencies[r.name]));
  const added = providers.filter((r) => r.previousVersion === undefined);
  const bump = largestBump([...providers.map((r) => r.bump), ...(added.length > 0 ? ['minor' as const] : []), ownBump(own)]);
  if (bump === undefined) return unchanged(name, previous.version, previous.changelog);
  const version = facadeVersion(previous.version, [bump]);
  const bullets = [
    ...added.map((r) => `- ${r.name} ${r.version} added`),
    ...providers.filter((r) => r.bump !== undefined).flatMap((r) => [
      `- ${r.name} ${r.previousVersion ?? ''} → ${r.version} (${classOf(r.bump!)})`,
      ...(r.diff?.changes ?? []).map((c) => `  - ${c.class}: ${c.sentence}`),
      ...ownBullets(r.own, '  '),
    ]),
    ...ownBullets(own, ''),
  ];
  // The providers explain the release unless the facade's own change asks for more than they do.
  const fromProviders = largestBump([...providers.map((r) => r.bump), ...(added.length > 0 ? ['minor' as const] : [])]);
  const why = [
    ...(added.length > 0 ? [`${count(added.length, 'provider')} added`] : []),
    ...(added.length === 0 && fromProviders !== undefined ? ['the largest bump among the providers it maps'] : []),
    ...(own !== undefined && largestBump([fromProviders, ownBump(own)]) !== fromProviders ? [ownSummary(own)] : []),
  ].join('; ');
  const entry = [`## ${version}`, '', `${describeBump(bump)} release: ${why}.`, '', ...bullets, ''].join('\n');
  return { name, previousVersion: previous.version, version, bump, diff: undefined, own, changelog: prepend(name, entry, previous.changelog) };
}

function classOf(bump: Bump): ChangeClass {
  return bump === 'major' ? 'breaking' : bump === 'minor' ? 'non-breaking' : 'patch';
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

/**
 * A provider released after the facade's last release but not in this run (a sharded
 * `generate --provider` released it): the facade's dependency range still names the older version,
 * so the facade is released with it now, by the semver distance between the two.
 */
function caughtUp(release: Release, previousRange: string | undefined): Release {
  if (release.bump !== undefined || previousRange === undefined || release.previousVersion === undefined) return release;
  const depended = semver.validRange(previousRange) === null ? null : semver.minVersion(previousRange);
  if (depended === null || !semver.gt(release.version, depended)) return release;
  const distance = semver.diff(depended, release.version);
  const bump: Bump = distance === 'major' || distance === 'premajor' ? 'major' : distance === 'minor' || distance === 'preminor' ? 'minor' : 'patch';
  return { ...release, previousVersion: depended.version, bump, diff: undefined, own: undefined };
}

function readPrevious(root: string, dir: string): { version: string | undefined; changelog: string | undefined; dependencies: Record<string, string> } {
  let version: string | undefined;
  let dependencies: Record<string, string> = {};
  const manifest = readText(join(root, dir, 'package.json'));
  if (manifest !== undefined) {
    try {
      const parsed = JSON.parse(manifest) as { version?: unknown; dependencies?: unknown };
      if (typeof parsed.version === 'string' && semver.valid(parsed.version) !== null) version = parsed.version;
      if (isRecord(parsed.dependencies)) dependencies = Object.fromEntries(Object.entries(parsed.dependencies).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch { /* a broken manifest is regenerated as a new package */ }
  }
  return { version, changelog: readText(join(root, dir, 'CHANGELOG.md')), dependencies };
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
