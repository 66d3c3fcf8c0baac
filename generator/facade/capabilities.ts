/** What each provider's refunds shim supports: the README's matrix and src/capabilities.ts. No ts-morph here (facade/index.ts loads it only to print). */
import type { CheckedMapping } from './check.js';

export interface Capabilities {
  partialRefunds: boolean;
  fullRefundWithoutAmount: boolean;
  currencies: readonly string[] | 'any';
  maxFractionDigits?: number;
  idempotency: boolean;
  reasons: boolean;
  metadata: boolean;
  reference: boolean;
  notes: readonly string[];
}

/** Derived from the mapping itself, so the matrix cannot disagree with what the shim does. */
export function capabilitiesOf(checked: CheckedMapping): Capabilities {
  const { mapping } = checked;
  const { body, headers, path, query } = mapping.request;
  const sources = [body, headers, path, query].flatMap((values) => Object.values(values).map((v) => v.from));
  return {
    partialRefunds: sources.includes('amount'),
    fullRefundWithoutAmount: mapping.input.amount === 'optional',
    currencies: checked.currencies ?? 'any',
    ...(mapping.input.maxFractionDigits === undefined ? {} : { maxFractionDigits: mapping.input.maxFractionDigits }),
    idempotency: mapping.idempotency.deduplicates,
    reasons: sources.includes('reason'),
    metadata: sources.includes('metadata'),
    reference: sources.includes('reference'),
    notes: mapping.capabilities.notes ?? [],
  };
}
