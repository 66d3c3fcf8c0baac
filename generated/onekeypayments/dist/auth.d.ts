/**
 * onekeypayments authentication on its own, without openapi-fetch: the client's middleware uses it,
 * and so can code that sends its requests itself (@paykit/refunds imports only this module).
 */
/**
 * Credentials for onekeypayments. Every field is a secret: keep it out of logs and error reports.
 */
export interface OnekeypaymentsCredentials {
    /** Merchant X-Login API key. */
    login: string;
    /** Secret key that signs every request (HMAC-SHA256). */
    secretKey: string;
}
/**
 * Adds the authentication headers of one request to `headers`; `body` is exactly the text sent
 * (signatures cover it). Returns a promise only when it has to wait.
 */
export type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
export interface OnekeypaymentsAuthOptions {
    /** Clock the signature's timestamp is taken from (yyyy-MM-ddTHH:mm:ssZ); tests pin it. */
    now?: () => Date;
}
/**
 * Signed headers, built from providers.yaml's signing recipe: `X-Date: {timestamp}`, `X-Login: {login}`, `Authorization: V2-HMAC-SHA256, Signature: {signature}`,
 * where the signature is the hex HMAC-SHA-256 of `{timestamp}{login}{body}` ({body}: the exact
 * request body), keyed with the secretKey credential.
 * Uses Web Crypto, so it runs in any fetch runtime. The key is imported once, here.
 */
export declare function authenticator(credentials: OnekeypaymentsCredentials, options?: OnekeypaymentsAuthOptions): Authenticate;
