/**
 * Checks a request's credentials the way the provider would, by the auth kind providers.yaml
 * declares: one verifier module per kind (auth-<kind>.ts), registered here. Answers why it refused
 * (never with a credential in the text).
 */
import { basicProblem } from './auth-basic.js';
import { bearerProblem } from './auth-bearer.js';
import { hmacSignatureProblem } from './auth-hmac-signature.js';
import type { AuthRecipe } from './recipe.js';

/** Header names are lower-case; `bodyText` is exactly the body received. */
export type Verify<A> = (
  auth: A, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string,
) => string | undefined;

const VERIFIERS: { [K in AuthRecipe['kind']]: Verify<Extract<AuthRecipe, { kind: K }>> } = {
  'none': () => undefined,
  'bearer': bearerProblem,
  'basic': basicProblem,
  'hmac-signature': hmacSignatureProblem,
};

export function authProblem(
  auth: AuthRecipe, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string,
): string | undefined {
  return (VERIFIERS[auth.kind] as Verify<AuthRecipe>)(auth, credentials, headers, bodyText);
}
