/** Lints an OpenAPI document with the project's redocly ruleset (redocly.yaml). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  const configPath = existsSync(local) ? local : fileURLToPath(new URL('../../redocly.yaml', import.meta.url));
  let config = configs.get(configPath);
  if (config === undefined) {
    config = loadConfig({ configPath });
    configs.set(configPath, config);
  }
  return config;
}

/**
 * Texts whose data the loader already has (a spec file it parsed, or the bundle it serialized), so
 * lintText does not parse them a second time. One entry at a time: the loader hands over, lint takes.
 */
let handedOver: { text: string; parsed: unknown } | undefined;

/** Called by the loader: `parsed` is exactly what `text` parses to (paykit's parser, YAML 1.2 core). */
export function rememberParsed(text: string, parsed: unknown): void {
  handedOver = { text, parsed };
}

/** `text` is YAML or JSON; `absoluteRef` only names the document inside redocly. */
export async function lintText(text: string, absoluteRef: string, config: Config): Promise<LintProblem[]> {
  let document: Document;
  if (handedOver !== undefined && handedOver.text === text) {
    // Linting only reads the document; the source text is kept for locations.
    document = { source: new Source(absoluteRef, text), parsed: handedOver.parsed };
    handedOver = undefined;
  } else {
    document = makeDocumentFromString(text, absoluteRef);
  }
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
