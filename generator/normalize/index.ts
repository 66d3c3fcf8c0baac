/** Normalization: the provider's named rules, then its overlay, then the rules every spec gets. */
import type { ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { openApiShapeProblem } from '../load/index.js';
import { applyOverlay } from './overlay.js';
import { ALWAYS, RULES } from './rules/index.js';
import type { OpenApiDocument } from './types.js';

export function normalizeSpec(vendor: OpenApiDocument, provider: ProviderConfig, overlay: unknown, configFile: string): OpenApiDocument {
  const document = structuredClone(vendor);
  provider.rules.forEach((name, index) => {
    const rule = RULES.get(name);
    if (rule === undefined) {
      throw new PaykitError(configFile, `/providers/${provider.id}/rules/${index}`, `unknown normalization rule "${name}"`,
        `use one of: ${[...RULES.keys()].join(', ')}`);
    }
    rule.apply(document);
  });
  if (overlay !== undefined) applyOverlay(document, overlay, provider.overlay!, openApiShapeProblem);
  for (const rule of ALWAYS) rule.apply(document);
  return document;
}
