/**
 * The providers every suite iterates, read from specs/providers.yaml (never listed by hand), and
 * their mappings (specs/mappings/<id>.yaml), for expectations that come from data: which HTTP status
 * a mapping gives an error code, which response a refund is read from, which header carries a key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ProviderId } from '@paykit/refunds';
import { loadProjectConfig } from '../../generator/config.js';
import { REPO } from './project-copy.js';

export interface ErrorRule { status: number; code: string; when?: unknown }

/** The parts of a mapping the suites read (the generator checks the whole file against the spec). */
export interface Mapping {
  operation: { method: string; path: string };
  idempotency: { deduplicates: boolean; header?: string };
  input?: { amount?: 'optional' | 'required'; currencies?: string[]; maxFractionDigits?: number; paymentId?: { pattern?: string }; providerOptions?: Record<string, { required?: boolean }> };
  request: { body?: Record<string, unknown>; headers?: Record<string, unknown> };
  responses: { status: number; when?: unknown; refund: Record<string, unknown> }[];
  errors: ErrorRule[];
}

/** Providers the facade maps, in providers.yaml order (`root` defaults to this repository). */
export function mappedProviders(root = REPO) {
  return loadProjectConfig(root).providers.filter((p) => p.mapping !== undefined);
}

export const providerIds = mappedProviders().map((p) => p.id as ProviderId);

export function mappingOf(id: string, root = REPO): Mapping {
  const provider = mappedProviders(root).find((p) => p.id === id);
  if (provider === undefined) throw new Error(`${id} has no mapping in ${root}/specs/providers.yaml`);
  return parse(readFileSync(join(root, provider.mapping!), 'utf8')) as Mapping;
}

/** The mapping's error table, to know which HTTP status the fake must answer for a code. */
export function errorRules(id: string, root = REPO): ErrorRule[] {
  return mappingOf(id, root).errors;
}

/** The HTTP status the mapping reads `code` from (undefined: the provider documents no such answer). */
export function errorStatus(id: string, code: string, root = REPO): number | undefined {
  return errorRules(id, root).find((r) => r.code === code)?.status;
}

/** A payment id of the same shape (same characters classes, same length) that no seeded payment has. */
export function unknownPaymentId(paymentId: string, seeded: readonly string[]): string {
  const next = (c: string) => (/\d/.test(c) ? String((Number(c) + 1) % 10) : /[a-y]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c === 'z' ? 'a' : c);
  for (let i = 0; i < paymentId.length; i++) {
    const candidate = paymentId.slice(0, i) + next(paymentId[i]!) + paymentId.slice(i + 1);
    if (candidate !== paymentId && !seeded.includes(candidate)) return candidate;
  }
  throw new Error(`no unknown payment id like ${paymentId}`);
}
