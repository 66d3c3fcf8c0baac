/**
 * The facade contract (../shared/DESIGN.md) against each provider's fake, for every provider in
 * specs/providers.yaml: success, partial then full, the documented errors, and what the mapping says
 * about the wire (route, where the refund id is read, which header carries the idempotency key,
 * which answers are refunds though not 2xx). Inputs are the fake's seeded payments; expectations
 * come from the mapping and the capability matrix, so a new provider is covered without a file here.
 */
import { describe, expect, it } from 'vitest';
import { capabilities } from '@paykit/refunds';
import { caseOf, clientFor, FIXED_NOW, ISO_UTC, mainPayment, providerIds, refundError, useFake } from './harness.js';
import { unknownPaymentId } from '../helpers/providers.js';

/** Reads a dotted mapping path (`body.a.b`, `header.x`) from a captured response. */
function readAt(path: string, bodyText: string, headers: Headers): unknown {
  const [where, ...rest] = path.split('.');
  if (where === 'header') return headers.get(rest.join('.'));
  return rest.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], JSON.parse(bodyText));
}

describe.each(providerIds)('%s: facade over the fake', (provider) => {
  const c = caseOf(provider);
  const harness = useFake(provider);

  it('success: a Refund with exact fields; raw is the response body; id read where the mapping says', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const refund = await clientFor(provider, h).refunds.create(c.input(payment, 1450, { reference: 'my-refund-17' }));
    expect(h.ledger).toHaveLength(1);
    expect(h.requests).toHaveLength(1);
    const entry = h.ledger[0]!;
    expect(entry.amountMinor).toBe(1450);
    expect(refund).toMatchObject({ provider, id: entry.id, paymentId: payment.paymentId, status: payment.refundStatus });
    expect(refund.amount).toEqual({ value: 1450, currency: payment.amount.currency });
    const seen = h.responses[0]!;
    expect(refund.raw).toEqual(JSON.parse(seen.bodyText));
    const rule = c.mapping.responses.find((r) => r.status === seen.status)!;
    const idPath = typeof rule.refund.id === 'string' ? rule.refund.id : (rule.refund.id as { from: string }).from;
    expect(String(readAt(idPath, seen.bodyText, seen.headers)), `refund id at ${idPath}`).toBe(refund.id);
    if (refund.createdAt !== undefined) {
      expect(refund.createdAt).toMatch(ISO_UTC);
      expect(refund.createdAt).toBe(FIXED_NOW.toISOString());
    }
    // The reference round-trips exactly where the mapping reads one back.
    const echoes = c.mapping.responses.some((r) => r.refund.reference !== undefined);
    expect(refund.reference).toBe(echoes ? 'my-refund-17' : undefined);
  });

  it('sends the operation the mapping names, JSON, with the payment id', async () => {
    const h = harness();
    const payment = mainPayment(h);
    await clientFor(provider, h).refunds.create(c.input(payment, 1450));
    const sent = h.requests[0]!;
    expect(sent.method).toBe(c.mapping.operation.method.toUpperCase());
    expect(sent.path).toBe(c.mapping.operation.path);
    expect(sent.headers['content-type']).toMatch(/^application\/json\b/);
    expect(Object.values(JSON.parse(sent.bodyText) as Record<string, unknown>).map(String)).toContain(payment.paymentId);
  });

  it('every response and status the mapping reads a refund from is played by a seeded payment, and each is a Refund', async () => {
    const h = harness();
    const client = clientFor(provider, h);
    for (const payment of h.fake.payments) {
      const refund = await client.refunds.create(c.input(payment, 100));
      expect(refund.status, payment.paymentId).toBe(payment.refundStatus);
      expect(refund.id, payment.paymentId).toBe(h.ledger.at(-1)!.id);
    }
    // A refund the provider answers with a non-2xx status (Push's 401 with a declined refund's id) is still a Refund.
    const statuses = new Set(h.responses.map((r) => r.status));
    for (const rule of c.mapping.responses) expect([...statuses], `a refund answered with HTTP ${rule.status}`).toContain(rule.status);
    // Every facade status the mapping's status table can produce is produced by some seeded payment.
    const seen = new Set(h.fake.payments.map((p) => p.refundStatus));
    for (const rule of c.mapping.responses) {
      const status = rule.refund.status as { map?: Record<string, string | null>; const?: string };
      for (const value of [...Object.values(status.map ?? {}), status.const]) if (typeof value === 'string') expect([...seen], `status ${value}`).toContain(value);
    }
  });

  it('partial then full refund: two ledger entries, the second refunds the remainder', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const client = clientFor(provider, h);
    const first = await client.refunds.create(c.input(payment, 1450));
    const remaining = payment.amount.value - 1450;
    const second = await client.refunds.create(c.fullInput(payment, remaining));
    expect(h.ledger.map((e) => e.amountMinor)).toEqual([1450, remaining]);
    expect(h.ledger.map((e) => e.paymentId)).toEqual([payment.paymentId, payment.paymentId]);
    expect(first.amount).toEqual({ value: 1450, currency: payment.amount.currency });
    if (second.amount !== undefined) expect(second.amount).toEqual({ value: remaining, currency: payment.amount.currency });
    expect(second.id).toBe(h.ledger[1]!.id);
    expect(second.id).not.toBe(first.id);
  });

  it('a wrong value in any credential field → authentication_failed with the mapped status, not retryable, nothing refunded', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const right = h.fake.credentials as unknown as Record<string, string>;
    for (const field of Object.keys(right)) {
      const err = await refundError(() => clientFor(provider, h, { credentials: { ...right, [field]: `${right[field]}-wrong` } }).refunds.create(c.input(payment, 1450)));
      expect(err, field).toMatchObject({ code: 'authentication_failed', httpStatus: c.errorStatus('authentication_failed'), retryable: false, provider });
    }
    expect(h.requests).toHaveLength(Object.keys(right).length);
    expect(h.ledger).toHaveLength(0);
  });

  it('unknown payment → payment_not_found with the mapped status', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const unknown = { ...payment, paymentId: unknownPaymentId(payment.paymentId, h.fake.payments.map((p) => p.paymentId)) };
    const err = await refundError(() => clientFor(provider, h).refunds.create(c.input(unknown, 100)));
    expect(err).toMatchObject({ code: 'payment_not_found', httpStatus: c.errorStatus('payment_not_found'), retryable: false });
    expect(h.requests).toHaveLength(1);
    expect(h.ledger).toHaveLength(0);
  });

  it('more than the payment → amount_exceeds_refundable with the mapped status', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const err = await refundError(() => clientFor(provider, h).refunds.create(c.input(payment, payment.amount.value + 1)));
    expect(err).toMatchObject({ code: 'amount_exceeds_refundable', httpStatus: c.errorStatus('amount_exceeds_refundable'), retryable: false });
    expect(err.raw).toBeDefined();
    expect(h.ledger).toHaveLength(0);
  });

  it('after a full refund, another → already_refunded where the mapping has it, else amount_exceeds_refundable', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const client = clientFor(provider, h);
    await client.refunds.create(c.fullInput(payment, payment.amount.value));
    expect(h.ledger).toHaveLength(1);
    const code = c.errorStatus('already_refunded') === undefined ? 'amount_exceeds_refundable' : 'already_refunded';
    const err = await refundError(() => client.refunds.create(c.input(payment, 1)));
    expect(err).toMatchObject({ code, httpStatus: c.errorStatus(code), retryable: false });
    expect(h.ledger).toHaveLength(1);
  });

  it('a fractional amount is refused before any request, naming the field', async () => {
    const h = harness();
    const err = await refundError(() => clientFor(provider, h).refunds.create(c.input(mainPayment(h), 14.5)));
    expect(err).toMatchObject({ code: 'invalid_request', httpStatus: undefined });
    expect(err.message).toContain('amount.value');
    expect(h.requests).toHaveLength(0);
  });

  it(c.deduplicates ? `sends a generated key in ${c.idempotencyHeader}, a caller key verbatim` : 'sends no idempotency header (the provider documents none)', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const client = clientFor(provider, h);
    await client.refunds.create(c.input(payment, 100));
    await client.refunds.create(c.input(payment, 100, { idempotencyKey: 'order:A-17_refund.1' }));
    const keys = h.requests.map((r) => (c.idempotencyHeader === undefined ? undefined : r.headers[c.idempotencyHeader]));
    if (c.deduplicates) {
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe('order:A-17_refund.1');
      expect(h.ledger.map((e) => e.idempotencyKey)).toEqual(keys);
    } else {
      for (const r of h.requests) expect(Object.keys(r.headers).filter((name) => /idempot/i.test(name))).toEqual([]);
    }
  });

  it('input the mapping refuses (amount it requires, required providerOptions, currencies, paymentId pattern) → invalid_request before sending', async () => {
    const h = harness();
    const payment = mainPayment(h);
    const client = clientFor(provider, h);
    const refused: [Record<string, unknown>, string][] = [];
    if (c.mapping.input?.amount === 'required') refused.push([{ paymentId: payment.paymentId, providerOptions: payment.providerOptions }, 'amount']);
    for (const [name, option] of Object.entries(c.mapping.input?.providerOptions ?? {})) {
      if (option.required !== true) continue;
      const { [name]: _dropped, ...rest } = (payment.providerOptions ?? {}) as Record<string, unknown>;
      refused.push([{ ...c.input(payment, 100), providerOptions: rest }, `providerOptions.${name}`]);
    }
    const currencies = c.mapping.input?.currencies;
    if (currencies !== undefined) {
      const other = ['EUR', 'USD', 'JPY', 'GBP'].find((x) => !currencies.includes(x))!;
      refused.push([{ ...c.input(payment, 100), amount: { value: 100, currency: other } }, 'amount.currency']);
    }
    if (capabilities[provider].maxFractionDigits !== undefined && capabilities[provider].maxFractionDigits! < 3) {
      refused.push([{ ...c.input(payment, 100), amount: { value: 100, currency: 'KWD' } }, 'amount.currency']);
    }
    const pattern = c.mapping.input?.paymentId?.pattern;
    if (pattern !== undefined) {
      const bad = ['not a payment', 'x'.repeat(300)].find((v) => !new RegExp(pattern).test(v))!;
      refused.push([c.input({ ...payment, paymentId: bad }, 100), 'paymentId']);
    }
    for (const [input, field] of refused) {
      const err = await refundError(() => client.refunds.create(input));
      expect(err.code, field).toBe('invalid_request');
      expect(err.message).toContain(field);
    }
    expect(h.requests).toHaveLength(0);
  });
});
