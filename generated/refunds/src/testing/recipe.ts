/**
 * The data a fake plays a provider from. generator/facade/emit-testing.ts derives one recipe per
 * provider from its normalized spec, its mapping and its providers.yaml auth (src/testing/recipes.ts);
 * the fake's code (this folder) has no knowledge of any provider.
 */
import type { Money, RefundStatus } from '../runtime/contract.js';

/** The subset of JSON Schema the specs use, with every `$ref` inlined (see schema-check.ts). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export type AuthRecipe =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password?: string }
  | {
      /** providers.yaml's signing recipe: templates over {timestamp}, {body}, {signature} and credentials. */
      readonly kind: 'hmac-signature';
      readonly sign: {
        readonly message: string; readonly key: string; readonly algorithm: 'sha256' | 'sha512'; readonly encoding: 'hex' | 'base64';
        readonly timestamp?: 'iso8601' | 'iso8601-millis' | 'unix-seconds' | 'unix-millis';
      };
      readonly headers: Readonly<Record<string, string>>;
    };

/** Where the facade puts each part of its input in the provider's (flat) request body. */
export interface RequestRecipe {
  readonly method: string;
  readonly path: string;
  readonly body?: JsonSchema;
  /** Header parameters the spec declares (lower-case names), checked against their schemas. */
  readonly headers: readonly { readonly name: string; readonly required: boolean; readonly schema?: JsonSchema }[];
  /** Fields are named where the facade puts them: a body key (dotted for a nested one), `path:<name>` or `query:<name>`. */
  readonly paymentIdField: string;
  /** The operation's path and query parameters, checked like headers (values are text). */
  readonly parameters?: readonly { readonly in: 'path' | 'query'; readonly name: string; readonly required: boolean; readonly schema?: JsonSchema }[];
  /** The facade's transform, inverted by the fake (minorToInteger, minorToString, minorToMajorNumber, …). */
  readonly amount?: { readonly field: string; readonly transform: string };
  readonly referenceField?: string;
  /** Where the currency is sent and its case transform: the fake refuses one that is not the payment's. */
  readonly currency?: { readonly field: string; readonly transform?: string };
  /** Required provider options: option name → body field; a seeded payment only matches its own values. */
  readonly optionFields: Readonly<Record<string, string>>;
  /** Lower-case; only for providers that de-duplicate. */
  readonly idempotencyHeader?: string;
}

export type Slot = 'refundId' | 'paymentId' | 'status' | 'amount' | 'currency' | 'createdAt' | 'reference' | 'failureReason';

/** A value the fake writes into a reply: at a body path, or into a response header. */
export interface Fill {
  readonly slot: Slot;
  readonly at?: readonly string[];
  readonly header?: string;
  /** The JSON type the spec gives the field. */
  readonly type: 'string' | 'integer' | 'number';
  /** amount: its mapping format; createdAt: the facade's transform, inverted. */
  readonly format?: string;
  /** The spec's enum for the field, when it has one. */
  readonly values?: readonly (string | number)[];
}

/** One way the provider answers a refund it accepted: a mapped response and the facade status it reads as. */
export interface OutcomeRecipe {
  readonly httpStatus: number;
  readonly refundStatus: RefundStatus;
  readonly body: unknown;
  readonly fills: readonly Fill[];
  /** The spec value a status field gets for this outcome. */
  readonly statusValue?: string | number;
  /** How the refund id looks: the spec's type/format of the field the mapping reads it from. */
  readonly idForm: 'string' | 'integer' | 'uuid';
}

export interface ErrorRecipe {
  readonly httpStatus: number;
  readonly body: unknown;
  /** Where the mapping reads the error message from. */
  readonly message?: readonly string[];
}

export type FakeErrorCode = 'authentication_failed' | 'invalid_request' | 'payment_not_found' | 'amount_exceeds_refundable' | 'already_refunded';

export interface SeedRecipe {
  readonly paymentId: string;
  readonly amount: Money;
  readonly providerOptions?: Readonly<Record<string, unknown>>;
  /** Index into `outcomes`. */
  readonly outcome: number;
}

export interface FakeRecipe {
  readonly auth: AuthRecipe;
  /** Test credentials the fake accepts (not secrets of any real account). */
  readonly credentials: Readonly<Record<string, string>>;
  readonly request: RequestRecipe;
  readonly outcomes: readonly OutcomeRecipe[];
  readonly payments: readonly SeedRecipe[];
  readonly errors: Readonly<Partial<Record<FakeErrorCode, ErrorRecipe>>>;
  /** Bodies for the '5xx' and '429' faults (the spec's, or its error shape). */
  readonly unavailable: ErrorRecipe;
  readonly rateLimited: ErrorRecipe;
}
