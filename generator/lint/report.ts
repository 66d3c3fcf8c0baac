/** Renders lint findings as the markdown report kept in generated/<provider>/lint-report.md. */
import { markdownCell } from '../text/escape.js';
import type { LintProblem } from './lint.js';

export function renderLintReport(provider: string, specPath: string, vendor: readonly LintProblem[]): string {
  const lines = [
    `# Lint report: ${provider}`,
    '',
    `Findings of the project's ruleset (redocly.yaml) on the spec as the vendor wrote it, \`${specPath}\`.`,
    'paykit fixes what matters in specs/overlays/ and the named normalization rules; the normalized',
    'spec next to this file has no findings. A vendor update shows up here as a diff.',
    '',
  ];
  if (vendor.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push(`${vendor.length} finding${vendor.length === 1 ? '' : 's'}:`, '', '| severity | rule | where | message |', '|---|---|---|---|');
    for (const p of vendor) {
      lines.push(`| ${p.severity} | ${markdownCell(p.ruleId)} | ${markdownCell('#' + p.pointer)} | ${markdownCell(p.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}
