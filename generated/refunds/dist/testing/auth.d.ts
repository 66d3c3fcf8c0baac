import type { AuthRecipe } from './recipe.js';
export declare function authProblem(auth: AuthRecipe, credentials: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>>, bodyText: string): string | undefined;
