/** src/schema.ts: openapi-typescript's types for the normalized spec. */
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../normalize/types.js';

export async function emitSchema(document: OpenApiDocument, header: string): Promise<string> {
  // openapi-typescript reads its input; hand it a copy so the caller's document stays as it was.
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { silent: true });
  return `${header}\n${astToString(ast)}`;
}
