/**
 * The facade's per-provider types, for every provider in specs/providers.yaml: a scratch file per
 * provider (written from its mapping, its credential fields and its fake's seeded payment) must
 * compile where the input is right and fail exactly where it is wrong (`@ts-expect-error`: a missing
 * credential field, a missing required providerOption, a missing amount the provider requires).
 * One real tsc run over all the files; a diagnostic in a provider's file fails that provider's test,
 * and tsc reports an unused `@ts-expect-error` as well. (test/facade/types.test.ts keeps the
 * hand-written type tests of the shipped providers' details.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '@paykit/refunds';
import { REPO } from '../helpers/project-copy.js';
import { caseOf, credentialFields, providerIds, seededPayments } from './harness.js';

const dir = join(REPO, `test/facade/.types-per-provider-${process.pid}`);
const literal = (value: unknown) => JSON.stringify(value);

function fileFor(provider: ProviderId): string {
  const { mapping } = caseOf(provider);
  const payment = seededPayments(provider)[0]!;
  const fields = credentialFields(provider);
  const credentials = Object.fromEntries(fields.map((f) => [f, 's']));
  const options = (payment.providerOptions ?? {}) as Record<string, unknown>;
  const required = Object.entries(mapping.input?.providerOptions ?? {}).filter(([, o]) => o.required === true).map(([name]) => name);
  const amount = literal(payment.amount);
  const withOptions = (opts: Record<string, unknown>) => (Object.keys(opts).length > 0 || required.length > 0 ? `, providerOptions: ${literal(opts)}` : '');
  const lines = [
    "import { createRefundsClient } from '@paykit/refunds';",
    `const client = createRefundsClient({ provider: ${literal(provider)}, credentials: ${literal(credentials)} });`,
    `void client.refunds.create({ paymentId: ${literal(payment.paymentId)}, amount: ${amount}${withOptions(options)} });`,
    ...fields.map((field) => [
      `// @ts-expect-error the credentials need ${field}`,
      `createRefundsClient({ provider: ${literal(provider)}, credentials: ${literal(Object.fromEntries(fields.filter((f) => f !== field).map((f) => [f, 's'])))} });`,
    ]).flat(),
    ...required.map((name) => {
      const { [name]: _dropped, ...rest } = options;
      return [`// @ts-expect-error providerOptions.${name} is required`, `void client.refunds.create({ paymentId: 'p', amount: ${amount}, providerOptions: ${literal(rest)} });`];
    }).flat(),
    ...(mapping.input?.amount === 'required'
      ? ['// @ts-expect-error the amount is required', `void client.refunds.create({ paymentId: 'p'${withOptions(options)} });`]
      : [`void client.refunds.create({ paymentId: 'p'${withOptions(options)} });`]),
    '',
  ];
  return lines.join('\n');
}

let output = '';
beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const provider of providerIds) writeFileSync(join(dir, `${provider}.ts`), fileFor(provider));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true },
    files: providerIds.map((p) => `${p}.ts`),
  }));
  const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: REPO, encoding: 'utf8' });
  output = `${tsc.stdout}${tsc.stderr}`;
}, 120_000);
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe.each(providerIds)('%s: createRefundsClient and refunds.create types', (provider) => {
  it('the right input compiles; each missing credential field, required option or required amount is a compile error', () => {
    const mine = output.split('\n').filter((line) => line.includes(`${provider}.ts(`));
    expect(mine).toEqual([]);
  });
});

it('tsc ran over the files and reported nothing outside them', () => {
  expect(output.split('\n').filter((l) => l.trim() !== '' && !providerIds.some((p) => l.includes(`${p}.ts(`)))).toEqual([]);
});
