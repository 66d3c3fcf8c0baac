/**
 * An auth kind is a plugin: one module in this folder (registered in index.ts) says how providers.yaml
 * declares it (its schema fragment lives in generator/schemas/providers.schema.json under the same kind), what a
 * valid entry must also satisfy, which spec security schemes it answers to, how its template
 * (templates/provider/auth/<kind>.hbs) is fed, and what data the fake verifies it from
 * (templates/refunds/testing/auth-<kind>.ts).
 */

/** One security scheme of the normalized spec, as the auth check reads it. */
export interface Scheme { name: string; pointer: string; type: string; scheme: string; in: string; headerName: string }

/** A providers.yaml auth entry of some kind (credentials: name → description, every one a secret). */
export interface AuthEntry { kind: string; credentials?: Record<string, string> }

export interface AuthPlugin<A extends AuthEntry> {
  kind: A['kind'];
  /** Throws a PaykitError (file, pointer under `at`, the entry's auth) for what the schema cannot say. */
  checkConfig(auth: A, file: string, at: readonly string[]): void;
  /** Whether one alternative of the spec's security requirement is what this auth sends. */
  satisfies(auth: A, alternative: readonly Scheme[]): boolean;
  /** The right kind of schemes but something named differently: the field (under auth) to correct and why. */
  mismatch?(auth: A, alternative: readonly Scheme[]): { field: string[]; problem: string } | undefined;
  /** The providers.yaml auth this kind would need to fit that alternative, when it can. */
  suggest(alternative: readonly Scheme[]): string | undefined;
  /** Headers this auth sets (the fake does not check them as ordinary header parameters). */
  headerNames(auth: A): string[];
  /** One-line description for the package README. */
  describe(auth: A): string;
  /** Whether the headers depend on the request (the body, the clock): the client then signs each request. */
  perRequest: boolean;
  /** Extra data for templates/provider/auth/<kind>.hbs (besides `auth` itself). */
  templateModel(auth: A): object;
  /** What the fake needs to verify a request (never the credentials' descriptions). */
  fakeRecipe(auth: A): object;
}
