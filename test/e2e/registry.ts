/**
 * A throwaway Verdaccio (6.x, the repo's devDependency) on 127.0.0.1 with no uplinks, and an npm runner
 * whose configuration (user and global .npmrc, cache) lives in a temp dir, so nothing reaches the
 * network or the user's npm setup. Used by publish-consume.test.ts.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const VERDACCIO_BIN = join(REPO, 'node_modules/verdaccio/bin/verdaccio');

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface LocalRegistry {
  /** http://127.0.0.1:PORT/ (trailing slash, as npm writes it) */
  url: string;
  /** The temp dir holding config, storage, .npmrc files and the npm cache. */
  dir: string;
  /** Runs npm with only this registry's configuration; rejects on a non-zero exit unless `allowFailure`. */
  npm(args: string[], options: { cwd: string; allowFailure?: boolean; timeoutMs?: number }): Promise<CommandResult>;
  /** Environment for child processes: no inherited npm_* / NODE_OPTIONS, npm pointed at the temp config. */
  env: NodeJS.ProcessEnv;
  /** Verdaccio's output so far, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

/** Runs a command; resolves with its output and exit code (never rejects on a non-zero exit). */
export function runCommand(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof (error as { code?: unknown }).code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stdout}${stderr}`));
          return;
        }
        resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 });
      });
  });
}

/** The environment a fresh shell would give a child, minus npm's script variables and loader flags. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE_OPTIONS' || key.startsWith('VITEST') || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Verdaccio as a child process and waits until GET /-/ping answers; retries on a lost port race. */
async function launch(dir: string, timeoutMs: number): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
      cwd: dir,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/-/ping`, { signal: AbortSignal.timeout(2_000) });
        await res.body?.cancel();
        if (res.ok) return { child, port, output: () => output };
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    await stop(child);
    lastError = new Error(`Verdaccio did not become ready on 127.0.0.1:${port} (exit ${String(child.exitCode ?? child.signalCode)}):\n${output}`);
  }
  throw lastError!;
}

export async function startRegistry(options: { readyTimeoutMs?: number } = {}): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'paykit-verdaccio-'));
  mkdirSync(join(dir, 'storage'));
  mkdirSync(join(dir, 'cache'));
  // No uplinks: every package a consumer installs must have been published here. Audit middleware off
  // (it proxies to registry.npmjs.org); the web UI off (not needed).
  writeFileSync(join(dir, 'config.yaml'), [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: json, level: warn }',
    '',
  ].join('\n'));

  let child: ChildProcess | undefined;
  try {
    const launched = await launch(dir, options.readyTimeoutMs ?? 30_000);
    child = launched.child;
    const url = `http://127.0.0.1:${launched.port}/`;

    // Verdaccio 6 hands out a token when a user is created (what `npm adduser` does).
    const res = await fetch(`${url}-/user/org.couchdb.user:paykit-e2e`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'paykit-e2e', password: 'paykit-e2e-password' }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status !== 201 || typeof body.token !== 'string') throw new Error(`Verdaccio user creation: ${res.status} ${JSON.stringify(body)}`);

    const userconfig = join(dir, 'user.npmrc');
    const globalconfig = join(dir, 'global.npmrc');
    writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${launched.port}/:_authToken=${body.token}\n`);
    writeFileSync(globalconfig, '');
    const env = cleanEnv({
      npm_config_userconfig: userconfig,
      npm_config_globalconfig: globalconfig,
      npm_config_cache: join(dir, 'cache'),
      npm_config_registry: url,
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_loglevel: 'warn',
    });
    const spawned = child;
    return {
      url,
      dir,
      env,
      log: launched.output,
      async npm(args, { cwd, allowFailure = false, timeoutMs }) {
        const result = await runCommand('npm', [...args, '--registry', url], { cwd, env, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
        if (result.code !== 0 && !allowFailure) {
          throw new Error(`npm ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
        }
        return result;
      },
      async close() {
        await stop(spawned);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stop(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
