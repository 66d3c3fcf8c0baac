/**
 * `paykit overlay lock [--provider <id>...]`: records, beside each overlay, the vendor content its
 * actions remove or overwrite (specs/overlays/<p>.lock.yaml). Run it after reviewing a vendor change
 * that generate refused, or after editing an overlay. It refuses while an action matches nothing or
 * duplicates vendor values: those need an overlay edit, not a new lock.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, loadProjectConfig, selectProviders } from '../config.js';
import { findingError } from '../checks/finding.js';
import { loadSpec } from '../load/index.js';
import { readDataFile } from '../load/parse.js';
import { loadLintConfig } from '../lint/lint.js';
import { buildLock, lockPath, renderLock } from '../normalize/overlay-lock.js';
import { replayOverlay } from '../normalize/overlay-replay.js';
import type { Reporter } from './reporter.js';

export async function overlayLock(options: { root: string; providers: string[] }, report: Reporter): Promise<number> {
  const project = loadProjectConfig(options.root);
  const lintConfig = await loadLintConfig(project.root);
  const writes: { path: string; text: string; summary: string }[] = [];
  // Everything is checked before anything is written, so a refusal leaves every lock as it was.
  for (const provider of selectProviders(project, options.providers).filter((p) => p.overlay !== undefined)) {
    const loaded = await loadSpec(join(project.root, provider.spec), provider.spec, (abs) => displayPath(project.root, abs), lintConfig);
    const replay = replayOverlay(loaded.document, provider, readDataFile(join(project.root, provider.overlay!), provider.overlay!));
    if (replay.stopped !== undefined) throw replay.stopped;
    for (const o of replay.observations) {
      const action = `${provider.overlay!}#/actions/${o.index}`;
      if (o.matched === 0) {
        throw findingError({ kind: 'overlay-target', source: action, message: `target "${o.action.target}" matches nothing in the spec`,
          fix: 'update the target or drop the action, then lock again' });
      }
      const dup = o.duplicates[0];
      if (dup !== undefined) {
        throw findingError({ kind: 'overlay-duplicate', source: action, pointer: dup.pointer, message: `appends values to ${dup.pointer} that the vendor spec already lists`,
          fix: 'drop them from the action\'s update, then lock again' });
      }
    }
    const lock = buildLock(provider, replay.observations);
    const places = lock.actions.reduce((n, a) => n + (a.removes?.length ?? 0) + (a.overwrites?.length ?? 0), 0);
    writes.push({ path: lockPath(provider.overlay!), text: renderLock(lock, provider.id),
      summary: `${lock.actions.length} action${lock.actions.length === 1 ? '' : 's'} removing or overwriting ${places} place${places === 1 ? '' : 's'}` });
  }
  for (const { path, text, summary } of writes) {
    const absolute = join(project.root, path);
    const same = existsSync(absolute) && readFileSync(absolute, 'utf8') === text;
    if (!same) writeFileSync(absolute, text);
    report.line(`${path}: ${same ? 'unchanged' : 'written'} (${summary})`);
  }
  return 0;
}
