import type { Verify } from './auth.js';
import type { AuthRecipe } from './recipe.js';
type HmacRecipe = Extract<AuthRecipe, {
    kind: 'hmac-signature';
}>;
export declare const hmacSignatureProblem: Verify<HmacRecipe>;
export {};
