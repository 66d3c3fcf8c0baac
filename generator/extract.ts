/**
 * Vendors publish their OpenAPI description inside a markdown page. The spec is the body of the
 * first fenced block (``` or ````, any info string) whose text declares `openapi`. The body is
 * returned byte for byte: no trimming, no re-serialisation, so a vendor update diffs cleanly.
 */
import { PaykitError } from './errors.js';

export interface ExtractedSpec {
  text: string;
  /** `yaml` or `json`, from the fence's info string or, failing that, the first character. */
  format: 'yaml' | 'json';
}

const FENCE = /^(`{3,}|~{3,})([^\n`]*)\n/gm;

export function extractSpecBlock(markdown: string, file: string): ExtractedSpec {
  for (const open of markdown.matchAll(FENCE)) {
    const fence = open[1]!;
    const info = open[2]!.trim();
    const bodyStart = open.index + open[0].length;
    const close = findClosingFence(markdown, bodyStart, fence);
    if (close === -1) continue;
    const text = markdown.slice(bodyStart, close);
    if (!/(^|[{,]\s*)["']?openapi["']?\s*:/m.test(text)) continue;
    const language = info.split(/\s+/)[0]!.toLowerCase();
    const format = language === 'json' || (language === '' && text.trimStart().startsWith('{')) ? 'json' : 'yaml';
    return { text, format };
  }
  throw new PaykitError(file, undefined, 'no fenced code block declaring `openapi` was found',
    'check that the vendor page still embeds its OpenAPI description, or list a hand-written spec in specs/providers.yaml');
}

/** A closing fence is a line of at least as many of the same fence characters, alone on its line. */
function findClosingFence(markdown: string, from: number, fence: string): number {
  const closing = new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'gm');
  closing.lastIndex = from;
  const match = closing.exec(markdown);
  return match === null ? -1 : match.index;
}
