/**
 * The GitHub workflows, checked offline: a compact JSON schema for the subset of the workflow
 * syntax they use (the official schema is not available offline), plus assertions on the steps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { minVersion, satisfies } from 'semver';
import { parse } from 'yaml';
import { loadProjectConfig } from '../generator/config.js';
import { REPO } from './helpers/project-copy.js';

const DIR = join(REPO, '.github/workflows');

const step = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    name: { type: 'string' },
    uses: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@v?[0-9][A-Za-z0-9.]*$' },
    run: { type: 'string', minLength: 1 },
    shell: { enum: ['bash', 'sh'] },
    with: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    env: { type: 'object', additionalProperties: { type: 'string' } },
    if: { type: 'string' },
    'continue-on-error': { type: 'boolean' },
  },
  oneOf: [{ required: ['uses'], not: { required: ['run'] } }, { required: ['run'], not: { required: ['uses'] } }],
};

const schema = {
  type: 'object',
  required: ['name', 'on', 'jobs'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    on: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        push: { type: ['null', 'object'] },
        pull_request: { type: ['null', 'object'] },
        workflow_dispatch: { type: ['null', 'object'] },
        schedule: {
          type: 'array', minItems: 1,
          items: { type: 'object', required: ['cron'], additionalProperties: false, properties: { cron: { type: 'string', pattern: '^(\\S+\\s+){4}\\S+$' } } },
        },
      },
    },
    permissions: { type: 'object', additionalProperties: { enum: ['read', 'write', 'none'] } },
    jobs: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['runs-on', 'steps'],
        additionalProperties: false,
        properties: {
          'runs-on': { type: 'string' },
          'timeout-minutes': { type: 'integer', minimum: 1, maximum: 360 },
          needs: { oneOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'string' } }] },
          outputs: { type: 'object', additionalProperties: { type: 'string', pattern: '^\\$\\{\\{ steps\\.[A-Za-z_][A-Za-z0-9_-]*\\.outputs\\.' } },
          strategy: {
            type: 'object',
            additionalProperties: false,
            required: ['matrix'],
            properties: {
              'fail-fast': { type: 'boolean' },
              'max-parallel': { type: 'integer', minimum: 1 },
              // Each axis: a list of values, or one expression that yields the list (fromJSON of a job output).
              matrix: {
                type: 'object', minProperties: 1,
                additionalProperties: { oneOf: [{ type: 'array', minItems: 1, items: { type: ['string', 'number'] } }, { type: 'string', pattern: '^\\$\\{\\{ fromJSON\\(.*\\) \\}\\}$' }] },
              },
            },
          },
          steps: { type: 'array', minItems: 1, items: step },
        },
      },
    },
  },
};

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, string> };
interface Job { needs?: string | string[]; strategy?: { matrix?: Record<string, unknown> }; steps: Step[] }
type Workflow = { name: string; on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = new Map(files.map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8')) as Workflow]));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);

describe('.github/workflows', () => {
  it('the schema rejects what it should (so it can fail)', () => {
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout@main' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'a', uses: 'b/c@v1' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { schedule: [{ cron: 'weekly' }] }, jobs: { a: { 'runs-on': 'x', steps: [{ run: 'a' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'x', steps: [{ run: 'a' }] } } })).toBe(true);
    const matrixJob = (matrix: unknown) => ({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'x', strategy: { matrix }, steps: [{ run: 'a' }] } } });
    expect(validate(matrixJob({ node: [20, 22] }))).toBe(true);
    expect(validate(matrixJob({ node: '${{ fromJSON(needs.a.outputs.ids) }}' }))).toBe(true);
    expect(validate(matrixJob({ node: 'push' }))).toBe(false);
    expect(validate(matrixJob({ node: [] }))).toBe(false);
  });

  it.each(files)('%s matches the schema; every action is pinned to a version', (file) => {
    const ok = validate(workflows.get(file));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it('ci: on every push, npm ci, npm test and generate --check, in that order', () => {
    const ci = workflows.get('ci.yml')!;
    expect('push' in ci.on).toBe(true);
    const jobs = Object.values(ci.jobs);
    expect(jobs).toHaveLength(1);
    const runs = jobs[0]!.steps.flatMap((s) => (s.run === undefined || s.run.startsWith('command -v chromium') ? [] : [s.run.split(' ').slice(0, 3).join(' ')]));
    expect(runs).toEqual(['npm ci --no-audit', 'npm test', 'npm run generate']);
    expect(jobs[0]!.steps.find((s) => s.run?.startsWith('npm run generate'))!.run).toBe('npm run generate -- --check');
    expect(jobs[0]!.steps[0]!.uses).toMatch(/^actions\/checkout@/);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it("ci: runs on Node 20, 22 and 24, and package.json's engines admits exactly that range's start", () => {
    const job = Object.values(workflows.get('ci.yml')!.jobs)[0]!;
    const nodes = job.strategy?.matrix?.node as number[];
    expect(nodes).toEqual([20, 22, 24]);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    const engines = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    // The oldest line CI runs is the one engines starts at; every line it runs is admitted.
    expect(minVersion(engines)?.major).toBe(Math.min(...nodes));
    for (const major of nodes) expect(satisfies(`${major}.99.0`, engines), `Node ${major} satisfies engines ${engines}`).toBe(true);
    // The docs test needs chromium: installed before the tests when the runner lacks it.
    const chromium = job.steps.findIndex((s) => s.run?.startsWith('command -v chromium ||'));
    expect(chromium).toBeGreaterThan(-1);
    expect(chromium).toBeLessThan(job.steps.findIndex((s) => s.run === 'npm test'));
    expect(job.steps[chromium]!.run).toMatch(/DEBIAN_FRONTEND=noninteractive apt-get install -y chromium/);
  });

  it('generate-sharded: one job per provider from specs/providers.yaml, then the facade, exact', () => {
    const flow = workflows.get('generate-sharded.yml')!;
    expect(flow).toBeDefined();
    const source = readFileSync(join(DIR, 'generate-sharded.yml'), 'utf8');
    // No provider id in the workflow: the matrix comes from providers.yaml at run time.
    for (const { id } of loadProjectConfig(REPO).providers) expect(source).not.toMatch(new RegExp(`\\b${id}\\b`));
    const list = flow.jobs.providers!;
    expect(list.steps.some((s) => s.run?.includes('specs/providers.yaml') && s.run.includes('$GITHUB_OUTPUT'))).toBe(true);
    const shard = flow.jobs.shard!;
    expect(shard.needs).toBe('providers');
    expect(shard.strategy?.matrix?.provider).toBe('${{ fromJSON(needs.providers.outputs.ids) }}');
    expect(shard.steps.map((s) => s.run).filter(Boolean)).toContain('npm run generate -- --provider "${{ matrix.provider }}"');
    expect(shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toBe('generated/${{ matrix.provider }}/');
    const facade = flow.jobs.facade!;
    expect(facade.needs).toEqual(['providers', 'shard']);
    const runs = facade.steps.map((s) => s.run ?? s.uses ?? '');
    const download = runs.findIndex((r) => r.startsWith('actions/download-artifact@'));
    // Download, full generate from the committed tree, shards must equal it, then --check and the drift gate.
    expect(download).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run generate')).toBeGreaterThan(download);
    expect(runs.findIndex((r) => r.includes('diff -r'))).toBeGreaterThan(runs.indexOf('npm run generate'));
    expect(runs.indexOf('npm run generate -- --check')).toBeGreaterThan(runs.findIndex((r) => r.includes('diff -r')));
    expect(runs.findIndex((r) => r.startsWith('git diff --exit-code'))).toBeGreaterThan(runs.indexOf('npm run generate -- --check'));
    expect(flow.permissions).toEqual({ contents: 'read' });
  });

  it('update-specs: scheduled, runs the script with a report, opens a pull request whose body is the report', () => {
    const job = [...workflows.values()].find((w) => 'schedule' in w.on)!;
    expect(job).toBeDefined();
    const steps = Object.values(job.jobs)[0]!.steps;
    const update = steps.find((s) => s.run?.includes('scripts/update-specs.ts'))!;
    expect(update.run).toMatch(/--report "\$RUNNER_TEMP\/vendor-report\.md"/);
    // exit 1 (generate failed on the new specs) still opens the PR; 2 and 3 fail the job.
    expect(update.run).toMatch(/set \+e/);
    expect(update.run).toMatch(/if \[ "\$code" -ge 2 \]; then exit "\$code"; fi/);
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'))!;
    expect(pr.uses).toMatch(/@v\d+\.\d+\.\d+$/);
    expect(pr.with?.['body-path']).toBe('${{ runner.temp }}/vendor-report.md');
    expect(steps.indexOf(pr)).toBeGreaterThan(steps.indexOf(update));
    expect(pr.with?.['add-paths']).toContain('generated/**');
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });
});
