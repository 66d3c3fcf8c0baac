/**
 * The exported capability matrix agrees with the mappings it is derived from (specs/mappings/*.yaml),
 * with concrete expectations, and generated/refunds/README.md shows one matrix row per provider.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capabilities, type ProviderId } from '@paykit/refunds';
import { mappedProviders, mappingOf, providerIds } from '../helpers/providers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mapping = (p: ProviderId): any => mappingOf(p);
const readme = readFileSync(`${root}generated/refunds/README.md`, 'utf8');
/** The README names a provider by its providers.yaml title. */
const titles = new Map(mappedProviders().map((entry) => [entry.id, entry.title]));
const displayName = (p: ProviderId) => titles.get(p) ?? p;

/** Which facade fields a mapping's request reads (`paymentId`, `{ from: reason }`, ...). */
function sources(m: any): Set<string> {
  const out = new Set<string>();
  for (const section of [m.request?.body ?? {}, m.request?.headers ?? {}]) {
    for (const value of Object.values(section)) {
      const from = typeof value === 'string' ? value : (value as { from?: string }).from;
      if (typeof from === 'string') out.add(from.split('.')[0]!);
    }
  }
  return out;
}

describe('capabilities', () => {
  it('covers exactly the mapped providers of specs/providers.yaml', () => {
    expect(Object.keys(capabilities).sort()).toEqual([...providerIds].sort());
  });

  it('every provider can refund part of a payment', () => {
    for (const p of providerIds) expect(capabilities[p].partialRefunds, p).toBe(true);
  });

  it.each(providerIds)('%s agrees with specs/mappings/%s.yaml', (p) => {
    const m = mapping(p);
    const c = capabilities[p];
    const from = sources(m);
    expect(c.idempotency).toBe(m.idempotency.deduplicates === true);
    expect(c.fullRefundWithoutAmount).toBe(m.input.amount === 'optional');
    expect(c.currencies).toEqual(m.input.currencies ?? 'any');
    expect(c.maxFractionDigits).toBe(m.input.maxFractionDigits);
    expect(c.reasons).toBe(from.has('reason'));
    expect(c.metadata).toBe(from.has('metadata'));
    expect(c.reference).toBe(from.has('reference'));
    expect(c.notes).toEqual(m.capabilities?.notes ?? []);
    if (c.idempotency) expect(from.has('idempotencyKey')).toBe(true);
  });

  it.each(providerIds)('generated/refunds/README.md has a matrix row for %s matching the capabilities', (p) => {
    const c = capabilities[p];
    const rows = readme.split('\n').filter((line) => line.startsWith(`| ${displayName(p)} | \`@paykit/${p}\` |`));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split('|').slice(1, -1).map((cell) => cell.trim());
    expect(cells).toHaveLength(9);
    const [, , partial, full, currencies, idempotency, reason, metadata, reference] = cells;
    const yesNo = (b: boolean) => (b ? 'yes' : 'no');
    expect(partial).toBe(yesNo(c.partialRefunds));
    expect(full).toBe(c.fullRefundWithoutAmount ? 'omit amount' : 'amount required');
    if (Array.isArray(c.currencies)) expect(currencies).toBe(c.currencies.join(', '));
    else expect(currencies).toMatch(/^any ISO 4217/);
    if (c.maxFractionDigits !== undefined) expect(currencies).toContain(`≤ ${c.maxFractionDigits} decimals`);
    expect(idempotency!.startsWith(yesNo(c.idempotency))).toBe(true);
    expect([reason, metadata, reference]).toEqual([yesNo(c.reasons), yesNo(c.metadata), yesNo(c.reference)]);
  });

  it('README matrix has exactly one row per provider and a header naming the columns', () => {
    const header = readme.split('\n').find((l) => l.startsWith('| provider |'));
    expect(header).toBe('| provider | package | partial | full refund | currencies | idempotency | reason | metadata | reference |');
    expect(readme.split('\n').filter((l) => /^\| \S+ \| `@paykit\//.test(l))).toHaveLength(providerIds.length);
  });
});
