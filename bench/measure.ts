/**
 * Runs one child process at a time and measures it: wall time from spawn to exit (in this process),
 * peak RSS and CPU time reported by the child itself at exit (bench/probe.mjs, preloaded with --import).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
const probeUrl = pathToFileURL(path.join(benchDir, 'probe.mjs')).href;

export interface Probe {
  readonly node: string;
  readonly exitCode: number;
  readonly maxRssKb: number;
  readonly userCpuMs: number;
  readonly systemCpuMs: number;
}

export interface Measured {
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Undefined when the child died before its exit handlers ran (killed, out of memory, V8 abort). */
  readonly probe: Probe | undefined;
  /** Killed by this process after RunSpec.timeoutMs. */
  readonly timedOut: boolean;
  /**
   * With RunSpec.tree: the largest sum of the resident memory of the child and every process under it,
   * sampled every few milliseconds from /proc (Linux), or the child's own peak when that is larger.
   */
  readonly peakTreeKb?: number;
}

export interface RunSpec {
  readonly node: string;
  /** Arguments after the Node binary (script and its arguments); node flags go in nodeArgs. */
  readonly args: readonly string[];
  readonly nodeArgs?: readonly string[];
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** Preload the probe (peak RSS, CPU); off for the start-up comparison, where nothing is added. */
  readonly probe?: boolean;
  /** Scratch folder for the probe's file. */
  readonly scratch: string;
  /** Kill the child (SIGKILL) when it runs longer than this. */
  readonly timeoutMs?: number;
  /** Also sample the memory of the whole process tree (`peakTreeKb`). */
  readonly tree?: boolean;
}

let sequence = 0;

export async function measure(spec: RunSpec): Promise<Measured> {
  const probeFile = path.join(spec.scratch, `probe-${process.pid}-${++sequence}.json`);
  fs.rmSync(probeFile, { force: true });
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    ...spec.env,
    ...(spec.probe === false ? {} : { BENCH_PROBE_OUT: probeFile }),
  };
  const args = [...(spec.probe === false ? [] : ['--import', probeUrl]), ...(spec.nodeArgs ?? []), ...spec.args];
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const t0 = performance.now();
  const child = spawn(spec.node, args, { cwd: spec.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c: Buffer) => stdout.push(c));
  child.stderr.on('data', (c: Buffer) => stderr.push(c));
  let wallMs = 0;
  let timedOut = false;
  let peakTreeKb = 0;
  const sampler = spec.tree === true && child.pid !== undefined ? setInterval(() => (peakTreeKb = Math.max(peakTreeKb, treeRssKb(child.pid!))), 5) : undefined;
  const timer =
    spec.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, spec.timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      wallMs = performance.now() - t0;
    });
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  clearTimeout(timer);
  clearInterval(sampler);
  let probe: Probe | undefined;
  try {
    probe = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as Probe;
  } catch {
    probe = undefined;
  }
  fs.rmSync(probeFile, { force: true });
  const tree = spec.tree === true ? { peakTreeKb: Math.max(peakTreeKb, probe?.maxRssKb ?? 0) } : {};
  return { wallMs, exitCode: code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), probe, timedOut, ...tree };
}

/** Resident memory of a process and all its descendants now, in KiB (0 when /proc cannot tell). */
function treeRssKb(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const p = pending.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children !== '') pending.push(...children.split(' ').map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The last line of a child's stdout that parses as a JSON object, or undefined. */
export function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * Annotation commands the runner would act on: `::error`, `::warning`, `::notice` lines outside
 * `::stop-commands::TOKEN` ... `::TOKEN::` blocks.
 */
export function countAnnotations(stdout: string): { error: number; warning: number; notice: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1]!;
      continue;
    }
    const m = /^::(error|warning|notice)[ :]/.exec(line);
    if (m) counts[m[1] as keyof typeof counts]++;
  }
  return counts;
}
