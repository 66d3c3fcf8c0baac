/**
 * Checks that the vendor's spec still agrees with paykit's reviewed inputs: the overlay's lock
 * (overlay-lock.ts), providers.yaml's auth (auth.ts) and its default-server choice (servers.ts).
 * `generate` refuses on the first finding; `diff` can list them all.
 */
import { join } from 'node:path';
import { displayPath, type ProjectConfig, type ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { loadLintConfig } from '../lint/lint.js';
import { loadSpec } from '../load/index.js';
import { overlayDriftFindings } from '../normalize/overlay-lock.js';
import type { OpenApiDocument } from '../normalize/types.js';
import { authFindings } from './auth.js';
import { findingError, type Finding } from './finding.js';
import { serverFindings } from './servers.js';

export type { Finding } from './finding.js';
export { overlayDriftFindings } from '../normalize/overlay-lock.js';
export { authFindings } from './auth.js';
export { classifyServerChanges, serverFindings } from './servers.js';

/** Every finding for one provider, overlay first (a drifted overlay can explain the others). */
export function vendorAgreementFindings(project: ProjectConfig, provider: ProviderConfig, specs: { vendor: OpenApiDocument; normalized: OpenApiDocument }): Finding[] {
  return [
    ...overlayDriftFindings(project, provider, specs.vendor),
    ...authFindings(project, provider, specs.normalized),
    ...serverFindings(project, provider, specs.normalized),
  ];
}

/**
 * When normalization itself failed (an overlay target gone, a lint finding in the normalized spec),
 * an overlay update that now duplicates values the vendor added (enum values) is the usual cause: it
 * shows up as a duplicated-enum lint finding. Returns that overlay finding to report instead, or the
 * original error.
 */
export async function explainByOverlay(project: ProjectConfig, provider: ProviderConfig, error: unknown): Promise<unknown> {
  // An error in the overlay itself already names its action.
  if (!(error instanceof PaykitError) || provider.overlay === undefined || error.file === provider.overlay) return error;
  try {
    const lintConfig = await loadLintConfig(project.root);
    const loaded = await loadSpec(join(project.root, provider.spec), provider.spec, (abs) => displayPath(project.root, abs), lintConfig);
    const first = overlayDriftFindings(project, provider, loaded.document).find((f) => f.kind === 'overlay-duplicate');
    return first === undefined ? error : findingError(first);
  } catch {
    return error; // the spec or overlay does not even load: that error is the one to fix
  }
}
