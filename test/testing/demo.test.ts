/** scripts/demo.ts (npm run demo): one refund through the facade against each provider's fake. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project-copy.js';
import { providerIds } from './providers.js';

describe('npm run demo', () => {
  it('refunds once on every mapped provider in specs/providers.yaml and exits 0', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(providerIds.length);
    for (const id of providerIds) {
      expect(lines.find((l) => l.startsWith(`${id} `)), id).toMatch(/ (pending|succeeded) +\S+ +\d+ [A-Z]{3} \(minor units\)/);
    }
  });
});
