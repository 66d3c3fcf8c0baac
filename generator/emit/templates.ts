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

/** Compiles every template and partial under templates/<group>/ once. */
export function loadTemplates(group: string): Render {
  const engine = Handlebars.create();
  for (const [name, helper] of Object.entries({ ...ESCAPING_HELPERS, ...LOGIC_HELPERS })) engine.registerHelper(name, helper);
  const dir = new URL(`${group}/`, TEMPLATES_DIR);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of listTemplates(dir.pathname)) {
    const source = readFileSync(join(dir.pathname, file), 'utf8');
    const name = file.replace(/\.hbs$/, '');
    if (file.includes('/')) engine.registerPartial(name, source);
    else compiled.set(name, engine.compile(source, { noEscape: true, strict: true }));
  }
  return (name, data) => {
    const template = compiled.get(name);
    if (template === undefined) throw new Error(`no template ${group}/${name}.hbs`);
    return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  };
}

/** Templates at the top of the folder; partials in sub-folders (named `auth/bearer`, …). */
function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => entry.isDirectory()
      ? listTemplates(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.hbs') ? [`${prefix}${basename(entry.name)}`] : [])
    .sort();
}
