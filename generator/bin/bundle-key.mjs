// The cache key of the CLI bundle (generator/bin/paykit.mjs): node built-ins only, as it runs on every start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of everything the bundle is made of, under paykit's root: its sources and build scripts
 * (generator/**\/*.ts, *.mjs), the schemas and templates it precompiles (generator/**\/*.json,
 * templates/**\/*.hbs), and the bundled libraries' versions (node_modules/.package-lock.json, what npm
 * installed, and package-lock.json).
 */
export function bundleKey(root) {
  const hash = createHash('sha256');
  const walk = (dir, extensions) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, extensions);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(join(root, 'generator'), ['.ts', '.mjs', '.json']);
  walk(join(root, 'templates'), ['.hbs']);
  for (const lock of [join(root, 'node_modules', '.package-lock.json'), join(root, 'package-lock.json')]) {
    hash.update(`${lock}\0`);
    if (existsSync(lock)) hash.update(readFileSync(lock));
  }
  return hash.digest('hex').slice(0, 16);
}
