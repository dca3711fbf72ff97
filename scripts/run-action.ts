/**
 * Runs the bundled action the way the GitHub runner does: `node dist/index.js` with INPUT_* variables,
 * and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files that are read back afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bundle = path.join(repoRoot, 'dist', 'index.js');

export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written, to see every value an output was given, not just the last. */
  readonly outputText: string;
  readonly summary: string;
  /** The runner's temporary folder for this run (the release archive is built there); the caller removes it. */
  readonly runnerTemp: string;
}

export interface ActionOptions {
  readonly workspace: string;
  /** Inputs by their action.yml names. */
  readonly inputs: Record<string, string>;
  /** Extra environment (GITHUB_SHA, ...). */
  readonly env?: Record<string, string>;
  /** Node binary to run the bundle with; the current one by default. */
  readonly node?: string;
}

/** The runner's rule: INPUT_ + name upper-cased, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Runs the bundle in a child process without blocking this one, so that servers of the calling test
 * (a fake GitHub API, an artifact service) keep answering while the action runs.
 */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-run-'));
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-runner-temp-'));
  const outputFile = path.join(scratch, 'output');
  const summaryFile = path.join(scratch, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? os.homedir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  // The runner always names the commit it runs for; here that is the workspace's HEAD, unless told otherwise.
  if (env['GITHUB_SHA'] === undefined) {
    const head = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: options.workspace, encoding: 'utf8', env: { PATH: env['PATH'] ?? '', HOME: env['HOME'] ?? '' } });
    if (head.status === 0 && head.stdout.trim() !== '') env['GITHUB_SHA'] = head.stdout.trim();
  }
  for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value;
  const child = spawn(options.node ?? process.execPath, [bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const run: ActionRun = {
    status,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    outputText: fs.readFileSync(outputFile, 'utf8'),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    runnerTemp,
  };
  fs.rmSync(scratch, { recursive: true, force: true });
  return run;
}

/** Reads `name<<DELIMITER` heredocs (and plain `name=value` lines) from a GITHUB_OUTPUT file. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
