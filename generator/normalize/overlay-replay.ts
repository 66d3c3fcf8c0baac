/**
 * Replays a provider's normalization one overlay action at a time and records, for each action,
 * the vendor content it is about to remove or overwrite, and the values its update would append to
 * an array that already holds them. This is what the overlay lock (overlay-lock.ts) pins down: the
 * spec as each action saw it, after the provider's rules and the actions before it.
 *
 * The replay uses overlay.ts's own select and applyToMatches, so it sees what normalization does; it never
 * throws on a target that matches nothing (it reports `matched: 0` and goes on), so every action is
 * observed even when normalization itself would stop.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ProviderConfig } from '../config.js';
import { PaykitError, pointerSegment } from '../errors.js';
import { applyToMatches, readActions, select, type Match, type OverlayAction } from './overlay.js';
import { RULES } from './rules/index.js';
import { isRecord, type OpenApiDocument } from './types.js';

/** A place in the spec and the content found there. */
export interface Recorded { pointer: string; value: unknown }

export interface ActionObservation {
  index: number;
  action: OverlayAction;
  /** How many nodes the target matched. */
  matched: number;
  /** `remove: true`: each matched node. */
  removes: Recorded[];
  /** `update`: each existing value the update replaces (objects merge key by key; arrays are appended to). */
  overwrites: Recorded[];
  /** `update`: array items it appends that the array already holds (deep-equal). */
  duplicates: { pointer: string; values: unknown[] }[];
}

export interface Replay {
  observations: ActionObservation[];
  /** Set when the overlay cannot be replayed past some action (a bad JSONPath, an update setting __proto__). */
  stopped?: PaykitError;
}

/** `vendor` is the loaded vendor document (not modified). */
export function replayOverlay(vendor: OpenApiDocument, provider: ProviderConfig, overlay: unknown): Replay {
  const file = provider.overlay!;
  const document = structuredClone(vendor);
  // Unknown rule names are normalizeSpec's error to report; here they are skipped.
  for (const name of provider.rules) RULES.get(name)?.apply(document);
  const observations: ActionObservation[] = [];
  let actions: OverlayAction[];
  try {
    actions = readActions(overlay, file);
  } catch (error) {
    if (error instanceof PaykitError) return { observations, stopped: error };
    throw error;
  }
  for (const [index, action] of actions.entries()) {
    const pointer = `/actions/${index}`;
    try {
      const matches = select(action.target, document, file, pointer);
      observations.push(observe(index, action, matches, document));
      applyToMatches(action, matches, document, file, pointer);
    } catch (error) {
      if (error instanceof PaykitError) return { observations, stopped: error };
      throw error;
    }
  }
  return { observations };
}

function observe(index: number, action: OverlayAction, matches: Match[], document: OpenApiDocument): ActionObservation {
  const observation: ActionObservation = { index, action, matched: matches.length, removes: [], overwrites: [], duplicates: [] };
  for (const match of matches) {
    const at = matchPointer(match);
    if (action.remove === true) observation.removes.push({ pointer: at, value: structuredClone(match.value) });
    else walkUpdate(match.parent === null || match.parent === undefined ? document : match.value, action.update, at, observation);
  }
  return observation;
}

/** Mirrors overlay.ts's merge: what an update replaces, and what it appends twice. */
function walkUpdate(target: unknown, update: unknown, at: string, observation: ActionObservation): void {
  if (Array.isArray(target)) {
    const appended = Array.isArray(update) ? update : [update];
    const already = appended.filter((item) => target.some((existing) => isDeepStrictEqual(existing, item)));
    if (already.length > 0) observation.duplicates.push({ pointer: at, values: already });
    return;
  }
  if (isRecord(target) && isRecord(update)) {
    for (const [key, value] of Object.entries(update)) {
      if (Object.hasOwn(target, key)) walkUpdate(target[key], value, `${at}/${pointerSegment(key)}`, observation);
    }
    return;
  }
  observation.overwrites.push({ pointer: at, value: structuredClone(target) });
}

/** jsonpath-plus gives each match an RFC 6901 pointer (`''` for the root). */
function matchPointer(match: Match): string {
  const pointer = (match as Match & { pointer?: unknown }).pointer;
  return typeof pointer === 'string' ? pointer : '';
}
