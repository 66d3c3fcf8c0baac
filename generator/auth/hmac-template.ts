/**
 * The small text templates of an HMAC recipe (`'{timestamp}.{body}'`, `'sha256={signature}'`): braces
 * hold the name of a value, everything else is literal. Parsed here for the checks and the emitted
 * code; the fake parses them the same way (templates/refunds/testing/auth-hmac-signature.ts).
 */
import { tsString } from '../text/escape.js';

export type TemplatePart = { text: string } | { value: string };

/** The schema already refused stray braces; `{name}` is a value, the rest literal text. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (const piece of template.split(/(\{[A-Za-z][A-Za-z0-9]*\})/)) {
    if (piece === '') continue;
    parts.push(/^\{\w+\}$/.test(piece) ? { value: piece.slice(1, -1) } : { text: piece });
  }
  return parts;
}

export const valuesOf = (template: string): string[] => parseTemplate(template).flatMap((p) => ('value' in p ? [p.value] : []));

/**
 * The TypeScript expression that builds a template's text: literals as escaped string literals,
 * `timestamp`, `body` and `signature` as the local variables of the same names, anything else as
 * the credential of that name. Never empty: an empty template is `""`.
 */
export function templateExpression(template: string): string {
  const terms = parseTemplate(template).map((p) => {
    if ('text' in p) return tsString(p.text);
    return LOCALS.includes(p.value) ? p.value : `credentials[${tsString(p.value)}]`;
  });
  return terms.length === 0 ? '""' : terms.join(' + ');
}

/** Values a recipe computes itself; every other name is a credential. */
export const LOCALS: readonly string[] = ['timestamp', 'body', 'signature'];
