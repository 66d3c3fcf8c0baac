/**
 * The mapping vocabulary of transforms: for each name, which facade inputs it applies to (request
 * side), the JSON type it produces, and the runtime module (src/runtime/<module>.ts) of the
 * function the shim calls. generator/schemas/mappings.schema.json's transform enums are written from these
 * (`npm run schemas`, vocabulary-schema.ts; test/generator/facade/vocabulary.test.ts fails on drift), the checks read `sources` and `produces`, and the
 * shim emission imports `runtime` from here (expressions.ts collectRuntime).
 */
export interface RequestTransform {
  /** The request paths (`from`) it may read; undefined: any. */
  sources?: readonly string[];
  produces: 'integer' | 'string' | 'number';
  /** The runtime function the shim calls, and its module; undefined when the shim needs none. */
  runtime?: { name: string; module: string };
}

export const REQUEST_TRANSFORMS: Readonly<Record<string, RequestTransform>> = {
  minorToInteger: { sources: ['amount'], produces: 'integer' },
  minorToString: { sources: ['amount'], produces: 'string', runtime: { name: 'minorToString', module: 'minor-string' } },
  minorToMajorNumber: { sources: ['amount'], produces: 'number', runtime: { name: 'minorToMajorNumber', module: 'major' } },
  minorToMajorDecimal: { sources: ['amount'], produces: 'string', runtime: { name: 'minorToMajorDecimal', module: 'major' } },
  digitsToInteger: { produces: 'integer', runtime: { name: 'digitsToInteger', module: 'digits' } },
  lowerCase: { sources: ['amount.currency'], produces: 'string', runtime: { name: 'lowerCase', module: 'text' } },
  upperCase: { sources: ['amount.currency'], produces: 'string', runtime: { name: 'upperCase', module: 'text' } },
};

/** Response transforms: provider value → facade value (`read.optional(value, fn)`); schema enum = these names. */
export const RESPONSE_TRANSFORMS: Readonly<Record<string, { runtime: { name: string; module: string } }>> = {
  epochSecondsToIso: { runtime: { name: 'epochSecondsToIso', module: 'epoch' } },
  epochMillisToIso: { runtime: { name: 'epochMillisToIso', module: 'epoch' } },
  naiveUtcDateTimeToIso: { runtime: { name: 'naiveUtcDateTimeToIso', module: 'date-naive' } },
  isoToIso: { runtime: { name: 'isoToIso', module: 'date-iso' } },
  upperCase: { runtime: { name: 'upperCase', module: 'text' } },
  lowerCase: { runtime: { name: 'lowerCase', module: 'text' } },
};

/** The case transform's effect, as the runtime's text.ts applies it (locale-independent). */
export function applyCase(transform: string | undefined, text: string): string {
  return transform === 'lowerCase' ? text.toLowerCase() : transform === 'upperCase' ? text.toUpperCase() : text;
}
