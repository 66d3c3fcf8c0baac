/** Text for people (terminal, PR body) and JSON for machines, from SpecDiffs. */
import { findingLine, type SpecDiff } from './types.js';

export function renderText(diffs: readonly SpecDiff[]): string {
  const lines: string[] = [];
  for (const diff of diffs) {
    const bump = diff.bump === undefined || diff.bump === 'none' ? '' : ` (${diff.bump})`;
    const found = (diff.findings ?? []).length;
    // A vendor guard (overlay lock, auth, server) refuses although normalization applies.
    const broken = diff.normalization === 'broken' ? '; normalization no longer applies' : found > 0 ? `; generation refuses: ${found} finding${found === 1 ? '' : 's'}` : '';
    lines.push(`${diff.provider}: ${diff.class === 'none' ? 'no changes' : `${count(diff.changes.length)}, ${diff.class}${bump}`}${broken}`);
    const from = classesLine(diff);
    if (from !== undefined) lines.push(`  ${from}`);
    for (const c of diff.changes) lines.push(`  ${c.class.padEnd(12)} ${c.pointer}`, `               ${c.sentence}`);
    for (const f of diff.findings ?? []) lines.push(`  finding: ${findingLine(f)}`);
    if (diff.facade !== undefined) lines.push(`  facade: ${diff.facade.ok ? 'the mapping still holds' : `breaks: ${diff.facade.message}`}`);
  }
  return lines.join('\n') + '\n';
}

function count(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** Says where the class comes from when the vendor document and the normalized spec disagree, or normalization broke. */
function classesLine(diff: SpecDiff): string | undefined {
  if (diff.vendorClass === undefined) return diff.normalization === 'broken' ? 'class from the normalized spec normalized forgivingly (no previous vendor document to compare)' : undefined;
  if (diff.normalization === 'broken') return `class from the vendor document (${diff.vendorClass}); the normalized spec cannot be built`;
  if (diff.normalizedClass !== undefined && diff.normalizedClass !== diff.vendorClass) return `vendor document: ${diff.vendorClass}; normalized spec: ${diff.normalizedClass}`;
  return undefined;
}

export interface ReportEntry { diff: SpecDiff; fromVersion?: string; toVersion?: string; note?: string }

/** Markdown for a pull request body: one section per provider that changed. */
export function renderMarkdown(entries: readonly ReportEntry[], title = 'Vendor spec changes'): string {
  const changed = entries.filter((e) => e.diff.class !== 'none' || e.note !== undefined);
  const out = [`## ${title}`, ''];
  if (changed.length === 0) {
    out.push('No vendor spec changed.', '');
    return out.join('\n');
  }
  out.push('| Package | Class | Version |', '| --- | --- | --- |');
  for (const e of changed) {
    const version = e.fromVersion === undefined || e.toVersion === undefined ? '' : e.fromVersion === e.toVersion ? e.toVersion : `${e.fromVersion} → ${e.toVersion}`;
    out.push(`| ${e.diff.provider} | ${e.diff.class} | ${version} |`);
  }
  out.push('');
  for (const e of changed) {
    out.push(`### ${e.diff.provider}`, '');
    if (e.note !== undefined) out.push(e.note, '');
    for (const c of e.diff.changes) out.push(`- **${c.class}** ${escapeMd(c.sentence)} (\`${c.pointer}\`)`);
    const findings = e.diff.findings ?? [];
    const title = e.diff.normalization === 'broken' ? '**Normalization no longer applies.**' : '**Generation refuses.**';
    if (findings.length > 0) out.push('', `${title} Fix these first:`, '', ...findings.map((f) => `- \`${f.source}\`: ${escapeMd(`${f.message}; ${f.fix}`)}`));
    if (e.diff.facade !== undefined && !e.diff.facade.ok) out.push('', `**Facade:** the refunds mapping breaks: ${escapeMd(e.diff.facade.message)}`);
    if (e.diff.changes.length > 0) out.push('');
  }
  return out.join('\n');
}

export function renderJson(diffs: readonly SpecDiff[]): string {
  return JSON.stringify({ providers: diffs }, null, 2) + '\n';
}

function escapeMd(text: string): string {
  return text.replace(/([<>|])/g, '\\$1');
}
