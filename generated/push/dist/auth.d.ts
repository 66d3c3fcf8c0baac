/**
 * Push authentication on its own, without openapi-fetch: the client's middleware uses it,
 * and so can code that sends its requests itself (@paykit/refunds imports only this module).
 */
/**
 * Credentials for Push. Every field is a secret: keep it out of logs and error reports.
 */
export interface PushCredentials {
    /** API key issued by Push, sent as a bearer token. */
    apiKey: string;
}
/**
 * Adds the authentication headers of one request to `headers`; `body` is exactly the text sent
 * (signatures cover it). Returns a promise only when it has to wait.
 */
export type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
/** Bearer authentication: `Authorization: Bearer <apiKey>`. */
export declare function authenticator(credentials: PushCredentials): Authenticate;
