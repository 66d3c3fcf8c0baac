/**
 * Nothing is fetched while generating. A loopback canary serves a perfectly good schema at every
 * path; specs, overlays and providers.yaml point at it in every way they can, and the canary must
 * receive nothing: references to it are refused with one line naming the file and the `$ref`, and
 * URLs that are data (servers, defaultServer, sourceUrl) are written into the output, never requested.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@redocly/openapi-core';
import { parse } from 'yaml';
import { generate } from '../../generator/commands/generate.js';
import { emitSchema } from '../../generator/emit/schema.js';
import { PaykitError } from '../../generator/errors.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { tempRoot } from '../hostile/harness.js';

type Canary = Awaited<ReturnType<typeof startRecordingServer>>;
let canary: Canary;
const roots: string[] = [];

beforeAll(async () => {
  canary = await startRecordingServer(() => ({
    status: 200, headers: { 'content-type': 'application/yaml' },
    body: 'Thing:\n  type: object\n  description: FETCHED-FROM-CANARY\n  properties:\n    id: { type: string }\n',
  }));
});
afterAll(async () => {
  await canary.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function spec(ref: string, servers = 'https://api.hostile.test'): string {
  return `openapi: 3.1.0
info: { title: Canary, version: "1", description: canary }
servers: [{ url: "${servers}", description: test }]
externalDocs: { url: "${canary.url}/external-docs" }
security: []
tags: [{ name: t, description: tag }]
paths:
  /things:
    get:
      operationId: listThings
      summary: List
      description: operation
      tags: [t]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "${ref}" }
        "400": { description: bad request }
components:
  schemas:
    Thing:
      type: object
      properties:
        id: { type: string }
`;
}

function project(files: { spec: string; overlay?: string; providerExtra?: string }): string {
  const root = tempRoot('canary');
  roots.push(root);
  mkdirSync(join(root, 'specs'), { recursive: true });
  writeFileSync(join(root, 'specs/spec.yaml'), files.spec);
  if (files.overlay !== undefined) writeFileSync(join(root, 'specs/overlay.yaml'), files.overlay);
  writeFileSync(join(root, 'specs/providers.yaml'), `providers:
  canary:
    title: Canary
    spec: specs/spec.yaml
${files.overlay === undefined ? '' : '    overlay: specs/overlay.yaml\n'}${files.providerExtra ?? ''}    auth: { kind: none }
`);
  return root;
}

const overlayWithRef = (ref: string) => `overlay: 1.0.0
info: { title: o, version: "1" }
actions:
  - target: $.components.schemas.Thing.properties
    update:
      fetched: { $ref: "${ref}" }
`;

async function run(root: string): Promise<unknown> {
  try {
    await generate({ root, providers: [], check: false }, { line: () => {}, error: () => {} });
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('generate fetches nothing', () => {
  const refs = (url: string) => [`${url}/schemas.yaml#/Thing`, `${url.replace(/^http:/, '')}/schemas.yaml#/Thing`];

  it.each([0, 1])('refuses a vendor $ref to the canary (form %i) before any request', async (form) => {
    const error = await run(project({ spec: spec(refs(canary.url)[form]!) }));
    expect(error).toBeInstanceOf(PaykitError);
    expect((error as PaykitError).file).toBe('specs/spec.yaml');
    expect((error as PaykitError).message).toContain('names a URL');
    expect(canary.requests).toEqual([]);
  });

  it.each([0, 1])('refuses an overlay $ref to the canary (form %i) before any request', async (form) => {
    const error = await run(project({ spec: spec('#/components/schemas/Thing'), overlay: overlayWithRef(refs(canary.url)[form]!) }));
    expect(error).toBeInstanceOf(PaykitError);
    expect((error as PaykitError).file).toBe('specs/overlay.yaml');
    expect((error as PaykitError).pointer).toBe('/actions/0/update/fetched/$ref');
    expect((error as PaykitError).message).toContain('names a URL');
    expect(canary.requests).toEqual([]);
  });

  // redocly follows an Example's `externalValue` like a $ref (lint reads it, bundling inlines it);
  // paykit's resolver (generator/load/resolver.ts) refuses it: it stays data in the normalized spec.
  const exampleSpec = (externalValue: string, schemaRef: string) => spec(schemaRef).replace(
    '              schema: { $ref: "' + schemaRef + '" }',
    `              schema: { $ref: "${schemaRef}" }\n              examples:\n                remote: { summary: s, externalValue: "${externalValue}" }`);

  it.each(['one file', 'split into files'])('never requests an example\'s externalValue (spec %s)', async (shape) => {
    const split = shape === 'split into files';
    const root = project({ spec: exampleSpec(`${canary.url}/example.json`, split ? 'schemas.yaml#/Thing' : '#/components/schemas/Thing') });
    if (split) writeFileSync(join(root, 'specs/schemas.yaml'), 'Thing:\n  type: object\n  properties:\n    id: { type: string }\n');
    expect(await run(root)).toBeUndefined();
    expect(canary.requests).toEqual([]);
    expect(readFileSync(join(root, 'generated/canary/openapi.yaml'), 'utf8')).toContain(`externalValue: ${canary.url}/example.json`);
  });

  it('never reads a file an example\'s externalValue names outside the spec folder', async () => {
    const root = project({ spec: exampleSpec('../secret.json', 'schemas.yaml#/Thing') });
    writeFileSync(join(root, 'specs/schemas.yaml'), 'Thing:\n  type: object\n  properties:\n    id: { type: string }\n');
    writeFileSync(join(root, 'secret.json'), '{ "token": "SECRET-OUTSIDE-THE-SPEC-FOLDER" }\n');
    expect(await run(root)).toBeUndefined();
    const normalized = readFileSync(join(root, 'generated/canary/openapi.yaml'), 'utf8');
    expect(normalized).toContain('externalValue: ../secret.json');
    expect(normalized).not.toContain('SECRET-OUTSIDE');
  });

  it('never requests an externalValue through openapi-typescript run whole (a ruleset that turns off one of its error rules)', async () => {
    const root = project({ spec: exampleSpec(`${canary.url}/example.json`, '#/components/schemas/Thing') });
    writeFileSync(join(root, 'redocly.yaml'), 'extends:\n  - recommended\nrules:\n  operation-operationId-unique: off\n');
    const whole = await loadConfig({ configPath: join(root, 'redocly.yaml') });
    const document = parse(readFileSync(join(root, 'specs/spec.yaml'), 'utf8')) as Record<string, unknown>;
    await expect(emitSchema(document, '', whole)).rejects.toThrow(/is not read/);
    expect(canary.requests).toEqual([]);
  });

  it('writes URLs that are data (servers, externalDocs, the default server, sourceUrl) without requesting them', async () => {
    const root = project({
      spec: spec('#/components/schemas/Thing', `${canary.url}/server`),
      providerExtra: `    defaultServer: { description: test }\n    sourceUrl: ${canary.url}/source.md\n`,
    });
    const error = await run(root);
    expect(error).toBeUndefined();
    expect(readFileSync(join(root, 'generated/canary/src/client.ts'), 'utf8')).toContain(`${canary.url}/server`);
    expect(canary.requests).toEqual([]);
  });
});
