/**
 * src/testing/ of @paykit/refunds: the fakes' code (templates/refunds/testing/, copied) and the data
 * it plays each provider from (src/testing/recipes.ts), derived here from the normalized spec, the
 * mapping and the providers.yaml auth. No provider is named anywhere in this file or the templates.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { Money } from '../../templates/refunds/runtime/contract.js';
import type { AuthRecipe, FakeRecipe, OutcomeRecipe, RequestRecipe, SeedRecipe } from '../../templates/refunds/testing/recipe.js';
import { schemaProblem } from '../../templates/refunds/testing/schema-check.js';
import { authPlugin, type AuthConfig } from '../auth/index.js';
import { generatedHeader } from '../emit/header.js';
import { TEMPLATES_DIR } from '../emit/templates.js';
import { PaykitError } from '../errors.js';
import type { OpenApiDocument } from '../normalize/types.js';
import type { CheckedMapping } from './check.js';
import { inlineSchema, sampleOf } from './fake-schema.js';
import { errorsOf, outcomesOf, statusReply } from './fake-replies.js';
import { child, headerParameters, operationAt, parametersIn, requestSchema } from './spec-walk.js';

const TESTING_DIR = new URL('refunds/testing/', TEMPLATES_DIR);
const SEED_AMOUNTS = [10_000, 25_000, 5_000, 7_500, 12_000];

export function emitTestingSources(checked: readonly CheckedMapping[], specs: ReadonlyMap<string, OpenApiDocument>): [string, string][] {
  const recipes = checked.map((c) => [c.provider.id, recipeOf(c, specs.get(c.provider.id)!)] as const);
  const files: [string, string][] = readdirSync(TESTING_DIR).filter((f) => f.endsWith('.ts')).sort()
    .map((f) => [`src/testing/${f}`, readFileSync(new URL(f, TESTING_DIR), 'utf8')]);
  files.push(['src/testing/recipes.ts', `${generatedHeader('specs/providers.yaml, specs/mappings/ and the normalized specs')}
import type { ProviderId } from "../types.js";
import type { FakeRecipe } from "./recipe.js";

/** What each provider's fake plays: derived from its normalized spec, mapping and auth. */
export const recipes: Readonly<Record<ProviderId, FakeRecipe>> = ${jsonLiteral(Object.fromEntries(recipes))};
`]);
  files.push(['src/testing/index.ts', `${generatedHeader('templates/refunds/testing/ and specs/providers.yaml')}
import type { CreateRefundInputByProvider, CredentialsByProvider, ProviderId } from "../types.js";
import { launchFake, type FakeOf, type FakeOptions, type FakePaymentOf } from "./fake.js";
import { recipes } from "./recipes.js";

export type { FakeFault, FakeOptions, FakeRefund } from "./fake.js";
/** A refundable payment a fake knows from the start. */
export type FakePayment<P extends ProviderId = ProviderId> = FakePaymentOf<CreateRefundInputByProvider[P]["providerOptions"]>;
/** A running fake of provider P: baseUrl and credentials for createRefundsClient, seeded payments, the ledger, faults. */
export type Fake<P extends ProviderId = ProviderId> = FakeOf<P, CredentialsByProvider[P], CreateRefundInputByProvider[P]["providerOptions"]>;

/** Starts a loopback fake of a provider, played from its spec, mapping and auth (Node only). */
export function startFake<P extends ProviderId>(provider: P, options?: FakeOptions): Promise<Fake<P>> {
  return launchFake(recipes, provider, options) as unknown as Promise<Fake<P>>;
}
`]);
  return files;
}

function recipeOf(checked: CheckedMapping, spec: OpenApiDocument): FakeRecipe {
  const { mapping, provider, file } = checked;
  const operation = operationAt(spec, mapping.operation.path, mapping.operation.method)!;
  const ctx = { spec, operation, mapping };
  const request = requestOf(checked, spec);
  const outcomes = outcomesOf(ctx);
  if (outcomes.length === 0) {
    throw new PaykitError(file, '/responses', 'gives the fake no response it can build that the facade reads as a refund', 'check the response rules against the spec');
  }
  return {
    auth: authOf(provider.auth),
    credentials: credentialsOf(provider.id, provider.auth),
    request,
    outcomes,
    payments: seedsOf(checked, spec, request, outcomes),
    errors: errorsOf(ctx),
    unavailable: statusReply(ctx, 503),
    rateLimited: statusReply(ctx, 429),
  };
}

/** What the auth kind's plugin says the fake verifies by (never the credentials' descriptions). */
function authOf(auth: AuthConfig): AuthRecipe {
  return authPlugin(auth).fakeRecipe(auth) as AuthRecipe;
}

/** Stable, distinct test values: never a real account's secret, and unlike any word a body might contain. */
function credentialsOf(provider: string, auth: AuthConfig): Record<string, string> {
  if (auth.kind === 'none') return {};
  return Object.fromEntries(Object.keys(auth.credentials).map((field) => {
    const tag = createHash('sha256').update(`${provider}:${field}`).digest('hex').slice(0, 12);
    return [field, `fake_${field.replace(/[^A-Za-z0-9]/g, '')}_${tag}`];
  }));
}

function requestOf(checked: CheckedMapping, spec: OpenApiDocument): RequestRecipe {
  const { mapping, provider } = checked;
  const { path, method } = mapping.operation;
  // Where the fake finds each facade field: a (dotted) body key, or `path:<name>` / `query:<name>` (see RequestRecipe).
  const sent = [
    ...Object.entries(mapping.request.body),
    ...Object.entries(mapping.request.path).map(([name, v]) => [`path:${name}`, v] as const),
    ...Object.entries(mapping.request.query).map(([name, v]) => [`query:${name}`, v] as const),
  ];
  const field = (from: string) => sent.find(([, v]) => v.from === from);
  const paymentId = field('paymentId')
    ?? (() => { throw new PaykitError(checked.file, '/request/body', 'maps paymentId to no body field or parameter, so the fake cannot find the payment', 'map paymentId in request.body, request.path or request.query'); })();
  const amount = field('amount');
  const reference = field('reference');
  const currency = field('amount.currency');
  const required = Object.entries(mapping.input.providerOptions ?? {}).filter(([, o]) => o.required).map(([name]) => name);
  const authHeaders = authPlugin(provider.auth).headerNames(provider.auth).map((h) => h.toLowerCase());
  const headers = [...headerParameters(spec, path, method)]
    .filter(([name]) => name !== 'authorization' && !authHeaders.includes(name))
    .map(([name, located]) => {
      const schema = inlineSchema(spec, child(spec, located, 'schema'));
      return { name, required: located.node.required === true, ...(schema === undefined ? {} : { schema }) };
    });
  const schema = inlineSchema(spec, requestSchema(spec, operationAt(spec, path, method)!));
  const parameters = (['path', 'query'] as const).flatMap((where) => [...parametersIn(spec, path, method, where)].map(([name, located]) => {
    const parameterSchema = inlineSchema(spec, child(spec, located, 'schema'));
    return { in: where, name, required: where === 'path' || located.node.required === true, ...(parameterSchema === undefined ? {} : { schema: parameterSchema }) };
  }));
  return {
    method, path,
    ...(schema === undefined ? {} : { body: schema }),
    headers,
    ...(parameters.length === 0 ? {} : { parameters }),
    paymentIdField: paymentId[0],
    ...(amount === undefined ? {} : { amount: { field: amount[0], transform: amount[1].transform ?? 'minorToInteger' } }),
    ...(reference === undefined ? {} : { referenceField: reference[0] }),
    ...(currency === undefined ? {} : { currency: { field: currency[0], ...(currency[1].transform === undefined ? {} : { transform: currency[1].transform }) } }),
    optionFields: Object.fromEntries(required.flatMap((name) => { const f = field(`providerOptions.${name}`); return f ? [[name, f[0]]] : []; })),
    ...(mapping.idempotency.deduplicates && mapping.idempotency.header !== undefined ? { idempotencyHeader: mapping.idempotency.header.toLowerCase() } : {}),
  };
}

/**
 * Seeded payments: two for the first outcome (in two currencies where the provider takes several),
 * then one per other outcome, so a test can reach every status the mapping can report.
 */
function seedsOf(checked: CheckedMapping, spec: OpenApiDocument, request: RequestRecipe, outcomes: OutcomeRecipe[]): SeedRecipe[] {
  const { mapping, file } = checked;
  const currencies = checked.currencies ?? ['USD', 'EUR'];
  const fieldSchema = (field: string) => field.split('.').reduce<Record<string, unknown> | undefined>(
    (schema, name) => (schema?.properties as Record<string, Record<string, unknown>> | undefined)?.[name], request.body);
  const transform = mapping.request.body[request.paymentIdField]?.transform
    ?? mapping.request.path[request.paymentIdField.slice(5)]?.transform ?? mapping.request.query[request.paymentIdField.slice(6)]?.transform;
  const pattern = mapping.input.paymentId?.pattern;
  const plan = [0, ...outcomes.map((_, i) => i)];
  return plan.map((outcome, k) => {
    const n = k + 1;
    const candidates = [`pay_fake_${String(n).padStart(8, '0')}`, String(3_000_000 + n), `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`];
    const paymentId = candidates.find((c) => (pattern === undefined || new RegExp(pattern, 'u').test(c))
      && schemaProblem(transform === 'digitsToInteger' ? Number(c) : c, fieldSchema(request.paymentIdField), 'paymentId') === undefined
      && (transform !== 'digitsToInteger' || /^\d+$/.test(c)));
    if (paymentId === undefined) {
      throw new PaykitError(file, '/input/paymentId', 'leaves the fake no payment id it can seed (tried a word, digits and a uuid)', 'loosen input.paymentId.pattern or the spec field');
    }
    const amount: Money = { value: SEED_AMOUNTS[k % SEED_AMOUNTS.length]!, currency: currencies[k % currencies.length]! };
    const options = Object.entries(request.optionFields).map(([name, field]) => {
      const type = mapping.input.providerOptions?.[name]?.type;
      const value = type === 'boolean' ? true : type === 'number' ? 1 : type === 'string' ? `${name}-fake-${n}` : sampleOf(fieldSchema(field));
      return [name, value] as const;
    });
    return { paymentId, amount, ...(options.length === 0 ? {} : { providerOptions: Object.fromEntries(options) }), outcome };
  });
}

/**
 * Data as a TypeScript literal: JSON text, one entry per line, short scalar lists and objects on
 * one line. A `__proto__` key (spec text is data) is written as a computed key, which makes an own
 * property where `"__proto__":` would set the prototype.
 */
function jsonLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const inner = `${indent}  `;
  const key = (k: string) => (k === '__proto__' ? '["__proto__"]' : JSON.stringify(k));
  const items = Array.isArray(value)
    ? value.map((v) => jsonLiteral(v, inner))
    : Object.entries(value).map(([k, v]) => `${key(k)}: ${jsonLiteral(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  const flat = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  if (flat.length + indent.length <= 100 && !flat.includes('\n')) return flat;
  return `${open}\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}${close}`;
}
