/**
 * The api-smart-diff adapter: api-smart-diff finds the changes between two specs (it resolves $refs
 * and knows OpenAPI's structure); each is located as a client sees it (through the operation), then
 * classified by paykit's rules (./rules.ts), merged and ordered.
 */
import { apiCompare, type Diff } from 'api-smart-diff';
import { joinPointer } from '../errors.js';
import type { OpenApiDocument } from '../normalize/types.js';
import { classifyServerChanges, type ServerChoice } from '../checks/servers.js';
import { SERVER_RULE, classifyChange, collapseAuth, mergeRequiredWithAdded } from './rules.js';
import { maxClass, type ChangeClass, type SpecChange, type SpecDiff } from './types.js';
import { resolveLocation, safeJson } from './where.js';

/**
 * `servers` says which specs and which providers.yaml choice the servers are compared with (the
 * default server is a normalized-spec notion: an overlay may give a server the description the
 * choice names); by default `before` and `after` themselves, choosing the first server.
 */
export function diffSpecs(provider: string, before: OpenApiDocument, after: OpenApiDocument, servers: ServerView = { before, after, choice: undefined }): SpecDiff {
  // api-smart-diff writes into the documents it compares (a vendor spec normalized after a diff lost an edit): give it copies.
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const changes: SpecChange[] = [];
  const seen = new Set<string>();
  // Changes seen through an operation first: they say which side (request/response) a schema is on.
  const ordered = [...diffs].sort((a, b) => rank(a) - rank(b));
  for (const diff of ordered) {
    const path = diff.path.map((s) => (typeof s === 'number' ? s : String(s)));
    const doc = diff.action === 'remove' ? before : after;
    const location = resolveLocation(doc, path) ?? resolveLocation(diff.action === 'remove' ? after : before, path) ?? joinPointer(path);
    const key = `${diff.action} ${location} ${safeJson(diff.before)} ${safeJson(diff.after)}`;
    // The same definition reached from components after an operation already reported it.
    if (path[0] !== 'paths' && seen.has(key)) continue;
    seen.add(key);
    changes.push(classifyChange(diff, path, location, before, after));
  }
  const merged = [...collapseAuth(mergeRequiredWithAdded(changes)).filter((c) => c.rule !== SERVER_RULE), ...serverChanges(servers)];
  const unique = dedupe(merged);
  unique.sort((a, b) => classRank(b.class) - classRank(a.class) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  return { provider, class: maxClass(unique.map((c) => c.class)), changes: unique };
}

export interface ServerView { before: OpenApiDocument; after: OpenApiDocument; choice: ServerChoice | undefined }

/** The chosen server's URL changed: patch; a server added: minor; the default server gone: breaking. */
function serverChanges(view: ServerView): SpecChange[] {
  return classifyServerChanges(view.before, view.after, view.choice).map((c) => ({
    class: c.class, action: c.action, pointer: c.pointer, location: c.pointer, area: 'document', sentence: c.sentence,
    rule: `paykit:server-${c.action === 'replace' ? 'changed' : c.action === 'add' ? 'added' : 'removed'}`,
    ...(c.before === undefined ? {} : { before: c.before }), ...(c.after === undefined ? {} : { after: c.after }),
  }));
}

function rank(diff: Diff): number {
  return diff.path[0] === 'paths' ? 0 : 1;
}

function classRank(c: ChangeClass): number {
  return c === 'breaking' ? 2 : c === 'non-breaking' ? 1 : 0;
}

function dedupe(changes: SpecChange[]): SpecChange[] {
  const keys = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.class} ${c.pointer} ${c.sentence}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
