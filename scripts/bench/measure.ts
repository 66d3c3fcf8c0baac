/** Runs a command as a child process and reports its wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** `cpuMs`: user + system CPU time of the child (GNU time); steadier than wall time on a shared machine. */
export interface Sample { ms: number; cpuMs: number; peakKb: number; ok: boolean; error: string }

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

/** Peak RSS from GNU time (`%M`); without it, from the kernel's VmHWM of the child, polled. */
/** `output`: a file the command must have written for the run to count as a success. */
export function measure(command: string, args: readonly string[], cwd: string, output?: string): Sample {
  const out = join(tmpdir(), `paykit-bench-${process.pid}.time`);
  rmSync(out, { force: true });
  const started = performance.now();
  const run = HAS_TIME
    ? spawnSync(TIME, ['-f', '%U %S %M', '-o', out, command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  let peakKb = NaN;
  let cpuMs = NaN;
  if (HAS_TIME && existsSync(out)) {
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const [user, system, peak] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
    peakKb = peak ?? NaN;
    cpuMs = ((user ?? NaN) + (system ?? NaN)) * 1000;
  }
  const wrote = output === undefined || existsSync(output);
  const ok = run.status === 0 && wrote;
  const error = ok ? '' : run.status === 0 ? `exit 0 but wrote no ${output!.split('/').pop()}: ${firstErrorLine(`${run.stderr}\n${run.stdout}`)}`
    : firstErrorLine(`${run.stderr}\n${run.stdout}`);
  return { ms, cpuMs, peakKb, ok, error };
}

function firstErrorLine(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  return (lines.find((l) => /error|fail|must|invalid/i.test(l)) ?? lines[0] ?? 'failed').slice(0, 160);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}`;
}
