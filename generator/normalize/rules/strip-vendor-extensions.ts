import type { NormalizationRule } from '../types.js';

/** Extensions that authoring tools leave behind and no consumer reads. Other `x-` keys are kept. */
const TOOL_NOISE = [/^x-apifox(-|$)/, /^x-run-in-apifox$/];

export const stripVendorExtensions: NormalizationRule = {
  name: 'strip-vendor-extensions',
  summary: 'Removes authoring-tool extensions (x-apifox-*, x-run-in-apifox) everywhere in the document.',
  apply(document) {
    strip(document);
  },
};

function strip(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(strip);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (TOOL_NOISE.some((pattern) => pattern.test(key))) delete record[key];
      else strip(record[key]);
    }
  }
}
