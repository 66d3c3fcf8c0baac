/**
 * generated/paykit-manifest.json: fingerprints of everything generation reads (the project's specs,
 * paykit's own generator and templates, the lockfile that pins every library) and of every file it
 * wrote. When both still match, `generate --check` can say "up to date" without loading the
 * pipeline; when anything differs it falls back to regenerating in memory and comparing.
 * Kept light on purpose: node built-ins only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, sha256 } from './fingerprint.js';
import { PAYKIT_ROOT } from './paths.js';

export const MANIFEST_PATH = 'generated/paykit-manifest.json';

interface Manifest { inputs: string; outputs: Record<string, string> }

/** One hash over the contents of every input file, in a fixed order. */
export function inputFingerprint(root: string): string {
  // Labelled by role, not by folder, so the fingerprint is the same whether or not the project is paykit's own checkout.
  const project = [
    ...listFiles(root, 'specs'),
    ...(existsSync(join(root, 'redocly.yaml')) ? [[root, 'redocly.yaml'] as const] : []),
  ];
  const paykit = [
    ...listFiles(PAYKIT_ROOT, 'generator'),
    ...listFiles(PAYKIT_ROOT, 'templates'),
    [PAYKIT_ROOT, 'redocly.yaml'] as const,
    [PAYKIT_ROOT, 'package-lock.json'] as const,
  ];
  const hash = createHash('sha256');
  for (const [role, files] of [['project', project], ['paykit', paykit]] as const) {
    for (const [base, path] of files) hash.update(`${role}:${path}\0${sha256(readFileSync(join(base, path)))}\n`);
  }
  return hash.digest('hex');
}

/** The manifest text for a tree of written packages (package folder → file → content). */
export function renderManifest(root: string, packages: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const outputs: Record<string, string> = {};
  const paths = [...packages].flatMap(([dir, files]) => [...files].map(([file, content]) => [`${dir}/${file}`, content] as const));
  for (const [path, content] of paths.sort(([a], [b]) => (a < b ? -1 : 1))) outputs[path] = sha256(content);
  const manifest: Manifest & { about: string } = {
    about: 'Written by `paykit generate`; lets `generate --check` skip regeneration when nothing changed. Do not edit.',
    inputs: inputFingerprint(root),
    outputs,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** True only when the inputs and every output file (and no other file) are exactly as recorded. */
export function manifestProvesUpToDate(root: string): boolean {
  const path = join(root, MANIFEST_PATH);
  if (!existsSync(path)) return false;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (typeof manifest.inputs !== 'string' || manifest.inputs !== inputFingerprint(root)) return false;
  const recorded = Object.entries(manifest.outputs ?? {});
  const packageDirs = new Set(recorded.map(([file]) => file.split('/').slice(0, 2).join('/')));
  const onDisk = [...packageDirs].flatMap((dir) => listFiles(root, dir).map(([, file]) => file));
  if (onDisk.length !== recorded.length) return false;
  return recorded.every(([file, hash]) => existsSync(join(root, file)) && sha256(readFileSync(join(root, file))) === hash);
}
