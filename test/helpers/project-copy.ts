/** Temporary copies of the project's inputs (and optionally its generated/), for CLI tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const BIN = join(REPO, 'generator/bin/paykit.mjs');

export function copyProject(options: { generated?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-project-'));
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  if (options.generated === true) {
    cpSync(join(REPO, 'generated'), join(dir, 'generated'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  }
  return dir;
}

/**
 * paykit itself (generator, templates) with a project, so paykit's own files can be edited; its CLI
 * then runs as `node <copy>/generator/bin/paykit.mjs`. Its node_modules is a folder of its own (the CLI
 * bundle is cached there, next to its own templates) whose entries link to this repository's libraries.
 */
export function copyPaykit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-copy-'));
  for (const path of ['generator', 'templates', 'specs', 'generated', 'redocly.yaml', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(REPO, path), join(dir, path), { recursive: true, filter: (src) => !src.includes('node_modules') });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (!['.cache', '.vite', '.vitest', '@paykit'].includes(entry)) symlinkSync(join(REPO, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

export function paykit(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, readFileSync(join(dir, rel), 'latin1'));
    }
  };
  walk('');
  return files;
}
