/** `kind: bearer`: `Authorization: Bearer <token>`, token one of the credentials. */
import { checkCredentialRef } from './credentials.js';
import type { AuthPlugin } from './types.js';

export interface BearerAuth { kind: 'bearer'; token: string; credentials: Record<string, string> }

export const bearer: AuthPlugin<BearerAuth> = {
  kind: 'bearer',
  checkConfig: (auth, file, at) => checkCredentialRef(auth.credentials, auth.token, file, at, ['token']),
  satisfies: (_auth, alt) => alt.length === 1 && alt[0]!.type === 'http' && alt[0]!.scheme === 'bearer',
  suggest: (alt) => (alt.length === 1 && alt[0]!.type === 'http' && alt[0]!.scheme === 'bearer' ? 'kind: bearer (token: <credential>)' : undefined),
  headerNames: () => ['Authorization'],
  describe: (auth) => `bearer token (Authorization: Bearer <${auth.token}>).`,
  perRequest: false,
  templateModel: () => ({}),
  fakeRecipe: (auth) => ({ kind: 'bearer', token: auth.token }),
};
