/**
 * Payop authentication on its own, without openapi-fetch: the client's middleware uses it,
 * and so can code that sends its requests itself (@paykit/refunds imports only this module).
 */
/**
 * Credentials for Payop. Every field is a secret: keep it out of logs and error reports.
 */
export interface PayopCredentials {
    /** JWT issued by Payop, sent as a bearer token. */
    token: string;
}
/**
 * Adds the authentication headers of one request to `headers`; `body` is exactly the text sent
 * (signatures cover it). Returns a promise only when it has to wait.
 */
export type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
/** Bearer authentication: `Authorization: Bearer <token>`. */
export declare function authenticator(credentials: PayopCredentials): Authenticate;
