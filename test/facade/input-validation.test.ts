/**
 * "Input the provider would reject is rejected before any request, as invalid_request with a message
 * that names the field" (DESIGN.md), for every provider in specs/providers.yaml. Constraints come from
 * the normalized spec (the request body schema its fake validates against) and the mapping (which
 * providerOption fills which body field); each case asserts that nothing was sent.
 */
import { describe, expect, it } from 'vitest';
import { capabilities } from '@paykit/refunds';
import { caseOf, clientFor, credentialFields, mainPayment, providerIds, recipes, refundError, useFake } from './harness.js';

type Schema = { type?: string; maxLength?: number; format?: string; properties?: Record<string, Schema> };

/** providerOptions that the mapping copies into a string body field the spec limits: [option, maxLength?, format?]. */
function limitedOptions(provider: (typeof providerIds)[number]): [string, Schema][] {
  const body = caseOf(provider).mapping.request.body ?? {};
  const properties = (recipes[provider].request.body as Schema | undefined)?.properties ?? {};
  return Object.entries(body).flatMap(([field, rule]) => {
    const from = typeof rule === 'string' ? rule : (rule as { from?: string }).from;
    const schema = properties[field];
    if (!from?.startsWith('providerOptions.') || schema?.type !== 'string') return [];
    if (schema.maxLength === undefined && schema.format !== 'uri') return [];
    return [[from.slice('providerOptions.'.length), schema] as [string, Schema]];
  });
}

describe.each(providerIds.filter((id) => limitedOptions(id).length > 0))('%s: spec limits on providerOptions are enforced before sending', (provider) => {
  const c = caseOf(provider);
  const harness = useFake(provider);
  const limited = limitedOptions(provider);
  const base = (options: Record<string, unknown>) => {
    const payment = mainPayment(harness());
    return { ...c.input(payment, 100), providerOptions: { ...(payment.providerOptions as Record<string, unknown> | undefined), ...options } };
  };

  it.each(limited)('%s: over the limit → invalid_request naming it, no request; at the limit → accepted', async (option, schema) => {
    const h = harness();
    const tooLong = schema.maxLength === undefined ? 'not a url' : 'c'.repeat(schema.maxLength + 1);
    const err = await refundError(() => clientFor(provider, h).refunds.create(base({ [option]: tooLong })));
    expect(err).toMatchObject({ code: 'invalid_request', httpStatus: undefined });
    expect(err.message).toContain(option);
    expect(h.requests, 'a request was sent for input the spec forbids').toHaveLength(0);
    // Control: within the limit the same input is sent (an invoice-like option must keep its seeded value).
    const seeded = (mainPayment(h).providerOptions as Record<string, unknown> | undefined)?.[option];
    const fits = seeded ?? (schema.format === 'uri' ? 'https://merchant.example/hook' : 'c'.repeat(schema.maxLength!));
    await clientFor(provider, h).refunds.create(base({ [option]: fits }));
    expect(h.requests).toHaveLength(1);
  });
});

describe.each(providerIds)('%s: common input checks happen before sending', (provider) => {
  const harness = useFake(provider);
  const bad = (): [string, Record<string, unknown>, string][] => {
    const input = caseOf(provider).input(mainPayment(harness()), 100);
    return [
      ['empty paymentId', { ...input, paymentId: '' }, 'paymentId'],
      ['zero amount', { ...input, amount: { value: 0, currency: 'USD' } }, 'amount.value'],
      ['negative amount', { ...input, amount: { value: -5, currency: 'USD' } }, 'amount.value'],
      ['lower-case currency', { ...input, amount: { value: 5, currency: 'usd' } }, 'amount.currency'],
      ['unknown currency', { ...input, amount: { value: 5, currency: 'XYZ' } }, 'amount.currency'],
      ['unknown reason', { ...input, reason: 'because' }, 'reason'],
      ['non-string metadata value', { ...input, metadata: { n: 1 } }, 'metadata'],
      ['unknown providerOptions key', { ...input, providerOptions: { ...(input.providerOptions as object | undefined), notAnOption: 'x' } }, 'providerOptions.notAnOption'],
      ['non-string reference', { ...input, reference: 17 }, 'reference'],
    ];
  };
  it('each bad input → invalid_request naming the field, not retryable, no request', async () => {
    const h = harness();
    for (const [what, input, field] of bad()) {
      const err = await refundError(() => clientFor(provider, h).refunds.create(input));
      expect(err.code, what).toBe('invalid_request');
      expect(err.retryable).toBe(false);
      expect(err.message, what).toContain(field);
    }
    expect(h.requests).toHaveLength(0);
    expect(capabilities[provider]).toBeDefined();
  });

  it('credentials with a missing field are refused at createRefundsClient (TypeError) naming the field, not the value', () => {
    const h = harness();
    const [missing, ...kept] = credentialFields(provider);
    const credentials = Object.fromEntries(kept.map((f) => [f, `${f}_secret_value_should_not_show`]));
    let err: unknown;
    try {
      clientFor(provider, h, { credentials });
    } catch (error) {
      err = error;
    }
    expect(err).toBeInstanceOf(TypeError);
    if (!(err instanceof TypeError)) return;
    expect(err.message).toContain(`credentials.${missing}`);
    expect(err.message).not.toContain('_secret_value_should_not_show');
    expect(h.requests).toHaveLength(0);
  });
});

/** The spec's schema for the header that carries the idempotency key, when it limits the key. */
function idempotencyKeySchema(provider: (typeof providerIds)[number]): { pattern?: string; maxLength?: number } | undefined {
  const header = recipes[provider].request.headers.find((h) => h.name === recipes[provider].request.idempotencyHeader);
  const schema = header?.schema as { pattern?: string; maxLength?: number } | undefined;
  return schema?.pattern !== undefined || schema?.maxLength !== undefined ? schema : undefined;
}

describe.each(providerIds.filter((id) => idempotencyKeySchema(id) !== undefined))('%s: the idempotency key is checked against the spec', (provider) => {
  const harness = useFake(provider);
  const keySchema = idempotencyKeySchema(provider)!;
  it('an idempotency key the spec forbids (a space, or too long) → invalid_request before sending', async () => {
    const h = harness();
    const input = caseOf(provider).input(mainPayment(h), 100);
    const bad = [...(keySchema.pattern === undefined ? [] : ['has a space']), ...(keySchema.maxLength === undefined ? [] : ['k'.repeat(keySchema.maxLength + 1)])];
    for (const idempotencyKey of bad) {
      const err = await refundError(() => clientFor(provider, h).refunds.create({ ...input, idempotencyKey }));
      expect(err.code, idempotencyKey).toBe('invalid_request');
      expect(err.message).toContain('idempotencyKey');
    }
    expect(h.requests).toHaveLength(0);
  });

});
