import { type FakeState } from './handle.js';
import type { FakeRecipe } from './recipe.js';
export type FakeFault = 'timeout-before' | 'timeout-after' | 'reset-before' | 'reset-after' | '5xx' | '429' | 'malformed-json' | 'html';
export declare const FAULTS: readonly FakeFault[];
export interface RunningServer {
    baseUrl: string;
    close(): Promise<void>;
}
export declare function serveFake(recipe: FakeRecipe, state: FakeState, faults: FakeFault[], port: number): Promise<RunningServer>;
/** The operation path's `{name}` parameters in a request path, decoded; undefined when it is another route. */
export declare function routeParams(template: string, path: string): Record<string, string> | undefined;
