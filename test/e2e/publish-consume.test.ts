/**
 * End to end, the way a user consumes paykit's output: every generated package (and the third-party
 * runtime dependencies they need, packed from this repo's node_modules) is published to a throwaway
 * Verdaccio on 127.0.0.1 with no uplinks; a consumer project outside the repo installs
 * `@paykit/refunds` and `@paykit/push` from it by exact version, type-checks a small program against
 * the published declarations with the repo's tsc (strict, NodeNext, skipLibCheck off, no @types),
 * proves types flow (a file of errors that must fail), then runs the emitted JS against push's fake (@paykit/refunds/testing). Push is the example a
 * consumer program names; the per-provider suites live in test/facade and test/testing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../generator/config.js';
import { startFake, type Fake } from '@paykit/refunds/testing';
import { cleanEnv, runCommand, startRegistry, type LocalRegistry } from './registry.ts';

const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const PROVIDER = 'push';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const providerIds = loadProjectConfig(REPO).providers.map((p) => p.id);
const packageDirs = [...providerIds, 'refunds'].map((id) => join(REPO, 'generated', id));
const manifests = new Map(packageDirs.map((dir) => [dir, readJson<Manifest>(join(dir, 'package.json'))]));
const manifestOf = (id: string) => manifests.get(join(REPO, 'generated', id))!;
const refundsVersion = manifestOf('refunds').version;
const providerVersion = manifestOf(PROVIDER).version;

/** Non-@paykit runtime dependencies, closed over their own dependencies, as installed in the repo. */
function thirdPartyDependencies(): { name: string; version: string; dir: string }[] {
  const found = new Map<string, { name: string; version: string; dir: string }>();
  const queue = [...manifests.values()].flatMap((m) => Object.entries(m.dependencies ?? {}));
  while (queue.length > 0) {
    const [name, range] = queue.shift()!;
    if (name.startsWith('@paykit/') || found.has(name)) continue;
    const dir = join(REPO, 'node_modules', name);
    const manifest = readJson<Manifest>(join(dir, 'package.json'));
    if (!semver.satisfies(manifest.version, range)) {
      throw new Error(`${name}@${manifest.version} in node_modules does not satisfy ${range}; run npm install in the repo`);
    }
    found.set(name, { name, version: manifest.version, dir });
    queue.push(...Object.entries(manifest.dependencies ?? {}));
  }
  return [...found.values()];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full).map((f) => `${name}/${f}`) : [name];
  });
}

const MAIN_TS = `import { createRefundsClient, RefundError, type Refund } from '@paykit/refunds';
import type { PushCredentials } from '@paykit/push';

// No @types/node in this project: declare the one bit of Node it uses.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(\`missing \${name}\`);
  return value;
};

const credentials: PushCredentials = { apiKey: env('PUSH_API_KEY') };
const client = createRefundsClient({ provider: 'push', credentials, baseUrl: env('SANDBOX_URL'), maxRetries: 0 });

const refund: Refund<'push'> = await client.refunds.create({ paymentId: env('PAYMENT_ID'), amount: { value: 1450, currency: 'USD' } });
console.log(JSON.stringify({ kind: 'refund', provider: refund.provider, id: refund.id, paymentId: refund.paymentId, status: refund.status, amount: refund.amount }));

try {
  // Push refunds USD only: refused before any request is sent.
  await client.refunds.create({ paymentId: env('PAYMENT_ID'), amount: { value: 100, currency: 'EUR' } });
  console.log(JSON.stringify({ kind: 'unexpected-success' }));
} catch (error) {
  if (!(error instanceof RefundError)) throw error;
  console.log(JSON.stringify({ kind: 'refund-error', code: error.code, retryable: error.retryable }));
}
`;

/** Part of the checked project: each line must be an error, or tsc reports the unused directive (TS2578). */
const EXPECT_ERRORS_TS = `import { createRefundsClient, type RefundStatus } from '@paykit/refunds';

export function misuse(status: RefundStatus) {
  // @ts-expect-error push authenticates with { apiKey }, not a secret key
  createRefundsClient({ provider: 'push', credentials: { secretKey: 'sk' } });
  // @ts-expect-error apiKey is a string
  createRefundsClient({ provider: 'push', credentials: { apiKey: 1234 } });
  // @ts-expect-error 'approved' is Push's word; the facade's statuses are pending | succeeded | failed | canceled
  const approved: RefundStatus = 'approved';
  return [approved, status];
}
`;

/** A separate project that must fail, on exactly these lines. */
const NEGATIVE_TS = `import { createRefundsClient } from '@paykit/refunds';

const client = createRefundsClient({ provider: 'push', credentials: { apiKey: 'k' } });
export const a = createRefundsClient({ provider: 'push', credentials: { secretKey: 'sk' } });
export const b = client.refunds.create({ paymentId: 42, amount: { value: 1, currency: 'USD' } });
export const c = createRefundsClient({ provider: 'nopay', credentials: { apiKey: 'k' } });
`;
const NEGATIVE_LINES = [4, 5, 6];

const tsconfig = (include: string[], extra: Record<string, unknown> = {}) => JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM'],
    types: [],
    strict: true,
    skipLibCheck: false,
    noEmitOnError: true,
    rootDir: 'src',
    outDir: 'dist',
    ...extra,
  },
  include,
}, null, 2);

describe('publish to a local registry, install and use as a consumer', () => {
  let registry: LocalRegistry | undefined;
  let sandbox: Fake<'push'> | undefined;
  let work = '';
  let consumer = '';
  const published: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'paykit-e2e-'));
    consumer = join(work, 'consumer');
    if (!relative(REPO, consumer).startsWith('..')) throw new Error(`consumer ${consumer} must be outside the repo`);
    [registry, sandbox] = await Promise.all([startRegistry(), startFake('push')]);
    const npm = registry.npm.bind(registry);

    // Third-party runtime dependencies, packed from the repo's node_modules (no uplink to npmjs).
    const tarballs = join(work, 'tarballs');
    mkdirSync(tarballs);
    const third = thirdPartyDependencies();
    await npm(['pack', ...third.map((d) => d.dir), '--pack-destination', tarballs, '--ignore-scripts', '--json'], { cwd: work });
    // Absolute paths only: npm reads `dir/x.tgz` as a GitHub shorthand.
    const toPublish = [...readdirSync(tarballs).map((f) => join(tarballs, f)), ...packageDirs];
    expect(readdirSync(tarballs)).toHaveLength(third.length);

    await Promise.all(toPublish.map(async (target) => {
      const { stdout, stderr } = await npm(['publish', target, '--ignore-scripts', '--tag', 'latest'], { cwd: work });
      const line = `${stdout}\n${stderr}`.match(/^\+ (\S+)$/m);
      if (!line) throw new Error(`npm publish ${target}: no "+ name@version" line\n${stdout}\n${stderr}`);
      published.push(line[1]!);
    }));

    mkdirSync(join(consumer, 'src'), { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({
      name: 'paykit-e2e-consumer',
      private: true,
      type: 'module',
      dependencies: { '@paykit/refunds': refundsVersion, [`@paykit/${PROVIDER}`]: providerVersion },
    }, null, 2));
    await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: consumer });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([registry?.close(), sandbox?.close()]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('published every generated package and its third-party runtime dependencies', () => {
    const expected = [
      ...[...manifests.values()].map((m) => `${m.name}@${m.version}`),
      ...thirdPartyDependencies().map((d) => `${d.name}@${d.version}`),
    ];
    expect(published.sort()).toEqual(expected.sort());
  });

  it('npm view: @paykit/refunds depends on every provider package', async () => {
    const { stdout } = await registry!.npm(['view', `@paykit/refunds@${refundsVersion}`, 'dependencies', '--json'], { cwd: work });
    const dependencies = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(dependencies).sort()).toEqual(providerIds.map((id) => `@paykit/${id}`).sort());
    for (const id of providerIds) expect(semver.satisfies(manifestOf(id).version, dependencies[`@paykit/${id}`]!), id).toBe(true);
  });

  it('the consumer installed exactly the published versions, and only what a user needs', () => {
    const nm = join(consumer, 'node_modules');
    expect(readJson<Manifest>(join(nm, '@paykit/refunds/package.json')).version).toBe(refundsVersion);
    expect(readJson<Manifest>(join(nm, `@paykit/${PROVIDER}/package.json`)).version).toBe(providerVersion);
    // Nothing beyond paykit and its declared third-party closure.
    expect(readdirSync(nm).filter((n) => !n.startsWith('.')).sort()).toEqual(['@paykit', ...thirdPartyDependencies().map((d) => d.name)].sort());
    expect(readdirSync(join(nm, '@paykit')).sort()).toEqual([...providerIds, 'refunds'].sort());

    const allowed = [/^dist\/.+\.(js|d\.ts)$/, /^src\/.+\.ts$/, /^openapi\.yaml$/, /^README\.md$/, /^CHANGELOG\.md$/, /^package\.json$/];
    for (const id of [...providerIds, 'refunds']) {
      const files = walk(join(nm, '@paykit', id));
      expect(files.filter((f) => !allowed.some((re) => re.test(f))), `@paykit/${id}`).toEqual([]);
      expect(files, `@paykit/${id}`).not.toContain('lint-report.md');
      expect(files, `@paykit/${id}`).not.toContain('tsconfig.json');
      expect(files, `@paykit/${id}`).toContain('dist/index.d.ts');
    }
  });

  it('tsc (strict, NodeNext, skipLibCheck off, no @types) type-checks the consumer and emits it', async () => {
    writeFileSync(join(consumer, 'src/main.ts'), MAIN_TS);
    writeFileSync(join(consumer, 'src/expect-errors.ts'), EXPECT_ERRORS_TS);
    writeFileSync(join(consumer, 'tsconfig.json'), tsconfig(['src']));
    const result = await runCommand(process.execPath, [TSC, '-p', consumer], { cwd: consumer, env: cleanEnv() });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(consumer, 'dist/main.js'))).toBe(true);
  }, 60_000);

  it('types flow from the published packages: misuse fails type-checking on exactly those lines', async () => {
    mkdirSync(join(consumer, 'negative/src'), { recursive: true });
    writeFileSync(join(consumer, 'negative/src/bad.ts'), NEGATIVE_TS);
    writeFileSync(join(consumer, 'negative/tsconfig.json'), tsconfig(['src'], { noEmit: true }));
    const result = await runCommand(process.execPath, [TSC, '-p', join(consumer, 'negative'), '--pretty', 'false'], { cwd: consumer, env: cleanEnv() });
    const errors = [...result.stdout.matchAll(/^(\S+)\((\d+),\d+\): error (TS\d+)/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]), code: m[3]! }));
    expect(result.code, result.stdout).not.toBe(0);
    expect(errors.every((e) => e.file.endsWith('src/bad.ts')), result.stdout).toBe(true);
    expect([...new Set(errors.map((e) => e.line))].sort(), result.stdout).toEqual(NEGATIVE_LINES);
    // The error names the provider package's own credential type: the declarations came from @paykit/push.
    expect(result.stdout).toContain("'PushCredentials'");
    // Not a resolution failure (TS2307 / TS7016) that would make everything `any`.
    expect(errors.map((e) => e.code), result.stdout).not.toContain('TS2307');
    expect(errors.map((e) => e.code), result.stdout).not.toContain('TS7016');
  }, 60_000);

  it('the compiled consumer creates a push refund against the fake', async () => {
    const payment = sandbox!.payments.find((p) => p.refundStatus === 'succeeded' && p.amount.currency === 'USD')!;
    if (!existsSync(join(consumer, 'dist/main.js'))) throw new Error('dist/main.js missing: the type-check test failed');
    const result = await runCommand(process.execPath, [join(consumer, 'dist/main.js')], {
      cwd: consumer,
      env: cleanEnv({ SANDBOX_URL: sandbox!.baseUrl, PUSH_API_KEY: sandbox!.credentials.apiKey, PAYMENT_ID: payment.paymentId }),
      timeoutMs: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(sandbox!.refunds()).toHaveLength(1);
    const entry = sandbox!.refunds()[0]!;
    expect(lines[0]).toEqual({
      kind: 'refund',
      provider: 'push',
      id: entry.id,
      paymentId: payment.paymentId,
      status: 'succeeded',
      amount: { value: 1450, currency: 'USD' },
    });
    expect(entry).toMatchObject({ paymentId: payment.paymentId, amount: { value: 1450, currency: 'USD' } });
    // The second call is refused before sending: the fake's ledger still holds one refund.
    expect(lines[1]).toEqual({ kind: 'refund-error', code: 'invalid_request', retryable: false });
    expect(sandbox!.refunds()).toHaveLength(1);
  }, 60_000);
});
