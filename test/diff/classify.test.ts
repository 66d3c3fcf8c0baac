import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs, renderJson, renderMarkdown, renderText, type SpecDiff } from '../../generator/diff/index.js';
import { REPO, copyProject, paykit } from '../helpers/project-copy.js';

const push = parse(readFileSync(join(REPO, 'generated/push/openapi.yaml'), 'utf8')) as Record<string, any>;
const edit = (f: (d: any) => void) => { const d = structuredClone(push); f(d); return d; };
const body = (d: any) => d.paths['/refund'].post.requestBody.content['application/json'].schema;

describe('diffSpecs', () => {
  it('finds nothing between equal documents', () => {
    expect(diffSpecs('push', push, structuredClone(push))).toEqual({ provider: 'push', class: 'none', changes: [] });
  });

  it('reports a change in a shared component once, at the operation, with the definition as location', () => {
    const diff = diffSpecs('push', push, edit((d) => d.components.schemas.RefundStatus.enum.push('pending')));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({
      class: 'breaking', action: 'add', area: 'response', rule: 'paykit:response-enum-added', after: 'pending',
      pointer: '/paths/~1refund/post/responses/200/content/application~1json/schema/properties/status/enum/2',
      location: '/components/schemas/RefundStatus/enum/2',
      operation: { method: 'POST', path: '/refund' },
    });
  });

  it('a removed response enum value is non-breaking, a removed request enum value breaking', () => {
    expect(diffSpecs('push', push, edit((d) => d.components.schemas.RefundStatus.enum.pop())).class).toBe('non-breaking');
    const withEnum = edit((d) => { body(d).properties.reason = { type: 'string', enum: ['a', 'b'] }; });
    const narrowed = structuredClone(withEnum);
    body(narrowed).properties.reason.enum.pop();
    expect(diffSpecs('push', withEnum, narrowed).changes[0]).toMatchObject({ class: 'breaking', rule: 'paykit:request-enum-removed' });
  });

  it('leaves both documents as they were (api-smart-diff writes into what it compares)', () => {
    const vendor = parse(readFileSync(join(REPO, 'specs/vendor/push.yaml'), 'utf8')) as Record<string, any>;
    const after = structuredClone(vendor);
    delete after.paths['/refund'].post.responses['401'].content['application/json'].schema.required;
    const [beforeCopy, afterCopy] = [structuredClone(vendor), structuredClone(after)];
    expect(diffSpecs('push', vendor, after).class).toBe('breaking');
    expect(vendor).toEqual(beforeCopy);
    expect(after).toEqual(afterCopy);
  });

  it('an empty map coming or going is patch; a response header no longer required is breaking', () => {
    const withHeaders = edit((d) => { d.paths['/refund'].post.responses['200'].headers = {}; });
    expect(diffSpecs('push', withHeaders, push).changes.map((c) => [c.class, c.rule])).toEqual([['patch', 'paykit:empty']]);
    const header = (required: boolean) => edit((d) => { d.paths['/refund'].post.responses['200'].headers = { 'x-id': { required, schema: { type: 'string' } } }; });
    expect(diffSpecs('push', header(true), header(false)).changes.map((c) => [c.class, c.rule, c.sentence]))
      .toEqual([['breaking', 'paykit:response-header-optional', 'POST /refund response 200 header `x-id` may now be absent.']]);
    expect(diffSpecs('push', header(false), header(true)).changes[0]).toMatchObject({ class: 'non-breaking', rule: 'paykit:response-header-required' });
  });

  it('overrides api-smart-diff where a client sees it differently: a removed request field is breaking', () => {
    const diff = diffSpecs('push', push, edit((d) => { delete body(d).properties.amount; }));
    expect(diff.changes.map((c) => [c.class, c.rule])).toEqual([['breaking', 'paykit:request-field-removed']]);
  });

  it('a field named like an annotation keyword is a field, not documentation', () => {
    const diff = diffSpecs('push', push, edit((d) => { d.components.schemas.Refund.properties.description = { type: 'string' }; }));
    expect(diff.changes[0]).toMatchObject({ class: 'non-breaking', rule: 'paykit:response-field-added' });
  });

  it('an operation removed is breaking; added, non-breaking', () => {
    const added = edit((d) => { d.paths['/refund/{id}'] = { get: { operationId: 'getRefund', responses: { 200: { description: 'ok' } } } }; });
    expect(diffSpecs('push', push, added).changes.map((c) => [c.class, c.sentence])).toEqual([['non-breaking', 'GET /refund/{id} was added.']]);
    expect(diffSpecs('push', added, push).changes.map((c) => [c.class, c.sentence])).toEqual([['breaking', 'GET /refund/{id} was removed.']]);
  });

  it('a changed security requirement is breaking', () => {
    const diff = diffSpecs('push', push, edit((d) => { d.security = [{ other: [] }]; d.components.securitySchemes.other = { type: 'http', scheme: 'basic' }; }));
    expect(diff.class).toBe('breaking');
    expect(diff.changes.every((c) => c.area === 'auth')).toBe(true);
  });

  it('orders changes breaking first, then by pointer', () => {
    const diff = diffSpecs('push', push, edit((d) => {
      d.components.schemas.Refund.description = 'x';
      body(d).properties.note = { type: 'string' };
      delete body(d).properties.amount;
    }));
    expect(diff.changes.map((c) => c.class)).toEqual(['breaking', 'non-breaking', 'patch']);
  });
});

describe('renderers', () => {
  const diff: SpecDiff = diffSpecs('push', push, edit((d) => { body(d).properties.note = { type: 'string', description: 'a | b' }; }));
  it('text: one header per provider, class, pointer and sentence per change', () => {
    const text = renderText([diff, { provider: 'xpay', class: 'none', changes: [] }]);
    expect(text).toBe([
      'push: 1 change, non-breaking',
      '  non-breaking /paths/~1refund/post/requestBody/content/application~1json/schema/properties/note',
      '               POST /refund request body field `note` was added (optional).',
      'xpay: no changes', '',
    ].join('\n'));
  });
  it('text: the bump, where the class comes from, each finding by source, and the facade', () => {
    const broken: SpecDiff = {
      ...diff, bump: 'minor', vendorClass: 'non-breaking', normalization: 'broken',
      findings: [{ source: 'specs/overlays/push.yaml#/actions/2', message: 'target "$.x" matches nothing in the spec', fix: 'update the target or drop the action' },
        { source: 'lint:no-unused-components', pointer: '/components/schemas/Currency', message: 'lint rule no-unused-components fails', fix: 'fix it in specs/overlays/push.yaml' }],
      facade: { ok: false, message: 'the push package no longer generates' },
    };
    expect(renderText([broken])).toBe([
      'push: 1 change, non-breaking (minor); normalization no longer applies',
      '  class from the vendor document (non-breaking); the normalized spec cannot be built',
      '  non-breaking /paths/~1refund/post/requestBody/content/application~1json/schema/properties/note',
      '               POST /refund request body field `note` was added (optional).',
      '  finding: specs/overlays/push.yaml#/actions/2: target "$.x" matches nothing in the spec; update the target or drop the action',
      '  finding: lint:no-unused-components (at #/components/schemas/Currency): lint rule no-unused-components fails; fix it in specs/overlays/push.yaml',
      '  facade: breaks: the push package no longer generates', '',
    ].join('\n'));
    expect(renderMarkdown([{ diff: broken }])).toContain('- `specs/overlays/push.yaml#/actions/2`: target "$.x" matches nothing in the spec; update the target or drop the action');
  });
  it('text: a vendor guard finding while normalization applies says generation refuses; its message already says where', () => {
    const guarded: SpecDiff = {
      ...diff, bump: 'minor', vendorClass: 'non-breaking', normalizedClass: 'non-breaking', normalization: 'applies',
      findings: [{ source: 'specs/providers.yaml#/providers/push/auth/kind', kind: 'auth', pointer: '/security', message: 'says bearer, but POST /refund in generated/push/openapi.yaml#/security requires http/basic', fix: 'set auth' }],
      facade: { ok: false, message: 'the push package no longer generates' },
    };
    const text = renderText([guarded]);
    expect(text.split('\n')[0]).toBe('push: 1 change, non-breaking (minor); generation refuses: 1 finding');
    expect(text).toContain('  finding: specs/providers.yaml#/providers/push/auth/kind: says bearer, but POST /refund in generated/push/openapi.yaml#/security requires http/basic; set auth\n');
    expect(renderMarkdown([{ diff: guarded }])).toContain('**Generation refuses.** Fix these first:');
  });
  it('json round-trips', () => {
    expect(JSON.parse(renderJson([diff]))).toEqual({ providers: [JSON.parse(JSON.stringify(diff))] });
  });
  it('markdown: a table and a section per changed provider', () => {
    const md = renderMarkdown([{ diff, fromVersion: '0.1.0', toVersion: '0.2.0' }, { diff: { provider: 'xpay', class: 'none', changes: [] } }]);
    expect(md).toContain('| push | non-breaking | 0.1.0 → 0.2.0 |');
    expect(md).toContain('### push');
    expect(md).not.toContain('xpay');
    expect(renderMarkdown([])).toContain('No vendor spec changed.');
  });
});

describe('paykit diff', () => {
  const dir = copyProject({ generated: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in the repository, against HEAD, finds no change in the committed specs', () => {
    const run = paykit(REPO, 'diff', 'push', 'xpay');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('push: no changes\n  facade: the mapping still holds\nxpay: no changes\n  facade: the mapping still holds\n');
  });

  it('--against <file> --json classifies a vendor change for machines; --fail-on sets the exit code', () => {
    const spec = join(dir, 'specs/vendor/push.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('        - declined\n      x-enumDescriptions:', '        - declined\n        - pending\n      x-enumDescriptions:'));
    const run = paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { providers: SpecDiff[] };
    expect(out.providers[0]).toMatchObject({ provider: 'push', class: 'breaking' });
    expect(out.providers[0]!.changes[0]).toMatchObject({ class: 'breaking', location: '/components/schemas/RefundStatus/enum/2' });
    expect(paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml', '--fail-on', 'breaking').status).toBe(1);
    expect(paykit(dir, 'diff', 'xpay', '--against', 'generated/xpay/openapi.yaml', '--fail-on', 'patch').status).toBe(0);
    const md = paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml', '--markdown');
    expect(md.stdout).toMatch(/^## Vendor spec changes\n/);
  });

  it('without a previous vendor document (--against <file>, no git), a broken normalization is still classified, from the forgiving run', () => {
    const copy = copyProject({ generated: true });
    try {
      const spec = join(copy, 'specs/vendor/xpay.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('\n  /payments/merchant/refund:\n', '\n  /payments/merchant/refunds:\n'));
      const run = paykit(copy, 'diff', 'xpay', '--against', 'generated/xpay/openapi.yaml', '--json');
      expect(run.status).toBe(0);
      const out = (JSON.parse(run.stdout) as { providers: SpecDiff[] }).providers[0]!;
      expect(out).toMatchObject({ class: 'breaking', bump: 'major', normalization: 'broken', facade: { ok: false } });
      expect(out.vendorClass).toBeUndefined();
      expect(out.findings!.map((f) => f.source)).toEqual(['specs/overlays/xpay.yaml#/actions/0', 'specs/overlays/xpay.yaml#/actions/2', 'lint:operation-summary']);
      const generate = paykit(copy, 'generate');
      expect(generate.status).toBe(2);
      expect(generate.stdout).toContain('xpay: the spec change is breaking (major); normalization no longer applies: 3 findings, see `paykit diff xpay`');
      expect(generate.stderr).toMatch(/^paykit: specs\/overlays\/xpay\.yaml#\/actions\/0: target .* matches nothing in the spec; .*\(then 2 more: `paykit diff xpay`\)\n$/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a ref git does not know is one line on stderr and exit 2', () => {
    const run = paykit(REPO, 'diff', 'push', '--against', 'no-such-ref-xyz');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^paykit: generated\/push\/openapi\.yaml: cannot be read at no-such-ref-xyz: .*; pass a commit/);
  });

  it('a file with several providers is refused', () => {
    const run = paykit(dir, 'diff', '--against', 'generated/push/openapi.yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('a spec file can be compared with one provider only');
  });
});
