/**
 * `npm run docs`: builds docs-site/, then opens every page in headless Chromium (Debian's
 * `chromium`, driven by playwright-core, which downloads no browser) and checks that Redoc rendered
 * each operation of the provider's normalized spec with its path, summary and request body fields,
 * that the page loaded nothing from the network, and saves a screenshot per page in
 * docs-site/screenshots/. Operations and fields are read from generated/<id>/openapi.yaml.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig } from '../generator/config.js';
import { buildDocs, DOCS_DIR, renderMarkdownPage, type DocsPage } from '../scripts/docs.js';
import { REPO } from './helpers/project-copy.js';

const SHOTS = join(DOCS_DIR, 'screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** PAYKIT_CHROMIUM, else Debian's /usr/bin/chromium, else whatever `chromium` is on PATH. */
function findChromium(): string | undefined {
  if (process.env.PAYKIT_CHROMIUM !== undefined) return process.env.PAYKIT_CHROMIUM;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

type Json = Record<string, unknown>;
interface Operation { method: string; path: string; summary: string; tag?: string; fields: string[] }

/** The operations of a normalized spec and the top-level property names of each request body. */
function operations(id: string): Operation[] {
  const doc = parse(readFileSync(join(REPO, 'generated', id, 'openapi.yaml'), 'utf8')) as Json;
  const deref = (node: unknown): Json => {
    let at = node as Json;
    for (let hops = 0; typeof at?.$ref === 'string' && hops < 20; hops++) {
      at = (at.$ref as string).slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((n, key) => (n as Json)[key], doc) as Json;
    }
    return at ?? {};
  };
  const propertyNames = (schema: Json): string[] => [
    ...Object.keys(deref(schema.properties ?? {})),
    ...((schema.allOf as unknown[] | undefined) ?? []).flatMap((s) => propertyNames(deref(s))),
  ];
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const o = op as Json;
      const content = deref(deref(o.requestBody).content);
      const media = Object.values(content)[0] as Json | undefined;
      const fields = media === undefined ? [] : propertyNames(deref(media.schema));
      result.push({ method, path, summary: String(o.summary ?? o.operationId), tag: (o.tags as string[] | undefined)?.[0], fields });
    }
  }
  return result;
}

const providers = loadProjectConfig(REPO).providers;
const chromiumPath = findChromium();
let context: BrowserContext | undefined;
let page: Page;
let pages: DocsPage[] = [];
const offsite: string[] = [];
const pageErrors: string[] = [];
const profile = mkdtempSync(join(tmpdir(), 'paykit-chromium-'));

beforeAll(async () => {
  if (chromiumPath === undefined || !existsSync(chromiumPath)) {
    throw new Error(`chromium not found (looked at PAYKIT_CHROMIUM, /usr/bin/chromium, PATH): install Debian's package with \`apt-get install -y chromium\` (.ci/run does) or set PAYKIT_CHROMIUM`);
  }
  pages = await buildDocs();
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  // Anything that is not the page itself (file:) or made by it (blob:, data:) would be the network.
  await page.route((url) => !/^(file|blob|data):$/.test(url.protocol), (route) => {
    offsite.push(route.request().url());
    return route.abort();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function open(file: string): Promise<void> {
  offsite.length = 0;
  pageErrors.length = 0;
  await page.goto(pathToFileURL(join(DOCS_DIR, file)).href, { waitUntil: 'load', timeout: 30_000 });
}

describe('npm run docs', () => {
  it('builds one page per provider in specs/providers.yaml, the facade README and an index, none of them tracked by git', () => {
    expect(pages.map((p) => p.id)).toEqual(providers.map((p) => p.id));
    for (const file of [...pages.map((p) => p.file), 'refunds.html', 'index.html']) expect(existsSync(join(DOCS_DIR, file)), file).toBe(true);
    const ignored = spawnSync('git', ['check-ignore', '-q', 'docs-site/index.html'], { cwd: REPO });
    expect(ignored.status, 'docs-site/ is git-ignored').toBe(0);
  });

  it.each(providers.map((p) => p.id))('%s: Redoc renders every operation with its request fields, offline', async (id) => {
    await open(`${id}.html`);
    const html = readFileSync(join(DOCS_DIR, `${id}.html`), 'utf8');
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    for (const op of operations(id)) {
      // Redoc shows a tag's operations once the tag is opened in the side menu: a click proves the page is live, not just prerendered.
      if (op.tag !== undefined) await page.locator('[data-testid="menu-item-label"]', { hasText: op.tag }).first().click({ timeout: 15_000 });
      await expect.poll(() => page.getByText(op.summary, { exact: true }).filter({ visible: true }).count(), { timeout: 15_000, message: `${id}: summary "${op.summary}"` })
        .toBeGreaterThan(0);
      expect(await page.getByText(op.path, { exact: true }).filter({ visible: true }).count(), `${id}: path ${op.path}`).toBeGreaterThan(0);
      expect(op.fields.length, `${id} ${op.method} ${op.path} has request fields`).toBeGreaterThan(0);
      for (const field of op.fields) {
        await expect.poll(() => page.getByText(field, { exact: true }).filter({ visible: true }).count(), { timeout: 10_000, message: `${id}: request field ${field}` })
          .toBeGreaterThan(0);
      }
    }
    const firstField = operations(id)[0]?.fields[0];
    if (firstField !== undefined) await page.getByText(firstField, { exact: true }).filter({ visible: true }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${id}.png`) });
    expect(existsSync(join(SHOTS, `${id}.png`))).toBe(true);
    expect(offsite, `${id}.html requested nothing off the page`).toEqual([]);
    expect(pageErrors, `${id}.html threw nothing`).toEqual([]);
  });

  it('the index links every provider page and the facade README, which renders as HTML', async () => {
    await open('index.html');
    for (const p of pages) expect(await page.locator(`a[href="${p.file}"]`).textContent()).toBe(p.title);
    await page.locator('a[href="refunds.html"]').click();
    await expect.poll(() => page.url()).toMatch(/refunds\.html$/);
    expect(await page.locator('h1').first().textContent()).toBe('@paykit/refunds');
    // The capability matrix is a real table with one row per provider the facade maps.
    const mapped = providers.filter((p) => p.mapping !== undefined);
    const matrix = page.locator('table', { has: page.locator('th', { hasText: 'idempotency' }) });
    expect(await matrix.locator('tbody tr').count()).toBe(mapped.length);
    await page.screenshot({ path: join(SHOTS, 'refunds.png') });
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the README page shows raw HTML from the markdown as text and drops links with a script scheme', () => {
    const html = renderMarkdownPage('t', 'a <script>alert(1)</script> b\n\n[x](javascript:alert(1)) [y](https://example.com/) [z](#retries)\n');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<a href="https://example.com/">y</a>');
    expect(html).toContain('<a href="#retries">z</a>');
  });

  it('refuses to replace a folder it did not write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paykit-docs-out-'));
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    await expect(buildDocs(dir)).rejects.toThrow(/not empty and was not written by `npm run docs`/);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
    rmSync(dir, { recursive: true, force: true });
  });
});
