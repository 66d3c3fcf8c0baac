/**
 * A small validator for the subset of JSON Schema (OpenAPI 3.0 and 3.1 flavours) the provider specs
 * use for request bodies and header parameters. Test-only code: the fake is never part of an app's
 * bundle, so a few dozen lines beat a schema library as a dependency of @paykit/refunds.
 */
import type { JsonSchema } from './recipe.js';
/** undefined when `value` fits `schema`, else a message naming the field (`name`) and the problem. */
export declare function schemaProblem(value: unknown, schema: JsonSchema | undefined, name: string): string | undefined;
