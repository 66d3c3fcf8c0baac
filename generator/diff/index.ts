/** `paykit diff` and the versioning step share this: the previous normalized spec vs the current one. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PaykitError, oneLine } from '../errors.js';
import { parseDataText } from '../load/parse.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import { checkMapping } from '../facade/check.js';
import { loadMapping } from '../facade/mapping.js';
import { prepareSpecs } from '../pipeline.js';
import { diffSpecs } from './classify.js';
import type { SpecDiff } from './types.js';

export { diffSpecs } from './classify.js';
export * from './types.js';
export { renderJson, renderMarkdown, renderText, type ReportEntry } from './render.js';

/**
 * The "before" spec of a provider. `against` is a path to a file (relative to the project root or
 * absolute) when one exists there; otherwise a git ref, read with `git show <ref>:generated/<id>/openapi.yaml`.
 * Returns undefined when the ref has no such file (a provider new since then).
 */
export function loadBefore(root: string, provider: ProviderConfig, against: string): OpenApiDocument | undefined {
  const file = isAbsolute(against) ? against : join(root, against);
  if (existsSync(file)) return asDocument(parseDataText(readFileSync(file, 'utf8'), against), against);
  const path = `generated/${provider.id}/openapi.yaml`;
  const git = spawnSync('git', ['show', `${against}:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (git.error !== undefined) throw new PaykitError(path, undefined, `cannot run git to read it at ${against} (${git.error.message})`, 'install git, or pass --against <file>');
  if (git.status !== 0) {
    const stderr = oneLine(git.stderr);
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    throw new PaykitError(path, undefined, `cannot be read at ${against}: ${stderr || `git exited ${String(git.status)}`}`,
      'pass a commit, branch or tag that git knows, or a file path with --against');
  }
  return asDocument(parseDataText(git.stdout, `${against}:${path}`), `${against}:${path}`);
}

/** The provider's diff from `against` to normalizing the current specs, with the facade's verdict on the new spec. */
export async function diffProvider(project: ProjectConfig, provider: ProviderConfig, against: string): Promise<SpecDiff> {
  const before = loadBefore(project.root, provider, against);
  const after = (await prepareSpecs(project, provider)).normalized;
  const diff = diffSpecs(provider.id, before ?? {}, after);
  return provider.mapping === undefined ? diff : { ...diff, facade: facadeVerdict(project, provider, after) };
}

/** Exactly the check `paykit generate` runs on the mapping, so the message is the one generation would give. */
function facadeVerdict(project: ProjectConfig, provider: ProviderConfig, after: OpenApiDocument): NonNullable<SpecDiff['facade']> {
  try {
    checkMapping(loadMapping(project, provider), after);
    return { ok: true };
  } catch (error) {
    if (error instanceof PaykitError) return { ok: false, message: error.message };
    throw error;
  }
}

function asDocument(value: unknown, display: string): OpenApiDocument {
  if (!isRecord(value)) throw new PaykitError(display, undefined, 'is not an OpenAPI document (not a mapping)', 'pass the normalized openapi.yaml of a generated package');
  return value;
}
