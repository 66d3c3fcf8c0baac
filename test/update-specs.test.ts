/** npm run update-specs against a loopback server playing the vendors' documentation sites. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import semver from 'semver';
import { parse } from 'yaml';
import { parseArgs, requestUrl } from '../scripts/update-specs.js';
import { REPO, copyProject, snapshotTree } from './helpers/project-copy.js';
import { startRecordingServer } from './helpers/recording-server.js';
import { applyEdits, loadVendorChanges } from './diff/vendor-change.js';

const providers = parse(readFileSync(join(REPO, 'specs/providers.yaml'), 'utf8')) as { providers: Record<string, { source: string; sourceUrl?: string }> };
const original = (id: string) => readFileSync(join(REPO, providers.providers[id]!.source), 'utf8');

/** Documents served, by provider; each test sets what the "vendors" publish. */
let published = new Map<string, string>();
let server: Awaited<ReturnType<typeof startRecordingServer>>;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startRecordingServer((req) => {
    for (const [id, entry] of Object.entries(providers.providers)) {
      const url = new URL(entry.sourceUrl!);
      if (req.url === `/${url.host}${url.pathname}`) {
        const body = published.get(id);
        return body === undefined ? { status: 404, body: 'not found' } : { status: 200, headers: { 'content-type': 'text/markdown' }, body };
      }
    }
    return { status: 404, body: 'not found' };
  });
});
afterAll(async () => {
  await server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function publishAll(changes: Record<string, (text: string) => string> = {}) {
  published = new Map(Object.keys(providers.providers).map((id) => [id, (changes[id] ?? ((t: string) => t))(original(id))]));
}

/** Asynchronous: the loopback server lives in this process and must keep answering. */
function run(dir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/update-specs.ts'), '--root', dir, '--base-url', server.url, ...args],
      { cwd: REPO, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) => {
        resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      });
  });
}

function project(): string {
  const dir = copyProject({ generated: true });
  dirs.push(dir);
  return dir;
}

describe('update-specs', () => {
  it('every provider with a source document lists a sourceUrl', () => {
    for (const [id, entry] of Object.entries(providers.providers)) expect(entry.sourceUrl, id).toMatch(/^https:\/\//);
  });

  it('maps vendor URLs under --base-url by host and path', () => {
    expect(requestUrl('https://docs.x.com/a/b.md?v=1', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/docs.x.com/a/b.md?v=1');
    expect(requestUrl('https://docs.x.com/a.md', undefined)).toBe('https://docs.x.com/a.md');
    expect(parseArgs([], { PAYKIT_SPECS_BASE_URL: 'http://127.0.0.1:1' }).baseUrl).toBe('http://127.0.0.1:1');
    expect(parseArgs(['--base-url', 'http://a'], { PAYKIT_SPECS_BASE_URL: 'http://b' }).baseUrl).toBe('http://a');
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option --bogus/);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it('unchanged documents change nothing and report no change', async () => {
    publishAll();
    const dir = project();
    const before = snapshotTree(dir);
    const result = await run(dir);
    expect(result.stderr).not.toMatch(/update-specs:/);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('## Vendor spec changes\n\nNo vendor spec changed.\n');
    expect(snapshotTree(dir)).toEqual(before);
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('a vendor change: sources and vendor spec written verbatim, the package bumped, changelog entry, report to --report', async () => {
    const changed = (t: string) => t.replace('          example: re123\n    refund-response:\n',
      '          example: re123\n        reason:\n          description: Why the refund is issued\n          type: string\n    refund-response:\n');
    publishAll({ xpay: changed });
    expect(published.get('xpay')).not.toBe(original('xpay'));
    const dir = project();
    const result = await run(dir, '--report', join(dir, 'out/report.md'));
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'specs/sources/xpay-create-refund.md'), 'utf8')).toBe(published.get('xpay'));
    expect(readFileSync(join(dir, 'specs/vendor/xpay.yaml'), 'utf8')).toContain('        reason:\n          description: Why the refund is issued\n');
    const committed = (id: string) => (JSON.parse(readFileSync(join(REPO, 'generated', id, 'package.json'), 'utf8')) as { version: string }).version;
    const [xpay, xpayNext] = [committed('xpay'), semver.inc(committed('xpay'), 'minor')!];
    expect((JSON.parse(readFileSync(join(dir, 'generated/xpay/package.json'), 'utf8')) as { version: string }).version).toBe(xpayNext);
    expect(readFileSync(join(dir, 'generated/xpay/CHANGELOG.md'), 'utf8')).toContain(`## ${xpayNext}\n\nMinor release: 1 change in the xpay spec.\n\n- non-breaking: POST /payments/merchant/refund request body field \`reason\` was added (optional).\n`);
    expect(result.stdout).toContain(`| xpay | non-breaking | ${xpay} → ${xpayNext} |`);
    const refunds = committed('refunds');
    expect(result.stdout).toContain(`| refunds | none | ${refunds} → ${semver.inc(refunds, 'minor')!} |`);
    expect(result.stdout).toContain('- **non-breaking** POST /payments/merchant/refund request body field `reason` was added (optional). (`/paths/~1payments~1merchant~1refund/post/requestBody/content/application~1json/schema/properties/reason`)');
    expect(result.stdout).not.toContain('| push');
    expect(readFileSync(join(dir, 'out/report.md'), 'utf8')).toBe(result.stdout);
  });

  it('a change generate cannot take (an enum value the mapping misses): vendor files kept, generated/ unchanged, report says why, exit 1', async () => {
    publishAll({ push: (t) => t.replace(/- approved\n(\s+)- declined\n/, '- approved\n$1- declined\n$1- pending\n') });
    const dir = project();
    const generated = snapshotTree(join(dir, 'generated'));
    const result = await run(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('> `paykit generate` failed, so generated/ and the package versions are unchanged: specs/mappings/push.yaml');
    const push = (JSON.parse(readFileSync(join(REPO, 'generated/push/package.json'), 'utf8')) as { version: string }).version;
    expect(result.stdout).toContain(`| push | breaking | ${push} |`);
    expect(result.stdout).toContain('may now return "pending"');
    expect(readFileSync(join(dir, 'specs/vendor/push.yaml'), 'utf8')).toContain('- pending');
    expect(snapshotTree(join(dir, 'generated'))).toEqual(generated);
  });

  it('a recorded vendor change that breaks an overlay action (test/fixtures/vendor-changes): the report names the action to fix, exit 1', async () => {
    const change = loadVendorChanges().find((c) => c.name === 'push-refund-path-renamed')!;
    publishAll({ push: (t) => applyEdits(t, change.edits, change.name) });
    const dir = project();
    const generated = snapshotTree(join(dir, 'generated'));
    const result = await run(dir);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'specs/vendor/push.yaml'), 'utf8')).toContain('\n  /refunds:\n');
    expect(result.stdout).toContain('> `paykit generate` failed, so generated/ and the package versions are unchanged: specs/overlays/push.yaml#/actions/2: target "$.paths[\'/refund\'].post.responses[\'401\'].content[\'application/json\'].schema" matches nothing in the spec');
    expect(result.stderr).toMatch(/^update-specs: specs\/overlays\/push\.yaml#\/actions\/2: .*\(then 2 more: `paykit diff push`\)\n$/m);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(generated);
  });

  it('a document that cannot be fetched or has no spec block changes nothing: one line, exit 2', async () => {
    const dir = project();
    const before = snapshotTree(dir);
    publishAll();
    published.delete('wooshpay');
    const missing = await run(dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n').at(-1)).toMatch(/^update-specs: specs\/providers\.yaml#\/providers\/wooshpay\/sourceUrl: fetching http:\/\/127\.0\.0\.1:\d+\/docs\.wooshpay\.com\/\S+ answered HTTP 404; /);
    publishAll({ xpay: () => '# Refund\n\nThe page moved.\n' });
    const noSpec = await run(dir);
    expect(noSpec.status).toBe(2);
    expect(noSpec.stderr).toContain('specs/sources/xpay-create-refund.md: no fenced code block declaring `openapi` was found');
    expect(snapshotTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
