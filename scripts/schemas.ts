/**
 * `npm run schemas`: writes the generated part of paykit's own JSON Schemas, the mapping transform
 * enums, from the registry (generator/facade/vocabulary.ts). test/generator/facade/vocabulary.test.ts
 * fails when the committed schema and the registry differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAPPINGS_SCHEMA, schemaFromRegistry } from '../generator/facade/vocabulary-schema.js';

const file = join(new URL('../', import.meta.url).pathname, MAPPINGS_SCHEMA);
const before = readFileSync(file, 'utf8');
const after = schemaFromRegistry(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? `${MAPPINGS_SCHEMA} already matches the registry` : `wrote ${MAPPINGS_SCHEMA} from generator/facade/vocabulary.ts`);
