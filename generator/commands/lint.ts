/** `paykit lint [--provider <id>...]`: the vendor findings, and whether normalization leaves any. */
import { loadProjectConfig, selectProviders } from '../config.js';
import { PaykitError } from '../errors.js';
import { prepareSpecs } from '../pipeline.js';
import type { Reporter } from './reporter.js';

export async function lint(options: { root: string; providers: string[] }, report: Reporter): Promise<number> {
  const project = loadProjectConfig(options.root);
  let failed = 0;
  for (const provider of selectProviders(project, options.providers)) {
    try {
      const { vendorProblems } = await prepareSpecs(project, provider);
      report.line(`${provider.id}: ${vendorProblems.length} finding(s) in ${provider.spec}; normalized spec clean`);
      for (const p of vendorProblems) report.line(`  ${p.severity} ${p.ruleId} #${p.pointer}: ${p.message.replace(/\s+/g, ' ')}`);
    } catch (error) {
      if (!(error instanceof PaykitError) || !error.problem.startsWith('lint rule')) throw error;
      failed++;
      report.error(error.message);
    }
  }
  return failed === 0 ? 0 : 1;
}
