/** `kind: bearer`: `Authorization: Bearer <token>`. */
import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
export declare const bearerProblem: Verify<Extract<AuthRecipe, {
    kind: 'bearer';
}>>;
