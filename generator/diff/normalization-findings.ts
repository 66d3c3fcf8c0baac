/**
 * When normalization no longer applies to a new vendor spec, the report still needs to say what
 * broke and what else the change touches. This re-runs normalization forgivingly: each rule and
 * each overlay action on its own, skipping the ones that fail (each failure is a finding naming the
 * action or rule), then lints the result (each problem is a finding, attributed to the overlay
 * action whose update put the offending value there when there is one). The document it returns is
 * only for the report (the facade check); generation itself never uses it.
 */
import { join } from 'node:path';
import { JSONPath } from 'jsonpath-plus';
import { stringify } from 'yaml';
import type { ProjectConfig, ProviderConfig } from '../config.js';
import { PaykitError } from '../errors.js';
import { readDataFile } from '../load/parse.js';
import { resolvePointer } from '../load/refs.js';
import { lintText, loadLintConfig, type LintProblem } from '../lint/lint.js';
import { brokenLocalRef } from '../load/document-refs.js';
import { applyOverlay } from '../normalize/overlay.js';
import { ALWAYS, RULES } from '../normalize/rules/index.js';
import { isRecord, type OpenApiDocument } from '../normalize/types.js';
import type { Finding } from './types.js';

export interface ForgivingNormalization { normalized: OpenApiDocument; findings: Finding[] }

export async function normalizeForgivingly(project: ProjectConfig, provider: ProviderConfig, vendor: OpenApiDocument): Promise<ForgivingNormalization> {
  const findings: Finding[] = [];
  let document = structuredClone(vendor);
  const attempt = (source: string, run: (trial: OpenApiDocument) => void): void => {
    const trial = structuredClone(document);
    try {
      run(trial);
      document = trial;
    } catch (error) {
      if (!(error instanceof PaykitError)) throw error;
      findings.push({ source, message: error.problem, fix: error.fix });
    }
  };
  provider.rules.forEach((name, index) => {
    const rule = RULES.get(name);
    if (rule === undefined) {
      findings.push({ source: `${project.configFile}#/providers/${provider.id}/rules/${index}`, message: `unknown normalization rule "${name}"`, fix: `use one of: ${[...RULES.keys()].join(', ')}` });
    } else {
      attempt(`rule:${name}`, (trial) => rule.apply(trial));
    }
  });
  const actions = overlayActions(project, provider, findings);
  actions.forEach((action, index) => {
    // One action at a time, so one that no longer applies does not hide what the others do.
    attempt(`${provider.overlay!}#/actions/${index}`, (trial) => applyOverlay(trial, { overlay: '1.0.0', actions: [action] }, provider.overlay!, undefined, { checkRefs: false }));
  });
  const dangling = brokenLocalRef(document);
  if (dangling !== undefined) findings.push({ source: provider.overlay ?? provider.spec, pointer: dangling.pointer, message: dangling.problem, fix: dangling.fix });
  for (const rule of ALWAYS) attempt(`rule:${rule.name}`, (trial) => rule.apply(trial));
  const problems = await lintNormalized(project, provider, document);
  findings.push(...problems.map((p) => lintFinding(p, provider, actions, document, vendor)));
  return { normalized: document, findings };
}

function overlayActions(project: ProjectConfig, provider: ProviderConfig, findings: Finding[]): unknown[] {
  if (provider.overlay === undefined) return [];
  try {
    const overlay = readDataFile(join(project.root, provider.overlay), provider.overlay);
    if (isRecord(overlay) && Array.isArray(overlay.actions)) return overlay.actions;
    findings.push({ source: provider.overlay, message: 'is not an OpenAPI Overlay 1.0 document', fix: 'start the file with `overlay: 1.0.0`, `info` and `actions`' });
  } catch (error) {
    if (!(error instanceof PaykitError)) throw error;
    findings.push({ source: provider.overlay, message: error.problem, fix: error.fix });
  }
  return [];
}

async function lintNormalized(project: ProjectConfig, provider: ProviderConfig, document: OpenApiDocument): Promise<LintProblem[]> {
  const config = await loadLintConfig(project.root);
  const text = stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  try {
    return await lintText(text, join(project.root, `generated/${provider.id}/openapi.yaml`), config, document);
  } catch {
    return []; // the real pipeline reports a linter that cannot read the spec; the report goes on without lint
  }
}

/** A lint problem, named by the overlay action whose update wrote where it shows, or by the lint rule. */
function lintFinding(problem: LintProblem, provider: ProviderConfig, actions: unknown[], document: OpenApiDocument, vendor: OpenApiDocument): Finding {
  const message = `lint rule ${problem.ruleId} fails after normalization: ${problem.message}`;
  const index = updatingAction(problem.pointer, actions, document, vendor);
  if (index !== undefined) {
    return {
      source: `${provider.overlay!}#/actions/${index}`, pointer: problem.pointer, message: `its update now collides with the vendor's spec: ${message}`,
      fix: 'the vendor probably declares it now: drop the action or the colliding part of its update',
    };
  }
  return {
    source: `lint:${problem.ruleId}`, pointer: problem.pointer, message,
    fix: `fix it in ${provider.overlay ?? `an overlay for ${provider.id} in specs/overlays/`}, or turn the rule off in redocly.yaml with a comment saying why`,
  };
}

/**
 * The last overlay action with an `update` whose target holds `pointer`, whose update sets the key it
 * goes through, and where the vendor document now has that key too: the update and the vendor collide.
 */
function updatingAction(pointer: string, actions: unknown[], document: OpenApiDocument, vendor: OpenApiDocument): number | undefined {
  let found: number | undefined;
  actions.forEach((action, index) => {
    if (!isRecord(action) || typeof action.target !== 'string' || !isRecord(action.update)) return;
    let targets: string[];
    try {
      targets = JSONPath({ path: action.target, json: document, resultType: 'pointer', eval: 'safe', wrap: true }) as string[];
    } catch {
      return;
    }
    for (const target of targets) {
      if (!pointer.startsWith(`${target}/`)) continue;
      const key = pointer.slice(target.length + 1).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Object.hasOwn(action.update, key) && resolvePointer(vendor, `${target}/${pointer.slice(target.length + 1).split('/')[0]!}`) !== undefined) found = index;
    }
  });
  return found;
}
