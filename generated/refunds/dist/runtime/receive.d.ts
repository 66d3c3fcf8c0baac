/**
 * Reading one HTTP answer, whatever its status, under two rules (DESIGN.md, "Hardening"): a redirect
 * is reported, never followed, and a body is read as a stream of at most `limit` bytes; past that the
 * stream is cancelled, so memory stays bounded however much the server sends.
 */
import type { AttemptResult } from './transport.js';
export declare function receive(response: Response, limit: number): Promise<AttemptResult>;
