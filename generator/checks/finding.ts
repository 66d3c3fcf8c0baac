/**
 * A place where the vendor's spec and paykit's reviewed inputs (overlay, its lock, providers.yaml)
 * no longer agree. Checks return findings as data, so `paykit diff` can list them all; `generate`
 * refuses with the first one as a one-line PaykitError.
 */
import { PaykitError } from '../errors.js';

export type FindingKind =
  | 'overlay-drift'      // the vendor edited content an overlay action removes or overwrites
  | 'overlay-target'     // an overlay action's target matches nothing
  | 'overlay-duplicate'  // an overlay update appends values the vendor now has itself
  | 'overlay-lock'       // the lock file does not describe the overlay (edited overlay, missing lock)
  | 'auth'               // providers.yaml's auth disagrees with the spec's security
  | 'server';            // providers.yaml's defaultServer choice resolves to no server

export interface Finding {
  kind: FindingKind;
  /** The reviewed input to look at, as file#pointer: `specs/overlays/wooshpay.yaml#/actions/2`, `specs/providers.yaml#/providers/push/auth/kind`. */
  where: string;
  /** For overlay findings: the action, `specs/overlays/<p>.yaml#/actions/N` (same as `where`). */
  action?: string;
  /** The spec pointer the finding is about (in the spec as the action saw it, or in the normalized spec). */
  pointer: string;
  /** What is wrong, one sentence without trailing punctuation. */
  message: string;
  /** What to do. */
  fix: string;
}

export function findingError(finding: Finding): PaykitError {
  const hash = finding.where.indexOf('#');
  const file = hash === -1 ? finding.where : finding.where.slice(0, hash);
  const pointer = hash === -1 ? undefined : finding.where.slice(hash + 1);
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
