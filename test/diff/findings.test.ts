/**
 * Findings are one list every check feeds: a pipeline failure the forgiving normalization does not
 * reproduce (here a providers.yaml check, as the auth and server checks raise) becomes the first
 * finding, named by its source, and the facade breaks with it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { PaykitError } from '../../generator/errors.js';
import { REPO, copyProject } from '../helpers/project-copy.js';

vi.mock('../../generator/pipeline.js', async (original) => ({
  ...(await original<typeof import('../../generator/pipeline.js')>()),
  prepareSpecs: async () => {
    throw new PaykitError('specs/providers.yaml', '/providers/push/auth/kind', 'says bearer, but the spec\'s security scheme is basic', 'make them agree');
  },
}));

describe('findings from other checks', () => {
  it('a failure outside normalization is the first finding, by its source, before what the forgiving run finds; the class comes from the vendor diff', async () => {
    const { diffProvider } = await import('../../generator/diff/index.js');
    const root = copyProject({ generated: true });
    try {
      // The vendor also leaves a schema nobody uses: lint refuses it in the normalized spec.
      const spec = join(root, 'specs/vendor/push.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('\n    Currency:\n', '\n    Unused:\n      type: string\n    Currency:\n'));
      const project = loadProjectConfig(root);
      const push = project.providers.find((p) => p.id === 'push')!;
      const diff = await diffProvider(project, push, { kind: 'dir', path: REPO });
      expect(diff).toMatchObject({ class: 'non-breaking', bump: 'minor', vendorClass: 'non-breaking', normalization: 'broken' });
      expect(diff.findings!.map((f) => f.source)).toEqual(['specs/providers.yaml#/providers/push/auth/kind', 'lint:no-unused-components']);
      expect(diff.findings![0]).toEqual({ source: 'specs/providers.yaml#/providers/push/auth/kind', message: 'says bearer, but the spec\'s security scheme is basic', fix: 'make them agree' });
      expect(diff.facade).toEqual({ ok: false, message: 'the push package no longer generates: specs/providers.yaml#/providers/push/auth/kind: says bearer, but the spec\'s security scheme is basic; make them agree' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
