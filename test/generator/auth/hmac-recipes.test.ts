/**
 * Every variant of the HMAC signing recipe (digest, encoding, timestamp format, credentials in the
 * message and headers), without a generate: the authenticator the template emits for a recipe is
 * compiled and run, checked against an independent node:crypto computation, then verified by the
 * fake's verifier for the same recipe, which also refuses a wrong key. And the auth kinds agree
 * everywhere a kind lives (schema, generator plugins, templates, fake verifiers).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTH_KINDS } from '../../../generator/auth/index.js';
import { hmacSignature, type HmacSignatureAuth } from '../../../generator/auth/hmac-signature.js';
import { loadTemplates } from '../../../generator/emit/templates.js';
import { hmacSignatureProblem } from '../../../templates/refunds/testing/auth-hmac-signature.js';
import { REPO } from '../../helpers/project-copy.js';

const dir = mkdtempSync(join(tmpdir(), 'paykit-hmac-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const render = loadTemplates('provider');

type Sign = (headers: Record<string, string>, body: string) => Promise<void>;
let count = 0;

/** The `./auth` module the generator would emit for this recipe, compiled to JS and imported. */
async function authenticatorFor(auth: HmacSignatureAuth): Promise<(credentials: Record<string, string>, options: { now: () => Date }) => Sign> {
  const source = render('auth.ts', {
    header: '// test', title: 'Test', typePrefix: 'test', authPartial: 'auth/hmac-signature', auth,
    credentials: Object.entries(auth.credentials).map(([name, description]) => ({ name, description })),
    authModel: hmacSignature.templateModel(auth),
  });
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(dir, `auth-${count++}.mjs`);
  writeFileSync(file, js);
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { authenticator: never }).authenticator;
}

const recipe = (sign: Partial<HmacSignatureAuth['sign']>, headers: Record<string, string>): HmacSignatureAuth => ({
  kind: 'hmac-signature',
  credentials: { appId: 'The app id, sent.', secret: 'The signing key.' },
  sign: { message: '{timestamp}.{body}', key: 'secret', algorithm: 'sha256', encoding: 'hex', timestamp: 'unix-seconds', ...sign },
  headers,
});
const credentials = { appId: 'app-7', secret: 'k3y"${x}' };
const BODY = '{"amount":"1.00","note":"é \\" ${x}"}';

describe('HMAC recipes: emitted authenticator = node:crypto = fake verifier', () => {
  it.each([
    ['sha256 hex, unix seconds', recipe({}, { 'X-Timestamp': '{timestamp}', 'X-Signature': 'sha256={signature}' }),
      (at: Date) => String(Math.floor(at.getTime() / 1000)), (ts_: string, body: string) => `${ts_}.${body}`, 'sha256', 'hex', (h: Record<string, string>) => h['X-Signature']!.slice('sha256='.length)],
    ['sha512 base64, unix millis, credential in message and header', recipe(
      { algorithm: 'sha512', encoding: 'base64', timestamp: 'unix-millis', message: '{appId}\n{timestamp}\n{body}' },
      { 'X-App': '{appId}', 'X-Time': '{timestamp}', 'Authorization': 'HMAC {appId}:{signature}' }),
      (at: Date) => String(at.getTime()), (ts_: string, body: string) => `app-7\n${ts_}\n${body}`, 'sha512', 'base64', (h: Record<string, string>) => h.Authorization!.slice('HMAC app-7:'.length)],
    ['sha256 base64, ISO 8601 with milliseconds', recipe({ encoding: 'base64', timestamp: 'iso8601-millis', message: '{body}{timestamp}' }, { 'Date-Signed': '{timestamp}', 'X-Sig': '{signature}' }),
      (at: Date) => at.toISOString(), (ts_: string, body: string) => `${body}${ts_}`, 'sha256', 'base64', (h: Record<string, string>) => h['X-Sig']!],
  ] as const)('%s', async (_name, auth, stamp, message, algorithm, encoding, signatureOf) => {
    const at = new Date();
    const headers: Record<string, string> = {};
    await (await authenticatorFor(auth))(credentials, { now: () => at })(headers, BODY);
    expect(Object.keys(headers)).toEqual(Object.keys(auth.headers));
    const expected = createHmac(algorithm, credentials.secret).update(message(stamp(at), BODY)).digest(encoding);
    expect(signatureOf(headers)).toBe(expected);
    expect(JSON.stringify(headers)).not.toContain(credentials.secret);
    const received = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const fakeRecipe = hmacSignature.fakeRecipe(auth) as Parameters<typeof hmacSignatureProblem>[0];
    expect(hmacSignatureProblem(fakeRecipe, credentials, received, BODY)).toBeUndefined();
    expect(hmacSignatureProblem(fakeRecipe, { ...credentials, secret: 'other' }, received, BODY)).toBe('invalid signature');
    expect(hmacSignatureProblem(fakeRecipe, credentials, received, `${BODY} `)).toBe('invalid signature');
  });
});

describe('auth kinds', () => {
  it('the schema, the generator plugins, the templates and the fake verifiers know the same kinds', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'generator/schemas/providers.schema.json'), 'utf8')) as { definitions: { auth: { properties: { kind: { enum: string[] } }; allOf: { if: { properties: { kind: { const: string } } } }[] } } };
    const sorted = (list: readonly string[]) => [...list].sort();
    expect(sorted(schema.definitions.auth.properties.kind.enum)).toEqual(sorted(AUTH_KINDS));
    expect(sorted(schema.definitions.auth.allOf.map((branch) => branch.if.properties.kind.const))).toEqual(sorted(AUTH_KINDS));
    expect(sorted(readdirSync(join(REPO, 'templates/provider/auth')).map((f) => f.replace(/\.hbs$/, '')))).toEqual(sorted(AUTH_KINDS));
    const verifiers = readFileSync(join(REPO, 'templates/refunds/testing/auth.ts'), 'utf8');
    for (const kind of AUTH_KINDS) expect(verifiers).toContain(`'${kind}':`);
  });
});
