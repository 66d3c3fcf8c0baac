/**
 * Builds the fake's answers from a recipe: a refund reply is the spec-derived body template with the
 * mapping's response paths filled in (id, status, amount, …), so the facade reads back exactly what
 * the fake recorded; an error reply is the body the mapping's error rule for that code matches.
 */
import type { Money, RefundStatus } from '../runtime/contract.js';
import type { ErrorRecipe, OutcomeRecipe } from './recipe.js';
export interface Reply {
    status: number;
    body: unknown;
    headers: Record<string, string>;
}
/** What the fake knows about a refund it just created. */
export interface RefundFacts {
    id: string;
    requestPaymentId: unknown;
    status: RefundStatus;
    amount: Money;
    createdAt: Date;
    reference?: unknown;
}
export declare function refundReply(outcome: OutcomeRecipe, facts: RefundFacts): Reply;
export declare function errorReply(recipe: ErrorRecipe, message: string): Reply;
