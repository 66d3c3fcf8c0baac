/** Loads the recorded vendor changes of test/fixtures/vendor-changes/ and plays one on a project copy under git. */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generate } from '../../generator/commands/generate.js';
import { loadProjectConfig } from '../../generator/config.js';
import { diffProvider, type SpecDiff } from '../../generator/diff/index.js';
import { PaykitError } from '../../generator/errors.js';
import { buildProvider, prepareSpecs } from '../../generator/pipeline.js';
import { loadTemplates } from '../../generator/emit/templates.js';
import { overlayLock } from '../../generator/commands/overlay-lock.js';
import { providerRelease, type Release } from '../../generator/versions/index.js';
import { REPO, copyProject } from '../helpers/project-copy.js';

export const FIXTURES = join(REPO, 'test/fixtures/vendor-changes');

export interface ExpectedFinding { source: string; message?: string }

export interface VendorChange {
  name: string;
  description: string;
  provider: string;
  edits: { find: string; replace: string }[];
  expect: {
    class: SpecDiff['class'];
    bump: 'major' | 'minor' | 'patch';
    /** The vendor document's own class, when it differs from `class`. */
    vendorClass?: SpecDiff['class'];
    /** The changes of `class`: normalized, or the vendor's when normalization no longer applies. */
    changes: { class: string; pointer: string; sentence: string }[];
    /** The facade's verdict; `breaks` may carry a message pattern. */
    facade?: 'holds' | { breaks: string };
    /** What no longer applies, by source (overlay action, rule, lint rule, providers.yaml entry); none when absent. */
    findings?: ExpectedFinding[];
    /** `paykit generate`'s outcome; `refuses` is a pattern for its one-line refusal. */
    generate: 'generates' | { refuses: string };
    /** The CHANGELOG.md entry when the package generates; its heading is `## {version}`. */
    changelog?: string;
    /** Whether normalization itself (overlays, rules, lint) fails, as opposed to a vendor guard refusing; default: applies. */
    normalization?: 'applies' | 'broken';
    /** When it refuses: `generates` if `paykit overlay lock` (accepting the reviewed change) lets it through. */
    afterLock?: 'generates';
    /** When it generates: the generated client's DEFAULT_BASE_URL. */
    defaultBaseUrl?: string;
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

/** A copy of the project (specs and generated/) committed in a fresh git repository, so `--against HEAD` reads the vendor spec before the change. */
export function committedProject(): string {
  const root = copyProject({ generated: true });
  const git = (...args: string[]) => {
    const run = spawnSync('git', ['-c', 'user.name=paykit-test', '-c', 'user.email=test@paykit.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'before the vendor change');
  return root;
}

export interface Played {
  diff: SpecDiff;
  /** The release generate would make; only when normalization still applies. */
  release?: Release;
  /** What `paykit generate --check` printed (run when normalization no longer applies), and the one-line refusal generation gives. */
  generateLines: string[];
  refusal?: string;
  /** The generated client's DEFAULT_BASE_URL (only when the fixture asks for it). */
  defaultBaseUrl?: string;
  /** Whether generate refuses after `paykit overlay lock` (only when the fixture asks). */
  refusalAfterLock?: string | 'none';
}

/** Writes the changed spec into the committed project at `root`, diffs against HEAD and finds what generate does; restores the spec. */
export async function playChange(root: string, change: VendorChange): Promise<Played> {
  const project = loadProjectConfig(root);
  const provider = project.providers.find((p) => p.id === change.provider)!;
  const specPath = join(root, provider.spec);
  const original = readFileSync(specPath, 'utf8');
  writeFileSync(specPath, applyEdits(original, change.edits, change.name));
  const lockFile = provider.overlay === undefined ? undefined : join(root, provider.overlay.replace(/\.(ya?ml|json)$/i, '') + '.lock.yaml');
  const lock = lockFile === undefined ? undefined : readFileSync(lockFile, 'utf8');
  try {
    const diff = await diffProvider(project, provider, 'HEAD');
    const generateLines: string[] = [];
    let release: Release | undefined;
    let refusal: string | undefined;
    let defaultBaseUrl: string | undefined;
    let refusalAfterLock: string | undefined;
    const quietly = { line: (t: string) => generateLines.push(t), error: (t: string) => generateLines.push(t) };
    if ((diff.findings ?? []).length === 0) {
      // The provider builds; what the full run checks next is the mapping, which is exactly the diff's facade verdict.
      const specs = await prepareSpecs(project, provider);
      release = providerRelease(root, `generated/${provider.id}`, `@paykit/${provider.id}`, specs.normalizedYaml, provider.id, provider.defaultServer);
      if (diff.facade !== undefined && !diff.facade.ok) refusal = diff.facade.message;
      if (change.expect.defaultBaseUrl !== undefined) {
        const client = (await buildProvider(project, provider, loadTemplates('provider'))).files.get('src/client.ts') ?? '';
        defaultBaseUrl = /export const DEFAULT_BASE_URL: string = (".*?");/.exec(client)?.[1];
        if (defaultBaseUrl !== undefined) defaultBaseUrl = JSON.parse(defaultBaseUrl) as string;
      }
    } else {
      // The real command (--check writes nothing), so its explanation and one-line refusal are what a user sees.
      refusal = await refusalOf(() => generate({ root, providers: [provider.id], check: true }, quietly));
      if (change.expect.afterLock !== undefined) {
        await overlayLock({ root, providers: [provider.id] }, { line: () => {}, error: () => {} });
        refusalAfterLock = await refusalOf(() => generate({ root, providers: [provider.id], check: true }, { line: () => {}, error: () => {} })) ?? 'none';
      }
    }
    return { diff, ...(release === undefined ? {} : { release }), generateLines, ...(refusal === undefined ? {} : { refusal }),
      ...(defaultBaseUrl === undefined ? {} : { defaultBaseUrl }), ...(refusalAfterLock === undefined ? {} : { refusalAfterLock }) };
  } finally {
    writeFileSync(specPath, original);
    if (lockFile !== undefined && lock !== undefined) writeFileSync(lockFile, lock);
  }
}

/** The one-line message of the PaykitError `run` throws; undefined when it does not. */
async function refusalOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (!(error instanceof PaykitError)) throw error;
    return error.message;
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
