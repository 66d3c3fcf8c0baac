/** The default server is chosen by description or position, follows the vendor's URL, and its changes are classified. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig, type ProjectConfig, type ProviderConfig } from '../../../generator/config.js';
import { classifyServerChanges, defaultServerUrl, resolveServerChoice, serverFindings, specServers, type ServerChoice } from '../../../generator/checks/servers.js';

const spec = (...servers: { url: string; description?: string }[]) => ({ openapi: '3.0.1', servers });
const push = spec({ url: 'https://api.example.test', description: 'Production API' }, { url: 'https://sandbox.example.test', description: 'Sandbox API for integrations' });
const provider = (defaultServer?: ServerChoice): ProviderConfig => ({ id: 'acme', title: 'Acme', spec: 's.yaml', rules: [], auth: { kind: 'none' }, ...(defaultServer === undefined ? {} : { defaultServer }) });
const project: ProjectConfig = { root: '/nowhere', configFile: 'specs/providers.yaml', providers: [] };

describe('resolveServerChoice', () => {
  it.each([
    [{ description: 'sandbox' }, 'https://sandbox.example.test'],
    [{ description: 'PRODUCTION' }, 'https://api.example.test'],
    [{ index: 1 }, 'https://sandbox.example.test'],
    [undefined, 'https://api.example.test'],
  ] as const)('%j → %s', (choice, url) => {
    const resolved = resolveServerChoice(choice, specServers(push));
    expect('server' in resolved && resolved.server.url).toBe(url);
  });

  it.each([
    [{ description: 'staging' }, /description contains "staging", but none does/],
    [{ description: 'API' }, /description contains "API", but 2 do/],
    [{ index: 2 }, /chooses server 2, but the spec lists only 2/],
  ] as const)('%j resolves to nothing', (choice, problem) => {
    const resolved = resolveServerChoice(choice, specServers(push));
    expect('problem' in resolved && resolved.problem).toMatch(problem);
  });
});

describe('the default server follows the vendor', () => {
  it('takes the URL from the spec, so a moved host moves the default', () => {
    expect(defaultServerUrl(provider({ description: 'Sandbox' }), push)).toBe('https://sandbox.example.test');
    const moved = spec({ url: 'https://api.example.test', description: 'Production API' }, { url: 'https://sandbox-eu.example.test', description: 'Sandbox API for integrations' });
    expect(defaultServerUrl(provider({ description: 'Sandbox' }), moved)).toBe('https://sandbox-eu.example.test');
  });

  it('refuses a choice that resolves to nothing, with one line naming providers.yaml and the servers', () => {
    const findings = serverFindings(project, provider({ description: 'Staging' }), push);
    expect(findings).toEqual([expect.objectContaining({ kind: 'server', source: 'specs/providers.yaml#/providers/acme/defaultServer', pointer: '/servers' })]);
    expect(() => defaultServerUrl(provider({ description: 'Staging' }), push)).toThrow(
      /^specs\/providers\.yaml#\/providers\/acme\/defaultServer: chooses the server whose description contains "Staging", but none does in generated\/acme\/openapi\.yaml#\/servers \(servers: 0: "https:\/\/api\.example\.test" \("Production API"\), 1: .*\); choose one of those servers/);
    expect(serverFindings(project, provider({ description: 'Sandbox' }), push)).toEqual([]);
  });
});

describe('classifyServerChanges', () => {
  const choice = { description: 'Sandbox' };
  it('a moved default server is a patch', () => {
    const after = spec({ url: 'https://api.example.test', description: 'Production API' }, { url: 'https://sandbox-eu.example.test', description: 'Sandbox API for integrations' });
    expect(classifyServerChanges(push, after, choice)).toEqual([expect.objectContaining({
      class: 'patch', action: 'replace', pointer: '/servers/1/url', before: 'https://sandbox.example.test', after: 'https://sandbox-eu.example.test',
    })]);
  });

  it('an added server is non-breaking (minor)', () => {
    const after = spec(...push.servers, { url: 'https://eu.example.test', description: 'Production EU' });
    expect(classifyServerChanges(push, after, choice)).toEqual([expect.objectContaining({ class: 'non-breaking', action: 'add', pointer: '/servers/2', after: 'https://eu.example.test' })]);
  });

  it('removing the default server is breaking; removing another is not', () => {
    const withoutSandbox = spec(push.servers[0]!);
    expect(classifyServerChanges(push, withoutSandbox, choice)).toEqual([expect.objectContaining({ class: 'breaking', action: 'remove', before: 'https://sandbox.example.test' })]);
    const withoutProduction = spec(push.servers[1]!);
    expect(classifyServerChanges(push, withoutProduction, choice)).toEqual([expect.objectContaining({ class: 'non-breaking', action: 'remove', before: 'https://api.example.test' })]);
  });

  it('a default that no longer matches the choice is breaking even when its URL stayed', () => {
    const renamed = spec(push.servers[0]!, { url: 'https://sandbox.example.test', description: 'Test environment' });
    expect(classifyServerChanges(push, renamed, choice)).toEqual([expect.objectContaining({ class: 'breaking', pointer: '/servers' })]);
  });

  it('nothing changed, nothing reported; reordering alone is no change', () => {
    expect(classifyServerChanges(push, push, choice)).toEqual([]);
    expect(classifyServerChanges(push, spec(push.servers[1]!, push.servers[0]!), choice)).toEqual([]);
  });
});

describe('providers.yaml', () => {
  it('refuses a literal defaultServer URL, saying how to choose a server instead', () => {
    const root = mkdtempSync(join(tmpdir(), 'paykit-servers-'));
    try {
      mkdirSync(join(root, 'specs'));
      writeFileSync(join(root, 'specs/providers.yaml'), 'providers:\n  acme:\n    title: Acme\n    spec: specs/acme.yaml\n    defaultServer: https://sandbox.acme.test\n    auth: { kind: none }\n');
      expect(() => loadProjectConfig(root)).toThrow('specs/providers.yaml#/providers/acme/defaultServer: is a URL, which would not follow the vendor when it moves the host; choose one of the spec\'s servers instead: { description: <a word of its description> } or { index: <its position> }');
      writeFileSync(join(root, 'specs/providers.yaml'), 'providers:\n  acme:\n    title: Acme\n    spec: specs/acme.yaml\n    defaultServer: { description: Sandbox }\n    auth: { kind: none }\n');
      expect(loadProjectConfig(root).providers[0]!.defaultServer).toEqual({ description: 'Sandbox' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
