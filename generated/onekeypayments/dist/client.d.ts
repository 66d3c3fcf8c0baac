import { type Client } from 'openapi-fetch';
import { type OnekeypaymentsCredentials } from './auth.js';
import type { paths } from './schema.js';
export type { OnekeypaymentsCredentials };
export interface OnekeypaymentsClientOptions {
    credentials: OnekeypaymentsCredentials;
    /** Server to call. Default: https://api-stg.onekeypayments.com */
    baseUrl?: string;
    /** Any WHATWG fetch; defaults to the global one. */
    fetch?: (input: Request) => Promise<Response>;
    /** Clock the request signature's timestamp is taken from; tests pin it. */
    now?: () => Date;
}
export type OnekeypaymentsClient = Client<paths>;
/** Servers the vendor documents, in the order it lists them. */
export declare const SERVERS: readonly {
    url: string;
    description?: string;
}[];
/** The vendor's server (one of SERVERS) this client calls when no baseUrl is given. */
export declare const DEFAULT_BASE_URL: string;
/** A typed openapi-fetch client for onekeypayments that authenticates every request. */
export declare function createOnekeypaymentsClient(options: OnekeypaymentsClientOptions): OnekeypaymentsClient;
