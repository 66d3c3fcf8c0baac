/** `kind: bearer`: `Authorization: Bearer <token>`. */
import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
import { sameSecret } from './secret-compare.js';

export const bearerProblem: Verify<Extract<AuthRecipe, { kind: 'bearer' }>> = (auth, credentials, headers) => {
  const token = /^Bearer (\S+)$/.exec(headers['authorization'] ?? '')?.[1];
  if (token === undefined) return 'missing bearer token';
  return sameSecret(token, credentials[auth.token]) ? undefined : 'invalid bearer token';
};
