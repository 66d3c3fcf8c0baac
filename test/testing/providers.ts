/** The providers the fakes play, read from specs/providers.yaml (never listed by hand): see test/helpers/providers.ts. */
export { errorRules, providerIds, unknownPaymentId, type ErrorRule } from '../helpers/providers.js';
import { mappedProviders as mapped } from '../helpers/providers.js';

export const mappedProviders = mapped();
