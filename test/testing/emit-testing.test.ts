/**
 * generator/facade/emit-testing.ts: the recipes the fakes play are data, whatever the spec says.
 * Spec text is hostile: a property named `__proto__` stays an own property of the emitted data
 * (a JSON key `"__proto__":` in an object literal would set the prototype instead).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../generator/config.js';
import { checkMapping } from '../../generator/facade/check.js';
import { emitTestingSources } from '../../generator/facade/emit-testing.js';
import { loadMapping } from '../../generator/facade/mapping.js';
import { REPO } from '../helpers/project-copy.js';
import { mappedProviders } from './providers.js';

const project = loadProjectConfig(REPO);
const specOf = (id: string) => parse(readFileSync(join(REPO, `generated/${id}/openapi.yaml`), 'utf8')) as Record<string, any>;

/** The recipes emitted for one provider and spec, evaluated as the compiled module would be. */
function recipesFor(id: string, spec: Record<string, any>): { text: string; recipes: Record<string, any> } {
  const provider = project.providers.find((p) => p.id === id)!;
  const checked = checkMapping(loadMapping(project, provider), spec);
  const text = new Map(emitTestingSources([checked], new Map([[id, spec]]))).get('src/testing/recipes.ts')!;
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, any> };
  new Function('module', 'exports', js)(module, module.exports);
  return { text, recipes: module.exports.recipes };
}

describe('emitTestingSources', () => {
  it.each(mappedProviders.map((p) => p.id))('%s: the recipe emitted from the committed spec is the one generated/refunds holds', async (id) => {
    const { recipes } = recipesFor(id, specOf(id));
    const committed = (await import('../../generated/refunds/dist/testing/recipes.js')) as { recipes: Record<string, unknown> };
    expect(recipes[id]).toEqual(committed.recipes[id]);
    expect(recipes[id].payments.length).toBeGreaterThanOrEqual(2);
    expect(recipes[id].outcomes.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a spec property named __proto__ as an own property, in schemas and in reply templates', () => {
    const id = mappedProviders[0]!.id;
    const spec = specOf(id);
    const provider = mappedProviders[0]!;
    const mapping = loadMapping(project, provider).mapping;
    // Declared in the request schema, and present in the 2xx example the reply template starts from.
    const path = spec.paths[mapping.operation.path][mapping.operation.method];
    const requestSchema = path.requestBody.content['application/json'].schema;
    const target = requestSchema.$ref ? spec.components.schemas[requestSchema.$ref.split('/').pop()] : requestSchema;
    Object.defineProperty(target.properties, '__proto__', { value: { type: 'string', enum: ['`${x}`*/'] }, enumerable: true });
    const media = path.responses[String(mapping.responses[0]!.status)].content['application/json'];
    media.example = JSON.parse('{"__proto__": {"polluted": true}}');
    const { text, recipes } = recipesFor(id, spec);
    expect(text).toContain('["__proto__"]:');
    const properties = recipes[id].request.body.properties;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(properties.__proto__).toEqual({ type: 'string', enum: ['`${x}`*/'] });
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    const body = recipes[id].outcomes[0].body;
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
