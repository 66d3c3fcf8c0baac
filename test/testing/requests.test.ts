/**
 * What the fakes check below the facade, for every provider in specs/providers.yaml: requests are
 * sent with each provider's own generated client (@paykit/<id>, which authenticates them), so the
 * fake's schema validation and route handling are reached with bodies the facade would never send.
 * Also: an app that imports @paykit/refunds does not bundle the testing module.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ProviderId } from '@paykit/refunds';
import { startFake, type Fake } from '@paykit/refunds/testing';
import { REPO } from '../helpers/project-copy.js';
import { errorRules, mappedProviders, providerIds } from './providers.js';

const running: Fake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

type Post = (path: string, init: { body: unknown; parseAs: 'text' }) => Promise<{ response: Response; error?: unknown }>;

/** The provider package's client factory (`create<Name>Client`), found by shape, not by name. */
async function providerClient(id: string, fake: Fake): Promise<{ POST: Post }> {
  const module = (await import(`@paykit/${id}`)) as Record<string, unknown>;
  const factory = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === 'function')?.[1];
  return (factory as (o: unknown) => { POST: Post })({ credentials: fake.credentials, baseUrl: fake.baseUrl });
}

describe.each(providerIds)('fake %s, raw requests', (id) => {
  const operation = () => mappedProviders.find((p) => p.id === id)!;
  const invalidStatus = () => errorRules(id).find((r) => r.code === 'invalid_request')!.status;

  it('refuses a body the spec does not allow with the invalid_request response, and records nothing', async () => {
    const fake = await startFake(id as ProviderId);
    running.push(fake);
    const client = await providerClient(id, fake);
    const { path } = (parse(readFileSync(join(REPO, operation().mapping!), 'utf8')) as { operation: { path: string } }).operation;
    for (const body of [{}, [], 'text', { unexpected: { deeply: [1, 2] } }]) {
      const { response, error } = await client.POST(path, { body, parseAs: 'text' });
      expect(response.status, JSON.stringify(body)).toBe(invalidStatus());
      // The schema check answered (it names what is wrong), not the payment lookup.
      expect(JSON.stringify(error)).toMatch(/is required|must be an object/);
    }
    expect(fake.refunds()).toEqual([]);
  });
});

describe.each(mappedProviders.filter((p) => p.auth.kind === 'hmac-signature').map((p) => p.id))('fake %s, signed requests', (id) => {
  it('refuses a correctly signed request whose date is ten minutes old, as authentication_failed', async () => {
    const fake = await startFake(id as ProviderId);
    running.push(fake);
    const module = (await import(`@paykit/${id}`)) as Record<string, unknown>;
    const factory = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === 'function')![1] as (o: unknown) => { POST: Post };
    const { path } = (parse(readFileSync(join(REPO, mappedProviders.find((p) => p.id === id)!.mapping!), 'utf8')) as { operation: { path: string } }).operation;
    const send = (now: () => Date) => factory({ credentials: fake.credentials, baseUrl: fake.baseUrl, now }).POST(path, { body: {}, parseAs: 'text' });
    const authStatus = errorRules(id).find((r) => r.code === 'authentication_failed')!.status;
    expect((await send(() => new Date(Date.now() - 10 * 60_000))).response.status).toBe(authStatus);
    // The same request signed now passes authentication (and meets the body check instead).
    expect((await send(() => new Date())).response.status).not.toBe(authStatus);
  });
});

describe('bundle', () => {
  it('an app importing @paykit/refunds does not pull in @paykit/refunds/testing or node:http', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paykit-testing-bundle-'));
    try {
      const entry = join(REPO, `.testing-bundle-entry-${process.pid}.mjs`);
      writeFileSync(entry, `import { createRefundsClient } from '@paykit/refunds';\nexport const c = createRefundsClient;\n`);
      try {
        const { metafile } = await build({
          entryPoints: [entry], bundle: true, splitting: true, format: 'esm', platform: 'neutral', outdir: dir, metafile: true,
          write: false, logLevel: 'silent', mainFields: ['module', 'main'], conditions: ['import', 'default'],
        });
        const inputs = Object.keys(metafile.inputs);
        expect(inputs.some((i) => i.includes('generated/refunds/dist/index.js'))).toBe(true);
        expect(inputs.filter((i) => i.includes('/testing/') || i.startsWith('node:'))).toEqual([]);
      } finally {
        rmSync(entry, { force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
