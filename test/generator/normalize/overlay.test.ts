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
