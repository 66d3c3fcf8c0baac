/** Text for people (terminal, PR body) and JSON for machines, from SpecDiffs. */
import type { SpecDiff } from './types.js';

export function renderText(diffs: readonly SpecDiff[]): string {
  const lines: string[] = [];
  for (const diff of diffs) {
    lines.push(`${diff.provider}: ${diff.class === 'none' ? 'no changes' : `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}, ${diff.class}`}`);
    for (const c of diff.changes) lines.push(`  ${c.class.padEnd(12)} ${c.pointer}`, `               ${c.sentence}`);
    if (diff.facade !== undefined) lines.push(`  facade: ${diff.facade.ok ? 'the mapping still holds' : `breaks: ${diff.facade.message}`}`);
  }
  return lines.join('\n') + '\n';
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
