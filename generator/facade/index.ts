/** The facade half of the pipeline: mappings checked against the normalized specs, then @paykit/refunds. */
import { readFileSync, readdirSync } from 'node:fs';
import type { ProjectConfig } from '../config.js';
import { buildDist } from '../emit/build.js';
import { defaultServerUrl } from '../checks/servers.js';
import { TEMPLATES_DIR, loadTemplates } from '../emit/templates.js';
import type { ProviderBuild } from '../pipeline.js';
import { checkMapping, type CheckedMapping } from './check.js';
import { capabilitiesOf } from './capabilities.js';
import { loadMapping } from './mapping.js';
import { facadeSourceList } from './source-list.js';
import { memoizedSources } from './source-memo.js';
import { INITIAL_VERSION } from '../versions/index.js';

const RUNTIME_DIR = new URL('refunds/runtime/', TEMPLATES_DIR);

/** Every mapping checked against its provider's normalized spec; throws PaykitError on the first mismatch. */
export function checkMappings(project: ProjectConfig, builds: readonly ProviderBuild[]): CheckedMapping[] {
  return builds
    .filter((b) => b.provider.mapping !== undefined)
    .map((b) => checkMapping(loadMapping(project, b.provider), b.normalized));
}

/** Files of generated/refunds, or undefined when no provider has a mapping. */
export async function buildFacade(project: ProjectConfig, builds: readonly ProviderBuild[]): Promise<Map<string, string> | undefined> {
  const checked = checkMappings(project, builds);
  if (checked.length === 0) return undefined;
  const defaultBaseUrls = new Map(builds.map((b) => [b.provider.id, defaultServerUrl(b.provider, b.normalized)]));
  // ts-morph is loaded only to print a source whose inputs changed since it was last printed.
  const sources = new Map<string, string>(await memoizedSources(facadeSourceList(checked, defaultBaseUrls),
    async (missing) => (await import('./emit-files.js')).emitFacadeSources(missing)));
  for (const file of readdirSync(RUNTIME_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    sources.set(`src/runtime/${file}`, readFileSync(new URL(file, RUNTIME_DIR), 'utf8'));
  }
  // @paykit/refunds/testing: the fakes, played from the same checked mappings and normalized specs.
  const { emitTestingSources } = await import('./emit-testing.js');
  for (const [path, text] of emitTestingSources(checked, new Map(builds.map((b) => [b.provider.id, b.normalized])))) sources.set(path, text);
  const render = loadTemplates('refunds');
  const versions = new Map(builds.map((b) => [b.provider.id, (JSON.parse(b.files.get('package.json')!) as { version: string }).version]));
  const model = {
    packageName: '@paykit/refunds',
    // The real version is set by generator/versions (applyRelease) from what generated/ holds.
    version: INITIAL_VERSION,
    providers: checked.map((c) => ({
      id: c.provider.id, title: c.provider.title, packageName: `@paykit/${c.provider.id}`, version: versions.get(c.provider.id),
      mapping: c.file, ...matrixRow(c),
    })),
    dependencies: checked.map((c, i) => ({ name: `@paykit/${c.provider.id}`, range: `^${versions.get(c.provider.id)}`, last: i === checked.length - 1 })),
  };
  return new Map([
    ['package.json', render('package.json', model)],
    ['README.md', render('README.md', model)],
    ['tsconfig.json', render('tsconfig.json', model)],
    ...sources,
    ...buildDist(sources),
  ]);
}

function matrixRow(checked: CheckedMapping) {
  const c = capabilitiesOf(checked);
  const yes = (value: boolean) => (value ? 'yes' : 'no');
  return {
    partial: yes(c.partialRefunds),
    full: c.fullRefundWithoutAmount ? 'omit amount' : 'amount required',
    currencies: c.currencies === 'any' ? `any ISO 4217${c.maxFractionDigits === undefined ? '' : ` with ≤ ${c.maxFractionDigits} decimals`}` : c.currencies.join(', '),
    idempotency: c.idempotency ? 'yes (retried safely)' : 'no (never resent once it may have arrived)',
    reasons: yes(c.reasons), metadata: yes(c.metadata), reference: yes(c.reference),
    notes: c.notes,
  };
}


