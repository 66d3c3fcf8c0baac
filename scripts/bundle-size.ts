/**
 * What an app that uses @paykit/refunds with one provider ships: esbuild bundles a one-line app
 * (minified, code-split), then this follows the app's chunk, the provider's lazily loaded chunk and
 * their static imports, and reports the min+gzip size and which provider packages ended up in it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = new URL('../', import.meta.url).pathname;

export interface BundleReport {
  provider: string;
  /** min+gzip bytes of everything the app loads for this provider, gzipped together (as size-limit does) */
  gzipBytes: number;
  /** the same chunks gzipped one by one, as a server sends them: a little more per-file overhead */
  gzipBytesPerChunk: number;
  chunks: string[];
  /** @paykit/<id> packages whose files are inside those chunks */
  providerPackages: string[];
  /** npm packages (from node_modules) inside those chunks: none, the facade sends its own requests */
  dependencies: string[];
}

export async function measureProviderBundle(provider: string): Promise<BundleReport> {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-bundle-'));
  try {
    const entry = join(ROOT, `.bundle-entry-${provider}-${process.pid}.mjs`);
    writeFileSync(entry, [
      "import { createRefundsClient } from '@paykit/refunds';",
      `const client = createRefundsClient({ provider: ${JSON.stringify(provider)}, credentials: {} });`,
      "export const create = (input) => client.refunds.create(input);",
    ].join('\n'));
    let metafile: Metafile;
    try {
      ({ metafile } = await build({
        entryPoints: [entry], bundle: true, splitting: true, format: 'esm', minify: true, platform: 'neutral',
        outdir: dir, metafile: true, write: true, logLevel: 'silent', mainFields: ['module', 'main'], conditions: ['import', 'default'],
      }));
    } finally {
      rmSync(entry, { force: true });
    }
    const outputs = metafile.outputs;
    const entryOut = Object.keys(outputs).find((o) => outputs[o]!.entryPoint !== undefined)!;
    const providerChunk = Object.keys(outputs).find((o) => Object.keys(outputs[o]!.inputs).some((i) => i.endsWith(`generated/refunds/dist/providers/${provider}.js`)));
    const chunks = new Set<string>();
    const visit = (out: string) => {
      if (chunks.has(out)) return;
      chunks.add(out);
      for (const imported of outputs[out]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entryOut);
    if (providerChunk !== undefined) visit(providerChunk);
    const inputs = [...chunks].flatMap((c) => Object.keys(outputs[c]!.inputs));
    const providerPackages = [...new Set(inputs.map((i) => /generated\/([a-z0-9-]+)\//.exec(i)?.[1]).filter((p): p is string => p !== undefined && p !== 'refunds'))].sort();
    const dependencies = [...new Set(inputs.map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1]).filter((p): p is string => p !== undefined))].sort();
    const contents = [...chunks].map((c) => readFileSync(join(ROOT, c)));
    const gzipBytes = gzipSync(Buffer.concat(contents), { level: 9 }).byteLength;
    const gzipBytesPerChunk = contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).byteLength, 0);
    return { provider, gzipBytes, gzipBytesPerChunk, chunks: [...chunks].map((c) => c.slice(c.lastIndexOf('/') + 1)), providerPackages, dependencies };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
