/** Loading a mapping: what the schema cannot say is checked before anything compiles it. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadProjectConfig } from '../../../generator/config.js';
import { PaykitError } from '../../../generator/errors.js';
import { loadMapping } from '../../../generator/facade/mapping.js';
import { copyProject } from '../../helpers/project-copy.js';

const root = copyProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = loadProjectConfig(root);
const mapped = project.providers.filter((p) => p.mapping !== undefined);

describe('loadMapping', () => {
  it.each(mapped.map((p) => [p.id, p] as const))('%s: an input.paymentId.pattern that is not a regular expression is one line naming it', (_id, provider) => {
    const file = join(root, provider.mapping!);
    const original = readFileSync(file, 'utf8');
    const mapping = parse(original) as { input: { paymentId?: { pattern: string; hint: string } } };
    mapping.input.paymentId = { pattern: '^[0-9]{1,15}$ */ (', hint: 'digits' };
    writeFileSync(file, stringify(mapping));
    try {
      expect(() => loadMapping(project, provider)).toThrow(PaykitError);
      expect(() => loadMapping(project, provider)).toThrow(`${provider.mapping}#/input/paymentId/pattern: is not a valid regular expression`);
    } finally {
      writeFileSync(file, original);
    }
  });
});
