/** Temporary copies of the project's inputs (and optionally its generated/), for CLI tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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
