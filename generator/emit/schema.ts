/** src/schema.ts: openapi-typescript's types for the normalized spec. */
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../normalize/types.js';

export async function emitSchema(document: OpenApiDocument, header: string): Promise<string> {
  // openapi-typescript bundles its input in place, so it gets a copy. As JSON text, not a structured
  // clone: it keeps JSON text as the source of its document either way (it would stringify an
  // object itself), and one JSON.parse is cheaper than structuredClone of a large spec.
  const ast = await openapiTS(JSON.stringify(document), { silent: true });
  return `${header}\n${astToString(ast)}`;
}
