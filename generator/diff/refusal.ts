/**
 * What `paykit generate` says when a provider's spec no longer generates: the vendor change's class
 * and bump (the same `paykit diff` reports), then a one-line refusal naming the first thing to fix.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { gitKnows, type BeforeSource } from './before.js';
import { diffProvider } from './index.js';

export interface Refusal { lines: string[]; error: PaykitError }

/** The vendor side comes from HEAD when the project is a git work tree; otherwise from the generated/ being replaced. */
export async function explainRefusal(project: ProjectConfig, provider: ProviderConfig, error: PaykitError): Promise<Refusal> {
  const generated = `generated/${provider.id}/openapi.yaml`;
  const current: BeforeSource = { kind: 'dir', path: project.root };
  const against: BeforeSource | undefined = gitKnows(project.root, 'HEAD') ? { kind: 'git', ref: 'HEAD' }
    : existsSync(join(project.root, generated)) ? { kind: 'file', path: join(project.root, generated), display: generated } : undefined;
  if (against === undefined) return { lines: [], error };
  let diff;
  try {
    diff = await diffProvider(project, provider, against, current);
  } catch {
    return { lines: [], error }; // the explanation is a courtesy: the refusal itself stands
  }
  const findings = diff.findings ?? [];
  const from = diff.vendorClass === undefined ? 'the spec change' : 'the vendor change';
  const counted = `${findings.length} finding${findings.length === 1 ? '' : 's'}, see \`paykit diff ${provider.id}\``;
  const lines = [`${provider.id}: ${diff.class === 'none' ? `${from} changes no API (none)` : `${from} is ${diff.class} (${diff.bump ?? 'none'})`}` +
    (findings.length === 0 ? '' : diff.normalization === 'broken' ? `; normalization no longer applies: ${counted}` : `; ${counted}`)];
  const first = findings[0];
  if (first === undefined) return { lines, error };
  const more = findings.length > 1 ? ` (then ${findings.length - 1} more: \`paykit diff ${provider.id}\`)` : '';
  const [file, action] = first.source.split('#') as [string, string | undefined];
  // A guard's message already says where in the spec; a lint finding's pointer is in the normalized spec.
  const at = first.pointer === undefined || first.kind !== undefined ? '' : `at #${first.pointer} of the normalized spec, `;
  return { lines, error: new PaykitError(file, action, `${at}${first.message}`, `${first.fix}${more}`) };
}
