/**
 * The race against other report actions (`--peer NAME=PATH[,input=value...]`): the gate and each peer's
 * published bundle run as the runner runs them (INPUT_* from each one's action.yml defaults, the
 * GITHUB_* files and variables, a loopback server standing in for the GitHub API), one process at a
 * time, interleaved round by round, on the same generated reports. Prints wall time, CPU time and the
 * peak memory of the whole process tree, and each peer's ratio to the gate, pair by pair.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { inputVariable } from '../scripts/run-action.js';
import { writeReport, writeRequirements } from './generate.js';
import { measure, median, repoRoot, type Measured } from './measure.js';

export interface Peer {
  readonly name: string;
  /** The bundle the runner would start (`runs.main` of its action.yml). */
  readonly bundle: string;
  /** Inputs given on the command line, over the action.yml defaults. */
  readonly inputs: Readonly<Record<string, string>>;
}

/** `NAME=PATH[,input=value...]`; the action.yml is looked for next to the bundle, then above it. */
export function parsePeer(spec: string): Peer | string {
  const eq = spec.indexOf('=');
  if (eq <= 0) return `--peer takes NAME=PATH[,input=value...], not "${spec}"`;
  const [file, ...pairs] = spec.slice(eq + 1).split(',');
  const bundle = path.resolve(file ?? '');
  if (!fs.existsSync(bundle)) return `--peer ${spec.slice(0, eq)}: ${bundle} does not exist`;
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) return `--peer ${spec.slice(0, eq)}: "${pair}" is not input=value`;
    inputs[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { name: spec.slice(0, eq), bundle, inputs };
}

/** The action.yml of a bundle: next to it or in a folder above (dist/index.js -> action.yml). */
function actionYml(bundle: string): string | undefined {
  for (let dir = path.dirname(bundle), i = 0; i < 3; i++, dir = path.dirname(dir)) {
    for (const name of ['action.yml', 'action.yaml']) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * Makes the workspace a checkout of one tagged commit, as the runner's is: some peers ask git which
 * files the repository tracks.
 */
function checkout(workspace: string): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const git = (...args: string[]): void => void execFileSync('git', ['-C', workspace, ...args], { env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(workspace, '.gitignore'), 'junit-reports/\nrelease-gate-evidence/\n');
  git('add', '.');
  git('commit', '-q', '-m', 'release');
  git('tag', 'v2.1.0');
}

/** Inputs that take the paths of the reports, whatever an action calls them. */
const REPORT_PATH_INPUT = /^(report[_-]?)?paths?$/;

/**
 * What the runner would hand the action: each input's default (an expression becomes '', the token a
 * dummy), the report glob in its path input, then what the command line says.
 */
function inputsOf(yml: string | undefined, reportGlob: string, given: Readonly<Record<string, string>>): Record<string, string> {
  const inputs: Record<string, string> = {};
  const spec = yml === undefined ? {} : ((parseYaml(fs.readFileSync(yml, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }).inputs ?? {});
  for (const [name, input] of Object.entries(spec)) {
    const value = input.default === undefined ? undefined : String(input.default);
    if (value !== undefined) inputs[name] = value.includes('github.token') ? 'ghs_benchmark0000000000000000000000000000' : value.includes('${{') ? '' : value;
    if (REPORT_PATH_INPUT.test(name)) inputs[name] = reportGlob;
  }
  return { ...inputs, ...given };
}

/** A loopback server that answers every API call with a small success: no peer waits on the network. */
async function apiStub(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ id: 1, number: 1, url: 'http://127.0.0.1/1', html_url: 'http://127.0.0.1/1', total_count: 0, check_runs: [], jobs: [], workflow_runs: [] });
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls: () => calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Contestant {
  readonly name: string;
  readonly bundle: string;
  readonly inputs: Record<string, string>;
  readonly runs: Measured[];
  exitCodes: Set<number | null>;
}

export interface RaceOptions {
  readonly node: string;
  readonly tmp: string;
  readonly gateBundle: string;
  readonly peers: readonly Peer[];
  readonly sizes: readonly number[];
  readonly requirements: number;
  readonly runs: number;
  readonly log: (line?: string) => void;
}

/** Runs the race at each size and prints its table. */
export async function race(o: RaceOptions): Promise<void> {
  const stub = await apiStub();
  const scratch = path.join(o.tmp, 'race-scratch');
  fs.mkdirSync(scratch, { recursive: true });
  try {
    for (const cases of o.sizes) {
      const workspace = path.join(o.tmp, `race-${cases}`);
      writeRequirements(path.join(workspace, 'requirements.md'), o.requirements, 62304);
      // Under a folder the peers' default globs (**/junit-reports/TEST-*.xml) find too.
      const report = writeReport({ file: path.join(workspace, 'junit-reports/TEST-acme-firmware.xml'), cases, seed: 1, requirements: o.requirements, component: 'acme' });
      const glob = 'junit-reports/TEST-*.xml';
      checkout(workspace);
      const contestants: Contestant[] = [
        { name: 'this gate', bundle: o.gateBundle, inputs: inputsOf(path.join(repoRoot, 'action.yml'), glob, { reports: glob, requirements: 'requirements.md' }), runs: [], exitCodes: new Set() },
        ...o.peers.map((p) => ({ name: p.name, bundle: p.bundle, inputs: inputsOf(actionYml(p.bundle), glob, p.inputs), runs: [], exitCodes: new Set<number | null>() })),
      ];
      o.log(`${cases.toLocaleString('en-US')} cases (${(report.bytes / 1e6).toFixed(1)} MB), ${o.requirements.toLocaleString('en-US')} requirements, ${o.runs} interleaved rounds after a warm-up:`);
      for (let round = -1; round < o.runs; round++) {
        for (const c of contestants) {
          const run = await runOne(o.node, scratch, workspace, c, stub.url);
          if (round >= 0) c.runs.push(run);
          c.exitCodes.add(run.exitCode);
        }
      }
      printRace(contestants, o.log);
      for (const c of contestants) {
        const last = c.runs.at(-1);
        const error = last === undefined ? undefined : /^::error[^:]*::(.*)$/m.exec(last.stdout)?.[1];
        if (error !== undefined) o.log(`  ${c.name} said: ${error.replace(/%0A/g, ' | ').slice(0, 300)}`);
      }
      o.log();
    }
    o.log(`API calls answered by the loopback stub: ${stub.calls()}`);
  } finally {
    await stub.close();
  }
}

async function runOne(node: string, scratch: string, workspace: string, c: Contestant, apiUrl: string): Promise<Measured> {
  const files = { GITHUB_OUTPUT: path.join(scratch, 'output'), GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'), GITHUB_EVENT_PATH: path.join(scratch, 'event.json') };
  fs.writeFileSync(files.GITHUB_OUTPUT, '');
  fs.writeFileSync(files.GITHUB_STEP_SUMMARY, '');
  fs.writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify({ ref: 'refs/tags/v2.1.0', repository: { name: 'pump-firmware', owner: { login: 'acme' } } }));
  for (const f of fs.readdirSync(workspace)) if (f.startsWith('release-gate-') || f === 'test-summary.md') fs.rmSync(path.join(workspace, f), { recursive: true, force: true });
  const temp = path.join(scratch, 'runner-temp');
  fs.rmSync(temp, { recursive: true, force: true });
  fs.mkdirSync(temp);
  const env: Record<string, string> = {
    ...files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/pump-firmware',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: '4f2b9c1e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    GITHUB_REF: 'refs/tags/v2.1.0',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_JOB: 'release',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'release',
    GITHUB_ACTOR: 'acme-bot',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
  };
  for (const [name, value] of Object.entries(c.inputs)) env[inputVariable(name)] = value;
  return await measure({ node, args: [c.bundle], env, cwd: workspace, scratch, timeoutMs: 5 * 60_000, tree: true });
}

function printRace(contestants: readonly Contestant[], log: (line?: string) => void): void {
  const gate = contestants[0]!;
  const rows = contestants.map((c) => {
    const wall = median(c.runs.map((r) => r.wallMs));
    const cpu = median(c.runs.map((r) => (r.probe === undefined ? Number.NaN : r.probe.userCpuMs + r.probe.systemCpuMs)));
    const rss = Math.max(...c.runs.map((r) => r.peakTreeKb ?? r.probe?.maxRssKb ?? Number.NaN));
    // Pair by pair: the peer's run against the gate's run of the same round.
    const ratio = median(c.runs.map((r, i) => r.wallMs / gate.runs[i]!.wallMs));
    const exits = [...c.exitCodes].map(String).join('/');
    return [c.name, (wall / 1000).toFixed(2), (cpu / 1000).toFixed(2), (rss / 1024).toFixed(0), c === gate ? '1' : ratio.toFixed(2), exits];
  });
  const headers = ['action', 'wall s', 'cpu s', 'peak MiB', 'wall vs gate', 'exit'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  log(line(headers));
  for (const r of rows) log(line(r));
}
