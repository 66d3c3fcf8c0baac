/** `kind: none`: the API needs no authentication. */
import type { AuthPlugin } from './types.js';

export interface NoneAuth { kind: 'none' }

export const none: AuthPlugin<NoneAuth> = {
  kind: 'none',
  checkConfig() {},
  satisfies: (_auth, alternative) => alternative.length === 0,
  suggest: (alternative) => (alternative.length === 0 ? 'kind: none' : undefined),
  headerNames: () => [],
  describe: () => 'none.',
  perRequest: false,
  templateModel: () => ({}),
  fakeRecipe: () => ({ kind: 'none' }),
};
