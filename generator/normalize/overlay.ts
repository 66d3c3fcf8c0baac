/**
 * Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0): each action
 * selects nodes with a JSONPath `target`, then removes them or merges `update` into them. An action
 * whose target matches nothing is an error: it means the vendor spec moved under the fix.
 */
import { JSONPath } from 'jsonpath-plus';
import { PaykitError } from '../errors.js';
import { brokenLocalRef, foreignRef, isBrokenAt } from '../load/document-refs.js';
import { isRecord, type OpenApiDocument } from './types.js';

export interface OverlayAction { target: string; description?: string; update?: unknown; remove?: boolean }

/** A check of the whole document after each action; what it reports is blamed on that action. */
export type DocumentCheck = (document: OpenApiDocument) => { pointer: string | undefined; problem: string } | undefined;

/**
 * Applies the overlay's actions in order. An action's update may not bring a `$ref` to a URL or a
 * file (checked before anything is applied); after each action `check` must pass; at the end every
 * `$ref` must resolve inside the document. Whatever breaks is reported against the action that broke
 * it (`#/actions/N`), never against the vendor spec.
 */
export function applyOverlay(document: OpenApiDocument, overlay: unknown, overlayFile: string, check?: DocumentCheck, options: { checkRefs?: boolean } = {}): void {
  const actions = readActions(overlay, overlayFile);
  const before = structuredClone(document);
  actions.forEach((action, index) => {
    applyAction(document, action, index, overlayFile);
    const broken = check?.(document);
    if (broken !== undefined) {
      const where = broken.pointer === undefined ? 'the spec' : `the spec's ${broken.pointer}`;
      throw new PaykitError(overlayFile, `/actions/${index}`, `after this action ${where} ${broken.problem}`,
        'change the action so that the spec stays a valid OpenAPI 3.0/3.1 document');
    }
  });
  // A caller applying one action at a time checks references once, after the last (an action may refer to what a later one adds).
  const dangling = options.checkRefs === false ? undefined : brokenLocalRef(document);
  if (dangling !== undefined) {
    const index = actionThatBroke(before, actions, overlayFile, dangling.pointer, dangling.ref);
    const fix = actions[index]!.remove === true ? 'the action removes what the reference needs: keep it, or change the reference in the same overlay' : dangling.fix;
    throw new PaykitError(overlayFile, `/actions/${index}`, `after this action ${dangling.problem} (at ${dangling.pointer})`, fix);
  }
}

function applyAction(document: OpenApiDocument, action: OverlayAction, index: number, overlayFile: string): void {
  const pointer = `/actions/${index}`;
  const matches = select(action.target, document, overlayFile, pointer);
  if (matches.length === 0) {
    throw new PaykitError(overlayFile, `${pointer}/target`, `target "${action.target}" matches nothing in the spec`,
      'the vendor spec has probably changed: update the target or drop the action');
  }
  applyToMatches(action, matches, document, overlayFile, pointer);
}

/** One action's edit on the nodes its target selected (shared with the replay in overlay-replay.ts). */
export function applyToMatches(action: OverlayAction, matches: readonly Match[], document: OpenApiDocument, file: string, pointer: string): void {
  if (action.remove === true) {
    // Remove from the end so array indexes of later matches stay valid.
    for (const match of [...matches].reverse()) removeNode(match.parent, match.parentProperty);
    return;
  }
  for (const match of matches) {
    if (match.parent === null || match.parent === undefined) {
      mergeInto(document, action.update, file, pointer);
    } else {
      const parent = match.parent as Record<string | number, unknown>;
      parent[match.parentProperty] = merge(match.value, action.update, file, pointer);
    }
  }
}

/**
 * Replays the actions on the document as it was before the overlay, to find the one after which the
 * broken `$ref` (same place, same value) became and stayed broken: the action that added it, or the
 * one that removed what it pointed at. Only runs on the error path.
 */
function actionThatBroke(before: OpenApiDocument, actions: readonly OverlayAction[], file: string, pointer: string, ref: string): number {
  const document = structuredClone(before);
  let start = actions.length - 1;
  let brokenBefore = isBrokenAt(document, pointer, ref);
  actions.forEach((action, index) => {
    applyAction(document, action, index, file);
    const broken = isBrokenAt(document, pointer, ref);
    if (broken && !brokenBefore) start = index;
    brokenBefore = broken;
  });
  return start;
}

export type Match = { parent: unknown; parentProperty: string | number; value: unknown };

/** JSONPath with script evaluation in jsonpath-plus's sandboxed "safe" mode; a bad expression is the overlay's error. */
export function select(target: string, document: OpenApiDocument, file: string, pointer: string): Match[] {
  try {
    return JSONPath({ path: target, json: document, resultType: 'all', eval: 'safe', wrap: true }) as Match[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PaykitError(file, `${pointer}/target`, `target "${target}" is not a JSONPath expression paykit can evaluate (${reason})`,
      'use plain member, wildcard and simple filter expressions such as $.paths[\'/x\'].post.parameters[?(@.name == \'A\')]');
  }
}

export function readActions(overlay: unknown, file: string): OverlayAction[] {
  if (!isRecord(overlay) || typeof overlay.overlay !== 'string' || !/^1\.0\.\d+$/.test(overlay.overlay)) {
    throw new PaykitError(file, '/overlay', 'is not an OpenAPI Overlay 1.0 document', 'start the file with `overlay: 1.0.0`, `info` and `actions`');
  }
  if (!Array.isArray(overlay.actions) || overlay.actions.length === 0) {
    throw new PaykitError(file, '/actions', 'has no actions', 'list at least one action with a target and an update or remove');
  }
  return overlay.actions.map((action, index) => {
    if (!isRecord(action) || typeof action.target !== 'string' || action.target === '') {
      throw new PaykitError(file, `/actions/${index}/target`, 'is missing or not a JSONPath string', 'give the action a target such as $.paths');
    }
    if (action.remove !== true && action.update === undefined) {
      throw new PaykitError(file, `/actions/${index}`, 'has neither update nor remove: true', 'add one of them');
    }
    const foreign = action.remove === true ? undefined : foreignRef(action.update);
    if (foreign !== undefined) throw new PaykitError(file, `/actions/${index}/update${foreign.pointer}`, foreign.problem, foreign.fix);
    return action as unknown as OverlayAction;
  });
}

export function removeNode(parent: unknown, key: string | number): void {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isRecord(parent)) delete parent[key];
}

function mergeInto(document: OpenApiDocument, update: unknown, file: string, pointer: string): void {
  const merged = merge(document, update, file, pointer) as OpenApiDocument;
  for (const key of Object.keys(document)) delete document[key];
  Object.assign(document, merged);
}

/** Overlay merge: objects merge key by key, arrays get the update appended, anything else is replaced. */
export function merge(target: unknown, update: unknown, file: string, pointer: string): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update])];
  if (isRecord(target) && isRecord(update)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(update)) {
      if (key === '__proto__') {
        throw new PaykitError(file, `${pointer}/update`, 'sets the key "__proto__"', 'remove that key from the overlay');
      }
      result[key] = Object.hasOwn(target, key) ? merge(target[key], value, file, pointer) : structuredClone(value);
    }
    return result;
  }
  return structuredClone(update);
}
