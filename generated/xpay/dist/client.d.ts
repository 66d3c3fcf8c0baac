import { type Client } from 'openapi-fetch';
import { type XpayCredentials } from './auth.js';
import type { paths } from './schema.js';
export type { XpayCredentials };
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
