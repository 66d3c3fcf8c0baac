/**
 * Handlebars, configured so that nothing reaches output unescaped by accident: HTML escaping is off
 * (it is the wrong escaping for code), strict mode makes a missing value an error, and every
 * interpolation goes through a helper named for its target language. test/templates.test.ts fails
 * on any bare `{{value}}` in templates/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { paykitPath } from '../paths.js';
import { precompiledTemplates } from '../precompiled.js';
import { identifier, jsdocText, jsonValue, markdownCode, markdownCodeCell, markdownInline, pascalCase, tsString } from '../text/escape.js';

export const TEMPLATES_DIR: URL = pathToFileURL(paykitPath('templates') + '/');

export const ESCAPING_HELPERS = {
  /** a TypeScript string literal, quotes included */
  ts: (value: unknown) => tsString(String(value)),
  /** text inside a JSDoc comment */
  jsdoc: (value: unknown) => jsdocText(String(value)),
  /** a JSON value (strings get their quotes) */
  json: (value: unknown) => jsonValue(value),
  /** inline markdown text */
  md: (value: unknown) => markdownInline(String(value)),
  /** a markdown code span */
  code: (value: unknown) => markdownCode(String(value)),
  /** a markdown code span inside a table cell */
  codecell: (value: unknown) => markdownCodeCell(String(value)),
  /** a TypeScript identifier */
  ident: (value: unknown) => identifier(String(value)),
  /** a TypeScript type/class name */
  pascal: (value: unknown) => pascalCase(String(value)),
} as const;

const LOGIC_HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  /** text the generator composed itself (file headers); never spec text */
  trusted: (value: unknown) => String(value),
};

export type Render = (name: string, data: object) => string;

/** Handlebars compile options; generator/bin/build-bundle.mjs precompiles with the same ones. */
const COMPILE_OPTIONS = { noEscape: true, strict: true };

/** Compiles every template and partial under templates/<group>/ once (or takes the CLI bundle's precompiled ones). */
export function loadTemplates(group: string): Render {
  const engine = Handlebars.create();
  for (const [name, helper] of Object.entries({ ...ESCAPING_HELPERS, ...LOGIC_HELPERS })) engine.registerHelper(name, helper);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [file, template] of groupTemplates(engine, group)) {
    const name = file.replace(/\.hbs$/, '');
    // Partials compiled with the templates' own options, as Handlebars would when it first meets them.
    if (file.includes('/')) engine.registerPartial(name, template);
    else compiled.set(name, template);
  }
  return (name, data) => {
    const template = compiled.get(name);
    if (template === undefined) throw new Error(`no template ${group}/${name}.hbs`);
    return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  };
}

/** `[file, template]` for templates/<group>/: precompiled in the CLI bundle, else compiled from the files. */
function groupTemplates(engine: typeof Handlebars, group: string): [string, HandlebarsTemplateDelegate][] {
  const ahead = precompiledTemplates;
  if (ahead !== undefined && JSON.stringify(ahead.options) === JSON.stringify(COMPILE_OPTIONS)) {
    return [...ahead.specs].filter(([key]) => key.startsWith(`${group}/`))
      .map(([key, spec]) => [`${key.slice(group.length + 1)}.hbs`, engine.template(spec)]);
  }
  const dir = new URL(`${group}/`, TEMPLATES_DIR);
  return listTemplates(dir.pathname).map((file) => [file, engine.compile(readFileSync(join(dir.pathname, file), 'utf8'), COMPILE_OPTIONS)]);
}

/** Templates at the top of the folder; partials in sub-folders (named `auth/bearer`, …). */
function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => entry.isDirectory()
      ? listTemplates(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.hbs') ? [`${prefix}${basename(entry.name)}`] : [])
    .sort();
}
