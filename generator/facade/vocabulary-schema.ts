/**
 * The registry → schema direction of the mapping vocabulary: mappings.schema.json's transform enums
 * are written from vocabulary.ts (`npm run schemas`), never edited by hand, so the schema editors and
 * the loader use, the checks and the shim emission all name the same transforms.
 */
import { REQUEST_TRANSFORMS, RESPONSE_TRANSFORMS } from './vocabulary.js';

export const MAPPINGS_SCHEMA = 'generator/schemas/mappings.schema.json';

/** Which schema definition's `transform` lists which registry. */
const ENUMS: ReadonlyArray<[definition: string, names: readonly string[]]> = [
  ['requestValue', Object.keys(REQUEST_TRANSFORMS)],
  ['responseValue', Object.keys(RESPONSE_TRANSFORMS)],
];

/** The schema text with its transform enums set to the registry's names, as `npm run schemas` writes it. */
export function schemaFromRegistry(schemaText: string): string {
  const schema = JSON.parse(schemaText) as { definitions: Record<string, { oneOf: Array<{ properties?: Record<string, unknown> }> }> };
  for (const [definition, names] of ENUMS) {
    const branch = schema.definitions[definition]?.oneOf.find((b) => b.properties?.['transform'] !== undefined);
    if (branch === undefined) throw new Error(`${MAPPINGS_SCHEMA}: #/definitions/${definition} has no object form with a transform property`);
    branch.properties!['transform'] = { $comment: 'written by `npm run schemas` from generator/facade/vocabulary.ts', enum: [...names] };
  }
  return `${JSON.stringify(schema, null, 2)}\n`;
}
