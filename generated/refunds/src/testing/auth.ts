/// <reference types="node" />
/**
 * Checks a request's credentials the way the provider would, by the auth kind providers.yaml
 * declares: a bearer token, basic user:password, or an HMAC signature recomputed from the headers
 * and the exact body. Answers why it refused (never with a credential in the text).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthRecipe } from './recipe.js';

/** How far a signed request's date may be from the fake's clock, as a provider allows for skew. */
const MAX_SKEW_MS = 5 * 60 * 1000;

export function authProblem(
  auth: AuthRecipe, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string,
): string | undefined {
  const authorization = headers['authorization'];
  switch (auth.kind) {
    case 'none': return undefined;
    case 'bearer': {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (token === undefined) return 'missing bearer token';
      return same(token, credentials[auth.token]) ? undefined : 'invalid bearer token';
    }
    case 'basic': {
      const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '')?.[1];
      if (encoded === undefined) return 'missing basic credentials';
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return 'malformed basic credentials';
      const expectedPassword = auth.password === undefined ? '' : credentials[auth.password];
      const ok = same(decoded.slice(0, colon), credentials[auth.username]) && same(decoded.slice(colon + 1), expectedPassword);
      return ok ? undefined : 'invalid basic credentials';
    }
    case 'hmac-signature': {
      const date = headers[auth.dateHeader.toLowerCase()];
      const login = headers[auth.loginHeader.toLowerCase()];
      const signature = headers[auth.signatureHeader.toLowerCase()];
      if (!date || !login || !signature) return `missing ${auth.dateHeader}, ${auth.loginHeader} or ${auth.signatureHeader}`;
      if (!same(login, credentials[auth.login])) return `invalid ${auth.loginHeader}`;
      const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.test(date) ? Date.parse(date) : NaN;
      if (Number.isNaN(when)) return `${auth.dateHeader} must be an ISO 8601 date-time with a zone`;
      // Against the real clock: the client signs with it, whatever clock the fake reports dates by.
      if (Math.abs(Date.now() - when) > MAX_SKEW_MS) return `${auth.dateHeader} is more than 5 minutes away`;
      const prefix = `${auth.signaturePrefix} `;
      if (!signature.startsWith(prefix)) return `${auth.signatureHeader} must start with "${auth.signaturePrefix}"`;
      const secret = credentials[auth.secret] ?? '';
      const expected = createHmac('sha256', secret).update(date + login + bodyText, 'utf8').digest('hex');
      return same(signature.slice(prefix.length).toLowerCase(), expected) ? undefined : 'invalid signature';
    }
  }
}

/** Constant-time comparison, so a test cannot learn a credential by timing. */
function same(actual: string, expected: string | undefined): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
