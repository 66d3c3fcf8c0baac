/**
 * Mapping fallbacks (specs/mappings/*.yaml `fallback`), for every provider in specs/providers.yaml: a
 * field the contract requires that the spec leaves optional is read from the fallback when a 200 lacks
 * it; a mapped status the map does not list, or a 200 without the refund id, is `unexpected_response`.
 * Each case takes the fake's real answer and removes or changes one field of it.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '@paykit/refunds';
import { caseOf, clientFor, mainPayment, providerIds, refundError, useFake, type Harness } from './harness.js';

type Slot = { from?: string; fallback?: { const?: unknown } | string; map?: Record<string, unknown> };

/** Refund slots of the first response rule that read a body path, with their rule. */
function bodySlots(provider: ProviderId): [string, string[], Slot][] {
  const refund = caseOf(provider).mapping.responses[0]!.refund;
  return Object.entries(refund).flatMap(([slot, rule]) => {
    const from = typeof rule === 'string' ? rule : (rule as Slot).from;
    return from?.startsWith('body.') ? [[slot, from.slice('body.'.length).split('.'), (typeof rule === 'string' ? { from } : rule) as Slot]] : [];
  });
}

/** A fetch that lets the fake answer, then edits the JSON body of its answer. */
function editing(edit: (body: Record<string, unknown>) => void) {
  return async (request: Request) => {
    const answer = await globalThis.fetch(request);
    const body = await answer.json() as Record<string, unknown>;
    edit(body);
    return new Response(JSON.stringify(body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
}

function at(body: Record<string, unknown>, path: string[]): { parent: Record<string, unknown> | undefined; key: string } {
  let parent: Record<string, unknown> | undefined = body;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string, unknown> | undefined;
  return { parent, key: path.at(-1)! };
}

const create = (provider: ProviderId, h: Harness, edit: (body: Record<string, unknown>) => void) =>
  clientFor(provider, h, { fetch: editing(edit), maxRetries: 0 }).refunds.create(caseOf(provider).input(mainPayment(h), 1450));

const withFallbacks = providerIds.flatMap((p) => bodySlots(p).filter(([, , rule]) => rule.fallback !== undefined).map(([slot, path, rule]) => [p, slot, path, rule] as const));

describe.each(withFallbacks)('%s: %s absent from the answer', (provider, slot, path, rule) => {
  const harness = useFake(provider);
  it('is read from the mapping\'s fallback', async () => {
    const h = harness();
    const refund = await create(provider, h, (body) => { const { parent, key } = at(body, path); if (parent) delete parent[key]; });
    const fallback = rule.fallback!;
    const expected = typeof fallback === 'string' ? (fallback === 'input.paymentId' ? mainPayment(h).paymentId : undefined) : fallback.const;
    expect(expected, `a fallback this test knows how to read: ${JSON.stringify(fallback)}`).toBeDefined();
    expect((refund as unknown as Record<string, unknown>)[slot]).toBe(expected);
  });
});

const idSlot = (p: ProviderId) => bodySlots(p).find(([slot, , rule]) => slot === 'id' && rule.fallback === undefined);
const mappedStatus = (p: ProviderId) => bodySlots(p).find(([slot, , rule]) => slot === 'status' && rule.map !== undefined);

describe.each(providerIds.filter((p) => idSlot(p) !== undefined))('%s: a 200 without the refund id', (provider) => {
  const harness = useFake(provider);
  it('is unexpected_response', async () => {
    const path = idSlot(provider)![1];
    const err = await refundError(() => create(provider, harness(), (body) => { const { parent, key } = at(body, path); if (parent) delete parent[key]; }));
    expect(err.code).toBe('unexpected_response');
  });
});

describe.each(providerIds.filter((p) => mappedStatus(p) !== undefined))('%s: a status value the mapping\'s map does not list', (provider) => {
  const harness = useFake(provider);
  it('is unexpected_response', async () => {
    const path = mappedStatus(provider)![1];
    const h = harness();
    const err = await refundError(() => create(provider, h, (body) => { const { parent, key } = at(body, path); if (parent) parent[key] = 'not-a-listed-status'; }));
    expect(err.code).toBe('unexpected_response');
    expect(h.ledger).toHaveLength(1);
  });
});
