/**
 * The provider half of the pipeline: load → lint (vendor report) → normalize → lint (must be clean)
 * → emit the package. Pure with respect to generated/: it returns file contents and writes nothing.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { displayPath, type ProjectConfig, type ProviderConfig } from './config.js';
import { emitProviderPackage } from './emit/provider-package.js';
import { stringifySpec } from './emit/spec-yaml.js';
import type { Render } from './emit/templates.js';
import { PaykitError, oneLine } from './errors.js';
import { loadSpec } from './load/index.js';
import { readDataFile } from './load/parse.js';
import { lintParsed, lintText, loadLintConfig, type LintProblem } from './lint/lint.js';
import { renderLintReport } from './lint/report.js';
import { normalizeSpec } from './normalize/index.js';
import { vendorAgreementFindings } from './checks/index.js';
import { refuseOnFindings } from './checks/finding.js';
import { INITIAL_VERSION } from './versions/index.js';
import { paykitPath } from './paths.js';
import type { OpenApiDocument } from './normalize/types.js';

export interface ProviderBuild {
  provider: ProviderConfig;
  /** generated/<id> */
  dir: string;
  files: Map<string, string>;
  normalized: OpenApiDocument;
  vendorProblems: LintProblem[];
  /** Every file the vendor spec was read from (absolute), for caches keyed by what a build read. */
  specFiles: string[];
}

export interface ProviderSpecs {
  vendor: OpenApiDocument;
  normalized: OpenApiDocument;
  normalizedYaml: string;
  vendorProblems: LintProblem[];
  specFiles: string[];
}

/** Load, lint and normalize one provider's spec. Throws PaykitError on bad input or a normalized spec with lint findings. */
export async function prepareSpecs(project: ProjectConfig, provider: ProviderConfig): Promise<ProviderSpecs> {
  const display = (absolute: string) => displayPath(project.root, absolute);
  const lintConfig = await loadLintConfig(project.root);
  const specPath = join(project.root, provider.spec);
  const guard = guardStage(project.root, provider.spec);
  const loaded = await guard('loading', () => loadSpec(specPath, provider.spec, display, lintConfig));
  const vendorProblems = await guard('redocly lint', () => lintParsed(loaded.document, specPath, lintConfig));
  const overlay = provider.overlay === undefined ? undefined : readDataFile(join(project.root, provider.overlay), provider.overlay);
  const normalized = normalizeSpec(loaded.document, provider, overlay, project.configFile);
  const normalizedYaml = stringifySpec(normalized);
  const outPath = `generated/${provider.id}/openapi.yaml`;
  const remaining = await guard('redocly lint of the normalized spec', () => lintText(normalizedYaml, join(project.root, outPath), lintConfig, normalized));
  const first = remaining[0];
  if (first !== undefined) {
    const fixIn = provider.overlay ?? `an overlay for ${provider.id} in specs/overlays/`;
    throw new PaykitError(outPath, first.pointer, `lint rule ${first.ruleId} still fails after normalization: ${first.message}` +
      (remaining.length > 1 ? ` (and ${remaining.length - 1} more)` : ''),
      `fix it in ${fixIn}, or turn the rule off in redocly.yaml with a comment saying why`);
  }
  return { vendor: loaded.document, normalized, normalizedYaml, vendorProblems, specFiles: loaded.files };
}

export async function buildProvider(project: ProjectConfig, provider: ProviderConfig, render: Render): Promise<ProviderBuild> {
  const specs = await prepareSpecs(project, provider);
  // The overlay still fits the vendor spec, and providers.yaml's auth and server choice agree with it.
  refuseOnFindings(vendorAgreementFindings(project, provider, specs));
  const lintConfig = await loadLintConfig(project.root);
  const dir = `generated/${provider.id}`;
  const files = await guardStage(project.root, provider.spec)('openapi-typescript and the package templates', () => emitProviderPackage({
    provider,
    normalized: specs.normalized,
    normalizedYaml: specs.normalizedYaml,
    lintReport: renderLintReport(provider.id, provider.spec, specs.vendorProblems),
    lintConfig,
    // The real version is set by generator/versions (applyRelease) from what generated/ holds.
    version: INITIAL_VERSION,
    openapiFetchRange: `^${installedVersion('openapi-fetch')}`,
  }, render));
  return { provider, dir, files, normalized: specs.normalized, vendorProblems: specs.vendorProblems, specFiles: specs.specFiles };
}

/**
 * A library that throws on some input (a key named like a JavaScript built-in, nesting past its
 * limit) must still give the user one line naming the spec, never a stack trace or an absolute path.
 */
function guardStage(root: string, file: string) {
  return async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof PaykitError) throw error;
      const message = (error instanceof Error ? error.message : String(error)).split(root + '/').join('').split(root).join('.');
      throw new PaykitError(file, undefined, `${stage} failed on this spec: ${oneLine(message).slice(0, 300)}`,
        'the spec uses something the library cannot handle; change it with an overlay, or report it with the spec attached');
    }
  };
}

const require = createRequire(paykitPath('package.json'));

/** Versions come from the lockfile-pinned install, so generated manifests are the same on every machine. */
export function installedVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
