/// <reference types="node" />
/** Constant-time comparison of a presented credential, so a test cannot learn one by timing. */
import { timingSafeEqual } from 'node:crypto';

export function sameSecret(actual: string, expected: string | undefined): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
