/**
 * The overlay lock: specs/overlays/<p>.lock.yaml, beside the overlay, written by
 * `paykit overlay lock` (never by hand). For every action that removes or overwrites vendor content
 * it holds a copy of that content as the action last saw it. When the vendor edits that content,
 * generation refuses (overlayDriftFindings), instead of the overlay silently discarding the edit;
 * a vendor change anywhere else is not the lock's business.
 */
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PaykitError, pointerSegment } from '../errors.js';
import { readDataFile } from '../load/parse.js';
import { quote, type Finding } from '../checks/finding.js';
import { replayOverlay, type ActionObservation, type Recorded } from './overlay-replay.js';
import { isRecord, type OpenApiDocument } from './types.js';

export const LOCK_COMMAND = 'npx paykit overlay lock';

export interface LockedAction { action: number; target: string; removes?: Recorded[]; overwrites?: Recorded[] }
export interface OverlayLock { overlay: string; actions: LockedAction[] }

/** specs/overlays/push.yaml → specs/overlays/push.lock.yaml */
export function lockPath(overlayFile: string): string {
  return overlayFile.replace(/\.(ya?ml|json)$/i, '') + '.lock.yaml';
}

/** The lock as the overlay and the vendor spec stand now. */
export function buildLock(provider: ProviderConfig, observations: readonly ActionObservation[]): OverlayLock {
  const actions = observations
    .filter((o) => o.removes.length > 0 || o.overwrites.length > 0)
    .map((o) => ({
      action: o.index, target: o.action.target,
      ...(o.removes.length > 0 ? { removes: o.removes } : {}),
      ...(o.overwrites.length > 0 ? { overwrites: o.overwrites } : {}),
    }));
  return { overlay: provider.overlay!, actions };
}

export function renderLock(lock: OverlayLock, providerId: string): string {
  const header = [
    `# Written by \`${LOCK_COMMAND} --provider ${providerId}\`; do not edit by hand.`,
    `# The vendor content each action of ${lock.overlay} removes or overwrites, as it was when the`,
    '# overlay was last reviewed. `paykit generate` refuses when the vendor changes it.',
  ].join('\n');
  return `${header}\n${stringify(lock, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/**
 * Every way the overlay no longer fits the vendor spec: content it removes or overwrites that the
 * vendor changed since the lock, a target that matches nothing, values an update now duplicates.
 * Empty for a provider without an overlay. Bad overlay or lock files throw PaykitError.
 */
export function overlayDriftFindings(project: ProjectConfig, provider: ProviderConfig, vendorDoc: OpenApiDocument): Finding[] {
  if (provider.overlay === undefined) return [];
  const overlay = readDataFile(join(project.root, provider.overlay), provider.overlay);
  const replay = replayOverlay(vendorDoc, provider, overlay);
  if (replay.stopped !== undefined) throw replay.stopped;
  const lock = readLock(project, provider);
  const findings: Finding[] = [];
  for (const observation of replay.observations) findings.push(...actionFindings(provider, observation, lock));
  // Recorded actions the overlay no longer has (it was shortened): the lock is stale.
  const count = replay.observations.length;
  for (const entry of lock?.actions ?? []) {
    if (entry.action >= count) findings.push(lockFinding(provider, entry.action, `${lockPath(provider.overlay)} records action ${entry.action}, which the overlay no longer has`));
  }
  return findings;
}

function actionFindings(provider: ProviderConfig, o: ActionObservation, lock: OverlayLock | undefined): Finding[] {
  const action = `${provider.overlay!}#/actions/${o.index}`;
  const fix = `review what the vendor changed there, update the action if needed, then run \`${LOCK_COMMAND} --provider ${provider.id}\``;
  const make = (kind: Finding['kind'], pointer: string, message: string, fixText = fix): Finding => ({ kind, source: action, ...(pointer === '' ? {} : { pointer }), message, fix: fixText });
  if (o.matched === 0) {
    return [make('overlay-target', '', `target "${o.action.target}" matches nothing in the spec`,
      'the vendor spec has probably changed: update the target or drop the action')];
  }
  const found: Finding[] = o.duplicates.map((d) => make('overlay-duplicate', d.pointer,
    `appends ${d.values.map((v) => quote(v, 40)).join(', ')} to ${d.pointer}, which the vendor spec already lists`,
    `drop ${d.values.length === 1 ? 'that value' : 'those values'} from the action's update (the vendor now declares ${d.values.length === 1 ? 'it' : 'them'})`));
  const entry = lock?.actions.find((a) => a.action === o.index);
  if (entry !== undefined && entry.target !== o.action.target) {
    found.push(lockFinding(provider, o.index, `${lockPath(provider.overlay!)} was written for target "${entry.target}", the action now targets "${o.action.target}"`));
    return found;
  }
  for (const [verb, now, then] of [['removes', o.removes, entry?.removes ?? []], ['overwrites', o.overwrites, entry?.overwrites ?? []]] as const) {
    const drift = compareRecorded(now, then);
    if (drift !== undefined) found.push(make('overlay-drift', drift.pointer, `the vendor spec changed content this action ${verb}: ${drift.what}`));
  }
  return found;
}

function lockFinding(provider: ProviderConfig, index: number, message: string): Finding {
  const action = `${provider.overlay!}#/actions/${index}`;
  return { kind: 'overlay-lock', source: action, message,
    fix: `the overlay was edited: review it, then run \`${LOCK_COMMAND} --provider ${provider.id}\`` };
}

/** The first difference between what an action finds now and what the lock recorded. */
function compareRecorded(now: readonly Recorded[], then: readonly Recorded[]): { pointer: string; what: string } | undefined {
  for (let i = 0; i < Math.max(now.length, then.length); i++) {
    const current = now[i];
    const recorded = then[i];
    if (recorded === undefined) return { pointer: current!.pointer, what: `${current!.pointer} (${quote(current!.value)}) is not in the lock` };
    if (current === undefined) return { pointer: recorded.pointer, what: `${recorded.pointer} (recorded in the lock) is no longer there` };
    const diff = firstDifference(recorded.value, current.value, current.pointer);
    if (diff !== undefined) return { pointer: diff.pointer, what: describeDifference(diff) };
  }
  return undefined;
}

function describeDifference(d: { pointer: string; before: unknown; after: unknown }): string {
  if (d.before === undefined) return `${d.pointer} was added (${quote(d.after)})`;
  if (d.after === undefined) return `${d.pointer} was removed (it was ${quote(d.before)})`;
  return `${d.pointer} changed from ${quote(d.before)} to ${quote(d.after)}`;
}

/** The first place (depth first, keys in sorted order) where two JSON values differ. */
export function firstDifference(before: unknown, after: unknown, at: string): { pointer: string; before: unknown; after: unknown } | undefined {
  if (isDeepStrictEqual(before, after)) return undefined;
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothRecords = isRecord(before) && isRecord(after);
  if (!bothArrays && !bothRecords) return { pointer: at, before, after };
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = bothArrays
    ? Array.from({ length: Math.max((before as unknown[]).length, (after as unknown[]).length) }, (_, i) => String(i))
    : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const inner = firstDifference(a[key], b[key], `${at}/${pointerSegment(key)}`);
    if (inner !== undefined) return inner;
  }
  return { pointer: at, before, after };
}

/** The provider's lock, or undefined when there is none yet (then every recorded action is a finding). */
function readLock(project: ProjectConfig, provider: ProviderConfig): OverlayLock | undefined {
  const file = lockPath(provider.overlay!);
  if (!existsSync(join(project.root, file))) return undefined;
  const raw = readDataFile(join(project.root, file), file);
  if (!isLock(raw)) {
    throw new PaykitError(file, undefined, 'is not an overlay lock paykit wrote',
      `delete it, review the overlay, then run \`${LOCK_COMMAND} --provider ${provider.id}\``);
  }
  return raw;
}

function isLock(raw: unknown): raw is OverlayLock {
  if (!isRecord(raw) || typeof raw.overlay !== 'string' || !Array.isArray(raw.actions)) return false;
  const recorded = (list: unknown) => list === undefined || (Array.isArray(list) && list.every((r) => isRecord(r) && typeof r.pointer === 'string' && Object.hasOwn(r, 'value')));
  return raw.actions.every((a) => isRecord(a) && Number.isInteger(a.action) && typeof a.target === 'string' && recorded(a.removes) && recorded(a.overwrites));
}
