/**
 * One mapping vocabulary: the transform names generator/schemas/mappings.schema.json accepts are exactly the
 * registry's (generator/facade/vocabulary.ts), and every runtime function the registry names is
 * exported by the runtime module it names, so a transform added in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectRuntime, requestExpression, responseExpression, runtimeFunction } from '../../../generator/facade/expressions.js';
import type { Mapping } from '../../../generator/facade/mapping.js';
import { REQUEST_TRANSFORMS, RESPONSE_TRANSFORMS } from '../../../generator/facade/vocabulary.js';
import { REPO } from '../../helpers/project-copy.js';

const schema = JSON.parse(readFileSync(join(REPO, 'generator/schemas/mappings.schema.json'), 'utf8')) as { definitions: Record<string, any> };
const transformEnum = (definition: string) => (schema.definitions[definition].oneOf as any[]).find((b) => b.properties?.transform).properties.transform.enum as string[];

describe('the mapping vocabulary', () => {
  it('the schema\'s request transforms are the registry\'s', () => {
    expect([...transformEnum('requestValue')].sort()).toEqual(Object.keys(REQUEST_TRANSFORMS).sort());
  });

  it('the schema\'s response transforms are the registry\'s', () => {
    expect([...transformEnum('responseValue')].sort()).toEqual(Object.keys(RESPONSE_TRANSFORMS).sort());
  });

  it('every runtime function the registry names is exported by its module', async () => {
    for (const transform of [...Object.values(REQUEST_TRANSFORMS), ...Object.values(RESPONSE_TRANSFORMS)]) {
      if (transform.runtime === undefined) continue;
      const module = await import(join(REPO, 'templates/refunds/runtime', `${transform.runtime.module}.ts`)) as Record<string, unknown>;
      expect(typeof module[transform.runtime.name], `${transform.runtime.module}.${transform.runtime.name}`).toBe('function');
    }
  });

  it('imports are what the emission called, not what the text happens to contain', () => {
    const mapping = { input: { amount: 'optional' } } as Mapping;
    const { result, imports } = collectRuntime(() => [
      requestExpression({ from: 'amount.currency', transform: 'lowerCase' }, mapping),
      responseExpression({ from: 'body.created', transform: 'epochSecondsToIso' }, 'createdAt'),
      // A field whose name is a runtime function is text, not a call.
      responseExpression({ from: 'body.mapEnum' }, 'reference'),
    ]);
    expect(result[2]).toContain('"mapEnum"');
    expect(imports).toEqual([['../runtime/epoch.js', ['epochSecondsToIso']], ['../runtime/text.js', ['lowerCase']]]);
    expect(() => runtimeFunction('notARuntimeFunction')).toThrow(/no runtime module/);
  });
});
