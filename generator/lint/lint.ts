/** Lints an OpenAPI document with the project's redocly ruleset (redocly.yaml). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paykitPath } from '../paths.js';
import { type Config, type Document, lintDocument, loadConfig, makeDocumentFromString, Source } from '@redocly/openapi-core';
import { CheckedResolver } from '../load/resolver.js';

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
 * the caller already holds exactly what `text` parses to: linting only reads it, so nothing is
 * parsed twice.
 */
export function lintText(text: string, absoluteRef: string, config: Config, parsed?: unknown): Promise<LintProblem[]> {
  return lint(parsed === undefined ? makeDocumentFromString(text, absoluteRef) : { source: new Source(absoluteRef, text), parsed }, config);
}

/** Lints a document paykit already parsed; its text only serves redocly's code frames, which paykit does not print. */
export function lintParsed(parsed: unknown, absoluteRef: string, config: Config): Promise<LintProblem[]> {
  return lint({ source: new Source(absoluteRef, ''), parsed }, config);
}

async function lint(document: Document, config: Config): Promise<LintProblem[]> {
  // The document is one file (a bundle or a one-file spec), so nothing may be read to lint it: an
  // Example's `externalValue` naming a URL or a file is reported as unresolved, never fetched or read.
  const problems = await lintDocument({ document, config, externalRefResolver: new CheckedResolver() });
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
