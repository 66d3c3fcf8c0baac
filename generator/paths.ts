/**
 * Where paykit itself is installed (its templates, schemas, redocly.yaml, lockfile). Found by walking
 * up from this module to paykit's package.json, so it is right both from the TypeScript sources and
 * from the bundled CLI (generator/bin/paykit.mjs builds one into node_modules/.cache).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPaykitRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'paykit') return dir;
    if (dirname(dir) === dir) throw new Error(`internal: paykit's package.json not found above ${from}`);
  }
}

export const PAYKIT_ROOT: string = findPaykitRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the paykit installation. */
export function paykitPath(...segments: string[]): string {
  return join(PAYKIT_ROOT, ...segments);
}
