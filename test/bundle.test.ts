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
 * openapi-fetch (about 2.5 kB of each bundle) is no longer in it. Measured when these budgets were set:
 * push 8528, payop 8447, wooshpay 8679, xpay 8661, onekeypayments 9993 (it also ships HMAC signing,
 * exact decimal parsing, zone-less dates and the spec's bank-account limits). The budgets stop
 * growth: BUDGET was 11_200 (onekeypayments 12_500) before; 8 kB is not reached yet.
 */
const BUDGET = 8_800;
const OVER_BUDGET: Readonly<Record<string, number>> = { onekeypayments: 10_000 };

describe.each(providers)('@paykit/refunds + %s', (provider) => {
  it('pulls in no other provider, no openapi-fetch, and stays within its budget', async () => {
    const report = await measureProviderBundle(provider);
    expect(report.providerPackages).toEqual([provider]);
    expect(report.dependencies).toEqual([]);
    expect(report.gzipBytes).toBeGreaterThan(1_000); // the measurement saw real code
    expect(report.gzipBytes).toBeLessThanOrEqual(OVER_BUDGET[provider] ?? BUDGET);
  });
});
