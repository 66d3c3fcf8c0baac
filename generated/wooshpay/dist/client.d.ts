import { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';
/**
 * Credentials for WooshPay. Every field is a secret: keep it out of logs and error reports.
 */
export interface WooshpayCredentials {
    /** Secret API key, sent as the basic-auth user name with an empty password. */
    secretKey: string;
}
export interface WooshpayClientOptions {
    credentials: WooshpayCredentials;
    /** Server to call. Default: https://apitest.wooshpay.com */
    baseUrl?: string;
    /** Any WHATWG fetch; defaults to the global one. */
    fetch?: (input: Request) => Promise<Response>;
}
export type WooshpayClient = Client<paths>;
/** Servers the vendor documents, in the order it lists them. */
export declare const SERVERS: readonly {
    url: string;
    description?: string;
}[];
/** The vendor's server (one of SERVERS) this client calls when no baseUrl is given. */
export declare const DEFAULT_BASE_URL: string;
/** A typed openapi-fetch client for WooshPay that authenticates every request. */
export declare function createWooshpayClient(options: WooshpayClientOptions): WooshpayClient;
