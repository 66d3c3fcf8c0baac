/**
 * Checks that the vendor's spec still agrees with paykit's reviewed inputs: the overlay's lock
 * (overlay-lock.ts), providers.yaml's auth (auth.ts) and its default-server choice (servers.ts).
 * `generate` refuses on the first finding; `diff` can list them all.
 */
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { overlayDriftFindings } from '../normalize/overlay-lock.js';
import type { OpenApiDocument } from '../normalize/types.js';
import { authFindings } from './auth.js';
import type { Finding } from './finding.js';
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
