/** Real `tsc --noEmit` over every generated package, with the package's own strict tsconfig. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { REPO } from './helpers/project-copy.js';

const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const packages = readdirSync(join(REPO, 'generated'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('generated packages type-check', () => {
  it('there is a package per provider in specs/providers.yaml, and the facade', () => {
    expect(packages).toEqual(expect.arrayContaining([...loadProjectConfig(REPO).providers.map((p) => p.id), 'refunds']));
  });

  it.each(packages)('generated/%s passes tsc --noEmit', (name) => {
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', join(REPO, 'generated', name, 'tsconfig.json')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
