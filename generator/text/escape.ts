/**
 * Spec text is data. Every piece of it that reaches generated code or a README passes through one
 * of these functions, chosen by the target language. Handlebars' own `{{ }}` escaping is for HTML
 * and is switched off; templates call these helpers explicitly.
 */

/** A TypeScript/JavaScript string literal. JSON.stringify leaves U+2028/U+2029 raw, which older parsers reject. */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The text of one JSDoc comment line: cannot close the comment, cannot start a new line. */
export function jsdocText(value: string): string {
  return singleLine(value).replace(/\*\//g, '*\\/').replace(/@(?=\w)/g, '\\@');
}

/** A JSON value, for package.json fields. */
export function jsonValue(value: unknown): string {
  return JSON.stringify(value);
}

/** Inline markdown text: no HTML, no links or emphasis injected, no line breaks. */
export function markdownInline(value: string): string {
  return singleLine(value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** A markdown table cell. */
export function markdownCell(value: string): string {
  return markdownInline(value);
}

/** A code span; backticks inside are handled by choosing a longer fence. */
export function markdownCode(value: string): string {
  const text = singleLine(value);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A code span inside a GFM table cell: `|` would end the cell even inside backticks. */
export function markdownCodeCell(value: string): string {
  return markdownCode(value).replace(/\|/g, '\\|');
}

/** A valid identifier made from arbitrary text: `a-b` → `aB`, leading digits prefixed. */
export function identifier(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  const safe = joined === '' ? '_' : joined;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

export function pascalCase(value: string): string {
  const id = identifier(value);
  return id[0]!.toUpperCase() + id.slice(1);
}

function singleLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029\t\v\f]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}
