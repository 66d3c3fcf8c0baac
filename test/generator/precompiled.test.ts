/**
 * The CLI bundle precompiles the Handlebars templates and Ajv validators (generator/bin/build-bundle.mjs
 * fills generator/precompiled.ts), and bundles openapi-typescript's transform on its own; the TypeScript
 * sources compile them at run time and require openapi-typescript whole. The committed generated/ is the
 * bundle's output, so regenerating from the sources in-process and finding no drift proves both paths
 * write the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/commands/generate.js';
import { precompiledTemplates, precompiledValidators } from '../../generator/precompiled.js';
import { copyProject } from '../helpers/project-copy.js';

describe('generate from the TypeScript sources', () => {
  it('compiles at run time (nothing precompiled) and writes exactly what the CLI bundle committed', async () => {
    expect(precompiledTemplates).toBeUndefined();
    expect(precompiledValidators).toBeUndefined();
    const root = copyProject({ generated: true });
    const lines: string[] = [];
    const code = await generate({ root, providers: [], check: true }, { line: (t) => lines.push(t), error: (t) => lines.push(t) });
    expect(lines.filter((l) => /^(stale|missing|unexpected):/.test(l))).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);
});
