/** The auth kinds paykit knows: adding one is adding its module here, its template and its fake verifier. */
import { basic, type BasicAuth } from './basic.js';
import { bearer, type BearerAuth } from './bearer.js';
import { hmacSignature, type HmacSignatureAuth } from './hmac-signature.js';
import { none, type NoneAuth } from './none.js';
import type { AuthPlugin } from './types.js';

export type AuthConfig = BearerAuth | BasicAuth | HmacSignatureAuth | NoneAuth;

const PLUGINS: { [K in AuthConfig['kind']]: AuthPlugin<Extract<AuthConfig, { kind: K }>> } = {
  'bearer': bearer, 'basic': basic, 'hmac-signature': hmacSignature, 'none': none,
};

export const AUTH_KINDS: readonly string[] = Object.keys(PLUGINS);

/** The plugin of an entry's kind (the schema has already refused unknown kinds). */
export function authPlugin<A extends AuthConfig>(auth: A): AuthPlugin<A> {
  return PLUGINS[auth.kind] as unknown as AuthPlugin<A>;
}

export const allAuthPlugins = (): AuthPlugin<AuthConfig>[] => Object.values(PLUGINS) as AuthPlugin<AuthConfig>[];
export type { Scheme } from './types.js';
