/** Loads the recorded vendor changes of test/fixtures/vendor-changes/ and plays one on a project copy. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../generator/config.js';
import { diffSpecs, type SpecDiff } from '../../generator/diff/index.js';
import { prepareSpecs } from '../../generator/pipeline.js';
import { providerRelease, type Release } from '../../generator/versions/index.js';
import { REPO } from '../helpers/project-copy.js';

export const FIXTURES = join(REPO, 'test/fixtures/vendor-changes');

export interface VendorChange {
  name: string;
  description: string;
  provider: string;
  edits: { find: string; replace: string }[];
  expect: {
    class: SpecDiff['class'];
    bump: 'major' | 'minor' | 'patch';
    changes: { class: string; pointer: string; sentence: string }[];
    changelog: string;
  };
}

export function loadVendorChanges(): VendorChange[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ name: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(FIXTURES, f), 'utf8')) as Omit<VendorChange, 'name'>) }));
}

/** Applies the edits to `text`; every `find` must occur exactly once. */
export function applyEdits(text: string, edits: VendorChange['edits'], label: string): string {
  let out = text;
  for (const { find, replace } of edits) {
    const count = out.split(find).length - 1;
    if (count !== 1) throw new Error(`${label}: "${find.slice(0, 40)}" occurs ${count} times`);
    out = out.replace(find, () => replace);
  }
  return out;
}

/** Writes the changed spec into the project copy at `root` (which holds generated/), returns diff and release; restores the spec. */
export async function playChange(root: string, change: VendorChange): Promise<{ diff: SpecDiff; release: Release }> {
  const project = loadProjectConfig(root);
  const provider = project.providers.find((p) => p.id === change.provider)!;
  const specPath = join(root, provider.spec);
  const original = readFileSync(specPath, 'utf8');
  writeFileSync(specPath, applyEdits(original, change.edits, change.name));
  try {
    const specs = await prepareSpecs(project, provider);
    const before = parse(readFileSync(join(root, 'generated', provider.id, 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const diff = diffSpecs(provider.id, before, specs.normalized);
    const release = providerRelease(root, `generated/${provider.id}`, `@paykit/${provider.id}`, specs.normalizedYaml, provider.id);
    return { diff, release };
  } finally {
    writeFileSync(specPath, original);
  }
}

/** The version of generated/<provider>/package.json in the project at `root`. */
export function committedVersion(root: string, provider: string): string {
  return (JSON.parse(readFileSync(join(root, 'generated', provider, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The newest entry of a changelog: from the first "## " to the next. */
export function firstEntry(changelog: string): string {
  const start = changelog.search(/^## /m);
  const rest = changelog.slice(start);
  const next = rest.slice(3).search(/^## /m);
  return next === -1 ? rest : rest.slice(0, next + 3);
}
