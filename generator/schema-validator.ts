/** JSON Schemas that ship with paykit (generator/schemas/*.schema.json, which editors use too), compiled once per process. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { paykitPath } from './paths.js';

const compiled = new Map<string, ValidateFunction>();

/** `file` is relative to paykit's own root, e.g. `generator/schemas/mappings.schema.json`. */
export function schemaValidator(file: string, options: { allErrors: boolean }): ValidateFunction {
  let validate = compiled.get(file);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(paykitPath(file), 'utf8')) as object;
    validate = new Ajv({ allErrors: options.allErrors, strict: false }).compile(schema);
    compiled.set(file, validate);
  }
  return validate;
}
