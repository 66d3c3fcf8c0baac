/// <reference types="node" />
/** `kind: basic`: `Authorization: Basic base64(user:password)`. */
import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
import { sameSecret } from './secret-compare.js';

export const basicProblem: Verify<Extract<AuthRecipe, { kind: 'basic' }>> = (auth, credentials, headers) => {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(headers['authorization'] ?? '')?.[1];
  if (encoded === undefined) return 'missing basic credentials';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed basic credentials';
  const expectedPassword = auth.password === undefined ? '' : credentials[auth.password];
  const ok = sameSecret(decoded.slice(0, colon), credentials[auth.username]) && sameSecret(decoded.slice(colon + 1), expectedPassword);
  return ok ? undefined : 'invalid basic credentials';
};
