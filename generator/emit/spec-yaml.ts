/**
 * openapi.yaml: the normalized spec as YAML, exactly what `stringify(document, SPEC_YAML_OPTIONS)`
 * of the yaml library gives, written in pieces. yaml builds a node object for every value of the
 * document before printing any of it; for a 13 MB spec that tree lives long enough to reach V8's old
 * generation, which then grows and lets later garbage pile up (GitHub's peak RSS was ~100 MB higher).
 * Printed pair by pair, each tree is small and dies young.
 *
 * Why the pieces join to the same text: a block mapping prints each of its pairs on its own lines,
 * independent of its siblings, and a pair nested at any depth is printed as it is at depth 1 with
 * the parent's indentation added after every line break, except on empty lines (block scalars leave
 * those empty). Depth 0 and 1 differ (yaml quotes a key holding a document marker such as `...` at
 * the top level only), so a nested pair is printed at depth 1, under a wrapper key, and shifted.
 * test/generator/spec-yaml.test.ts checks this against yaml on generated documents.
 */
import { stringify } from 'yaml';

export const SPEC_YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** How many mapping levels are split into pieces (paths → each path item, components → schemas → each schema). */
const SPLIT_DEPTH = 2;
const INDENT = '  ';

export function stringifySpec(document: Record<string, unknown>): string {
  const parts: string[] = [];
  if (!writePairs(document, 0, parts)) return stringify(document, SPEC_YAML_OPTIONS);
  return parts.join('');
}

/** Appends the pairs of `map` at `depth`; false when it has nothing to print (yaml writes `{}` for that). */
function writePairs(map: Record<string, unknown>, depth: number, parts: string[]): boolean {
  let wrote = false;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue; // yaml leaves such pairs out
    wrote = true;
    const header = depth < SPLIT_DEPTH && isPlainMap(value) ? keyHeader(key, depth) : undefined;
    if (header !== undefined) {
      const at = parts.length;
      parts.push(header);
      if (writePairs(value as Record<string, unknown>, depth + 1, parts)) continue;
      parts.length = at; // an empty map prints as `key: {}`: let yaml write the pair
    }
    parts.push(printed({ [key]: value }, depth));
  }
  return wrote;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** yaml's text of the one-pair map `pair` as it stands at `depth`. */
function printed(pair: Record<string, unknown>, depth: number): string {
  if (depth === 0) return stringify(pair, SPEC_YAML_OPTIONS);
  const text = stringify({ [WRAPPER]: pair }, SPEC_YAML_OPTIONS);
  return indent(text.slice(`${WRAPPER}:\n`.length), depth - 1);
}

const WRAPPER = 'w';

/**
 * `key:` and a line break, indented, as yaml prints the key of a block mapping value at `depth`;
 * undefined when the key does not fit on one line (yaml then writes an explicit `? key`), so the
 * pair is printed whole.
 */
function keyHeader(key: string, depth: number): string | undefined {
  const probe = printed({ [key]: { x: 1 } }, depth);
  const suffix = `\n${INDENT.repeat(depth + 1)}x: 1\n`;
  if (!probe.endsWith(suffix)) return undefined;
  const header = probe.slice(0, -suffix.length + 1);
  return header.indexOf('\n') === header.length - 1 ? header : undefined;
}

/** `text` (whole lines) indented by `depth` levels: after every line break, except on empty lines. */
function indent(text: string, depth: number): string {
  if (depth === 0) return text;
  const pad = INDENT.repeat(depth);
  return text.split('\n').map((line) => (line === '' ? line : pad + line)).join('\n');
}
