/** See bundle-key.mjs. */
export function bundleKey(root: string): string;
