/** JSON Schemas that ship with paykit (generator/schemas/*.schema.json, which editors use too), compiled once per process. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { paykitPath } from './paths.js';
import { precompiledValidators } from './precompiled.js';

/** Ajv options; generator/bin/build-bundle.mjs precompiles every schema with the same ones (and both `allErrors`). */
const AJV_OPTIONS = { strict: false };

const compiled = new Map<string, ValidateFunction>();

/** `file` is relative to paykit's own root, e.g. `generator/schemas/mappings.schema.json`. */
export function schemaValidator(file: string, options: { allErrors: boolean }): ValidateFunction {
  const key = `${file}\0${options.allErrors}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const ahead = precompiledValidators;
    validate = ahead !== undefined && JSON.stringify(ahead.options) === JSON.stringify(AJV_OPTIONS) ? ahead.functions.get(key) : undefined;
  }
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(paykitPath(file), 'utf8')) as object;
    validate = new Ajv({ ...AJV_OPTIONS, allErrors: options.allErrors }).compile(schema);
  }
  compiled.set(key, validate);
  return validate;
}
