/** What paykit itself is made of, as one hash: a cache keyed by it never outlives a paykit change. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAYKIT_ROOT } from './paths.js';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let fingerprint: string | undefined;
/** Every file of paykit's generator and templates, its lockfile and what npm installed (ts-morph, TypeScript). */
export function paykitFingerprint(root: string = PAYKIT_ROOT): string {
  if (root === PAYKIT_ROOT && fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${full}\0${sha256(readFileSync(full))}\n`);
    }
  };
  walk(join(root, 'generator'));
  walk(join(root, 'templates'));
  for (const file of [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')]) {
    hash.update(`${file}\0${existsSync(file) ? sha256(readFileSync(file)) : '-'}\n`);
  }
  const digest = hash.digest('hex');
  if (root === PAYKIT_ROOT) fingerprint = digest;
  return digest;
}

