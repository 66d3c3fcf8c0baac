import type { AuthRecipe } from './recipe.js';
/** Header names are lower-case; `bodyText` is exactly the body received. */
export type Verify<A> = (auth: A, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string) => string | undefined;
export declare function authProblem(auth: AuthRecipe, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string): string | undefined;
