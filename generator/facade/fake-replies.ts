/**
 * The fakes' answers, derived by inverting the mapping: for each response rule (and each facade
 * status it can give) a body template plus the paths the fake fills in, and for each error code the
 * body its error rule matches. Every candidate is checked the way the facade reads it (response
 * rules first, then error rules, in order), so a fake never answers what the facade would misread.
 */
import type { RefundStatus } from '../../templates/refunds/runtime/contract.js';
import type { ErrorRecipe, FakeErrorCode, Fill, OutcomeRecipe, Slot } from '../../templates/refunds/testing/recipe.js';
import type { OpenApiDocument } from '../normalize/types.js';
import type { Condition, Mapping, RefundMapping, ResponsePath } from './mapping.js';
import { defineOwn, exampleOf, inlineSchema, sampleOf, type Schema } from './fake-schema.js';
import { child, property, responseFor, responseSchema, type Located } from './spec-walk.js';

const PREFERENCE: readonly RefundStatus[] = ['succeeded', 'pending', 'failed', 'canceled'];
export const FAKE_ERROR_CODES: readonly FakeErrorCode[] = ['authentication_failed', 'invalid_request', 'payment_not_found', 'amount_exceeds_refundable', 'already_refunded'];

interface Context { spec: OpenApiDocument; operation: Located; mapping: Mapping }

export function outcomesOf(ctx: Context): OutcomeRecipe[] {
  const outcomes: OutcomeRecipe[] = [];
  ctx.mapping.responses.forEach((rule, index) => {
    const response = responseFor(ctx.spec, ctx.operation, rule.status);
    if (response === undefined) return;
    const schema = responseSchema(ctx.spec, response);
    const fills = fillsOf(ctx, rule.refund, response, schema);
    const { status } = rule.refund;
    const statuses = 'const' in status ? [status.const as RefundStatus]
      : PREFERENCE.filter((s) => Object.values(status.map).includes(s));
    for (const refundStatus of statuses) {
      const statusValue = 'const' in status ? undefined : specValue(ctx.spec, schema, status.from, Object.keys(status.map).find((k) => status.map[k] === refundStatus)!);
      const conditions = rule.when === undefined ? [] : [rule.when];
      const body = firstThatReads(ctx, [exampleOf(ctx.spec, response), sampleOf(inlineSchema(ctx.spec, schema))], schema, conditions, fills,
        (probe) => readAs(ctx.mapping, rule.status, probe) === `response:${index}`);
      if (body === undefined) continue;
      const idFill = fills.find((f) => f.slot === 'refundId');
      const idForm = idFill === undefined || idFill.type === 'string' ? (idFill?.format === 'uuid' ? 'uuid' : 'string') : 'integer';
      outcomes.push({ httpStatus: rule.status, refundStatus, body, fills, ...(statusValue === undefined ? {} : { statusValue }), idForm });
    }
  });
  return outcomes;
}

export function errorsOf(ctx: Context): Partial<Record<FakeErrorCode, ErrorRecipe>> {
  const out: Partial<Record<FakeErrorCode, ErrorRecipe>> = {};
  for (const code of FAKE_ERROR_CODES) {
    ctx.mapping.errors.forEach((rule, index) => {
      if (rule.code !== code || out[code] !== undefined) return;
      const response = responseFor(ctx.spec, ctx.operation, rule.status);
      if (response === undefined) return;
      const schema = responseSchema(ctx.spec, response);
      const message = rule.message?.split('.').slice(1);
      const fills: Fill[] = message === undefined ? [] : [{ slot: 'failureReason', at: message, type: 'string' }];
      const body = firstThatReads(ctx, [exampleOf(ctx.spec, response), sampleOf(inlineSchema(ctx.spec, schema))], schema, rule.when ? [rule.when] : [], fills,
        (probe) => readAs(ctx.mapping, rule.status, probe) === `error:${index}`);
      if (body !== undefined) out[code] = { httpStatus: rule.status, body, ...(message === undefined ? {} : { message }) };
    });
  }
  return out;
}

/** The body for a fault status ('5xx' is 503, '429'): the spec's shape for it, or an empty object. */
export function statusReply(ctx: Context, status: number): ErrorRecipe {
  const response = responseFor(ctx.spec, ctx.operation, status);
  const body = response === undefined ? {} : sampleOf(inlineSchema(ctx.spec, responseSchema(ctx.spec, response)));
  return { httpStatus: status, body };
}

/** Where the facade reads a body path from in the spec: a schema, or the response header's schema. */
function fillsOf(ctx: Context, refund: RefundMapping, response: Located, schema: Located | undefined): (Fill & { format?: string })[] {
  const fills: (Fill & { format?: string })[] = [];
  const add = (slot: Slot, path: ResponsePath, format?: string) => {
    const [root, ...rest] = path.split('.');
    if (root === 'input') return;
    const leaf = root === 'header' ? child(ctx.spec, response, 'headers', rest.join('.'), 'schema') : rest.reduce<Located | undefined>((s, k) => property(ctx.spec, s, k), schema);
    const node = inlineSchema(ctx.spec, leaf) ?? {};
    const type = node.type === 'integer' || node.type === 'number' ? node.type : 'string';
    const values = Array.isArray(node.enum) ? { values: node.enum as (string | number)[] } : {};
    // A refund id's format (uuid) decides what ids look like; kept only on that fill.
    const idFormat = slot === 'refundId' && node.format === 'uuid' ? 'uuid' : format;
    fills.push({ slot, type, ...values, ...(idFormat === undefined ? {} : { format: idFormat }), ...(root === 'header' ? { header: rest.join('.') } : { at: rest }) });
  };
  const from = (slot: Slot, value: { from: string; transform?: string } | { const: string } | undefined) => {
    if (value !== undefined && 'from' in value) add(slot, value.from, value.transform);
  };
  from('refundId', refund.id);
  from('paymentId', refund.paymentId);
  if ('from' in refund.status) add('status', refund.status.from);
  if (refund.amount !== undefined && refund.amount !== 'input.amount') {
    add('amount', refund.amount.value, refund.amount.format);
    add('currency', refund.amount.currency);
  }
  from('createdAt', refund.createdAt);
  from('reference', refund.reference);
  from('failureReason', refund.failureReason);
  return fills;
}

/** The enum value of the spec (string or number) that the mapping's string key names. */
function specValue(spec: OpenApiDocument, schema: Located | undefined, path: ResponsePath, key: string): string | number {
  const leaf = path.split('.').slice(1).reduce<Located | undefined>((s, k) => property(spec, s, k), schema);
  const values = inlineSchema(spec, leaf)?.enum;
  return (Array.isArray(values) ? values.find((v) => String(v) === key) as string | number | undefined : undefined) ?? key;
}

/**
 * The first base body that, with the conditions met and every fill path holding a value, the facade
 * reads as intended. Fill leaves are removed from the template: the fake writes them per refund.
 */
function firstThatReads(
  ctx: Context, bases: unknown[], schema: Located | undefined, conditions: Condition[], fills: Fill[], intended: (probe: unknown) => boolean,
): unknown {
  for (const base of bases) {
    if (base === undefined || typeof base !== 'object' || base === null || Array.isArray(base)) continue;
    const body = structuredClone(base) as Record<string, unknown>;
    for (const fill of fills) if (fill.at) removeAt(body, fill.at);
    for (const when of conditions) satisfy(ctx, body, schema, when);
    const probe = structuredClone(body);
    for (const fill of fills) if (fill.at && !hasAt(probe, fill.at)) setAt(ctx, probe, schema, fill.at, fill.type === 'string' ? 'x' : 1);
    for (const fill of fills) if (fill.at && fill.at.length > 1) setAt(ctx, body, schema, fill.at.slice(0, -1), undefined);
    if (intended(probe)) return body;
  }
  return undefined;
}

/** What the facade makes of a body at a status: `response:<i>` (a refund) or `error:<i>`, first match wins. */
function readAs(mapping: Mapping, status: number, body: unknown): string | undefined {
  const r = mapping.responses.findIndex((rule) => rule.status === status && holds(rule.when, body));
  if (r >= 0) return `response:${r}`;
  const e = mapping.errors.findIndex((rule) => rule.status === status && holds(rule.when, body));
  return e >= 0 ? `error:${e}` : undefined;
}

function holds(when: Condition | undefined, body: unknown): boolean {
  if (when === undefined) return true;
  if ('all' in when) return when.all.every((c) => holds(c, body));
  if ('any' in when) return when.any.some((c) => holds(c, body));
  if ('not' in when) return !holds(when.not, body);
  if ('present' in when) {
    const value = valueAt(body, when.present.split('.').slice(1));
    return value !== undefined && value !== null && value !== '';
  }
  return valueAt(body, when.equals.path.split('.').slice(1)) === when.equals.value;
}

/**
 * Makes a condition hold in a body template: a leaf sets its path (the value, or a sample of the
 * field), `all` each part, `any` its first part, `not` removes what its leaf would need. The caller
 * still checks the result the way the facade reads it.
 */
function satisfy(ctx: Context, body: Record<string, unknown>, schema: Located | undefined, when: Condition): void {
  if ('all' in when) return when.all.forEach((c) => satisfy(ctx, body, schema, c));
  if ('any' in when) return satisfy(ctx, body, schema, when.any[0]!);
  if ('not' in when) {
    const inner = when.not;
    if ('present' in inner || 'equals' in inner) removeAt(body, ('present' in inner ? inner.present : inner.equals.path).split('.').slice(1));
    return;
  }
  const [path, value] = 'present' in when ? [when.present, undefined] : [when.equals.path, when.equals.value];
  const segments = path.split('.').slice(1);
  setAt(ctx, body, schema, segments, value ?? sampleOf(inlineSchema(ctx.spec, segments.reduce<Located | undefined>((s, k) => property(ctx.spec, s, k), schema))));
}

function valueAt(body: unknown, path: readonly string[]): unknown {
  let current = body;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function hasAt(body: unknown, path: readonly string[]): boolean {
  return valueAt(body, path) !== undefined;
}

function removeAt(body: Record<string, unknown>, path: readonly string[]): void {
  const parent = valueAt(body, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[path[path.length - 1]!];
}

/**
 * Sets a path, creating missing objects from their schema's minimal sample (so a nested object has
 * its required fields); `value` undefined only creates the objects.
 */
function setAt(ctx: Context, body: Record<string, unknown>, schema: Located | undefined, path: readonly string[], value: unknown): void {
  let current = body;
  let at = schema;
  path.forEach((key, i) => {
    at = property(ctx.spec, at, key);
    if (i === path.length - 1 && value !== undefined) return defineOwn(current, key, value);
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      const sample = sampleOf(inlineSchema(ctx.spec, at) as Schema | undefined);
      defineOwn(current, key, typeof sample === 'object' && sample !== null && !Array.isArray(sample) ? sample : {});
    }
    current = current[key] as Record<string, unknown>;
  });
}
