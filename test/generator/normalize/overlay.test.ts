import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../../generator/normalize/overlay.js';

const overlay = (actions: unknown[]) => ({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions });

describe('applyOverlay', () => {
  it('merges updates into every match, appending to arrays', () => {
    const doc = { paths: { '/a': { post: { tags: ['x'] } }, '/b': { post: { tags: [] } } } };
    applyOverlay(doc, overlay([
      { target: '$.paths.*.post', update: { operationId: 'op', tags: ['y'] } },
    ]), 'o.yaml');
    expect(doc.paths['/a'].post).toEqual({ tags: ['x', 'y'], operationId: 'op' });
    expect(doc.paths['/b'].post).toEqual({ tags: ['y'], operationId: 'op' });
  });

  it('removes matches selected by a filter, from the end so indexes stay right', () => {
    const doc = { p: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }] };
    applyOverlay(doc, overlay([{ target: "$.p[?(@.name == 'A' || @.name == 'C')]", remove: true }]), 'o.yaml');
    expect(doc.p).toEqual([{ name: 'B' }, { name: 'D' }]);
  });

  it('updates the root with target $', () => {
    const doc: Record<string, unknown> = { a: 1 };
    applyOverlay(doc, overlay([{ target: '$', update: { b: { c: 2 } } }]), 'o.yaml');
    expect(doc).toEqual({ a: 1, b: { c: 2 } });
  });

  it.each([
    ['a target that matches nothing', overlay([{ target: '$.nope', remove: true }]), /^o\.yaml#\/actions\/0\/target: target "\$\.nope" matches nothing in the spec; the vendor spec has probably changed/],
    ['a document that is not an overlay', { actions: [] }, /^o\.yaml#\/overlay: is not an OpenAPI Overlay 1\.0 document/],
    ['an action with neither update nor remove', overlay([{ target: '$' }]), /^o\.yaml#\/actions\/0: has neither update nor remove/],
    ['an update that sets __proto__', overlay([{ target: '$', update: JSON.parse('{"__proto__": {"polluted": true}}') }]), /sets the key "__proto__"/],
  ])('refuses %s', (_name, given, message) => {
    expect(() => applyOverlay({ a: 1 }, given, 'o.yaml')).toThrow(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('applyOverlay: references and blame', () => {
  const spec = () => ({
    openapi: '3.1.0', paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Ok' } } } } },
    components: { responses: { Ok: { description: 'ok' } }, schemas: { A: { type: 'object' } } },
  });
  const openApi = (doc: Record<string, unknown>) => (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.') ? undefined : { pointer: '/openapi', problem: 'is not 3.x' });

  it.each([
    ['a URL', 'https://evil.test/x.yaml#/A', /names a URL; paykit never fetches/],
    ['a protocol-relative URL', '//evil.test/x.yaml', /names a URL/],
    ['a file next to the spec', 'other.yaml#/A', /names a file; a reference an overlay adds may only point inside the document/],
    ['a parent folder', '../../etc/passwd', /names a file/],
    ['an absolute path', '/etc/passwd', /names a file/],
  ])('refuses an update bringing a $ref to %s, before applying anything', (_name, ref) => {
    const doc = spec();
    const given = overlay([
      { target: '$.components.schemas.A', update: { description: 'first action' } },
      { target: '$.components.schemas', update: { B: { properties: { x: { $ref: ref } } } } },
    ]);
    expect(() => applyOverlay(doc, given, 'o.yaml')).toThrow(new RegExp(`^o\\.yaml#/actions/1/update/B/properties/x/\\$ref: \\$ref "${ref.replace(/[.*?/]/g, '\\$&')}"`));
    expect(doc).toEqual(spec());
  });

  it('accepts a $ref to a component another action adds later', () => {
    const doc = spec();
    applyOverlay(doc, overlay([
      { target: '$.components.schemas.A', update: { properties: { b: { $ref: '#/components/schemas/B' } } } },
      { target: '$.components.schemas', update: { B: { type: 'string' } } },
    ]), 'o.yaml');
    expect(doc.components.schemas).toEqual({ A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' } });
  });

  it('blames the action that removed what a vendor $ref points at', () => {
    expect(() => applyOverlay(spec(), overlay([
      { target: '$.components.schemas.A', update: { description: 'harmless' } },
      { target: '$.components.responses.Ok', remove: true },
      { target: '$.components.schemas.A', update: { title: 'harmless too' } },
    ]), 'o.yaml')).toThrow(/^o\.yaml#\/actions\/1: after this action \$ref "#\/components\/responses\/Ok" points at nothing \(at \/paths\/~1a\/get\/responses\/200\/\$ref\)/);
  });

  it('blames the action that adds a reference loop', () => {
    expect(() => applyOverlay(spec(), overlay([
      { target: '$.components.schemas', update: { L: { $ref: '#/components/schemas/M' }, M: { $ref: '#/components/schemas/L' } } },
    ]), 'o.yaml')).toThrow(/^o\.yaml#\/actions\/0: after this action \$ref "#\/components\/schemas\/M" refers only to itself/);
  });

  it('runs the document check after every action and blames the first that fails it', () => {
    expect(() => applyOverlay(spec(), overlay([
      { target: '$.components.schemas.A', update: { description: 'harmless' } },
      { target: '$', update: { openapi: '4.0.0' } },
    ]), 'o.yaml', openApi)).toThrow(/^o\.yaml#\/actions\/1: after this action the spec's \/openapi is not 3\.x; change the action/);
  });
});
