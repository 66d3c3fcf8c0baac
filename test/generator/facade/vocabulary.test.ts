/**
 * One mapping vocabulary: the transform names generator/schemas/mappings.schema.json accepts are written
 * from the registry (generator/facade/vocabulary.ts) by `npm run schemas`, and every runtime function the
 * registry names is exported by the runtime module it names, so a transform added in one place and not
 * the other fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectRuntime, requestExpression, responseExpression, runtimeFunction } from '../../../generator/facade/expressions.js';
import type { Mapping } from '../../../generator/facade/mapping.js';
import { REQUEST_TRANSFORMS, RESPONSE_TRANSFORMS } from '../../../generator/facade/vocabulary.js';
import { MAPPINGS_SCHEMA, schemaFromRegistry } from '../../../generator/facade/vocabulary-schema.js';
import { REPO } from '../../helpers/project-copy.js';

const schemaText = readFileSync(join(REPO, MAPPINGS_SCHEMA), 'utf8');
const schema = JSON.parse(schemaText) as { definitions: Record<string, any> };
const transformEnum = (definition: string, from = schema) => (from.definitions[definition].oneOf as any[]).find((b) => b.properties?.transform).properties.transform.enum as string[];

describe('the mapping vocabulary', () => {
  it('the committed schema is what `npm run schemas` writes from the registry', () => {
    expect(schemaText === schemaFromRegistry(schemaText), `${MAPPINGS_SCHEMA} differs from generator/facade/vocabulary.ts: run \`npm run schemas\` and commit the schema`).toBe(true);
    expect(transformEnum('requestValue')).toEqual(Object.keys(REQUEST_TRANSFORMS));
    expect(transformEnum('responseValue')).toEqual(Object.keys(RESPONSE_TRANSFORMS));
  });

  it('a schema that drifted from the registry is rewritten from the registry, not the other way', () => {
    const drifted = JSON.parse(schemaText);
    transformEnum('requestValue', drifted).splice(0, 1);
    transformEnum('responseValue', drifted).push('notATransform');
    const rewritten = schemaFromRegistry(JSON.stringify(drifted));
    expect(rewritten).toBe(schemaText);
    expect(() => schemaFromRegistry(JSON.stringify({ definitions: { requestValue: { oneOf: [] } } }))).toThrow(/requestValue has no object form with a transform/);
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
