/**
 * Small helpers the provider modules share: replies, JSON bodies, auth headers, integer money.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Reply } from './types.ts';

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

/** Parses a request body that must be a JSON object. */
export function parseJsonObject(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'request body is not valid JSON' };
  }
  if (!isPlainObject(value)) return { ok: false, problem: 'request body must be a JSON object' };
  return { ok: true, value };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isStringMap(v: unknown): v is Record<string, string> {
  return isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearerToken(headers: Record<string, string>): string | undefined {
  const m = /^Bearer (\S+)$/.exec(headers['authorization'] ?? '');
  return m?.[1];
}

export function basicAuth(headers: Record<string, string>): { user: string; password: string } | undefined {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(headers['authorization'] ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// ---- money: integers only -------------------------------------------------------------------

const EXPONENTS: Record<string, number> = { USD: 2, EUR: 2, MXN: 2, INR: 2, JPY: 0, KWD: 3 };

export function exponentOf(currency: string): number {
  const e = EXPONENTS[currency.toUpperCase()];
  if (e === undefined) throw new Error(`sandbox: no exponent known for ${currency}`);
  return e;
}

/** "1450" → 1450; anything but a positive-or-zero digit string within safe range → undefined. */
export function digitsToMinor(s: unknown): number | undefined {
  if (typeof s !== 'string' || !/^\d{1,15}$/.test(s)) return undefined;
  return Number(s);
}

export type MajorParse = { ok: true; minor: number } | { ok: false; problem: 'not-a-number' | 'too-many-decimals' | 'out-of-range' };

/** A JSON number in major units (14.5) → integer minor units (1450), exactly, via its decimal text. */
export function majorToMinor(value: unknown, currency: string): MajorParse {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  const text = String(Math.abs(value));
  if (/e-/.test(text)) return { ok: false, problem: 'too-many-decimals' };
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!m?.[1]) return { ok: false, problem: 'out-of-range' };
  const exp = exponentOf(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return { ok: false, problem: 'too-many-decimals' };
  const minor = Number(m[1] + frac.padEnd(exp, '0'));
  return { ok: true, minor: value < 0 ? -minor : minor };
}

/** 1450 USD → 14.5 (a JSON number in major units), built from digits, not by dividing floats. */
export function minorToMajor(minor: number, currency: string): number {
  const exp = exponentOf(currency);
  if (exp === 0) return minor;
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  const text = `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
  return (minor < 0 ? -1 : 1) * Number(text);
}

export type AmountCheck = { ok: true; amountMinor: number } | { ok: false; problem: 'already-refunded' | 'exceeds' };

/** Refund accounting: omitted amount = the remaining amount; nothing remaining = already refunded. */
export function resolveRefund(originalMinor: number, refundedMinor: number, requested: number | undefined): AmountCheck {
  const remaining = originalMinor - refundedMinor;
  if (remaining <= 0) return { ok: false, problem: 'already-refunded' };
  if (requested === undefined) return { ok: true, amountMinor: remaining };
  if (requested > remaining) return { ok: false, problem: 'exceeds' };
  return { ok: true, amountMinor: requested };
}

// ---- ids and times ---------------------------------------------------------------------------

/** Reproducible id: prefix + zero-padded counter, e.g. refund_sbx000000000000000001. */
export function seqId(prefix: string, seq: number, width = 18): string {
  return `${prefix}${String(seq).padStart(width, '0')}`;
}

/** Reproducible RFC 4122-shaped (version 4 layout) UUID from a counter. */
export function seqUuid(seq: number, salt = 0x5b0c): string {
  const tail = seq.toString(16).padStart(12, '0');
  return `00000000-${salt.toString(16).padStart(4, '0')}-4000-8000-${tail}`;
}

/** 'YYYY-MM-DD HH:mm:ss' in UTC, no zone. */
export function utcSeconds(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
