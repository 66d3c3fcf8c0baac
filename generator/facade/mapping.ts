/** Reads and validates specs/mappings/<provider>.yaml against generator/schemas/mappings.schema.json. */
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { readDataFile } from '../load/parse.js';
import { schemaValidator } from '../schema-validator.js';

export type RequestPath = string;
/** `body.a.b`, `header.name` or `input.paymentId|amount|reference`. */
export type ResponsePath = string;

export interface RequestValue { from: RequestPath; transform?: string; map?: Record<string, string | number | boolean | null>; default?: unknown }
/** Used when the source is absent (null, missing or ''): another response path, an input, or a constant. */
export type Fallback = ResponsePath | { const: string };
export type ResponseValue = { from: ResponsePath; transform?: string; fallback?: Fallback } | { const: string };
/** A leaf test, or `all` / `any` / `not` of conditions (nested as deep as the mapping needs). */
export type Condition = { present: ResponsePath } | { equals: { path: ResponsePath; value: string | number | boolean } }
  | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type StatusValue = { const: string } | { from: ResponsePath; map: Record<string, string>; fallback?: { const: string } };
export type AmountValue = 'input.amount' | { value: ResponsePath; currency: ResponsePath; format: 'minorInteger' | 'minorString' | 'majorNumber' | 'majorString' };

export interface RefundMapping {
  id: ResponseValue; paymentId: ResponseValue; status: StatusValue;
  amount?: AmountValue; createdAt?: ResponseValue; reference?: ResponseValue; failureReason?: ResponseValue;
}

export interface ProviderOption { type?: 'string' | 'boolean' | 'number'; schema?: string; required?: boolean; description?: string }

export interface Mapping {
  operation: { method: string; path: string };
  idempotency: { deduplicates: boolean; header?: string };
  input: {
    amount: 'optional' | 'required';
    currencies?: string[];
    maxFractionDigits?: number;
    paymentId?: { pattern: string; hint: string };
    providerOptions?: Record<string, ProviderOption>;
  };
  /** Body keys may be dotted (`refund.amount`): the field nests into the body's objects. */
  request: { body: Record<string, RequestValue>; headers: Record<string, RequestValue>; path: Record<string, RequestValue>; query: Record<string, RequestValue> };
  responses: { status: number; when?: Condition; refund: RefundMapping }[];
  errors: { status: number; when?: Condition; code: string; message?: ResponsePath }[];
  capabilities: { notes?: string[] };
}

export interface LoadedMapping { provider: ProviderConfig; file: string; mapping: Mapping }

export function loadMapping(project: ProjectConfig, provider: ProviderConfig): LoadedMapping {
  const file = provider.mapping!;
  const raw = readDataFile(join(project.root, file), file);
  const validate = schemaValidator('generator/schemas/mappings.schema.json', { allErrors: true });
  if (!validate(raw)) throw schemaError(file, validate.errors ?? []);
  type Values = Record<string, RequestValue | string>;
  const data = raw as Mapping & { request: { headers?: Values; path?: Values; query?: Values } };
  checkPattern(file, '/input/paymentId/pattern', data.input.paymentId?.pattern);
  const mapping: Mapping = {
    ...data,
    request: {
      body: normalizeValues(data.request.body), headers: normalizeValues(data.request.headers ?? {}),
      path: normalizeValues(data.request.path ?? {}), query: normalizeValues(data.request.query ?? {}),
    },
    responses: data.responses.map((r) => ({ ...r, refund: normalizeRefund(r.refund as unknown as Record<string, unknown>) })),
    capabilities: data.capabilities ?? {},
  };
  return { provider, file, mapping };
}

/** The pattern is compiled by the facade at run time (and by the fake): it must be a regular expression. */
function checkPattern(file: string, pointer: string, pattern: string | undefined): void {
  if (pattern === undefined) return;
  try {
    new RegExp(pattern, 'u');
  } catch {
    throw new PaykitError(file, pointer, 'is not a valid regular expression', 'write a JavaScript regular expression (Unicode mode), e.g. ^[0-9]{1,15}$');
  }
}

/** The shorthand `field: path` means `field: { from: path }`. */
function normalizeValues(values: Record<string, RequestValue | string>): Record<string, RequestValue> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? { from: v } : v]));
}

function normalizeRefund(refund: Record<string, unknown>): RefundMapping {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(refund)) {
    out[key] = typeof value === 'string' && key !== 'amount' ? { from: value } : value;
  }
  return out as unknown as RefundMapping;
}

/** ajv reports every branch of a oneOf; the deepest error is the one that names the real mistake. */
function schemaError(file: string, errors: ErrorObject[]): PaykitError {
  const best = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b))[0];
  if (best === undefined) return new PaykitError(file, undefined, 'is not a valid mapping', 'compare it with generator/schemas/mappings.schema.json');
  const params = best.params as Record<string, unknown>;
  const detail = best.keyword === 'additionalProperties' ? `unknown field "${String(params.additionalProperty)}"`
    : best.keyword === 'enum' ? `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    : best.keyword === 'required' ? `is missing "${String(params.missingProperty)}"`
    : best.message ?? 'is invalid';
  return new PaykitError(file, best.instancePath || undefined, detail, 'see generator/schemas/mappings.schema.json for the mapping format');
}

function rank(error: ErrorObject): number {
  return ['additionalProperties', 'enum', 'required', 'pattern'].indexOf(error.keyword) === -1 ? 9 : 0;
}
