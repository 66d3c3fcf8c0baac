/** `paykit generate [--provider <id>...] [--check]` */
import { loadProjectConfig, selectProviders } from '../config.js';
import { loadTemplates } from '../emit/templates.js';
import { MANIFEST_PATH, renderManifest } from '../manifest.js';
import { compareFile, compareTree, writeTree, type GeneratedTree } from '../output.js';
import { explainRefusal } from '../diff/refusal.js';
import { PaykitError } from '../errors.js';
import { cachedFacade } from '../facade-cache.js';
import { buildProvider, type ProviderBuild } from '../pipeline.js';
import { cachedProviderBuild } from '../provider-cache.js';
import { applyRelease, facadeRelease, packageName, providerRelease, type Release } from '../versions/index.js';
import { packageChange } from '../versions/package-changes.js';
import { isSpecDerived } from '../emit/provider-package.js';
import type { Reporter } from './reporter.js';

export interface GenerateOptions { root: string; providers: string[]; check: boolean }

/** Returns the exit code: 0 done / up to date, 1 drift found by --check. Bad input throws PaykitError. */
export async function generate(options: GenerateOptions, report: Reporter): Promise<number> {
  const started = performance.now();
  const project = loadProjectConfig(options.root);
  const selected = selectProviders(project, options.providers);
  const render = loadTemplates('provider');
  const tree: GeneratedTree = new Map();
  const builds: ProviderBuild[] = [];
  const releases = new Map<string, Release>();
  for (const provider of selected) {
    // A provider none of whose inputs changed since a previous run is taken from the cache (provider-cache.ts).
    const build = await cachedProviderBuild(project, provider, () => buildProvider(project, provider, render)).catch(async (error: unknown) => {
      if (!(error instanceof PaykitError)) throw error;
      // Before refusing, say what the vendor changed (class and bump) and name the first thing to fix.
      const refusal = await explainRefusal(project, provider, error);
      for (const line of refusal.lines) report.line(line);
      throw refusal.error;
    });
    // Version and CHANGELOG.md from the diff against what generated/<id>/ holds (generator/versions/).
    // A template or providers.yaml change is released too, classified by the package's exported types.
    const own = packageChange(options.root, build.dir, build.files, isSpecDerived);
    const release = providerRelease(options.root, build.dir, packageName(build.files.get('package.json'), `@paykit/${provider.id}`), build.files.get('openapi.yaml') ?? '', provider.id, provider.defaultServer, own);
    applyRelease(build.files, release);
    releases.set(provider.id, release);
    if (release.bump !== undefined) report.line(`${provider.id}: ${release.previousVersion ?? ''} -> ${release.version} (${release.bump}: ${release.diff?.class ?? 'package change'})`);
    builds.push(build);
    tree.set(build.dir, build.files);
    const findings = build.vendorProblems.length;
    report.line(`${provider.id}: ${findings} vendor lint finding${findings === 1 ? '' : 's'}, normalized spec clean, ${build.files.size} files`);
  }
  // The facade spans every provider, so it is rebuilt only when all of them were.
  if (selected.length === project.providers.length) {
    // ts-morph: only when the facade is rebuilt, and not when its inputs are what a previous run built it from.
    const facade = await cachedFacade(project, builds, async () => (await import('../facade/index.js')).buildFacade(project, builds));
    if (facade !== undefined) {
      const mapped = builds.filter((b) => b.provider.mapping !== undefined).map((b) => releases.get(b.provider.id)!);
      const own = packageChange(options.root, 'generated/refunds', facade, () => false, mapped.map((r) => r.name));
      const release = facadeRelease(options.root, 'generated/refunds', packageName(facade.get('package.json'), '@paykit/refunds'), mapped, own);
      applyRelease(facade, release);
      if (release.bump !== undefined) report.line(`refunds: ${release.previousVersion ?? ''} -> ${release.version} (${release.bump})`);
      tree.set('generated/refunds', facade);
      report.line(`refunds: facade over ${builds.filter((b) => b.provider.mapping !== undefined).length} providers, ${facade.size} files`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // Only a full run knows every package, so only a full run records (and is checked against) the manifest.
  const manifest = selected.length === project.providers.length ? renderManifest(options.root, tree) : undefined;
  if (options.check) {
    const drift = compareTree(options.root, tree);
    if (manifest !== undefined) drift.push(...compareFile(options.root, MANIFEST_PATH, manifest));
    for (const d of drift) report.line(`${d.kind}: ${d.path}`);
    if (drift.length > 0) {
      report.line(`generated/ is out of date: ${drift.length} file${drift.length === 1 ? '' : 's'} differ; run \`npm run generate\` and commit the result`);
      return 1;
    }
    report.line(`generated/ is up to date (${tree.size} packages checked in ${seconds}s)`);
    return 0;
  }
  writeTree(options.root, tree, manifest === undefined ? undefined : { path: MANIFEST_PATH, content: manifest });
  const fileCount = [...tree.values()].reduce((n, files) => n + files.size, 0);
  report.line(`generated ${tree.size} packages, ${fileCount} files, in ${seconds}s`);
  return 0;
}
