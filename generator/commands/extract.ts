/** `paykit extract [--check]`: specs/vendor/* from the vendor documents in specs/sources/. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProjectConfig } from '../config.js';
import { extractVendorSpec, extractedProviders } from '../vendor-specs.js';
import type { Reporter } from './reporter.js';

export function extract(options: { root: string; check: boolean }, report: Reporter): number {
  const project = loadProjectConfig(options.root);
  let stale = 0;
  for (const provider of extractedProviders(project)) {
    const text = extractVendorSpec(project, provider);
    const target = join(project.root, provider.spec);
    const same = existsSync(target) && readFileSync(target, 'utf8') === text;
    if (options.check) {
      if (!same) { stale++; report.line(`stale: ${provider.spec} (differs from the spec block of ${provider.source})`); }
    } else if (!same) {
      writeFileSync(target, text);
      report.line(`${provider.id}: wrote ${provider.spec} from ${provider.source}`);
    } else {
      report.line(`${provider.id}: ${provider.spec} is up to date`);
    }
  }
  return stale === 0 ? 0 : 1;
}
