/**
 * Text from specs/providers.yaml and the mappings is data, like spec text: it must never become
 * code. Every text field the two JSON schemas allow (found from the schemas, see config-fields.ts)
 * gets a payload that sets `globalThis.__pwned` if it ever runs; a scratch copy of the project is
 * generated, type-checked with tsc, and every generated module is imported.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generate } from '../../generator/commands/generate.js';
import { loadProjectConfig } from '../../generator/config.js';
import { REPO, copyProject } from '../helpers/project-copy.js';
import { inject, schemaPath, textPlaces, type Injection } from './config-fields.js';

const FLAG = '__pwned';
/** Tried in order; the first one a field's schema accepts is used. */
const PAYLOADS = [
  ` */ globalThis.${FLAG} = 1; /* \${globalThis.${FLAG} = 1} \`; globalThis.${FLAG} = 1; \` ' " \\ </script><script>globalThis.${FLAG} = 1</script>` +
    ` <img src=x onerror="globalThis.${FLAG} = 1"> [x](javascript:globalThis.${FLAG}=1) | # @param x \u2028\u2029\n\r\t-->`,
  ` */ globalThis.${FLAG}=1 /* \${globalThis.${FLAG}=1}\`'"\\ <script>`,
  `/*/globalThis.${FLAG}=1;/*\${globalThis.${FLAG}=1}\`'"\\<script>`,
  // Without braces, for signing-recipe templates (braces there are placeholders).
  ` */ globalThis.${FLAG}=1; /* \`; globalThis.${FLAG}=1; \` ' " \\ </script><script>globalThis.${FLAG}=1</script>`,
];

/**
 * Text places that cannot take arbitrary text, and why. Anything else the schemas allow gets a
 * payload; a new text field must be added here (with its reason) or it is attacked.
 */
const BOUND: Readonly<Record<string, string>> = {
  'providers/{}': 'provider ids: the schema pattern allows [a-z0-9-] only',
  'providers/*/auth/credentials/{}': 'credential names: the schema pattern allows [A-Za-z0-9] only',
  'providers/*/auth/headers/{}': 'header names: the schema pattern allows RFC 9110 token characters only',
  'providers/*/auth/sign/key': 'names a credential: the schema pattern allows [A-Za-z0-9] only',
  'providers/*/rules/*': 'names a normalization rule; an unknown one is refused',
  'providers/*/defaultServer/description': 'selects one of the spec\'s servers by its description (spec text, covered by test/hostile case 58)',
  'input/paymentId/pattern': 'a regular expression, refused at load when it does not compile (test/generator/facade/check.test.ts)',
  'operation/path': 'names a path of the spec (spec text, covered by test/hostile)',
  'idempotency/header': 'names a header parameter of the spec',
  'input/providerOptions/{}': 'option names: the schema pattern allows [A-Za-z0-9] only',
  'request/body/{}': 'names request body properties of the spec',
  'request/headers/{}': 'names header parameters of the spec',
  'request/body/*/map/{}': 'facade input values (reason enum), checked',
  'request/headers/*/map/{}': 'facade input values, checked',
  'request/body/*/map/*': 'values of the spec\'s enum, checked against it',
  'request/headers/*/map/*': 'values of the spec\'s enum, checked against it',
  'request/body/*': 'a request path (schema pattern)',
  'request/body/*/from': 'a request path (schema pattern)',
  'request/headers/*': 'a request path (schema pattern)',
  'request/headers/*/from': 'a request path (schema pattern)',
  'request/path/{}': 'names path parameters of the spec',
  'request/query/{}': 'names query parameters of the spec',
  'request/path/*/map/{}': 'facade input values, checked',
  'request/query/*/map/{}': 'facade input values, checked',
  'request/path/*/map/*': 'values of the spec\'s enum, checked against it',
  'request/query/*/map/*': 'values of the spec\'s enum, checked against it',
  'request/path/*': 'a request path (schema pattern)',
  'request/path/*/from': 'a request path (schema pattern)',
  'request/query/*': 'a request path (schema pattern)',
  'request/query/*/from': 'a request path (schema pattern)',
  'responses/*/refund/status/map/{}': 'values of the spec\'s enum, checked against it',
  'responses/*/when/equals/value': 'a value of the response field, checked against the spec',
  'errors/*/when/equals/value': 'a value of the error field, checked against the spec',
};
/** Response paths (`body.a.b`, `header.x`): every segment is checked against the spec. */
const RESPONSE_PATH = /^(errors\/\*\/(message|when\/(present|equals\/path))|responses\/\*\/(when\/(present|equals\/path)|refund\/(\w+)(\/from|\/fallback)?|refund\/amount\/(value|currency)|refund\/status\/from))$/;

const markdown = new MarkdownIt({ html: true });
let root = '';
const injected: Injection[] = [];

function boundPlace(place: string): boolean {
  return Object.hasOwn(BOUND, place) || (RESPONSE_PATH.test(place) && !place.endsWith('/const'));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

beforeAll(async () => {
  root = copyProject();
  const bound = (schema: string) => new Set(textPlaces(schemaPath(REPO, schema)).filter(boundPlace));
  const providersFile = join(root, 'specs/providers.yaml');
  const providers = parse(readFileSync(providersFile, 'utf8')) as unknown;
  injected.push(...inject(providers, 'specs/providers.yaml', schemaPath(REPO, 'providers.schema.json'), PAYLOADS, bound('providers.schema.json')));
  writeFileSync(providersFile, stringify(providers));
  for (const provider of loadProjectConfig(root).providers) {
    if (provider.mapping === undefined) continue;
    const file = join(root, provider.mapping);
    const mapping = parse(readFileSync(file, 'utf8')) as unknown;
    injected.push(...inject(mapping, provider.mapping, schemaPath(REPO, 'mappings.schema.json'), PAYLOADS, bound('mappings.schema.json')));
    writeFileSync(file, stringify(mapping));
  }
  const code = await generate({ root, providers: [], check: false }, { line: () => {}, error: () => {} });
  expect(code).toBe(0);
  // Resolve the generated packages and their one runtime dependency the way an installed project would.
  mkdirSync(join(root, 'node_modules/@paykit'), { recursive: true });
  for (const id of readdirSync(join(root, 'generated')).filter((n) => statSync(join(root, 'generated', n)).isDirectory())) {
    symlinkSync(join(root, 'generated', id), join(root, 'node_modules/@paykit', id));
  }
  symlinkSync(join(REPO, 'node_modules/openapi-fetch'), join(root, 'node_modules/openapi-fetch'));
}, 120_000);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('hostile text in providers.yaml and mappings', () => {
  it('reaches every text field the schemas allow and the project uses', () => {
    const places = new Set(injected.map((i) => i.place));
    for (const expected of ['providers/*/title', 'providers/*/auth/credentials/*', 'providers/*/auth/sign/message', 'providers/*/auth/headers/*',
      'providers/*/sourceUrl', 'capabilities/notes/*', 'input/paymentId/hint', 'input/providerOptions/*/description']) {
      expect(places, expected).toContain(expected);
    }
    // Each text place of the schemas is either attacked here or says why it cannot hold free text.
    for (const schema of ['providers.schema.json', 'mappings.schema.json']) {
      for (const place of textPlaces(schemaPath(REPO, schema))) {
        if (boundPlace(place) || places.has(place)) continue;
        // A place the project's files do not use yet, or whose pattern refuses every payload.
        expect(place, `${schema}: ${place}`).toMatch(/(password|username|token|login|secret|Header|mapping|overlay|source|spec|currencies\/\*|providerOptions\/\*\/schema|paymentId\/pattern|default|const)$/);
      }
    }
  });

  it('generates READMEs that render no live HTML and package.json files that parse', () => {
    for (const file of files(join(root, 'generated'))) {
      if (file.endsWith('README.md')) {
        const html = markdown.render(readFileSync(file, 'utf8'));
        expect(html, relative(root, file)).not.toMatch(/<(script|img|iframe)\b/i);
        expect(html, relative(root, file)).not.toMatch(/href="javascript:/i);
      }
      if (file.endsWith('package.json')) expect(() => JSON.parse(readFileSync(file, 'utf8')), relative(root, file)).not.toThrow();
    }
  });

  it('type-checks every generated package with tsc', () => {
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    const run = (args: string[]) => spawnSync(process.execPath, [tsc, ...args, '--pretty', 'false'], { encoding: 'utf8', timeout: 120_000 });
    const providerOptions = (JSON.parse(readFileSync(join(REPO, 'templates/provider/tsconfig.json.hbs'), 'utf8')) as { compilerOptions: object }).compilerOptions;
    const providerSources = readdirSync(join(root, 'generated')).filter((n) => n !== 'refunds' && statSync(join(root, 'generated', n)).isDirectory())
      .flatMap((id) => files(join(root, 'generated', id, 'src')));
    writeFileSync(join(root, 'tsconfig.providers.json'), JSON.stringify({ compilerOptions: providerOptions, files: providerSources }));
    const providers = run(['-p', join(root, 'tsconfig.providers.json')]);
    expect(providers.stdout + providers.stderr).toBe('');
    // The testing entry (startFake) is Node-only and references @types/node, which the scratch copy does not install.
    const facade = run(['-p', join(root, 'generated/refunds/tsconfig.json'), '--typeRoots', join(REPO, 'node_modules/@types')]);
    expect(facade.stdout + facade.stderr).toBe('');
  }, 120_000);

  it('imports every generated module without running injected code, and keeps the text exact', async () => {
    const modules = files(join(root, 'generated')).filter((f) => f.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(10);
    for (const file of modules) await import(/* @vite-ignore */ pathToFileURL(file).href);
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined();

    const facade = await import(/* @vite-ignore */ pathToFileURL(join(root, 'generated/refunds/dist/index.js')).href) as
      { capabilities: Record<string, { notes: string[] }> };
    const config = loadProjectConfig(root);
    for (const provider of config.providers.filter((p) => p.mapping !== undefined)) {
      const notes = (parse(readFileSync(join(root, provider.mapping!), 'utf8')) as { capabilities?: { notes?: string[] } }).capabilities?.notes ?? [];
      expect(facade.capabilities[provider.id]!.notes).toEqual(notes);
    }
    for (const provider of config.providers) {
      const client = await import(/* @vite-ignore */ pathToFileURL(join(root, 'generated', provider.id, 'dist/index.js')).href) as Record<string, unknown>;
      // The default server is chosen from the spec's servers (untouched here): the committed package's default.
      const committed = await import(/* @vite-ignore */ pathToFileURL(join(REPO, 'generated', provider.id, 'dist/index.js')).href) as Record<string, unknown>;
      expect(client.DEFAULT_BASE_URL).toBe(committed.DEFAULT_BASE_URL);
    }
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined();
  });
});
