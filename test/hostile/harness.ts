/**
 * Helpers for the hostile-input suite: building a throw-away project root for a case folder, running
 * the generator in-process or through the real CLI, and snapshotting trees.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
export const HOSTILE = join(REPO, 'test/hostile');
export const CASES = join(HOSTILE, 'cases');
const BIN = join(REPO, 'generator/bin/paykit.mjs');

export interface Probe {
  /** file inside generated/<provider>/ */
  file?: string;
  includes?: string[];
  excludes?: string[];
  /** an export of dist/index.js and the value it must have (deep equality) */
  export?: string;
  equals?: unknown;
}

export interface Expected {
  outcome: 'error' | 'generates' | 'error-or-generates';
  /** error: PaykitError.file */
  file?: string;
  /** error: PaykitError.pointer; omitted means the error has no pointer */
  pointer?: string;
  messageIncludes?: string[];
  /** run through the real CLI (exit code 2, one stderr line, generated/ untouched) */
  cli?: boolean;
  /** --provider ids */
  providers?: string[];
  /** name of a setup function in setups.ts, run on the case root before generating */
  setup?: string;
  probes?: Probe[];
  /** the provider id whose package is checked (default: hostile) */
  provider?: string;
  /** safety bounds */
  maxSeconds?: number;
  maxRssMb?: number;
  /** the package is too large to type-check and import in the time budget (it is still generated and scanned) */
  skipCompile?: boolean;
  /** documentation of a generator bug this case exposes */
  bug?: string;
}

export interface Case { name: string; dir: string; expected: Expected }

export function listCases(): Case[] {
  return readdirSync(CASES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, dir: join(CASES, name), expected: parse(readFileSync(join(CASES, name, 'expected.yaml'), 'utf8')) as Expected }));
}

export const DEFAULT_PROVIDERS = `providers:
  hostile:
    title: Hostile
    spec: specs/spec.yaml
    auth: { kind: none }
`;

/**
 * Lays a case out as a project root: providers.yaml → specs/providers.yaml (a default one naming
 * specs/spec.yaml when absent), redocly.yaml → the root, expected.yaml stays behind, everything
 * else → specs/ keeping sub-folders.
 */
export function materialize(testCase: Case, root: string): string {
  mkdirSync(join(root, 'specs'), { recursive: true });
  for (const entry of readdirSync(testCase.dir)) {
    const from = join(testCase.dir, entry);
    if (entry === 'expected.yaml') continue;
    if (entry === 'providers.yaml') cpSync(from, join(root, 'specs/providers.yaml'));
    else if (entry === 'redocly.yaml') cpSync(from, join(root, 'redocly.yaml'));
    else cpSync(from, join(root, 'specs', entry), { recursive: true });
  }
  if (!existsSync(join(root, 'specs/providers.yaml'))) writeFileSync(join(root, 'specs/providers.yaml'), DEFAULT_PROVIDERS);
  return root;
}

export function tempRoot(name: string): string {
  return mkdtempSync(join(tmpdir(), `paykit-hostile-${name}-`));
}

export function runCli(cwd: string, args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--max-old-space-size=1024', BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

export { snapshotTree } from '../helpers/project-copy.js';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out.map((p) => relative(dir, p)).sort();
}
