/**
 * One request through the fake provider: auth → header checks → idempotency replay → body
 * validation against the spec → payment lookup → refund accounting → the mapped reply.
 */
import type { Money, RefundStatus } from '../runtime/contract.js';
import type { FakeErrorCode, FakeRecipe } from './recipe.js';
import { type Reply } from './replies.js';
export interface IncomingRequest {
    /** Lower-case names. */
    headers: Record<string, string>;
    bodyText: string;
    /** The operation path's parameters, decoded, and the query string. */
    path?: Readonly<Record<string, string>>;
    query?: URLSearchParams;
}
export interface LedgerEntry {
    id: string;
    paymentId: string;
    amount?: Money;
    idempotencyKey?: string;
    status: RefundStatus;
}
export interface FakeState {
    ledger: LedgerEntry[];
    /** Minor units refunded (and not declined) per payment id. */
    refunded: Map<string, number>;
    /** Idempotency key → the request it came with (path and query parameters, body) and the answer it got. */
    answered: Map<string, {
        sent: string;
        reply: Reply;
    }>;
    seq: number;
    now: () => Date;
}
export declare function handleRefund(recipe: FakeRecipe, state: FakeState, request: IncomingRequest): Reply;
export declare function errorFor(recipe: FakeRecipe, code: FakeErrorCode, message: string): Reply;
