/**
 * Bundle budget: an app that uses @paykit/refunds with one provider, bundled with esbuild
 * (minified, code-split), loads only that provider's package and stays within budget (min+gzip).
 * Providers come from specs/providers.yaml.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { measureProviderBundle } from '../scripts/bundle-size.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const providers = loadProjectConfig(ROOT).providers.filter((p) => p.mapping !== undefined).map((p) => p.id);

/**
 * Targets: 10 kB for every provider with the hardening included (issue 10, required), 8 kB (issue 12).
 * The facade builds and sends its requests itself with the provider package's `./auth` module, so
 * openapi-fetch is not in it; each shim carries its provider's input checks as generated code
 * (emit-checks.ts) instead of a rule interpreter. Measured when these budgets were set (bytes):
 * push 7451, payop 7077, wooshpay 7216, xpay 7252, onekeypayments 8537. onekeypayments is still over
 * 8 kB: it also ships HMAC signing, exact decimal parsing, zone-less dates and the spec's limits on
 * its bank-account fields (scripts/bench/RESULTS.md says what would close the rest); its budget is
 * where it stands, so it cannot grow. It was 8_750 (8,724 B measured) before this round; 8_800 / 10_000 before that.
 */
const BUDGET = 8_000;
const OVER_BUDGET: Readonly<Record<string, number>> = { onekeypayments: 8_540 };

describe.each(providers)('@paykit/refunds + %s', (provider) => {
  it('pulls in no other provider, no openapi-fetch, and stays within its budget', async () => {
    const report = await measureProviderBundle(provider);
    expect(report.providerPackages).toEqual([provider]);
    expect(report.dependencies).toEqual([]);
    expect(report.gzipBytes).toBeGreaterThan(1_000); // the measurement saw real code
    expect(report.gzipBytes).toBeLessThanOrEqual(OVER_BUDGET[provider] ?? BUDGET);
  });
});
