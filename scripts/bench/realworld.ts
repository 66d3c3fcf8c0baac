/**
 * The real-world fixture root (test/fixtures/realworld/): DigitalOcean, the GHES 3.6 diff and GitHub's
 * full spec as a sixth-and-beyond provider set. Shared by test/realworld.test.ts and `npm run bench`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
export const FIXTURE = join(REPO, 'test/fixtures/realworld');
/** Git-ignored scratch space. Inside the repo so that generated code resolves openapi-fetch from node_modules. */
export const WORK = join(FIXTURE, '.work');
export const PAYKIT_BIN = join(REPO, 'generator/bin/paykit.mjs');

export interface RealWorldSpec { id: string; name: string; spec: string }

export const SPECS: readonly RealWorldSpec[] = [
  { id: 'digitalocean', name: 'DigitalOcean (~2,000 files)', spec: 'specs/digitalocean/DigitalOcean-public.v2.yaml' },
  { id: 'ghes-diff', name: 'GHES 3.6 diff (0.9 MB JSON)', spec: 'specs/ghes-diff/octokit-ghes-3.6-diff-to-api.json' },
  { id: 'github', name: 'GitHub api.github.com (13 MB JSON)', spec: 'specs/github/api.github.com.json' },
];

const GITHUB_GZ = 'specs/github/api.github.com.json.gz';

/** Unpacks GitHub's spec next to its .json.gz under `root` unless an up-to-date copy is there. */
export function unpackGithubSpec(root: string = FIXTURE): string {
  const gz = join(root, GITHUB_GZ);
  const json = gz.slice(0, -'.gz'.length);
  if (!existsSync(json) || statSync(json).mtimeMs < statSync(gz).mtimeMs) {
    writeFileSync(json, gunzipSync(readFileSync(gz)));
  }
  return json;
}

/** A fresh copy of the fixture root (specs/, redocly.yaml; no generated/) at `dest`, GitHub's spec unpacked. */
export function copyRoot(dest: string): string {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(join(FIXTURE, 'specs'), join(dest, 'specs'), {
    recursive: true,
    filter: (src) => !src.endsWith('/specs/github/api.github.com.json'),
  });
  cpSync(join(FIXTURE, 'redocly.yaml'), join(dest, 'redocly.yaml'));
  unpackGithubSpec(dest);
  return dest;
}

/** One tsconfig over every generated package's src/ (strict, like each package's own tsconfig). */
export function writeTypecheckConfig(root: string, ids: readonly string[]): string {
  const path = join(root, 'tsconfig.realworld.json');
  writeFileSync(path, JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true, noUncheckedIndexedAccess: true, isolatedDeclarations: true, declaration: true,
      skipLibCheck: false, types: [], noEmit: true,
    },
    include: ids.map((id) => `generated/${id}/src/*.ts`),
  }, null, 2) + '\n');
  return path;
}
