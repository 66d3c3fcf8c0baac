/**
 * What the shims' generated `check(input, fail)` (generator/facade/emit-checks.ts) calls, one call
 * per limit the provider's spec puts on a pass-through field; an absent value passes every check.
 * Each function is separate, so a bundle carries only the kinds of limit its provider's spec has.
 */
type Fail = (message: string) => never;
/** A string option whose spec limits its length: present, it is a non-empty string of at most `max` characters. */
export declare function text(fail: Fail, field: string, value: unknown, max: number): void;
export declare function maxLength(fail: Fail, field: string, value: unknown, max: number): void;
export declare function minLength(fail: Fail, field: string, value: unknown, min: number): void;
export declare function matches(fail: Fail, field: string, value: unknown, source: string): void;
/** format: uri. */
export declare function absoluteUrl(fail: Fail, field: string, value: unknown): void;
export declare function oneOf(fail: Fail, field: string, value: unknown, values: readonly unknown[]): void;
/** An object with every `required` member; returned for the checks of its members. */
export declare function object(fail: Fail, field: string, value: unknown, required?: readonly string[]): Record<string, unknown> | undefined;
export {};
