/**
 * `npm run docs [-- --out <dir>]`: a browsable API reference in docs-site/ (git-ignored, not
 * generated/): one page per provider in specs/providers.yaml, built by Redocly's `build-docs` from
 * its normalized spec (generated/<id>/openapi.yaml), the refunds facade's README as HTML, and an
 * index linking them. Offline: Redoc is inlined into each page (no CDN), the CLI's update check
 * and telemetry are off, and the pages load no fonts or scripts from elsewhere.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { loadProjectConfig, type ProviderConfig } from '../generator/config.js';

const ROOT = new URL('../', import.meta.url).pathname.replace(/\/$/, '');
const REDOCLY_CLI = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const FACADE_README = 'generated/refunds/README.md';
const TEMPLATE = join(ROOT, 'scripts/docs-template.hbs');
export const DOCS_DIR = join(ROOT, 'docs-site');
const MARKER = '.paykit-docs';

/** Whatever the CLI would otherwise send or fetch on its own. */
const OFFLINE_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SDK_TELEMETRY: 'off', DO_NOT_TRACK: '1', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

export interface DocsPage { id: string; title: string; file: string; spec: string }

export async function buildDocs(outDir = DOCS_DIR): Promise<DocsPage[]> {
  const { providers } = loadProjectConfig(ROOT);
  // Only a folder this script wrote (or an empty one) is replaced: `--out .` must not wipe a project.
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, MARKER))) {
    throw new Error(`${outDir} is not empty and was not written by \`npm run docs\`; pass --out with a new or empty folder`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MARKER), 'Written by `npm run docs` (scripts/docs.ts); replaced on every run.\n');
  const pages = providers.map((p) => page(p));
  for (const { spec } of pages) {
    if (!existsSync(join(ROOT, spec))) throw new Error(`${spec} does not exist; run \`npm run generate\` first`);
  }
  // Two at a time: the machine (and a CI runner) has two cores, and each build is one Node process.
  for (let i = 0; i < pages.length; i += 2) await Promise.all(pages.slice(i, i + 2).map((p) => buildPage(p, outDir)));
  writeFileSync(join(outDir, 'refunds.html'), renderMarkdownPage('@paykit/refunds', readFileSync(join(ROOT, FACADE_README), 'utf8')));
  writeFileSync(join(outDir, 'index.html'), renderIndex(pages));
  return pages;
}

function page(provider: ProviderConfig): DocsPage {
  return { id: provider.id, title: provider.title, file: `${provider.id}.html`, spec: `generated/${provider.id}/openapi.yaml` };
}

function buildPage(p: DocsPage, outDir: string): Promise<void> {
  const args = [REDOCLY_CLI, 'build-docs', p.spec, '--output', join(outDir, p.file), '--inlineBundle', '--template', TEMPLATE, '--title', `${p.title} API reference (@paykit/${p.id})`];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...OFFLINE_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0 && existsSync(join(outDir, p.file))) done();
      else fail(new Error(`redocly build-docs ${p.spec} failed (exit ${code}): ${lastLine(output)}`));
    });
  });
}

function renderIndex(pages: readonly DocsPage[]): string {
  const items = pages.map((p) => {
    const version = packageVersion(p.id);
    return `<li><a href="${escapeHtml(p.file)}">${escapeHtml(p.title)}</a> <code>@paykit/${escapeHtml(p.id)}${version === undefined ? '' : `@${escapeHtml(version)}`}</code>, from <code>${escapeHtml(p.spec)}</code></li>`;
  });
  const body = [
    '<h1>paykit API reference</h1>',
    '<p>One page per provider, rendered by Redoc from the normalized spec paykit generates its client from.</p>',
    `<ul class="providers">\n${items.join('\n')}\n</ul>`,
    `<h2>Refunds facade</h2>\n<p><a href="refunds.html">@paykit/refunds</a>: one <code>refunds.create</code> across the providers (its README).</p>`,
  ].join('\n');
  return htmlPage('paykit API reference', body);
}

function packageVersion(id: string): string | undefined {
  const file = join(ROOT, 'generated', id, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}

/**
 * Markdown to HTML with marked. The README carries text from vendor specs, so raw HTML in it is
 * shown as text, and a link or image may only point at http(s), a fragment or a relative path.
 */
export function renderMarkdownPage(title: string, markdown: string): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { href, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        return safeHref(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      },
      image: ({ href, text }) => (safeHref(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text)),
    },
  });
  return htmlPage(title, `<p><a href="index.html">← API reference index</a></p>\n${marked.parse(markdown) as string}`);
}

function safeHref(href: string): boolean {
  // http(s), or no scheme at all (relative path, fragment): never javascript:, data: and the like.
  return /^https?:\/\//i.test(href) || !/^[^/?#]*:/.test(href);
}

function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
pre { padding: .75rem; overflow-x: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  return lines.find((l) => /error|fail/i.test(l)) ?? lines[lines.length - 1] ?? 'no output';
}

/** Run as a script (not when a test imports buildDocs). */
if (process.argv[1] !== undefined && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const at = process.argv.indexOf('--out');
  const outDir = at === -1 ? DOCS_DIR : resolve(process.argv[at + 1] ?? '');
  buildDocs(outDir).then(
    (pages) => console.log(`docs: ${pages.length} provider pages, refunds.html and index.html in ${outDir}`),
    (error: Error) => {
      console.error(`docs: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
