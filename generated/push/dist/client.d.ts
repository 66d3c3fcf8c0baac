import { type Client } from 'openapi-fetch';
import { type PushCredentials } from './auth.js';
import type { paths } from './schema.js';
export type { PushCredentials };
export interface PushClientOptions {
    credentials: PushCredentials;
    /** Server to call. Default: https://sandbox.pushcash.com */
    baseUrl?: string;
    /** Any WHATWG fetch; defaults to the global one. */
    fetch?: (input: Request) => Promise<Response>;
}
export type PushClient = Client<paths>;
/** Servers the vendor documents, in the order it lists them. */
export declare const SERVERS: readonly {
    url: string;
    description?: string;
}[];
/** The vendor's server (one of SERVERS) this client calls when no baseUrl is given. */
export declare const DEFAULT_BASE_URL: string;
/** A typed openapi-fetch client for Push that authenticates every request. */
export declare function createPushClient(options: PushClientOptions): PushClient;
