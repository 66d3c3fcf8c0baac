/**
 * openapi-typescript's CommonJS build, and the redocly it runs on (1.x, a different major than paykit's
 * own), required rather than imported: its ESM build would make Node's ESM loader scan TypeScript's 9 MB
 * for export names first (about 0.3 s; see scripts/bench/RESULTS.md). The CLI bundle
 * (generator/bin/build-bundle.mjs) bundles these same packages in place of this module, the transform
 * eagerly and the rest (openapi-typescript's parse, lint and bundle, and its redocly) only when called.
 */
import { createRequire } from 'node:module';
import type * as OpenapiTypescript from 'openapi-typescript';

const require = createRequire(import.meta.url);

type Ots = typeof OpenapiTypescript;

/** The part of openapi-typescript that turns an already linted and bundled document into TypeScript. */
export const openapiTypescriptTransform: Pick<Ots, 'astToString' | 'resolveRef' | 'scanDiscriminators' | 'transformSchema'> = require('openapi-typescript') as Ots;

/** openapi-typescript whole (its parse, lint and bundle with its own redocly, then the transform). */
export function loadOpenapiTypescript(): Ots['default'] {
  return (require('openapi-typescript') as Ots).default;
}

type OtsConfig = NonNullable<Parameters<Ots['default']>[1]>['redocly'];

/** openapi-typescript's own redocly, so a config made with it is one openapi-typescript reads. */
export interface OpenapiTypescriptRedocly {
  createConfig: (raw: object, options: { extends: string[] }) => Promise<OtsConfig & { styleguide: { rules: Record<string, Record<string, unknown>> } }>;
  BaseResolver: { prototype: { loadExternalRef: (absoluteRef: string) => Promise<unknown> } };
  ResolveError: new (error: Error) => Error;
}

export function loadOpenapiTypescriptRedocly(): OpenapiTypescriptRedocly {
  return createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core') as OpenapiTypescriptRedocly;
}

/** `openapi-typescript@x` and `@redocly/openapi-core@y` as installed: what decides its default lint. */
export function openapiTypescriptVersions(): string {
  const otsRequire = createRequire(require.resolve('openapi-typescript'));
  const version = (load: NodeJS.Require, name: string) => `${name}@${(load(`${name}/package.json`) as { version: string }).version}`;
  return `${version(require, 'openapi-typescript')} ${version(otsRequire, '@redocly/openapi-core')}`;
}
