/**
 * `npm run update-specs [-- --base-url <url>] [--report <file>] [--root <dir>] [--provider <id>...]`
 *
 * Fetches each vendor's document from its `sourceUrl` (specs/providers.yaml), writes it to
 * specs/sources/ verbatim, extracts its spec block into specs/vendor/ verbatim, regenerates
 * generated/ (which bumps versions and writes changelogs) and prints a markdown report of the diff,
 * also written to --report for a pull-request body.
 *
 * --base-url (or PAYKIT_SPECS_BASE_URL) sends every request to <base-url>/<host><path> instead of
 * the vendor, so tests can serve documents from a loopback server.
 *
 * Exit codes: 0 done (changed or not); 1 the new vendor files are written and the report says what
 * changed, but `paykit generate` failed on them (generated/ unchanged); 2 a document could not be
 * fetched or has no spec block (nothing is changed); 3 internal error.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { generate } from '../generator/commands/generate.js';
import type { Reporter } from '../generator/commands/reporter.js';
import { loadProjectConfig, selectProviders, type ProviderConfig } from '../generator/config.js';
import { diffSpecs, renderMarkdown, type ReportEntry } from '../generator/diff/index.js';
import { PaykitError, oneLine } from '../generator/errors.js';
import { isRecord } from '../generator/normalize/types.js';
import { prepareSpecs } from '../generator/pipeline.js';
import { extractVendorSpec } from '../generator/vendor-specs.js';

export interface UpdateOptions {
  root: string;
  baseUrl?: string;
  providers?: string[];
  timeoutMs?: number;
}

export interface UpdateResult {
  entries: ReportEntry[];
  markdown: string;
  /** Files under specs/ that changed. */
  changedFiles: string[];
  /** Why `paykit generate` failed, when it did (specs/ then holds the new vendor files, generated/ is unchanged). */
  failure?: string;
}

type WithUrl = ProviderConfig & { sourceUrl?: string };

export async function updateSpecs(options: UpdateOptions, log: Reporter = silent): Promise<UpdateResult> {
  const root = options.root;
  const project = loadProjectConfig(root);
  const selected = (selectProviders(project, options.providers ?? []) as WithUrl[]).filter((p) => p.sourceUrl !== undefined && p.source !== undefined);

  // 1. Fetch everything before touching a file.
  const documents = new Map<string, Buffer>();
  for (const provider of selected) {
    const url = requestUrl(provider.sourceUrl!, options.baseUrl);
    log.line(`${provider.id}: fetching ${url}`);
    documents.set(provider.id, await fetchDocument(url, provider, options.timeoutMs ?? 30_000));
  }

  // 2. What generated/ holds now: the "before" of every diff and version.
  const packages = [...project.providers.map((p) => p.id), 'refunds'];
  const previous = new Map(packages.map((id) => [id, readPackage(root, id)]));

  // 3. Write sources and extracted specs; put everything back if a later step fails.
  const backups = new Map<string, Buffer | undefined>();
  const write = (rel: string, bytes: Buffer | string) => {
    const path = join(root, rel);
    if (!backups.has(rel)) backups.set(rel, existsSync(path) ? readFileSync(path) : undefined);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  };
  const notes = new Map<string, string>();
  const restore = () => {
    for (const [rel, bytes] of backups) {
      if (bytes === undefined) rmSync(join(root, rel), { force: true });
      else writeFileSync(join(root, rel), bytes);
    }
  };
  try {
    for (const provider of selected) {
      const bytes = documents.get(provider.id)!;
      const old = existsSync(join(root, provider.source!)) ? readFileSync(join(root, provider.source!)) : undefined;
      write(provider.source!, bytes);
      if (provider.spec.startsWith('specs/vendor/')) {
        write(provider.spec, extractVendorSpec(project, provider));
      } else if (old === undefined || !old.equals(bytes)) {
        notes.set(provider.id, `The vendor document ${provider.source} changed, but ${provider.spec} is hand-written: compare the document's diff with it and update it by hand.`);
      }
    }
  } catch (error) {
    restore(); // a document we cannot use changes nothing
    throw error;
  }

  // 4. Regenerate. A failure here (a mapping that no longer covers the spec, a lint rule) keeps the
  // new vendor files: the report says what broke, and the pull request is where it gets fixed.
  let failure: string | undefined;
  try {
    const lines: string[] = [];
    const code = await generate({ root, providers: [], check: false }, { line: (t) => lines.push(t), error: (t) => lines.push(t) });
    for (const line of lines) log.line(line);
    if (code !== 0) failure = `paykit generate exited ${code}`;
  } catch (error) {
    if (!(error instanceof PaykitError)) { restore(); throw error; }
    failure = error.message;
  }

  // 5. The report: generated/ before vs after (or vs the normalized specs, when generate failed).
  const entries: ReportEntry[] = [];
  for (const id of packages) {
    const before = previous.get(id)!;
    const after = readPackage(root, id);
    if (after.version === undefined) continue;
    let afterSpec = after.spec;
    const provider = project.providers.find((p) => p.id === id);
    if (failure !== undefined && provider !== undefined) {
      try {
        afterSpec = (await prepareSpecs(project, provider)).normalized;
      } catch (error) {
        notes.set(id, `Cannot normalize the new spec: ${error instanceof Error ? oneLine(error.message) : String(error)}`);
      }
    }
    const diff = id === 'refunds'
      ? { provider: 'refunds', class: 'none' as const, changes: [] }
      : diffSpecs(id, before.spec ?? {}, afterSpec ?? {});
    const note = notes.get(id) ?? (id === 'refunds' && before.version !== after.version ? 'The facade takes the largest bump among the providers it maps.' : undefined);
    entries.push({ diff, ...(before.version === undefined ? {} : { fromVersion: before.version }), toVersion: after.version, ...(note === undefined ? {} : { note }) });
  }
  const changedFiles = [...backups].filter(([rel, bytes]) => bytes === undefined || !bytes.equals(readFileSync(join(root, rel)))).map(([rel]) => rel).sort();
  const failed = failure === undefined ? '' : [
    '> [!WARNING]',
    `> \`paykit generate\` failed, so generated/ and the package versions are unchanged: ${failure.replace(/\n/g, ' ')}`,
    '> Fix it on this branch (usually specs/mappings/ or an overlay), run `npm run generate` and commit.',
    '',
  ].join('\n');
  const markdown = renderMarkdown(entries);
  return { entries, markdown: failed === '' ? markdown : markdown.replace(/^(## [^\n]*\n\n)/, `$1${failed}\n`), changedFiles, ...(failure === undefined ? {} : { failure }) };
}

/** <base>/<host><path> when a base URL is given (tests, mirrors); the vendor's URL otherwise. */
export function requestUrl(sourceUrl: string, baseUrl: string | undefined): string {
  if (baseUrl === undefined || baseUrl === '') return sourceUrl;
  const source = new URL(sourceUrl);
  return `${baseUrl.replace(/\/+$/, '')}/${source.host}${source.pathname}${source.search}`;
}

async function fetchDocument(url: string, provider: WithUrl, timeoutMs: number): Promise<Buffer> {
  const where = `/providers/${provider.id}/sourceUrl`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' } });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new PaykitError('specs/providers.yaml', where, `fetching ${url} failed: ${oneLine(cause)}`, 'check the URL and the network, then rerun npm run update-specs');
  }
  if (!response.ok) {
    throw new PaykitError('specs/providers.yaml', where, `fetching ${url} answered HTTP ${response.status}`, 'check that the vendor still publishes the page there and update sourceUrl if it moved');
  }
  return Buffer.from(await response.arrayBuffer());
}

function readPackage(root: string, id: string): { version: string | undefined; spec: Record<string, unknown> | undefined } {
  const dir = join(root, 'generated', id);
  let version: string | undefined;
  let spec: Record<string, unknown> | undefined;
  try {
    const v = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    if (typeof v === 'string') version = v;
  } catch { /* no package yet */ }
  if (existsSync(join(dir, 'openapi.yaml'))) {
    const parsed = parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as unknown;
    if (isRecord(parsed)) spec = parsed;
  }
  return { version, spec };
}

const silent: Reporter = { line: () => {}, error: () => {} };

interface CliArgs { root: string; baseUrl?: string; report?: string; providers: string[]; help?: boolean }

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const args: CliArgs = { root: process.cwd(), providers: [] };
  if (env.PAYKIT_SPECS_BASE_URL) args.baseUrl = env.PAYKIT_SPECS_BASE_URL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new PaykitError('scripts/update-specs.ts', undefined, `${arg} needs a value`, 'run it with --help for the usage');
      return v;
    };
    if (arg === '--base-url') args.baseUrl = value();
    else if (arg === '--report') args.report = value();
    else if (arg === '--root') args.root = resolve(value());
    else if (arg === '--provider' || arg === '-p') args.providers.push(value());
    else if (arg === '--help' || arg === '-h') args.help = true;
    else throw new PaykitError('scripts/update-specs.ts', undefined, `unknown option ${arg}`, 'use --base-url, --report, --root or --provider (see --help)');
  }
  return args;
}

const USAGE = `Usage: npm run update-specs -- [options]

Fetch each vendor's document from its sourceUrl (specs/providers.yaml), write specs/sources/ and
specs/vendor/, regenerate generated/ and print a markdown report of the changes.

Options:
  --report <file>     also write the report to <file> (a pull-request body)
  --base-url <url>    fetch <url>/<vendor host><vendor path> instead (env PAYKIT_SPECS_BASE_URL)
  --provider <id>     only this provider (repeatable)
  --root <dir>        the project (default: the current directory)
  -h, --help          show this help

Exit codes: 0 done; 1 specs updated but generate failed (see the report); 2 a document could not be
fetched or used (nothing changed); 3 internal error.
`;

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    const stderr: Reporter = { line: (t) => process.stderr.write(`${t}\n`), error: (t) => process.stderr.write(`${t}\n`) };
    const result = await updateSpecs({ root: args.root, providers: args.providers, ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }) }, stderr);
    process.stdout.write(result.markdown);
    if (args.report !== undefined) {
      const target = resolve(args.report);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, result.markdown);
    }
    if (result.failure !== undefined) process.stderr.write(`update-specs: ${oneLine(result.failure)}\n`);
    return result.failure === undefined ? 0 : 1;
  } catch (error) {
    if (error instanceof PaykitError) {
      process.stderr.write(`update-specs: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`update-specs: internal error: ${error instanceof Error ? oneLine(error.message) : String(error)}\n`);
    return 3;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
