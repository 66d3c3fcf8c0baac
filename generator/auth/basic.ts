/** `kind: basic`: HTTP basic with a credential as user and another (or nothing) as password. */
import { checkCredentialRef } from './credentials.js';
import type { AuthPlugin } from './types.js';

export interface BasicAuth { kind: 'basic'; username: string; password?: string; credentials: Record<string, string> }

export const basic: AuthPlugin<BasicAuth> = {
  kind: 'basic',
  checkConfig(auth, file, at) {
    checkCredentialRef(auth.credentials, auth.username, file, at, ['username']);
    checkCredentialRef(auth.credentials, auth.password, file, at, ['password']);
  },
  satisfies: (_auth, alt) => alt.length === 1 && alt[0]!.type === 'http' && alt[0]!.scheme === 'basic',
  suggest: (alt) => (alt.length === 1 && alt[0]!.type === 'http' && alt[0]!.scheme === 'basic' ? 'kind: basic (username: <credential>, optional password)' : undefined),
  headerNames: () => ['Authorization'],
  describe: (auth) => `HTTP basic, user ${auth.username}, password ${auth.password === undefined ? 'empty' : auth.password}.`,
  perRequest: false,
  templateModel: () => ({}),
  fakeRecipe: (auth) => ({ kind: 'basic', username: auth.username, ...(auth.password === undefined ? {} : { password: auth.password }) }),
};
