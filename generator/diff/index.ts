/**
 * `paykit diff` and the explanation `generate` prints before it refuses: the vendor document's own
 * change (before: the committed vendor spec; after: the working tree) and the normalized spec's
 * change (before: generated/<id>/openapi.yaml; after: normalizing the working tree). When
 * normalization no longer applies, the class comes from the vendor change and what broke is listed
 * as findings (./normalization-findings.ts).
 */
import { join } from 'node:path';
import { displayPath, type ProjectConfig, type ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { loadLintConfig } from '../lint/lint.js';
import { loadSpec } from '../load/index.js';
import type { OpenApiDocument } from '../normalize/types.js';
import { checkMapping } from '../facade/check.js';
import { loadMapping } from '../facade/mapping.js';
import { prepareSpecs } from '../pipeline.js';
import { vendorAgreementFindings } from '../checks/index.js';
import { beforeSource, hasVendorDocuments, readBefore, type BeforeSource } from './before.js';
import { diffSpecs } from './classify.js';
import { normalizeForgivingly } from './normalization-findings.js';
import { bumpOf, findingLine, type Finding, type SpecDiff } from './types.js';

export { diffSpecs } from './classify.js';
export * from './types.js';
export { beforeSource, gitKnows, type BeforeSource } from './before.js';
export { renderJson, renderMarkdown, renderText, type ReportEntry } from './render.js';

/**
 * The provider's diff from `against` to the working tree. `normalizedFrom` overrides where the
 * previous normalized spec is read (generate compares with the generated/ it would replace).
 */
export async function diffProvider(project: ProjectConfig, provider: ProviderConfig, against: string | BeforeSource, normalizedFrom?: BeforeSource): Promise<SpecDiff> {
  const source = typeof against === 'string' ? beforeSource(project.root, against) : against;
  const normalizedBefore = readBefore(project.root, normalizedFrom ?? source, `generated/${provider.id}/openapi.yaml`) ?? {};
  const vendorAfter = (await loadSpec(join(project.root, provider.spec), provider.spec, (a) => displayPath(project.root, a), await loadLintConfig(project.root))).document;
  const vendorBefore = hasVendorDocuments(source) ? readBefore(project.root, source, provider.spec) ?? {} : undefined;

  let normalized: OpenApiDocument;
  let normalizationFindings: Finding[] = [];
  let pipeline: Finding[] = [];
  let broken = false;
  try {
    normalized = (await prepareSpecs(project, provider)).normalized;
  } catch (error) {
    if (!(error instanceof PaykitError)) throw error;
    broken = true;
    const forgiving = await normalizeForgivingly(project, provider, vendorAfter);
    normalized = forgiving.normalized;
    // The forgiving run names actions and rules; a failure it does not reproduce (another check of
    // the pipeline: providers.yaml against the spec, say) comes first, as generation met it first.
    normalizationFindings = forgiving.findings;
    pipeline = forgiving.findings.some((f) => covers(f, error)) ? [] : [fromError(error)];
  }
  const guards = guardFindings(project, provider, vendorAfter, normalized);
  if (pipeline.length > 0 && guards.some((f) => covers(f, pipelineError(pipeline[0]!)))) pipeline = [];
  const findings = mergeFindings(pipeline, guards, normalizationFindings);

  // Servers are compared on the normalized specs, where providers.yaml's choice applies (an overlay may describe them).
  const servers = { before: normalizedBefore, after: normalized, choice: provider.defaultServer };
  const vendor = vendorBefore === undefined ? undefined : diffSpecs(provider.id, vendorBefore, vendorAfter, servers);
  const normalizedDiff = diffSpecs(provider.id, normalizedBefore, normalized, servers);
  // While something refuses generation, the class is the vendor's: the normalized spec may hide the
  // change (content an overlay replaces) or not exist (normalization broken).
  const chosen = findings.length === 0 ? normalizedDiff : vendor ?? normalizedDiff;
  return {
    provider: provider.id, class: chosen.class, changes: chosen.changes, bump: bumpOf(chosen.class),
    ...(vendor === undefined ? {} : { vendorClass: vendor.class, vendorChanges: vendor.changes }),
    ...(broken ? {} : { normalizedClass: normalizedDiff.class }),
    normalization: broken ? 'broken' : 'applies', findings,
    ...(provider.mapping === undefined ? {} : { facade: facadeVerdict(project, provider, normalized, findings[0]) }),
  };
}

/** What the vendor guards (generator/checks/) say: overlay drift, auth, server choice; a guard that cannot run is one finding. */
function guardFindings(project: ProjectConfig, provider: ProviderConfig, vendor: OpenApiDocument, normalized: OpenApiDocument): Finding[] {
  try {
    return vendorAgreementFindings(project, provider, { vendor, normalized });
  } catch (error) {
    if (error instanceof PaykitError) return [fromError(error)];
    throw error;
  }
}

/**
 * One list, first thing to fix first: a pipeline failure no check reproduces, the overlay guards'
 * findings (they name the action and say exactly what collided), the forgiving run's findings for
 * other actions, rules and lint, then auth and the server choice. An overlay action the guards
 * already name is not named again by the forgiving run (its lint collisions are the same problem).
 */
function mergeFindings(pipeline: Finding[], guards: Finding[], normalization: Finding[]): Finding[] {
  const overlay = guards.filter((f) => f.kind === undefined || f.kind.startsWith('overlay-'));
  const named = new Set(overlay.map((f) => f.source));
  const rest = normalization.filter((f) => !named.has(f.source));
  const others = guards.filter((f) => !overlay.includes(f));
  const out: Finding[] = [];
  for (const f of [...pipeline, ...overlay, ...rest, ...others]) {
    if (!out.some((o) => o.source === f.source && o.message === f.message)) out.push(f);
  }
  return out;
}

/**
 * Exactly the check `paykit generate` runs on the mapping, so the message is the one generation would
 * give. When normalization broke, the facade breaks with it: the mapping's own failure on the
 * forgiving spec is named when there is one, else the broken normalization.
 */
function facadeVerdict(project: ProjectConfig, provider: ProviderConfig, after: OpenApiDocument, broken?: Finding): NonNullable<SpecDiff['facade']> {
  try {
    checkMapping(loadMapping(project, provider), after);
  } catch (error) {
    if (error instanceof PaykitError) return { ok: false, message: error.message };
    throw error;
  }
  return broken === undefined ? { ok: true } : { ok: false, message: `the ${provider.id} package no longer generates: ${findingLine(broken)}` };
}

function fromError(error: PaykitError): Finding {
  return { source: error.pointer === undefined ? error.file : `${error.file}#${error.pointer}`, message: error.problem, fix: error.fix };
}

function pipelineError(finding: Finding): PaykitError {
  const [file, pointer] = finding.source.split('#') as [string, string | undefined];
  return new PaykitError(file, pointer, finding.message, finding.fix);
}

/** Whether a finding of the forgiving run is the failure the pipeline threw (same action or rule entry, or same spot in the spec). */
function covers(finding: Finding, error: PaykitError): boolean {
  return `${error.file}#${error.pointer ?? ''}`.startsWith(finding.source)
    || (finding.pointer !== undefined && error.pointer !== undefined && (finding.pointer === error.pointer || error.pointer.startsWith(`${finding.pointer}/`)));
}
