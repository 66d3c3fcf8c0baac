import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { PaykitError } from '../../generator/errors.js';
import { extractSpecBlock } from '../../generator/extract.js';
import { extractVendorSpec, extractedProviders } from '../../generator/vendor-specs.js';

const root = new URL('../../', import.meta.url).pathname;

describe('extractSpecBlock', () => {
  it.each([
    ['three backticks, yaml', 'intro\n```yaml\nopenapi: 3.0.1\ninfo: {}\n```\nafter', 'openapi: 3.0.1\ninfo: {}\n', 'yaml'],
    ['four backticks with a path after the language', '````yaml /openapi.yaml post /refund\nopenapi: 3.0.1\n```\nnested\n```\n````\n', 'openapi: 3.0.1\n```\nnested\n```\n', 'yaml'],
    ['json on one line', '```json\n{"openapi":"3.0.0"}\n```', '{"openapi":"3.0.0"}\n', 'json'],
    ['skips blocks that are not specs', '```shell\ncurl x\n```\n```\nopenapi: 3.1.0\n```', 'openapi: 3.1.0\n', 'yaml'],
    ['keeps trailing blank lines', '```yaml\nopenapi: 3.0.1\n\n\n```', 'openapi: 3.0.1\n\n\n', 'yaml'],
  ])('%s', (_name, markdown, text, format) => {
    expect(extractSpecBlock(markdown, 'doc.md')).toEqual({ text, format });
  });

  it('fails with one line naming the document when there is no spec block', () => {
    expect(() => extractSpecBlock('# Only prose\n```shell\nls\n```\n', 'specs/sources/x.md')).toThrowError(PaykitError);
    expect(() => extractSpecBlock('no fences', 'specs/sources/x.md')).toThrow(/^specs\/sources\/x\.md: no fenced code block/);
  });
});

describe('specs/vendor', () => {
  const project = loadProjectConfig(root);
  const providers = extractedProviders(project);

  it('covers every vendor spec in specs/vendor/ (each one is extracted from its provider\'s source document)', () => {
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.map((p) => p.spec).sort()).toEqual(readdirSync(join(root, 'specs/vendor')).map((f) => `specs/vendor/${f}`).sort());
  });

  it.each(providers.map((p) => [p.id, p] as const))('%s equals the spec block of its vendor document, byte for byte', (_id, provider) => {
    expect(readFileSync(root + provider.spec, 'utf8')).toBe(extractVendorSpec(project, provider));
  });
});
