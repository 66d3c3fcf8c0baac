import type { NormalizationRule } from '../types.js';

/** Keys whose values are prose and end up in comments and READMEs. */
const PROSE_KEYS = new Set(['description', 'summary', 'title']);

/**
 * Prose gets `\n` line breaks only (no `\r`, U+2028 or U+2029, which some emitters pass through into
 * line comments where they end the comment) and no other control characters. Always applied.
 */
export const normalizeText: NormalizationRule = {
  name: 'normalize-text',
  summary: 'Normalizes line breaks and strips control characters in descriptions, summaries and titles.',
  apply(document) {
    visit(document);
  },
};

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(visit);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (PROSE_KEYS.has(key) && typeof value === 'string') record[key] = cleanProse(value);
      else visit(value);
    }
  }
}

export function cleanProse(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
