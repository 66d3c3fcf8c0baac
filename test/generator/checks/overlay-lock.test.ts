/** The overlay lock: what each action removes or overwrites is recorded, and a vendor edit there is a finding. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ProjectConfig, ProviderConfig } from '../../../generator/config.js';
import { buildLock, lockPath, overlayDriftFindings, renderLock } from '../../../generator/normalize/overlay-lock.js';
import { replayOverlay } from '../../../generator/normalize/overlay-replay.js';

const roots: string[] = [];
afterAll(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });

const provider: ProviderConfig = { id: 'acme', title: 'Acme', spec: 'specs/acme.yaml', overlay: 'specs/overlays/acme.yaml', rules: [], auth: { kind: 'none' } };

const vendor = () => ({
  openapi: '3.0.1',
  info: { title: '', version: '1' },
  paths: {
    '/refunds': {
      post: {
        responses: {
          '200': { description: '', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } },
        },
      },
    },
  },
  components: { schemas: { Refund: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } } } },
});

const overlay = {
  overlay: '1.0.0', info: { title: 'acme fixes', version: '1' },
  actions: [
    { target: '$.info', update: { title: 'Acme' } },
    { target: "$.paths['/refunds'].post.responses['200'].content['application/json'].schema", remove: true },
    { target: "$.paths['/refunds'].post.responses['200'].content['application/json']", update: { schema: { $ref: '#/components/schemas/Refund' } } },
    { target: '$.components.schemas.Refund.properties.status', update: { enum: ['pending', 'succeeded'] } },
  ],
};

/** A project folder holding the overlay and, when `locked`, the lock written from `lockedVendor`. */
function project(lockedVendor: Record<string, unknown> | undefined): ProjectConfig {
  const root = mkdtempSync(join(tmpdir(), 'paykit-lock-'));
  roots.push(root);
  mkdirSync(join(root, 'specs/overlays'), { recursive: true });
  writeFileSync(join(root, provider.overlay!), stringify(overlay));
  if (lockedVendor !== undefined) {
    const lock = buildLock(provider, replayOverlay(lockedVendor, provider, overlay).observations);
    writeFileSync(join(root, lockPath(provider.overlay!)), renderLock(lock, provider.id));
  }
  return { root, configFile: 'specs/providers.yaml', providers: [provider] };
}

describe('replayOverlay', () => {
  it('records what each action removes and overwrites, and nothing for additions', () => {
    const { observations } = replayOverlay(vendor(), provider, overlay);
    expect(observations.map((o) => [o.index, o.matched, o.removes.map((r) => r.pointer), o.overwrites.map((r) => r.pointer)])).toEqual([
      [0, 1, [], ['/info/title']],
      [1, 1, ['/paths/~1refunds/post/responses/200/content/application~1json/schema'], []],
      [2, 1, [], []], // the schema it sets was removed by action 1: nothing of the vendor's is overwritten
      [3, 1, [], []],
    ]);
    expect(observations[1]!.removes[0]!.value).toEqual(vendor().paths['/refunds'].post.responses['200'].content['application/json'].schema);
  });
});

describe('overlayDriftFindings', () => {
  it('finds nothing when the vendor spec is what was locked', () => {
    expect(overlayDriftFindings(project(vendor()), provider, vendor())).toEqual([]);
  });

  it('names the action and the pointer when the vendor edits content an action removes', () => {
    const changed = vendor();
    (changed.paths['/refunds'].post.responses['200'].content['application/json'].schema.properties as Record<string, unknown>).failure_reason = { type: 'string' };
    const findings = overlayDriftFindings(project(vendor()), provider, changed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'overlay-drift',
      source: 'specs/overlays/acme.yaml#/actions/1',
      pointer: '/paths/~1refunds/post/responses/200/content/application~1json/schema/properties/failure_reason',
    });
    expect(findings[0]!.message).toContain('was added ({"type":"string"})');
    expect(findings[0]!.fix).toContain('npx paykit overlay lock --provider acme');
  });

  it('names the overwritten value the vendor changed', () => {
    const changed = vendor();
    changed.info.title = 'Acme Payments API';
    const [finding] = overlayDriftFindings(project(vendor()), provider, changed);
    expect(finding).toMatchObject({ kind: 'overlay-drift', source: 'specs/overlays/acme.yaml#/actions/0', pointer: '/info/title' });
    expect(finding!.message).toContain('changed from "" to "Acme Payments API"');
  });

  it('ignores a vendor change outside every action target', () => {
    const changed = vendor();
    (changed.components.schemas.Refund.properties as Record<string, unknown>).created = { type: 'integer' };
    (changed.paths['/refunds'].post.responses['200'] as Record<string, unknown>).description = 'the refund';
    // The 200 description is not overwritten by any action: a vendor edit there is the vendor's own business.
    expect(overlayDriftFindings(project(vendor()), provider, changed)).toEqual([]);
  });

  it('reports an update that now overwrites a value the vendor added', () => {
    const changed = vendor();
    (changed.components.schemas.Refund.properties.status as Record<string, unknown>).enum = 'oops';
    const [finding] = overlayDriftFindings(project(vendor()), provider, changed);
    expect(finding).toMatchObject({ kind: 'overlay-drift', source: 'specs/overlays/acme.yaml#/actions/3', pointer: '/components/schemas/Refund/properties/status/enum' });
    expect(finding!.message).toContain('is not in the lock');
  });

  it('reports an update that duplicates enum values the vendor now declares', () => {
    const changed = vendor();
    (changed.components.schemas.Refund.properties.status as Record<string, unknown>).enum = ['pending', 'succeeded', 'failed'];
    const findings = overlayDriftFindings(project(vendor()), provider, changed);
    expect(findings).toEqual([expect.objectContaining({
      kind: 'overlay-duplicate', source: 'specs/overlays/acme.yaml#/actions/3', pointer: '/components/schemas/Refund/properties/status/enum',
    })]);
    expect(findings[0]!.message).toBe('appends "pending", "succeeded" to /components/schemas/Refund/properties/status/enum, which the vendor spec already lists');
  });

  it('reports a target that matches nothing, and goes on with the other actions', () => {
    const renamed = vendor();
    const paths = renamed.paths as Record<string, unknown>;
    paths['/v2/refunds'] = paths['/refunds'];
    delete paths['/refunds'];
    renamed.info.title = 'changed too';
    const findings = overlayDriftFindings(project(vendor()), provider, renamed);
    expect(findings.map((f) => [f.kind, f.source])).toEqual([
      ['overlay-drift', 'specs/overlays/acme.yaml#/actions/0'],
      ['overlay-target', 'specs/overlays/acme.yaml#/actions/1'],
      ['overlay-target', 'specs/overlays/acme.yaml#/actions/2'],
    ]);
  });

  it('without a lock, every action that removes or overwrites vendor content is a finding', () => {
    const findings = overlayDriftFindings(project(undefined), provider, vendor());
    expect(findings.map((f) => f.source)).toEqual(['specs/overlays/acme.yaml#/actions/0', 'specs/overlays/acme.yaml#/actions/1']);
  });

  it('renders a deterministic lock that says how to rewrite it', () => {
    const lock = buildLock(provider, replayOverlay(vendor(), provider, overlay).observations);
    const text = renderLock(lock, provider.id);
    expect(text).toBe(renderLock(buildLock(provider, replayOverlay(vendor(), provider, overlay).observations), provider.id));
    expect(text.split('\n')[0]).toBe('# Written by `npx paykit overlay lock --provider acme`; do not edit by hand.');
    expect(lock.actions.map((a) => a.action)).toEqual([0, 1]);
    expect(lockPath('specs/overlays/acme.json')).toBe('specs/overlays/acme.lock.yaml');
  });
});
