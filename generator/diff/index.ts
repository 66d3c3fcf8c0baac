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
  const vendor = hasVendorDocuments(source) ? diffSpecs(provider.id, readBefore(project.root, source, provider.spec) ?? {}, vendorAfter) : undefined;
  const vendorView = vendor === undefined ? {} : { vendorClass: vendor.class, vendorChanges: vendor.changes };

  let normalized: OpenApiDocument;
  try {
    normalized = (await prepareSpecs(project, provider)).normalized;
  } catch (error) {
    if (!(error instanceof PaykitError)) throw error;
    const forgiving = await normalizeForgivingly(project, provider, vendorAfter);
    // The forgiving run names actions and rules; a failure it does not reproduce (another check of
    // the pipeline: providers.yaml against the spec, say) comes first, as generation met it first.
    const findings = forgiving.findings.some((f) => covers(f, error)) ? forgiving.findings : [fromError(error), ...forgiving.findings];
    const fallback = vendor ?? diffSpecs(provider.id, normalizedBefore, forgiving.normalized);
    return {
      provider: provider.id, class: fallback.class, changes: fallback.changes, bump: bumpOf(fallback.class), ...vendorView,
      normalization: 'broken', findings,
      ...(provider.mapping === undefined ? {} : { facade: facadeVerdict(project, provider, forgiving.normalized, findings[0]) }),
    };
  }
  const diff = diffSpecs(provider.id, normalizedBefore, normalized);
  return {
    provider: provider.id, class: diff.class, changes: diff.changes, bump: bumpOf(diff.class), ...vendorView,
    normalizedClass: diff.class, normalization: 'applies', findings: [],
    ...(provider.mapping === undefined ? {} : { facade: facadeVerdict(project, provider, normalized) }),
  };
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

/** Whether a finding of the forgiving run is the failure the pipeline threw (same action or rule entry, or same spot in the spec). */
function covers(finding: Finding, error: PaykitError): boolean {
  return `${error.file}#${error.pointer ?? ''}`.startsWith(finding.source) || (finding.pointer !== undefined && finding.pointer === error.pointer);
}
