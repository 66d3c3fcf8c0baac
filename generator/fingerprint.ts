/**
 * Hashing what files hold: the manifest's input fingerprint and the caches' keys. What paykit itself is
 * made of is one hash (paykitFingerprint): a cache keyed by it never outlives a paykit change.
 * Node built-ins only, so `generate --check` stays light.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PAYKIT_ROOT } from './paths.js';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** [base, path relative to base] for every file under base/dir, sorted; node_modules is skipped. */
export function listFiles(base: string, dir: string): (readonly [string, string])[] {
  const start = join(base, dir);
  if (!existsSync(start)) return [];
  const out: (readonly [string, string])[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push([base, relative(base, full).split('\\').join('/')]);
    }
  };
  walk(start);
  return out;
}

let fingerprint: string | undefined;
/** Every file of paykit's generator and templates, its lockfile and what npm installed (ts-morph, TypeScript). */
export function paykitFingerprint(root: string = PAYKIT_ROOT): string {
  if (root === PAYKIT_ROOT && fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  for (const [base, path] of [...listFiles(root, 'generator'), ...listFiles(root, 'templates')]) hash.update(`${path}\0${sha256(readFileSync(join(base, path)))}\n`);
  for (const file of [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')]) {
    hash.update(`${file}\0${existsSync(file) ? sha256(readFileSync(file)) : '-'}\n`);
  }
  const digest = hash.digest('hex');
  if (root === PAYKIT_ROOT) fingerprint = digest;
  return digest;
}

