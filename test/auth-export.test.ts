/**
 * Each provider package's `./auth` export (what @paykit/refunds sends with) is the same
 * authentication as its openapi-fetch client: the client sends one real request over loopback, and
 * `authenticator` given the recorded body text produces exactly the headers the server received.
 * For a signature this means it signs the exact bytes sent. Providers come from specs/providers.yaml.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../generator/config.js';
import { REPO } from './helpers/project-copy.js';
import { startRecordingServer } from './helpers/recording-server.js';

type Authenticate = (headers: Record<string, string>, body: string) => void | Promise<void>;
interface AuthModule { authenticator(credentials: Record<string, string>, options?: { now?: () => Date }): Authenticate }
interface ClientModule { [factory: string]: unknown }
type Client = Record<string, (path: string, init: object) => Promise<unknown>>;

const providers = loadProjectConfig(REPO).providers;
const now = new Date('2024-05-27T10:00:00.456Z');

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe.each(providers.map((p) => [p.id, p] as const))('@paykit/%s/auth', (id, provider) => {
  it('adds exactly the headers the openapi-fetch client sends, for the exact body sent', async () => {
    const server = await startRecordingServer(() => ({ status: 200, body: '{}' }));
    close = server.close;
    const fields = provider.auth.kind === 'none' ? [] : Object.keys(provider.auth.credentials);
    const credentials = Object.fromEntries(fields.map((field) => [field, `${id}-${field}-secret`]));
    const auth = await import(`@paykit/${id}/auth`) as AuthModule;
    const client = await import(`@paykit/${id}`) as ClientModule;
    const factory = Object.keys(client).find((name) => /^create\w+Client$/.test(name))!;
    const api = (client[factory] as (options: object) => Client)({ credentials, baseUrl: server.url, now: () => now });
    const body = '{"amount":1450,"note":"ünïcode €"}';
    await api.POST!('/anything', { body: JSON.parse(body) as object });
    const [request] = server.requests;
    expect(request!.body).toBe(body);

    const headers: Record<string, string> = {};
    await auth.authenticator(credentials, { now: () => now })(headers, request!.body);
    if (fields.length > 0) expect(Object.keys(headers).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(headers)) expect(request!.headers[name.toLowerCase()], name).toBe(value);
  });
});
