/**
 * openapi-typescript's CommonJS build, and the redocly it runs on (1.x, a different major than paykit's
 * own), required rather than imported: its ESM build would make Node's ESM loader scan TypeScript's 9 MB
 * for export names first (about 0.3 s; see scripts/bench/RESULTS.md). The CLI bundle
 * (generator/bin/build-bundle.mjs) bundles these same two packages in place of this module.
 */
import { createRequire } from 'node:module';
import type * as OpenapiTypescript from 'openapi-typescript';

const require = createRequire(import.meta.url);

export const openapiTypescript = require('openapi-typescript') as typeof OpenapiTypescript;

type OtsConfig = NonNullable<Parameters<typeof OpenapiTypescript.default>[1]>['redocly'];

/** openapi-typescript's own redocly, so a config made with it is one openapi-typescript reads. */
export interface OpenapiTypescriptRedocly {
  createConfig: (raw: object, options: { extends: string[] }) => Promise<OtsConfig & { styleguide: { rules: Record<string, Record<string, unknown>> } }>;
}

export function openapiTypescriptRedocly(): OpenapiTypescriptRedocly {
  return createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core') as OpenapiTypescriptRedocly;
}

