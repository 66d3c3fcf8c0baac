/**
 * `npm install` links each workspace (generated/*) into node_modules/@paykit. A scratch copy gets the
 * same layout without a registry round trip: @paykit/* point at the copy's own generated packages,
 * every other dependency at this repository's installed one.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './project-copy.js';

export function linkWorkspaces(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@paykit'), { recursive: true });
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === '@paykit' || entry === '.vite' || entry === '.vitest') continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(modules, entry));
  }
  for (const pkg of readdirSync(join(dir, 'generated'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const name = (JSON.parse(readFileSync(join(dir, 'generated', pkg.name, 'package.json'), 'utf8')) as { name: string }).name;
    symlinkSync(join(dir, 'generated', pkg.name), join(modules, name));
  }
}
