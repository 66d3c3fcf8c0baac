/** Loads a provider's spec: safe parse of every file it is made of, `$ref` checks, then one bundled document. */
import { bundle, type Config } from '@redocly/openapi-core';
import { PaykitError } from '../errors.js';
import type { OpenApiDocument } from '../normalize/types.js';
import { isRecord } from '../normalize/types.js';
import { loadSpecFiles } from './refs.js';
import { CheckedResolver } from './resolver.js';

export interface LoadedSpec {
  /** The spec as one document: the entry file itself, or redocly's bundle of its files. */
  document: OpenApiDocument;
  /** Every file the spec was read from (absolute), the entry first. */
  files: string[];
}

export async function loadSpec(absolutePath: string, displayPath: string, display: (abs: string) => string, lintConfig: Config): Promise<LoadedSpec> {
  const files = loadSpecFiles(absolutePath, display);
  const [entryPath, entry] = files.documents.entries().next().value!;
  checkIsOpenApi(entry, displayPath);
  if (!files.hasExternalRefs) return { document: entry as OpenApiDocument, files: [entryPath] };
  // Bundled from the documents parsed and checked above (redocly reads no file itself), in place:
  // nothing else holds them.
  const read = [...files.documents.keys()];
  const resolver = new CheckedResolver(files.documents, files.targets);
  const result = await bundle({ doc: await resolver.document(entryPath), externalRefResolver: resolver, config: lintConfig, dereference: false });
  return { document: result.bundle.parsed as OpenApiDocument, files: read };
}

function checkIsOpenApi(document: unknown, file: string): void {
  const found = openApiShapeProblem(document);
  if (found !== undefined) throw new PaykitError(file, found.pointer, found.problem, found.fix);
}

/** What makes `document` unreadable as an OpenAPI 3.0/3.1 description, if anything (also run after each overlay action). */
export function openApiShapeProblem(document: unknown): { pointer: string | undefined; problem: string; fix: string } | undefined {
  if (!isRecord(document)) {
    return { pointer: undefined, problem: 'is not an OpenAPI document (the top level is not a mapping)', fix: 'point providers.yaml at an OpenAPI 3.x file' };
  }
  const version = document.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    return { pointer: '/openapi', problem: `declares OpenAPI version ${JSON.stringify(version ?? null)}, paykit reads 3.0.x and 3.1.x`,
      fix: 'convert the document to OpenAPI 3.0 or 3.1 (Swagger 2.0 can be converted with swagger2openapi)' };
  }
  if (!isRecord(document.paths)) {
    return { pointer: '/paths', problem: 'is missing or not a mapping', fix: 'an OpenAPI document for a client needs paths' };
  }
  return undefined;
}
