/**
 * The request URL's path and query for a mapping with path or query parameters. Its own module so
 * that only the shims that need it carry it (code splitting leaves it out of the others' bundles).
 */
/** Fills the operation path's `{name}` parameters and appends the query, each value URL-encoded. */
export function withParams(template, path, query = {}) {
    const filled = template.replace(/\{([^}]+)\}/g, (_, name) => {
        const value = path[name] == null ? '' : String(path[name]);
        // An empty segment, or `.`/`..` (which URL parsing resolves, even percent-encoded), would reach another endpoint.
        if (value === '' || value === '.' || value === '..')
            throw new Error(`path parameter ${name} must be a non-empty value other than "." and ".."`);
        return encodeURIComponent(value);
    });
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
        if (value != null)
            search.append(name, String(value));
    const text = search.toString();
    return text === '' ? filled : `${filled}?${text}`;
}
