/**
 * The result of comparing two normalized specs of one provider. Every change carries the JSON
 * pointer where it shows (seen from the operation, through $refs, so it can be matched against a
 * mapping's request/response paths), the pointer of the definition that changed, its class and one
 * plain sentence.
 */

/** breaking → major, non-breaking → minor, patch → patch (see generator/versions/). */
export type ChangeClass = 'breaking' | 'non-breaking' | 'patch';

export const CLASS_ORDER: readonly ChangeClass[] = ['patch', 'non-breaking', 'breaking'];

export interface SpecChange {
  class: ChangeClass;
  action: 'add' | 'remove' | 'replace' | 'rename';
  /**
   * Where the change shows, as a JSON pointer (RFC 6901). Under /paths it is the path as a client sees
   * it, following $refs: e.g. /paths/~1refund/post/responses/200/content/application~1json/schema/properties/status/enum/2
   * even when `status` is defined in components. A mapping field `body.status` of response 200 is a
   * prefix match of .../schema/properties/status.
   */
  pointer: string;
  /** Where the changed definition lives in the document (the $ref target), e.g. /components/schemas/RefundStatus/enum/2. */
  location: string;
  /** The operation the change belongs to, when it is under /paths. */
  operation?: { method: string; path: string };
  /** request (body or parameter), response, auth, or the document itself. */
  area: 'request' | 'response' | 'auth' | 'document';
  /** One plain sentence, no trailing newline. */
  sentence: string;
  /** Which rule classified it: `paykit:<rule>` or `api-smart-diff:<its type>`. */
  rule: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Something that stops the new spec from generating, named by what to edit. Every check feeds the
 * same list: `source` is an overlay action (`specs/overlays/push.yaml#/actions/3`), a normalization
 * rule (`rule:<name>`), a lint rule of redocly.yaml (`lint:<ruleId>`) or a providers.yaml entry
 * (`specs/providers.yaml#/providers/push/...`).
 */
export interface Finding {
  source: string;
  /**
   * Which check found it, for the vendor guards (generator/checks/): overlay-drift, overlay-target,
   * overlay-duplicate, overlay-lock, auth, server. Absent for the forgiving normalization's findings.
   */
  kind?: FindingKind;
  /** Where it shows: a JSON pointer into the normalized spec (lint) or the vendor spec, when known. */
  pointer?: string;
  /** What is wrong, one line. */
  message: string;
  /** What to do, one line. */
  fix: string;
}

export type FindingKind =
  | 'overlay-drift'      // the vendor edited content an overlay action removes or overwrites
  | 'overlay-target'     // an overlay action's target matches nothing
  | 'overlay-duplicate'  // an overlay update appends values the vendor now has itself
  | 'overlay-lock'       // the lock file does not describe the overlay (edited overlay, missing lock)
  | 'auth'               // providers.yaml's auth disagrees with the spec's security
  | 'server';            // providers.yaml's defaultServer choice resolves to no server

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface SpecDiff {
  provider: string;
  /**
   * Largest class among the changes; `none` when there are no changes. From `paykit diff`: the
   * normalized spec's class when normalization still applies, otherwise the vendor document's.
   */
  class: ChangeClass | 'none';
  /** The changes of `class`: normalized, or the vendor's when normalization no longer applies. */
  changes: SpecChange[];
  /** The version bump `class` means (set by `paykit diff`). */
  bump?: Bump;
  /** The class of the vendor document's own change (absent when no previous vendor document is known). */
  vendorClass?: ChangeClass | 'none';
  vendorChanges?: SpecChange[];
  /** The normalized spec's class, when normalization still applies. */
  normalizedClass?: ChangeClass | 'none';
  /** Whether the overlays, rules and lint still turn the new vendor spec into a clean normalized spec. */
  normalization?: 'applies' | 'broken';
  /** What to fix before the spec generates again, first thing first; empty when it generates. */
  findings?: Finding[];
  /**
   * The facade's view, for providers with a mapping: `ok`, or the one-line message generation gives
   * for the first mapping entry the new spec breaks.
   */
  facade?: { ok: true } | { ok: false; message: string };
}

export function bumpOf(cls: ChangeClass | 'none'): Bump {
  return cls === 'breaking' ? 'major' : cls === 'non-breaking' ? 'minor' : cls === 'patch' ? 'patch' : 'none';
}

/** A finding as one line, in the style of every paykit error: `<source>[ at <pointer>]: <message>; <fix>`. */
export function findingLine(finding: Finding): string {
  // A vendor guard's message already says where in the spec (kind set); a lint finding's does not.
  const at = finding.pointer === undefined || finding.kind !== undefined ? '' : ` (at #${finding.pointer})`;
  return `${finding.source}${at}: ${finding.message}; ${finding.fix}`;
}

export function maxClass(classes: Iterable<ChangeClass>): ChangeClass | 'none' {
  let best: ChangeClass | 'none' = 'none';
  for (const c of classes) if (best === 'none' || CLASS_ORDER.indexOf(c) > CLASS_ORDER.indexOf(best)) best = c;
  return best;
}
