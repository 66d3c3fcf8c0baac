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
export declare const DEFAULT_SIGNATURE_PREFIX: string;
export interface OnekeypaymentsAuthOptions {
    /** Text before the hex signature in the Authorization header. Default: V2-HMAC-SHA256, Signature: */
    signaturePrefix?: string;
    /** Clock used for the X-Date header; tests pin it. */
    now?: () => Date;
}
/**
 * Signed headers: X-Date (`yyyy-MM-ddTHH:mm:ssZ`), X-Login, and
 * `Authorization: <prefix> <hex>` where hex is the HMAC-SHA256 of
 * X-Date + X-Login + the exact request body, keyed with the secret key.
 * Uses Web Crypto, so it runs in any fetch runtime. The key is imported once, here.
 */
export declare function authenticator(credentials: OnekeypaymentsCredentials, options?: OnekeypaymentsAuthOptions): Authenticate;
