/** The mapping check: every mapping names only what the provider's normalized spec has. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadProjectConfig } from '../../../generator/config.js';
import { checkMapping } from '../../../generator/facade/check.js';
import { loadMapping } from '../../../generator/facade/mapping.js';
import { copyProject, paykit, REPO } from '../../helpers/project-copy.js';

const project = loadProjectConfig(REPO);
const spec = (id: string) => parse(readFileSync(join(REPO, `generated/${id}/openapi.yaml`), 'utf8')) as Record<string, unknown>;
const provider = (id: string) => project.providers.find((p) => p.id === id)!;

/** Checks a mutated copy of a committed mapping against the committed normalized spec. */
function checkMutated(id: string, mutate: (mapping: Record<string, any>) => void, specMutate?: (s: Record<string, any>) => void): void {
  const loaded = loadMapping(project, provider(id));
  const mapping = structuredClone(loaded.mapping) as unknown as Record<string, any>;
  mutate(mapping);
  const document = spec(id);
  specMutate?.(document);
  checkMapping({ ...loaded, mapping: mapping as never }, document);
}

describe('checkMapping', () => {
  it.each(project.providers.map((p) => p.id))('the committed %s mapping passes', (id) => {
    const checked = checkMapping(loadMapping(project, provider(id)), spec(id));
    expect(checked.responseKeys.size).toBeGreaterThan(0);
  });

  it.each<[string, string, (m: Record<string, any>) => void, RegExp]>([
    ['a response field the spec lacks', 'push', (m) => { m.responses[0].refund.id = { from: 'body.idd' }; },
      /^specs\/mappings\/push\.yaml#\/responses\/0\/refund\/id\/from: names body\.idd, but generated\/push\/openapi\.yaml has no #\/components\/schemas\/Refund\/properties\/idd; /],
    ['a request field the spec lacks', 'xpay', (m) => { m.request.body.refundReference = { from: 'reference' }; },
      /#\/request\/body\/refundReference: names the request field refundReference, but generated\/xpay\/openapi\.yaml has no #\/components\/schemas\/refund\/properties\/refundReference/],
    ['a required request field left out', 'onekeypayments', (m) => { delete m.request.body.invoice_id; },
      /#\/request\/body: does not set invoice_id, which #\/components\/schemas\/RefundRequest\/required requires/],
    ['a status the spec does not declare', 'xpay', (m) => { m.errors.push({ status: 418, code: 'invalid_request' }); },
      /#\/errors\/5\/status: maps HTTP 418, but generated\/xpay\/openapi\.yaml has no #\/paths\/~1payments~1merchant~1refund\/post\/responses\/418/],
    ['a header the operation lacks', 'push', (m) => { m.request.headers = { 'Idempotency-Key': { from: 'idempotencyKey' } }; },
      /#\/request\/headers\/Idempotency-Key: sends the header Idempotency-Key/],
    ['a response header the spec lacks', 'payop', (m) => { m.responses[0].refund.id = { from: 'header.refund-id' }; },
      /names the response header refund-id/],
    ['an enum value outside the spec', 'wooshpay', (m) => { m.request.body.reason.map.other = 'other'; },
      /#\/request\/body\/reason\/map\/other: maps to "other", which is not in the enum/],
    ['a status map that misses a spec value', 'push', (m) => { delete m.responses[0].refund.status.map.declined; },
      /#\/responses\/0\/refund\/status\/map: does not map "declined" from the enum at #\/components\/schemas\/RefundStatus\/enum/],
    ['a transform that produces the wrong type', 'wooshpay', (m) => { m.request.body.amount.transform = 'minorToInteger'; },
      /#\/request\/body\/amount\/transform: minorToInteger produces an integer, but the spec types amount as string/],
    ['an operation that does not exist', 'payop', (m) => { m.operation.path = '/v1/refund'; },
      /#\/operation: names POST \/v1\/refund, but generated\/payop\/openapi\.yaml has no #\/paths\/~1v1~1refund\/post/],
  ])('refuses %s with one line naming the mapping entry and the spec pointer', (_name, id, mutate, message) => {
    let error: Error | undefined;
    try { checkMutated(id, mutate); } catch (e) { error = e as Error; }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it.each<[string, string, (m: Record<string, any>) => void, (s: Record<string, any>) => void, string]>([
    ['a refund id the spec makes optional', 'push', () => {}, (s) => { s.components.schemas.Refund.required = s.components.schemas.Refund.required.filter((r: string) => r !== 'id'); },
      "specs/mappings/push.yaml#/responses/0/refund/id/from: reads body.id, but the refund's id is required and generated/push/openapi.yaml does not promise it: #/components/schemas/Refund/required lacks id; add a fallback (an input, a header or a const) to specs/mappings/push.yaml, or mark it required in specs/overlays/push.yaml if the vendor documents it as always present"],
    ['a paymentId read from an optional body field', 'push', () => {}, (s) => { s.components.schemas.Refund.required = s.components.schemas.Refund.required.filter((r: string) => r !== 'intent_id'); },
      "specs/mappings/push.yaml#/responses/0/refund/paymentId/from: reads body.intent_id, but the refund's paymentId is required and generated/push/openapi.yaml does not promise it: #/components/schemas/Refund/required lacks intent_id;"],
    ['a status nested under an optional object (no fallback)', 'onekeypayments', (m) => { delete m.responses[0].refund.status.fallback; }, () => {},
      "specs/mappings/onekeypayments.yaml#/responses/0/refund/status/from: reads body.refund_info.result, but the refund's status is required and generated/onekeypayments/openapi.yaml does not promise it: #/components/schemas/RefundSuccessResponse/required lacks refund_info;"],
    ['an id from a response header not declared required', 'payop', () => {}, (s) => { s.paths['/v1/refunds/create'].post.responses['200'].headers.identifier.required = false; },
      "specs/mappings/payop.yaml#/responses/0/refund/id/from: reads header.identifier, but the refund's id is required and generated/payop/openapi.yaml does not promise it: #/paths/~1v1~1refunds~1create/post/responses/200/headers/identifier lacks required: true;"],
    ['an id whose schema lists it required in no allOf member', 'push', () => {}, (s) => {
      const refund = s.components.schemas.Refund;
      s.components.schemas.Refund = { allOf: [{ type: 'object', properties: refund.properties, required: ['intent_id', 'status'] }, { type: 'object', required: ['amount'] }] };
    }, "specs/mappings/push.yaml#/responses/0/refund/id/from: reads body.id, but the refund's id is required and generated/push/openapi.yaml does not promise it: #/components/schemas/Refund/required lacks id;"],
  ])('refuses %s', (_name, id, mutate, specMutate, message) => {
    let error: Error | undefined;
    try { checkMutated(id, mutate, specMutate); } catch (e) { error = e as Error; }
    expect(error?.message.startsWith(message)).toBe(true);
    expect(error?.message).not.toContain('\n');
  });

  it.each<[string, string, (m: Record<string, any>) => void, (s: Record<string, any>) => void]>([
    ['a required field listed in an allOf member', 'push', () => {}, (s) => {
      const refund = s.components.schemas.Refund;
      s.components.schemas.Refund = { allOf: [{ type: 'object', properties: refund.properties }, { type: 'object', required: refund.required }] };
    }],
    ['an optional id with a header fallback', 'push', (m) => { m.responses[0].refund.id = { from: 'body.id', fallback: 'header.x-refund-id' }; }, (s) => {
      s.components.schemas.Refund.required = ['intent_id', 'status'];
      s.paths['/refund'].post.responses['200'].headers = { 'x-refund-id': { schema: { type: 'string' } } };
    }],
    ['an optional paymentId with the input as fallback', 'push', (m) => { m.responses[0].refund.paymentId = { from: 'body.intent_id', fallback: 'input.paymentId' }; }, (s) => {
      s.components.schemas.Refund.required = ['id', 'status'];
    }],
    ['an optional status with a constant fallback', 'push', (m) => { m.responses[0].refund.status.fallback = { const: 'pending' }; }, (s) => {
      s.components.schemas.Refund.required = ['id', 'intent_id'];
    }],
  ])('accepts %s', (_name, id, mutate, specMutate) => {
    expect(() => checkMutated(id, mutate, specMutate)).not.toThrow();
  });

  it('refuses a fallback path the response lacks', () => {
    expect(() => checkMutated('push', (m) => { m.responses[0].refund.id = { from: 'body.id', fallback: 'header.x-refund-id' }; }))
      .toThrow(/#\/responses\/0\/refund\/id\/fallback: names the response header x-refund-id/);
  });

  it('fails when the vendor adds a status value the mapping does not cover', () => {
    expect(() => checkMutated('push', () => {}, (s) => { s.components.schemas.RefundStatus.enum.push('pending'); }))
      .toThrow(/does not map "pending" from the enum/);
  });
});

describe('paykit generate with a broken mapping', () => {
  it('exits 2 with one line and writes nothing', () => {
    const dir = copyProject({ generated: true });
    const file = join(dir, 'specs/mappings/push.yaml');
    const mapping = parse(readFileSync(file, 'utf8'));
    mapping.responses[0].refund.id = 'body.idd';
    writeFileSync(file, stringify(mapping));
    const run = paykit(dir, 'generate');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('paykit: specs/mappings/push.yaml#/responses/0/refund/id/from: names body.idd, but generated/push/openapi.yaml has no #/components/schemas/Refund/properties/idd; fix specs/mappings/push.yaml, or declare it in specs/overlays/push.yaml if the provider really has it\n');
  });
});

describe('an idempotency-key pattern the shim cannot compile', () => {
  // The shim compiles the spec's pattern when it loads, so the check refuses one that does not compile.
  const keyed = project.providers.filter((p) => p.mapping !== undefined)
    .find((p) => loadMapping(project, p).mapping.idempotency.header !== undefined);

  it('is refused with the mapping entry, the spec pointer and what to do, on one line', () => {
    expect(keyed, 'a provider whose mapping names an idempotency header').toBeDefined();
    const header = loadMapping(project, keyed!).mapping.idempotency.header!.toLowerCase();
    /** Every header parameter object of that name in the spec, wherever it is declared. */
    const parameters = (node: unknown): Record<string, any>[] => {
      if (node === null || typeof node !== 'object') return [];
      const record = node as Record<string, any>;
      const own = record.in === 'header' && typeof record.name === 'string' && record.name.toLowerCase() === header ? [record] : [];
      return [...own, ...Object.values(record).flatMap(parameters)];
    };
    let error: Error | undefined;
    try {
      checkMutated(keyed!.id, () => {}, (s) => {
        const found = parameters(s);
        expect(found.length).toBeGreaterThan(0);
        for (const parameter of found) parameter.schema = { ...parameter.schema, type: 'string', pattern: '([a-z' };
      });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(new RegExp(`^${keyed!.mapping!.replace(/[.]/g, '\\.')}#/idempotency/header: names the header .*, whose pattern in generated/${keyed!.id}/openapi\\.yaml \\(#/.*/schema/pattern\\) is not a valid JavaScript regular expression; replace the pattern with an overlay`));
    expect(error?.message).not.toContain('\n');
  });
});

describe('paykit diff: the facade view', () => {
  it('names the mapping entry a vendor change breaks, with the message generation gives', () => {
    const dir = copyProject({ generated: true });
    const vendor = join(dir, 'specs/vendor/push.yaml');
    writeFileSync(vendor, readFileSync(vendor, 'utf8').replace('        - declined\n', '        - declined\n        - pending\n'));
    const run = paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('facade: breaks: specs/mappings/push.yaml#/responses/0/refund/status/map: does not map "pending"');
    const json = JSON.parse(paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml', '--json').stdout);
    expect(json.providers[0].facade).toMatchObject({ ok: false });
  });

  it('says the facade breaks when the vendor makes the refund id optional', () => {
    const dir = copyProject({ generated: true });
    const vendor = join(dir, 'specs/vendor/push.yaml');
    const text = readFileSync(vendor, 'utf8');
    const required = '      required:\n        - id\n        - intent_id\n';
    expect(text.split(required).length).toBe(2);
    writeFileSync(vendor, text.replace(required, '      required:\n        - intent_id\n'));
    const run = paykit(dir, 'diff', 'push', '--against', 'generated/push/openapi.yaml');
    expect(run.stdout).toContain('field `id` may now be absent');
    expect(run.stdout).toContain("facade: breaks: specs/mappings/push.yaml#/responses/0/refund/id/from: reads body.id, but the refund's id is required");
  });
});

describe('a pass-through field whose spec pattern the runtime cannot compile', () => {
  // The runtime compiles a pass-through field's pattern with the `u` flag (limits.ts) when it first checks a
  // value; `[\w-.]` is fine without it and a SyntaxError with it, so it would have thrown from refunds.create.
  const PATTERN = '^[\\w-.]+$';
  const withLimits = project.providers.filter((p) => p.mapping !== undefined)
    .filter((p) => Object.keys(checkMapping(loadMapping(project, p), spec(p.id)).passThroughConstraints).length > 0).map((p) => p.id);
  /** Every string schema in the spec gets the pattern (headers and responses too: only pass-through fields compile it with `u`). */
  const patternEverywhere = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, any>;
    if (record.type === 'string' && record.$ref === undefined) record.pattern = PATTERN;
    for (const value of Object.values(record)) patternEverywhere(value);
  };

  it('exists for at least one committed provider (else this suite proves nothing)', () => {
    expect(withLimits.length).toBeGreaterThan(0);
  });

  it.each(withLimits)('%s: refused with the mapping, the spec pointer and what to do, on one line', (id) => {
    expect(() => checkMutated(id, () => {}, patternEverywhere))
      .toThrow(/#\/request: passes \S+ through to a field whose pattern in generated\/\S+\/openapi\.yaml \(#\/\S+\/pattern\) is not a valid JavaScript regular expression \(with the u flag\); replace the pattern with an overlay/);
  });
});
