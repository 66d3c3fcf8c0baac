import type { ProviderId } from "../types.js";
import type { FakeRecipe } from "./recipe.js";
/** What each provider's fake plays: derived from its normalized spec, mapping and auth. */
export declare const recipes: Readonly<Record<ProviderId, FakeRecipe>>;
