/**
 * The facade's printed sources as plain data: for each file, its path, the header's "from", and exactly
 * the values its ts-morph structure is built from (emit-files.ts). facade/index.ts memoizes each file's
 * text by these values (source-memo.ts), so ts-morph is loaded only when one of them changed.
 */
import type { CheckedMapping } from './check.js';

export type FacadeSource = { path: string; from: string } & (
  | { kind: 'shim'; checked: CheckedMapping; defaultBaseUrl: string }
  | { kind: 'types' | 'capabilities' | 'index'; checked: readonly CheckedMapping[] }
);

/** `defaultBaseUrls`: each provider's default server, by provider id. */
export function facadeSourceList(checked: readonly CheckedMapping[], defaultBaseUrls: ReadonlyMap<string, string>): FacadeSource[] {
  return [
    ...checked.map((c): FacadeSource => ({ kind: 'shim', path: `src/providers/${c.provider.id}.ts`, from: c.file, checked: c, defaultBaseUrl: defaultBaseUrls.get(c.provider.id)! })),
    { kind: 'types', path: 'src/types.ts', from: 'specs/providers.yaml', checked },
    { kind: 'capabilities', path: 'src/capabilities.ts', from: 'specs/mappings/', checked },
    { kind: 'index', path: 'src/index.ts', from: 'specs/providers.yaml', checked },
  ];
}
