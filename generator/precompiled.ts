/**
 * Handlebars templates and JSON Schema validators compiled ahead of time, or nothing. From the
 * TypeScript sources (tests, tsx) both are undefined and paykit compiles them at run time. The CLI
 * bundle (generator/bin/build-bundle.mjs) replaces this module with Handlebars.precompile output for
 * every template under templates/ (keyed `provider/client.ts`, `provider/auth/bearer`) and Ajv standalone
 * code for every schema under generator/schemas/ (keyed `<path>\0<allErrors>`), with the options each
 * was compiled with; the bundle is rebuilt whenever one of those files changes (generator/bin/paykit.mjs),
 * and a user of these tables falls back to compiling when the options are not its own.
 */
import type { ValidateFunction } from 'ajv';

export interface PrecompiledTemplates { options: object; specs: ReadonlyMap<string, TemplateSpecification> }
export interface PrecompiledValidators { options: object; functions: ReadonlyMap<string, ValidateFunction> }

export const precompiledTemplates: PrecompiledTemplates | undefined = undefined;
export const precompiledValidators: PrecompiledValidators | undefined = undefined;
