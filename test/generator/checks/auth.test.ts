/** providers.yaml's auth must agree with the normalized spec's security for the mapped operation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProjectConfig, type ProviderConfig } from '../../../generator/config.js';
import { authFindings } from '../../../generator/checks/auth.js';
import { REPO } from '../../helpers/project-copy.js';

const project = loadProjectConfig(REPO);
const normalized = (p: ProviderConfig) => parse(readFileSync(join(REPO, 'generated', p.id, 'openapi.yaml'), 'utf8')) as Record<string, any>;
const withKind = (kind: string) => project.providers.find((p) => p.auth.kind === kind && p.mapping !== undefined)!;
/** Every scheme the spec declares, for rewriting in place. */
const schemes = (doc: Record<string, any>) => Object.values(doc.components.securitySchemes) as Record<string, unknown>[];

describe('authFindings', () => {
  it.each(project.providers.map((p) => [p.id, p] as const))('%s: providers.yaml agrees with the committed spec', (_id, provider) => {
    expect(authFindings(project, provider, normalized(provider))).toEqual([]);
  });

  it('a basic provider whose spec moved to bearer is refused, naming providers.yaml and the spec, suggesting bearer', () => {
    const provider = withKind('basic');
    const doc = normalized(provider);
    for (const s of schemes(doc)) if (s.scheme === 'basic') s.scheme = 'bearer';
    const findings = authFindings(project, provider, doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'auth', source: `specs/providers.yaml#/providers/${provider.id}/auth/kind` });
    expect(findings[0]!.message).toMatch(new RegExp(`^says basic, but POST \\S+ in generated/${provider.id}/openapi\\.yaml#/\\S*security requires http/bearer \\(#/components/securitySchemes/\\w+\\)$`));
    expect(findings[0]!.fix).toMatch(/^set auth in specs\/providers\.yaml to kind: bearer/);
  });

  it('a bearer provider whose spec moved to an API-key header is refused', () => {
    const provider = withKind('bearer');
    const doc = normalized(provider);
    for (const s of schemes(doc)) Object.assign(s, { type: 'apiKey', in: 'header', name: 'X-Api-Key', scheme: undefined });
    const [finding] = authFindings(project, provider, doc);
    expect(finding!.message).toContain('says bearer, but');
    expect(finding!.message).toContain('requires apiKey header "X-Api-Key"');
  });

  it('signed headers must be the ones the spec declares, by name', () => {
    const provider = withKind('hmac-signature');
    const auth = provider.auth as Extract<ProviderConfig['auth'], { kind: 'hmac-signature' }>;
    expect(authFindings(project, provider, normalized(provider))).toEqual([]);
    const doc = normalized(provider);
    const renamed = Object.keys(auth.headers)[0]!;
    for (const s of schemes(doc)) if (typeof s.name === 'string' && s.name.toLowerCase() === renamed.toLowerCase()) s.name = 'X-Merchant';
    const [finding] = authFindings(project, provider, doc);
    expect(finding).toMatchObject({ kind: 'auth', source: `specs/providers.yaml#/providers/${provider.id}/auth/headers/${renamed}` });
    expect(finding!.message).toContain('X-Merchant');
    expect(finding!.message).toContain(`sends the header "${renamed}"`);
  });

  it('an operation-level security overrides the root one; an empty one means the spec declares none', () => {
    const provider = withKind('bearer');
    const doc = normalized(provider);
    const mapping = parse(readFileSync(join(REPO, provider.mapping!), 'utf8')) as { operation: { method: string; path: string } };
    doc.paths[mapping.operation.path][mapping.operation.method].security = [];
    const [finding] = authFindings(project, provider, doc);
    expect(finding!.message).toMatch(/says bearer, but .* declares no security$/);
  });

  it('without a mapping, the root security is checked when the spec declares one', () => {
    const provider: ProviderConfig = { ...withKind('bearer'), mapping: undefined, auth: { kind: 'none' } };
    const doc = normalized(provider);
    const [finding] = authFindings(project, provider, doc);
    expect(finding!.message).toMatch(/^says none, but the spec in .*#\/security requires http\/bearer/);
    delete doc.security;
    expect(authFindings(project, provider, doc)).toEqual([]);
  });
});
