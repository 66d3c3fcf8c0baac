/** Lints an OpenAPI document with the project's redocly ruleset (redocly.yaml). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paykitPath } from '../paths.js';
import { BaseResolver, type Config, type Document, lintDocument, loadConfig, makeDocumentFromString, Source } from '@redocly/openapi-core';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warning';
  /** JSON pointer into the linted document, without the leading `#`. */
  pointer: string;
  message: string;
}

const configs = new Map<string, Promise<Config>>();

/** The root's redocly.yaml when it has one, otherwise paykit's own. Loaded once per process. */
export function loadLintConfig(root: string): Promise<Config> {
  const local = join(root, 'redocly.yaml');
  const configPath = existsSync(local) ? local : paykitPath('redocly.yaml');
  let config = configs.get(configPath);
  if (config === undefined) {
    config = loadConfig({ configPath });
    configs.set(configPath, config);
  }
  return config;
}

/**
 * `text` is YAML or JSON; `absoluteRef` only names the document inside redocly. Pass `parsed` when
 * the caller already holds exactly what `text` parses to: linting only reads it, and the text is
 * kept for locations, so nothing is parsed twice.
 */
export async function lintText(text: string, absoluteRef: string, config: Config, parsed?: unknown): Promise<LintProblem[]> {
  const document: Document = parsed === undefined
    ? makeDocumentFromString(text, absoluteRef)
    : { source: new Source(absoluteRef, text), parsed };
  const problems = await lintDocument({ document, config, externalRefResolver: new BaseResolver(config.resolve) });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity === 'error' ? 'error' as const : 'warning' as const,
      pointer: (p.location[0]?.pointer ?? '#').replace(/^#/, ''),
      message: p.message,
    }))
    .sort(compareProblems);
}

function compareProblems(a: LintProblem, b: LintProblem): number {
  return a.pointer.localeCompare(b.pointer, 'en') || a.ruleId.localeCompare(b.ruleId, 'en') || a.message.localeCompare(b.message, 'en');
}
