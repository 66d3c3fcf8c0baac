import type { NormalizationRule } from '../types.js';
import { dropTransportHeaders } from './drop-transport-headers.js';
import { normalizeText } from './normalize-text.js';
import { stableOperationIds } from './stable-operation-ids.js';
import { stripVendorExtensions } from './strip-vendor-extensions.js';

/** Rules a provider may name in specs/providers.yaml. */
export const RULES: ReadonlyMap<string, NormalizationRule> = new Map(
  [stripVendorExtensions, dropTransportHeaders, stableOperationIds, normalizeText].map((rule) => [rule.name, rule]),
);

/** Applied to every spec after the provider's own rules, whatever providers.yaml says. */
export const ALWAYS: readonly NormalizationRule[] = [normalizeText];
