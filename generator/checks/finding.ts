/**
 * A place where the vendor's spec and paykit's reviewed inputs (overlay, its lock, providers.yaml)
 * no longer agree. Checks return findings as data, so `paykit diff` can list them all; `generate`
 * refuses with the first one as a one-line PaykitError.
 */
import { PaykitError } from '../errors.js';

/** The one Finding shape of paykit (generator/diff/types.ts): `source` is the file#pointer to edit. */
export type { Finding, FindingKind } from '../diff/types.js';
import type { Finding } from '../diff/types.js';

export function findingError(finding: Finding): PaykitError {
  const hash = finding.source.indexOf('#');
  const file = hash === -1 ? finding.source : finding.source.slice(0, hash);
  const pointer = hash === -1 ? undefined : finding.source.slice(hash + 1);
  return new PaykitError(file, pointer, finding.message, finding.fix);
}

/** Throws the first finding as the one-line refusal; does nothing when there are none. */
export function refuseOnFindings(findings: readonly Finding[]): void {
  const first = findings[0];
  if (first !== undefined) throw findingError(first);
}

/** A value quoted for a message: JSON, single line, cut short (spec text is data, and may be long). */
export function quote(value: unknown, max = 60): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
