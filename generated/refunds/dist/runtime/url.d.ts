/**
 * The request URL's path and query for a mapping with path or query parameters. Its own module so
 * that only the shims that need it carry it (code splitting leaves it out of the others' bundles).
 */
/** Fills the operation path's `{name}` parameters and appends the query, each value URL-encoded. */
export declare function withParams(template: string, path: Readonly<Record<string, unknown>>, query?: Readonly<Record<string, unknown>>): string;
