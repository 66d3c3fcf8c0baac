// Builds the CLI bundle that generator/bin/paykit.mjs runs (only when its cache key changed).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { Ajv } from 'ajv';
import ajvStandalone from 'ajv/dist/standalone/index.js';

/**
 * One bundle with paykit's libraries in it (redocly, yaml, ajv, handlebars, commander, ts-morph, …):
 * Node then resolves, reads and compiles a few files instead of ~1,000 module files. Only `typescript`
 * stays external and is `require()`d (openapi-typescript and ts-morph need it; as an ESM import Node would
 * first scan its 9 MB for export names). ts-morph's own copy of the compiler is replaced by that same
 * `typescript`; its printer output is the same (generate --check proves the facade byte for byte).
 */
const bundleAllButTypeScript = {
  name: 'all-but-typescript',
  setup(build) {
    build.onResolve({ filter: /^\.\/typescript$/ }, (args) =>
      args.importer.includes('@ts-morph/common') ? { path: 'typescript', external: true } : undefined);
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', external: true }));
  },
};

/**
 * generator/emit/openapi-typescript.ts requires openapi-typescript's CommonJS build and its redocly (1.x)
 * from node_modules at run time; in the bundle the same packages are bundled in its place, resolved from
 * openapi-typescript's folder so that both are the one copy openapi-typescript itself runs on. Its transform
 * is taken from its own files, so that its index, and with it redocly 1.x (~50 ms to load), is evaluated
 * only when openapi-typescript has to run whole.
 */
function bundledOpenapiTypescript(root) {
  const otsDir = dirname(createRequire(join(root, 'package.json')).resolve('openapi-typescript/package.json'));
  // The versions bundled (the same string generator/emit/openapi-typescript.ts reads from node_modules).
  const version = (dir, name) => `${name}@${JSON.parse(readFileSync(createRequire(join(dir, 'package.json')).resolve(`${name}/package.json`), 'utf8')).version}`;
  const versions = `${version(root, 'openapi-typescript')} ${version(otsDir, '@redocly/openapi-core')}`;
  return {
    name: 'bundled-openapi-typescript',
    setup(build) {
      // A module of its own namespace, so esbuild reads it as CommonJS (paykit's package is "type": "module").
      build.onResolve({ filter: /[\\/]openapi-typescript\.js$/ }, (args) =>
        /[\\/]generator[\\/]emit$/.test(args.resolveDir) ? { path: 'openapi-typescript', namespace: 'paykit-openapi-typescript' } : undefined);
      build.onLoad({ filter: /.*/, namespace: 'paykit-openapi-typescript' }, () => ({
        contents: [
          "const { astToString } = require('./dist/lib/ts.cjs');",
          "const { resolveRef, scanDiscriminators } = require('./dist/lib/utils.cjs');",
          "exports.openapiTypescriptTransform = { astToString, resolveRef, scanDiscriminators, transformSchema: require('./dist/transform/index.cjs') };",
          "exports.loadOpenapiTypescript = () => require('./dist/index.cjs').default;",
          "exports.loadOpenapiTypescriptRedocly = () => require('@redocly/openapi-core');",
          `exports.openapiTypescriptVersions = () => ${JSON.stringify(versions)};`,
        ].join('\n'),
        loader: 'js', resolveDir: otsDir,
      }));
    },
  };
}

/**
 * generator/precompiled.ts is empty in the sources (tests compile at run time); in the bundle it holds
 * every template under templates/ as Handlebars.precompile output and every JSON Schema under
 * generator/schemas/ as Ajv standalone code (both `allErrors` settings), with the options they were
 * compiled with, so a run compiles neither. The bundle's cache key covers those files (paykit.mjs).
 */
const TEMPLATE_OPTIONS = { noEscape: true, strict: true };
const VALIDATOR_OPTIONS = { strict: false };

function precompiled(root) {
  const templates = filesUnder(join(root, 'templates'), '.hbs').map((file) => [relative(join(root, 'templates'), file).slice(0, -'.hbs'.length), file]);
  const schemas = filesUnder(join(root, 'generator', 'schemas'), '.json').map((file) => [relative(root, file), file]);
  return {
    name: 'precompiled',
    setup(build) {
      build.onLoad({ filter: /[\\/]generator[\\/]precompiled\.ts$/ }, () => {
        const validators = schemas.flatMap(([key], i) => [false, true].map((allErrors) => ({ key: `${key}\0${allErrors}`, module: `paykit-validator:${i}:${allErrors}`, name: `v${i}_${allErrors}` })));
        const lines = [
          ...validators.map((v) => `import ${v.name} from ${JSON.stringify(v.module)};`),
          `export const precompiledTemplates = { options: ${JSON.stringify(TEMPLATE_OPTIONS)}, specs: new Map([`,
          ...templates.map(([key, file]) => `  [${JSON.stringify(key)}, ${Handlebars.precompile(readFileSync(file, 'utf8'), TEMPLATE_OPTIONS)}],`),
          ']) };',
          `export const precompiledValidators = { options: ${JSON.stringify(VALIDATOR_OPTIONS)}, functions: new Map([`,
          ...validators.map((v) => `  [${JSON.stringify(v.key)}, ${v.name}],`),
          ']) };',
        ];
        return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
      });
      build.onResolve({ filter: /^paykit-validator:/ }, (args) => ({ path: args.path, namespace: 'paykit-validator' }));
      build.onLoad({ filter: /.*/, namespace: 'paykit-validator' }, (args) => {
        const [, index, allErrors] = args.path.split(':');
        const schema = JSON.parse(readFileSync(schemas[Number(index)][1], 'utf8'));
        const ajv = new Ajv({ ...VALIDATOR_OPTIONS, allErrors: allErrors === 'true', code: { source: true, esm: true } });
        return { contents: (ajvStandalone.default ?? ajvStandalone)(ajv, ajv.compile(schema)), loader: 'js', resolveDir: root };
      });
    },
  };
}

function filesUnder(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => entry.isDirectory() ? filesUnder(join(dir, entry.name), ext) : entry.name.endsWith(ext) ? [join(dir, entry.name)] : []);
}

/** Writes the bundle (cli.js and its lazily imported chunks) into `outDir`. */
export async function buildBundle(generatorDir, outDir) {
  const root = join(generatorDir, '..');
  await build({
    entryPoints: [join(generatorDir, 'cli.ts')], outdir: outDir, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', logLevel: 'error', plugins: [bundleAllButTypeScript, bundledOpenapiTypescript(root), precompiled(root)],
    // for the external require()s of the bundled CommonJS libraries
    banner: { js: "import { createRequire as __paykitCreateRequire } from 'node:module'; const require = __paykitCreateRequire(import.meta.url);" },
  });
  return relative(root, outDir);
}
