import { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';
/**
 * Credentials for xPay. Every field is a secret: keep it out of logs and error reports.
 */
export interface XpayCredentials {
    /** Public key, sent as the basic-auth user name. */
    publicKey: string;
    /** Secret key, sent as the basic-auth password. */
    secretKey: string;
}
export interface XpayClientOptions {
    credentials: XpayCredentials;
    /** Server to call. Default: https://api.xpaycheckout.com */
    baseUrl?: string;
    /** Any WHATWG fetch; defaults to the global one. */
    fetch?: (input: Request) => Promise<Response>;
}
export type XpayClient = Client<paths>;
/** Servers the vendor documents, in the order it lists them. */
export declare const SERVERS: readonly {
    url: string;
    description?: string;
}[];
/** The vendor's server (one of SERVERS) this client calls when no baseUrl is given. */
export declare const DEFAULT_BASE_URL: string;
/** A typed openapi-fetch client for xPay that authenticates every request. */
export declare function createXpayClient(options: XpayClientOptions): XpayClient;
