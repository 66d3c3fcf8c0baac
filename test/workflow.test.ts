/**
 * The GitHub workflows, checked offline: a compact JSON schema for the subset of the workflow
 * syntax they use (the official schema is not available offline), plus assertions on the steps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
          steps: { type: 'array', minItems: 1, items: step },
        },
      },
    },
  },
};

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, string> };
type Workflow = { name: string; on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = new Map(files.map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8')) as Workflow]));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);

describe('.github/workflows', () => {
  it('the schema rejects what it should (so it can fail)', () => {
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout@main' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'a', uses: 'b/c@v1' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { schedule: [{ cron: 'weekly' }] }, jobs: { a: { 'runs-on': 'x', steps: [{ run: 'a' }] } } })).toBe(false);
    expect(validate({ name: 'x', on: { push: null }, jobs: { a: { 'runs-on': 'x', steps: [{ run: 'a' }] } } })).toBe(true);
  });

  it.each(files)('%s matches the schema; every action is pinned to a version', (file) => {
    const ok = validate(workflows.get(file));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it('ci: on every push, npm ci, npm test and generate --check, in that order', () => {
    const ci = [...workflows.values()].find((w) => 'push' in w.on)!;
    expect(ci).toBeDefined();
    const jobs = Object.values(ci.jobs);
    expect(jobs).toHaveLength(1);
    const runs = jobs[0]!.steps.flatMap((s) => (s.run === undefined ? [] : [s.run.split(' ').slice(0, 3).join(' ')]));
    expect(runs).toEqual(['npm ci --no-audit', 'npm test', 'npm run generate']);
    expect(jobs[0]!.steps.find((s) => s.run?.startsWith('npm run generate'))!.run).toBe('npm run generate -- --check');
    expect(jobs[0]!.steps[0]!.uses).toMatch(/^actions\/checkout@/);
    expect(jobs[0]!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    expect(ci.permissions).toEqual({ contents: 'read' });
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
