/**
 * Builds the fake's answers from a recipe: a refund reply is the spec-derived body template with the
 * mapping's response paths filled in (id, status, amount, …), so the facade reads back exactly what
 * the fake recorded; an error reply is the body the mapping's error rule for that code matches.
 */
import type { Money, RefundStatus } from '../runtime/contract.js';
import { minorToMajorDecimal } from '../runtime/major.js';
import type { ErrorRecipe, Fill, OutcomeRecipe } from './recipe.js';

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

export function refundReply(outcome: OutcomeRecipe, facts: RefundFacts): Reply {
  const body = structuredClone(outcome.body);
  const headers: Record<string, string> = {};
  for (const fill of outcome.fills) {
    const value = fillValue(fill, outcome, facts);
    if (value === undefined) continue;
    if (fill.header !== undefined) headers[fill.header] = String(value);
    else if (fill.at !== undefined) setPath(body, fill.at, value);
  }
  return { status: outcome.httpStatus, body, headers };
}

export function errorReply(recipe: ErrorRecipe, message: string): Reply {
  const body = structuredClone(recipe.body);
  // The template already holds the value a rule's condition needs; only a free-text message is replaced.
  if (recipe.message !== undefined && !hasValue(body, recipe.message)) setPath(body, recipe.message, message);
  return { status: recipe.httpStatus, body, headers: {} };
}

function fillValue(fill: Fill, outcome: OutcomeRecipe, facts: RefundFacts): unknown {
  switch (fill.slot) {
    case 'refundId': return fill.type === 'string' ? facts.id : Number(facts.id);
    case 'paymentId': return fill.type === 'string' ? String(facts.requestPaymentId) : Number(facts.requestPaymentId);
    case 'status': return outcome.statusValue;
    case 'amount': return amountValue(facts.amount, fill.format ?? 'minorInteger');
    case 'currency': {
      const code = facts.amount.currency;
      return fill.values?.find((v) => typeof v === 'string' && v.toUpperCase() === code) ?? code;
    }
    case 'createdAt': return dateValue(facts.createdAt, fill.format);
    case 'reference': return typeof facts.reference === 'string' ? facts.reference : undefined;
    case 'failureReason':
      if (facts.status !== 'failed' && facts.status !== 'canceled') return undefined;
      return fill.values?.[0] ?? 'declined by the paykit fake';
  }
}

function amountValue(amount: Money, format: string): number | string {
  switch (format) {
    case 'minorString': return String(amount.value);
    case 'majorNumber': return Number(minorToMajorDecimal(amount.value, amount.currency));
    case 'majorString': return minorToMajorDecimal(amount.value, amount.currency);
    default: return amount.value;
  }
}

/** The inverse of the facade's date transform named by the mapping. */
function dateValue(date: Date, transform: string | undefined): number | string {
  switch (transform) {
    case 'epochSecondsToIso': return Math.floor(date.getTime() / 1000);
    case 'epochMillisToIso': return date.getTime();
    case 'naiveUtcDateTimeToIso': return date.toISOString().slice(0, 19).replace('T', ' ');
    default: return date.toISOString();
  }
}

function hasValue(body: unknown, path: readonly string[]): boolean {
  let current = body;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return current !== undefined && current !== '';
}

function setPath(body: unknown, path: readonly string[], value: unknown): void {
  let current = body as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (typeof next !== 'object' || next === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) Object.defineProperty(current, last, { value, enumerable: true, writable: true, configurable: true });
}
