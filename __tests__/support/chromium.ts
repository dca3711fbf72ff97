/**
 * Headless Chromium for the HTML evidence tests: found on PATH, started with a fresh profile, bounded
 * by a timeout, and its whole process group killed after every run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The line that installs it, as the CI script runs it. */
export const INSTALL_CHROMIUM = 'apt-get update && apt-get install -y chromium';

/** The Chromium binary on PATH (`CHROMIUM` may name another), or undefined. */
export const chromium: string | undefined = findChromium();

function findChromium(): string | undefined {
  const given = process.env['CHROMIUM'];
  if (given !== undefined && given !== '') return isExecutable(given) ? given : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The flags every run starts with; `--user-data-dir` is added per run. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Console messages (a Content Security Policy violation among them) go to stderr, to be checked.
  '--enable-logging=stderr',
  '--v=0',
];

/** Longest a single Chromium run may take before it is killed. */
export const CHROMIUM_TIMEOUT_MS = 45_000;

export interface ChromiumRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * Runs Chromium once with a fresh profile directory and the given extra arguments. Rejects when it
 * exits non-zero or outlives `timeoutMs`; in every case its process group is killed and the profile removed.
 */
export async function runChromium(args: readonly string[], timeoutMs = CHROMIUM_TIMEOUT_MS, onStart?: (pid: number) => void): Promise<ChromiumRun> {
  if (chromium === undefined) throw new Error(`Chromium is not installed: ${INSTALL_CHROMIUM}`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-chromium-profile-'));
  // Its own process group, so that the browser and every helper process it starts end together.
  const child = spawn(chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) onStart?.(child.pid);
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already gone.
    }
  };
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, timeoutMs);
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, s) => resolve({ code: c, signal: s }));
    });
    const run = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code, signal };
    if (timedOut) throw new Error(`Chromium did not finish within ${timeoutMs} ms and was killed: chromium ${args.join(' ')}\n${tail(run.stderr)}`);
    if (code !== 0) throw new Error(`Chromium exited with ${code ?? signal}: chromium ${args.join(' ')}\n${tail(run.stderr)}`);
    return run;
  } finally {
    clearTimeout(timer);
    killGroup();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function tail(text: string): string {
  return text.split('\n').slice(-20).join('\n');
}

/** The DOM of a local HTML file after Chromium parsed and rendered it, serialized. */
export async function dumpDom(file: string): Promise<ChromiumRun> {
  return runChromium(['--dump-dom', fileUrl(file)]);
}

/** A PNG screenshot of a local HTML file at the given window size. */
export async function screenshot(file: string, png: string, width = 1280, height = 2000): Promise<ChromiumRun> {
  return runChromium([`--screenshot=${png}`, `--window-size=${width},${height}`, '--hide-scrollbars', fileUrl(file)]);
}

function fileUrl(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** Console messages of the page that Chromium logged (`--enable-logging=stderr`), e.g. blocked loads. */
export function consoleMessages(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /:CONSOLE[(:]/.test(l));
}

/** Whether any process of the group (led by `pid`) is still alive; zombies waiting to be reaped do not count. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  // The group exists; on Linux, look for a member that is not a zombie.
  try {
    return fs
      .readdirSync('/proc')
      .filter((d) => /^[0-9]+$/.test(d))
      .some((d) => {
        try {
          const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return fields[2] === String(pid) && fields[0] !== 'Z';
        } catch {
          return false;
        }
      });
  } catch {
    return true;
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
