/** The facade half of the pipeline: mappings checked against the normalized specs, then @paykit/refunds. */
import type { ProjectConfig } from '../config.js';
import type { ProviderBuild } from '../pipeline.js';

/** Files of generated/refunds, or undefined when no provider has a mapping. */
export async function buildFacade(_project: ProjectConfig, _builds: readonly ProviderBuild[]): Promise<Map<string, string> | undefined> {
  return undefined;
}
