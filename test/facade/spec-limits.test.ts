/**
 * "Input the provider would reject is rejected before any request" for the limits a provider's spec
 * puts on fields the caller passes through (`reference`, `providerOptions.*`, nested members too):
 * length, enum, URL format, required members, object type. The shim carries them as generated code
 * (generator/facade/emit-checks.ts); this walks the same limits the generator found in the normalized
 * spec (checkMapping's passThroughConstraints) and, for every one, sends input that breaks just it:
 * invalid_request naming the field, nothing sent. A control input that keeps every limit is sent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRefundsClient, RefundError } from '@paykit/refunds';
import { loadProjectConfig } from '../../generator/config.js';
import { checkMapping, type Constraint } from '../../generator/facade/check.js';
import { loadMapping } from '../../generator/facade/mapping.js';
import { REPO } from '../helpers/project-copy.js';
import { credentialsFor, providerIds, validInput } from './attacks/kit.js';

const project = loadProjectConfig(REPO);

function limitsOf(id: string): Record<string, Constraint> {
  const spec = parse(readFileSync(join(REPO, `generated/${id}/openapi.yaml`), 'utf8')) as Record<string, unknown>;
  return checkMapping(loadMapping(project, project.providers.find((p) => p.id === id)!), spec).passThroughConstraints;
}

/** A value that keeps every limit of `c` (undefined when the limits cannot be met by construction, e.g. a pattern). */
function validValue(c: Constraint): unknown {
  if (c.pattern !== undefined) return undefined;
  if (c.enum !== undefined) return c.enum[0];
  if (c.required !== undefined || c.properties !== undefined) {
    const members = Object.entries(c.properties ?? {}).filter(([name]) => c.required?.includes(name));
    const value: Record<string, unknown> = {};
    for (const name of c.required ?? []) value[name] = 'x';
    for (const [name, member] of members) value[name] = validValue(member);
    return Object.values(value).includes(undefined) ? undefined : value;
  }
  if (c.format === 'uri') return 'https://merchant.example/hook';
  return 'x'.repeat(Math.max(1, c.minLength ?? 1));
}

/** [field path, input value for the top-level field, what it breaks] for every limit under `field`. */
function violations(field: string, c: Constraint, wrap: (inner: unknown) => unknown): [string, unknown, string][] {
  const out: [string, unknown, string][] = [];
  if (c.maxLength !== undefined) out.push([field, wrap('m'.repeat(c.maxLength + 1)), `longer than ${c.maxLength}`]);
  if (c.enum !== undefined) out.push([field, wrap('NOT_IN_THE_ENUM'), 'outside the enum']);
  if (c.format === 'uri') out.push([field, wrap('not a url'), 'not a URL']);
  if (c.required !== undefined || c.properties !== undefined) {
    const valid = validValue(c) as Record<string, unknown> | undefined;
    if (valid === undefined) return out;
    out.push([field, wrap('not an object'), 'not an object']);
    for (const name of c.required ?? []) {
      const { [name]: _left, ...missing } = valid;
      out.push([`${field}.${name}`, wrap(missing), 'missing']);
    }
    for (const [name, member] of Object.entries(c.properties ?? {})) {
      out.push(...violations(`${field}.${name}`, member, (inner) => wrap({ ...valid, [name]: inner })));
    }
  }
  return out;
}

describe.each(providerIds.filter((id) => Object.keys(limitsOf(id)).length > 0))('%s: the spec\'s limits on pass-through input', (id) => {
  const limits = limitsOf(id);
  const sent: string[] = [];
  const client = createRefundsClient({
    provider: id, credentials: credentialsFor(id) as never, baseUrl: 'http://127.0.0.1:9', maxRetries: 0,
    // Records what would be sent; the answer does not matter here.
    fetch: async (request: Request) => {
      sent.push(await request.text());
      return new Response('{}', { status: 500 });
    },
  });
  /** `input` with `value` at `field` (`reference` or `providerOptions.<name>`). */
  const set = (input: Record<string, unknown>, field: string, value: unknown) => {
    const [head, name] = field.split('.');
    return { ...input, [head!]: name === undefined ? value : { ...(input[head!] as object | undefined), [name]: value } };
  };
  const cases = Object.entries(limits).flatMap(([field, c]) => violations(field, c, (inner) => inner).map(([path, value, what]) => [path, what, field, value] as const));

  it.each(cases)('%s %s → invalid_request naming it, nothing sent', async (path, _what, field, value) => {
    sent.length = 0;
    const error = await client.refunds.create(set(await validInput(id), field, value) as never).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RefundError);
    expect(error).toMatchObject({ code: 'invalid_request' });
    expect((error as RefundError).message).toContain(path);
    expect(sent).toEqual([]);
  });

  it('input that keeps every limit is sent', async () => {
    sent.length = 0;
    let input = await validInput(id);
    for (const [field, c] of Object.entries(limits)) {
      const value = validValue(c);
      if (value !== undefined) input = set(input, field, value);
    }
    await client.refunds.create(input as never).catch(() => undefined);
    expect(sent).toHaveLength(1);
  });
});
