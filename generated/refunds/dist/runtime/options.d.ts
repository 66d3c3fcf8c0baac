/**
 * createRefundsClient's options, checked before any request (DESIGN.md, "Configuration"): a
 * TypeError for a wrong type, a RangeError for a value out of range, each naming the option and
 * never a credential's value.
 */
import type { RefundsClientOptionsBase } from './contract.js';
/** A provider's credential fields and its lazily loaded shim module (which exports `shim`). */
export type ProviderEntry = readonly [credentialFields: readonly string[], load: () => Promise<{
    shim: unknown;
}>];
export interface CheckedOptions extends RefundsClientOptionsBase {
    provider: string;
    credentials: Record<string, string>;
}
/** The provider's entry and the credential values (every one a secret), or a TypeError/RangeError. */
export declare function checkOptions(options: unknown, providers: Readonly<Record<string, ProviderEntry>>): [ProviderEntry, string[]];
/** A non-null, non-array object (what options, credentials and refund input must be). */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
