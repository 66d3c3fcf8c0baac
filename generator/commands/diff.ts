/** `paykit diff [provider...] [--against <git-ref|directory|file>] [--json|--markdown]` */
import { loadProjectConfig, selectProviders } from '../config.js';
import { beforeSource, diffProvider, renderJson, renderMarkdown, renderText, type SpecDiff } from '../diff/index.js';
import { PaykitError } from '../errors.js';
import type { Reporter } from './reporter.js';

export interface DiffOptions {
  root: string;
  providers: string[];
  /**
   * A git ref (default HEAD), a directory holding another copy of the project (its specs/ and
   * generated/), or a file holding the previous normalized spec (one provider only; the vendor
   * document's own change is then unknown).
   */
  against: string;
  format: 'text' | 'json' | 'markdown';
  /** Exit 1 when a change of this class or above is found (for CI gates). */
  failOn?: 'breaking' | 'non-breaking' | 'patch';
}

export async function diff(options: DiffOptions, report: Reporter): Promise<number> {
  const project = loadProjectConfig(options.root);
  const selected = selectProviders(project, options.providers);
  if (selected.length > 1 && beforeSource(options.root, options.against).kind === 'file') {
    throw new PaykitError(options.against, undefined, 'a spec file can be compared with one provider only', 'name the provider: paykit diff <provider> --against <file>');
  }
  const results: SpecDiff[] = [];
  for (const provider of selected) results.push(await diffProvider(project, provider, options.against));
  const text = options.format === 'json' ? renderJson(results)
    : options.format === 'markdown' ? renderMarkdown(results.map((d) => ({ diff: d })))
    : renderText(results);
  report.line(text.replace(/\n$/, ''));
  if (options.failOn === undefined) return 0;
  const order = ['patch', 'non-breaking', 'breaking'];
  return results.some((d) => d.class !== 'none' && order.indexOf(d.class) >= order.indexOf(options.failOn!)) ? 1 : 0;
}
