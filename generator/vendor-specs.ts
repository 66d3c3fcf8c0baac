/**
 * specs/vendor/<provider> is, byte for byte, the spec block of specs/sources/<document>. This module
 * computes those files; `paykit extract` writes them and a test proves the committed ones match.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ProjectConfig, ProviderConfig } from './config.js';
import { PaykitError } from './errors.js';
import { extractSpecBlock } from './extract.js';
import { decodeUtf8 } from './load/parse.js';

/** Providers whose spec is extracted from a vendor document (not hand-written). */
export function extractedProviders(config: ProjectConfig): ProviderConfig[] {
  return config.providers.filter((p) => p.source !== undefined && p.spec.startsWith('specs/vendor/'));
}

export function extractVendorSpec(config: ProjectConfig, provider: ProviderConfig): string {
  const source = provider.source!;
  const markdown = decodeUtf8(readFileSync(join(config.root, source)), source);
  const { text, format } = extractSpecBlock(markdown, source);
  const expected = format === 'json' ? ['.json'] : ['.yaml', '.yml'];
  if (!expected.includes(extname(provider.spec))) {
    throw new PaykitError(config.configFile, `/providers/${provider.id}/spec`, `the vendor document holds ${format.toUpperCase()} but the spec path is ${provider.spec}`,
      `name the file with a ${expected[0]} extension`);
  }
  return text;
}
