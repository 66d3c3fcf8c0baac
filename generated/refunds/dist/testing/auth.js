/**
 * Checks a request's credentials the way the provider would, by the auth kind providers.yaml
 * declares: one verifier module per kind (auth-<kind>.ts), registered here. Answers why it refused
 * (never with a credential in the text).
 */
import { basicProblem } from './auth-basic.js';
import { bearerProblem } from './auth-bearer.js';
import { hmacSignatureProblem } from './auth-hmac-signature.js';
const VERIFIERS = {
    'none': () => undefined,
    'bearer': bearerProblem,
    'basic': basicProblem,
    'hmac-signature': hmacSignatureProblem,
};
export function authProblem(auth, credentials, headers, bodyText) {
    return VERIFIERS[auth.kind](auth, credentials, headers, bodyText);
}
