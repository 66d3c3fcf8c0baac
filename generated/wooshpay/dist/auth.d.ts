/**
 * WooshPay authentication on its own, without openapi-fetch: the client's middleware uses it,
 * and so can code that sends its requests itself (@paykit/refunds imports only this module).
 */
/**
 * Credentials for WooshPay. Every field is a secret: keep it out of logs and error reports.
 */
export interface WooshpayCredentials {
    /** Secret API key, sent as the basic-auth user name with an empty password. */
    secretKey: string;
}
/**
 * Adds the authentication headers of one request to `headers`; `body` is exactly the text sent
 * (signatures cover it). Returns a promise only when it has to wait.
 */
export type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
/** HTTP basic authentication: user secretKey, password empty. */
export declare function authenticator(credentials: WooshpayCredentials): Authenticate;
