/** The providers the fakes play, read from specs/providers.yaml (never listed by hand). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadProjectConfig } from '../../generator/config.js';
import { REPO } from '../helpers/project-copy.js';

export interface ErrorRule { status: number; code: string }

export const mappedProviders = loadProjectConfig(REPO).providers.filter((p) => p.mapping !== undefined);
export const providerIds = mappedProviders.map((p) => p.id);

/** The mapping's error table, to know which HTTP status the fake must answer for a code. */
export function errorRules(id: string): ErrorRule[] {
  const provider = mappedProviders.find((p) => p.id === id)!;
  return (parse(readFileSync(join(REPO, provider.mapping!), 'utf8')) as { errors: ErrorRule[] }).errors;
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
