/** `kind: basic`: `Authorization: Basic base64(user:password)`. */
import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
export declare const basicProblem: Verify<Extract<AuthRecipe, {
    kind: 'basic';
}>>;
