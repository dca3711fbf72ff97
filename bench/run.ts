/**
 * Benchmark of the release gate: generates seeded synthetic JUnit reports, runs the bundled action
 * (dist/index.js) the way the runner does, and the parse step of popular report actions on the same
 * file, each in a fresh child process on Node 24, one at a time; prints wall time, CPU time and peak
 * RSS, and the ratios the performance targets are stated in.
 *
 *   npm run bench                full size (200,000-case report; 1,000,000 cases over 50 files)
 *   npm run bench -- --quick     small sizes, one run each: a smoke run
 *   options: --keep (keep the generated files), --profile (one more profiled end-to-end run on the
 *            200,000-case report: hottest functions), --build (bundle src/ with ncc into the temp
 *            folder and measure that instead of dist/, which is left alone), --runs N (runs per
 *            step, default 3), --node PATH (Node 24 binary; also BENCH_NODE),
 *            --peer NAME=PATH[,input=value...] (race a report action's published bundle: see README)
 *
 * It prints figures; it passes or fails nothing (exit 0 unless the bench itself could not run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { inputVariable, parseOutputs } from '../scripts/run-action.js';
import { writeReport, writeRequirements, type ReportStats } from './generate.js';
import { benchDir, countAnnotations, lastJson, measure, median, repoRoot, type Measured } from './measure.js';
import { parsePeer, race, type Peer } from './peers.js';
import { summarizeProfile, type Row } from './profile.js';

// ---------------------------------------------------------------------------------------------- options

interface Options {
  readonly quick: boolean;
  readonly keep: boolean;
  readonly profile: boolean;
  readonly build: boolean;
  readonly runs: number;
  readonly node: string;
  readonly peers: readonly Peer[];
}

function readOptions(argv: readonly string[]): Options {
  let quick = false;
  let keep = false;
  let profile = false;
  let build = false;
  let runs: number | undefined;
  const peers: Peer[] = [];
  let node = process.env['BENCH_NODE'] ?? path.join(repoRoot, '.cache/node24/node_modules/node/bin/node');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--keep') keep = true;
    else if (a === '--profile') profile = true;
    else if (a === '--build') build = true;
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--node') node = path.resolve(argv[++i] ?? '');
    else if (a === '--peer') {
      const peer = parsePeer(argv[++i] ?? '');
      if (typeof peer === 'string') {
        process.stderr.write(`${peer}\n`);
        process.exit(2);
      }
      peers.push(peer);
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench -- [--quick] [--keep] [--profile] [--build] [--runs N] [--node PATH] [--peer NAME=PATH[,input=value...]]...\n');
      process.exit(0);
    } else {
      process.stderr.write(`unknown option ${a}; see --help\n`);
      process.exit(2);
    }
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) {
    process.stderr.write('--runs takes a whole number of at least 1\n');
    process.exit(2);
  }
  return { quick, keep, profile, build, runs: runs ?? (peers.length > 0 ? 5 : quick ? 1 : 3), node, peers };
}

const SIZES = {
  full: { bigCases: 200_000, manyCases: 1_000_000, manyFiles: 50, requirements: 5_000, startupRuns: 10 },
  quick: { bigCases: 20_000, manyCases: 100_000, manyFiles: 10, requirements: 1_000, startupRuns: 5 },
} as const;

/** Sizes of the race against peers (`--peer`), each against 5,000 requirements. */
const RACE_SIZES = [2_000, 20_000, 200_000];

/** A step whose first run takes longer than this is not repeated: its noise is small next to it. */
const REPEAT_BELOW_MS = 30_000;
/** A child still running after this long is killed and reported as such. */
const CHILD_TIMEOUT_MS = 5 * 60_000;

const TARGETS = {
  fasterThanParsers: 3,
  slowerThanRead: 5,
  rssBigMb: 200,
  rssManyMb: 250,
  startupFactor: 2,
  startupExtraMs: 150,
  summaryBytes: 1024 * 1024,
  annotationsPerLevel: 10,
} as const;

// ---------------------------------------------------------------------------------------------- output

const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const mb = (kb: number | undefined): string => (kb === undefined ? 'n/a' : (kb * 1024 / 1e6).toFixed(0));
const sec = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : 'n/a');
const int = (n: number): string => n.toLocaleString('en-US');
const bytes = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`);

function table(headers: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1): void {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  log(fmt(headers));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(fmt(r));
}

// ---------------------------------------------------------------------------------------------- setup

function checkNode(node: string): string {
  if (!fs.existsSync(node)) {
    process.stderr.write(
      `Node 24 not found at ${node}.\nInstall it with:\n  npm install --prefix .cache/node24 --no-save --no-package-lock node@24\n` +
        'or give another Node 24 binary with --node PATH (or BENCH_NODE).\n',
    );
    process.exit(2);
  }
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) {
    process.stderr.write(`${node} is Node ${version}; the action runs on node24, so the bench measures on Node 24 only.\n`);
    process.exit(2);
  }
  return version;
}

/** Newest modification time among src/**, to tell whether dist/ was built from the current sources. */
function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = fs.statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

function gitDescription(): string {
  const r = spawnSync('git', ['-C', repoRoot, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', repoRoot, 'status', '--porcelain', '--', 'src', 'dist'], { encoding: 'utf8' });
  if (r.status !== 0) return 'not a git checkout';
  return `${r.stdout.trim()}${dirty.stdout.trim() === '' ? '' : ' (src/ or dist/ modified since)'}`;
}

/** Bundles `entry` with ncc, the bundler of dist/, into `out`. */
function ncc(entry: string, out: string): void {
  const cli = path.join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const r = spawnSync(process.execPath, [cli, 'build', entry, '-o', out, '-q'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`bundling ${path.relative(repoRoot, entry)} with ncc failed:\n${r.stdout}${r.stderr}\n`);
    process.exit(1);
  }
}

/**
 * Inputs with their action.yml defaults, as the runner fills them in (expressions excepted). When
 * action.yml cannot be read as YAML, no defaults are given (the action falls back to its own) and
 * `problem` says why: the runner would refuse such an action.yml.
 */
function actionDefaults(): { inputs: Record<string, string>; problem?: string } {
  const inputs: Record<string, string> = { 'github-token': 'ghs_benchmark0000000000000000000000000000' };
  let yml: { inputs?: Record<string, { default?: unknown }> };
  try {
    yml = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as typeof yml;
  } catch (e) {
    return { inputs, problem: `action.yml is not valid YAML (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}); inputs were given without its defaults` };
  }
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    if (spec.default === undefined || name === 'github-token') continue;
    const value = String(spec.default);
    inputs[name] = value.includes('${{') ? '' : value;
  }
  return { inputs };
}

const defaults = actionDefaults();

// ---------------------------------------------------------------------------------------------- runs

interface Step {
  readonly id: string;
  readonly label: string;
  readonly runs: Measured[];
  /** In-process timings printed by the child (bench/child.ts), one per run. */
  readonly inProcess: Record<string, unknown>[];
  /** Why the figures of this step are not to be trusted, when they are not. */
  problem?: string;
  /** End-to-end runs: what the runner would have received. */
  action?: ActionFacts;
}

interface ActionFacts {
  readonly exitCode: number | null;
  readonly outputs: Record<string, string>;
  readonly summaryBytes: number;
  readonly casesRead: number;
  readonly annotations: { error: number; warning: number; notice: number };
  readonly stdoutBytes: number;
  readonly longestLine: number;
  readonly evidence: Record<string, number>;
}

interface Scenario {
  readonly workspace: string;
  readonly reports: string;
  readonly evidenceDir: string;
  readonly expectedCases: number;
}

/** The bundle the end-to-end runs execute: dist/index.js, or a fresh build of src/ with --build. */
let actionBundle = path.join(repoRoot, 'dist/index.js');

async function runAction(node: string, scratch: string, scenario: Scenario, extraNodeArgs: readonly string[] = []): Promise<{ run: Measured; facts: ActionFacts; problem?: string }> {
  const outputFile = path.join(scratch, 'github-output');
  const summaryFile = path.join(scratch, 'step-summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  fs.rmSync(path.join(scenario.workspace, scenario.evidenceDir), { recursive: true, force: true });
  const inputs: Record<string, string> = { ...defaults.inputs, reports: scenario.reports, requirements: 'requirements.md', 'evidence-dir': scenario.evidenceDir };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: scenario.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/pump-firmware',
    GITHUB_SHA: '4f2b9c1e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    GITHUB_REF: 'refs/tags/v2.1.0',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: scratch,
    RUNNER_OS: 'Linux',
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  const run = await measure({
    node,
    args: [actionBundle],
    nodeArgs: extraNodeArgs,
    env,
    cwd: scenario.workspace,
    scratch,
    timeoutMs: CHILD_TIMEOUT_MS,
  });
  const outputs = parseOutputs(fs.readFileSync(outputFile, 'utf8'));
  const evidence: Record<string, number> = {};
  const evidenceDir = path.join(scenario.workspace, scenario.evidenceDir);
  if (fs.existsSync(evidenceDir)) for (const f of fs.readdirSync(evidenceDir)) evidence[f] = fs.statSync(path.join(evidenceDir, f)).size;
  // Each report's line: `file: N tests`, with `(from M test cases: ...)` when retries were merged.
  const casesRead = [...run.stdout.matchAll(/: (\d+) tests?(?: \(from (\d+) test cases[^)]*\))?$/gm)].reduce((n, m) => n + Number(m[2] ?? m[1]), 0);
  const facts: ActionFacts = {
    exitCode: run.exitCode,
    outputs,
    summaryBytes: fs.statSync(summaryFile).size,
    casesRead,
    annotations: countAnnotations(run.stdout),
    stdoutBytes: Buffer.byteLength(run.stdout),
    longestLine: Math.max(0, ...run.stdout.split('\n').map((l) => Buffer.byteLength(l))),
    evidence,
  };
  let problem: string | undefined;
  const internal = /stopped on an internal error.*$/m.exec(run.stdout);
  if (run.timedOut) problem = `killed after ${CHILD_TIMEOUT_MS / 1000} s`;
  else if (run.probe === undefined) problem = `the process died (exit ${String(run.exitCode)}, signal ${String(run.signal)}): ${lastLines(run.stderr)}`;
  else if (internal) problem = `the action ${commandText(internal[0])}`;
  else if (run.exitCode !== 0 && run.exitCode !== 1) problem = `exit code ${String(run.exitCode)}: ${lastLines(run.stderr)}`;
  else if (outputs['passed'] === undefined) problem = 'the action set no "passed" output';
  else if (casesRead !== scenario.expectedCases) problem = `the action read ${int(casesRead)} test cases, ${int(scenario.expectedCases)} were generated`;
  return { run, facts, ...(problem === undefined ? {} : { problem }) };
}

/** The text of a workflow command's message, unescaped, its first lines only. */
function commandText(message: string): string {
  const lines = message.replace(/%0D/g, '').replace(/%0A/g, '\n').replace(/%25/g, '%').split('\n');
  return lines
    .slice(0, 3)
    .map((l) => l.trim())
    .join(' | ');
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
}

async function runChild(node: string, scratch: string, bundle: string, args: readonly string[], nodeArgs: readonly string[] = []): Promise<{ run: Measured; json?: Record<string, unknown>; problem?: string }> {
  const run = await measure({ node, args: [bundle, ...args], nodeArgs, scratch, timeoutMs: CHILD_TIMEOUT_MS });
  const json = lastJson(run.stdout);
  let problem: string | undefined;
  if (run.timedOut) problem = `killed after ${CHILD_TIMEOUT_MS / 1000} s`;
  else if (run.exitCode !== 0 || run.probe === undefined || json === undefined) {
    problem = `failed (exit ${String(run.exitCode)}, signal ${String(run.signal)}): ${lastLines(run.stderr)}`;
  }
  return { run, ...(json === undefined ? {} : { json }), ...(problem === undefined ? {} : { problem }) };
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const size = options.quick ? SIZES.quick : SIZES.full;
  const nodeVersion = checkNode(options.node);
  const bundle = path.join(repoRoot, 'dist/index.js');
  if (!options.build && !fs.existsSync(bundle)) {
    process.stderr.write('dist/index.js is missing: run `npm run build` first.\n');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-bench-'));
  const scratch = path.join(tmp, 'scratch');
  fs.mkdirSync(scratch);
  const cleanUp = (): void => {
    if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  const started = performance.now();
  log(`# Release gate benchmark${options.quick ? ' (--quick: small sizes)' : ''}`);
  log();
  const cpus = os.cpus();
  log(`Measured on : Node ${nodeVersion} (${options.node})`);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`Load avg    : ${load()} (1, 5, 15 min) at the start; other work on the machine skews the figures`);
  log(`Machine     : ${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  log(`Commit      : ${gitDescription()}`);
  if (options.build) {
    const t = performance.now();
    ncc(path.join(repoRoot, 'src/index.ts'), path.join(tmp, 'action'));
    actionBundle = path.join(tmp, 'action/index.js');
    log(`Bundle      : src/index.ts bundled with ncc into the temp folder in ${sec(performance.now() - t)} s, ${bytes(fs.statSync(actionBundle).size)} (--build; dist/ not used)`);
  } else {
    // A copy, so that every run measures the same bundle even if dist/ is rebuilt meanwhile.
    const distTime = fs.statSync(bundle).mtimeMs;
    fs.cpSync(path.join(repoRoot, 'dist'), path.join(tmp, 'action'), { recursive: true });
    actionBundle = path.join(tmp, 'action/index.js');
    const newest = newestSource(path.join(repoRoot, 'src'));
    log(`Bundle      : dist/index.js, ${bytes(fs.statSync(bundle).size)}, built ${new Date(distTime).toISOString()} (copied to the temp folder and run from there)`);
    if (newest.mtimeMs > distTime) {
      log(`WARNING     : ${path.relative(repoRoot, newest.file)} is newer than dist/index.js: the end-to-end figures are of the last build, not of the current sources (run \`npm run build\`, or measure the sources with --build).`);
    }
  }
  if (defaults.problem !== undefined) log(`WARNING     : ${defaults.problem}.`);
  log(`Files in    : ${tmp}${options.keep ? ' (kept)' : ' (deleted at the end; --keep keeps them)'}`);
  log();

  if (options.peers.length > 0) {
    // The race alone: the gate and each peer on the same reports, interleaved.
    log(`Racing ${options.peers.map((p) => `${p.name} (${p.bundle})`).join(', ')} against the gate`);
    log();
    await race({ node: options.node, tmp, gateBundle: actionBundle, peers: options.peers, sizes: options.quick ? [2_000, 20_000] : RACE_SIZES, requirements: 5_000, runs: options.runs, log });
    log(`Load avg    : ${load()} (1, 5, 15 min) at the end`);
    cleanUp();
    return;
  }

  // -- data
  let t0 = performance.now();
  const workspace = path.join(tmp, 'workspace');
  const list = writeRequirements(path.join(workspace, 'requirements.md'), size.requirements, 62304);
  const big = writeReport({ file: path.join(workspace, 'reports/big/TEST-acme-firmware.xml'), cases: size.bigCases, seed: 1, requirements: size.requirements, component: 'acme' });
  const many: ReportStats[] = [];
  const perFile = Math.ceil(size.manyCases / size.manyFiles);
  for (let i = 0; i < size.manyFiles; i++) {
    const cases = Math.min(perFile, size.manyCases - i * perFile);
    const name = `m${String(i + 1).padStart(2, '0')}`;
    many.push(writeReport({ file: path.join(workspace, `reports/many/TEST-${name}.xml`), cases, seed: 1000 + i, requirements: size.requirements, component: name }));
  }
  const tiny = path.join(tmp, 'tiny');
  writeRequirements(path.join(tiny, 'requirements.md'), 3, 7);
  fs.mkdirSync(path.join(tiny, 'reports'), { recursive: true });
  fs.writeFileSync(
    path.join(tiny, 'reports/junit.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="smoke" tests="3" failures="0" errors="0" skipped="0">\n' +
      [1, 2, 3].map((n) => `  <testcase name="SRS-${n}: smoke ${n}" classname="acme.Smoke" time="0.001"/>\n`).join('') +
      '</testsuite>\n',
  );
  const manyBytes = many.reduce((n, r) => n + r.bytes, 0);
  const manyCases = many.reduce((n, r) => n + r.cases, 0);
  log(`Data (seeded, generated in ${sec(performance.now() - t0)} s):`);
  log(`  (a) 1 report, ${int(big.cases)} cases, ${bytes(big.bytes)}: ${int(big.failed)} failed, ${int(big.skipped)} skipped, ${int(big.systemOut)} with system-out, ${int(big.untraced)} untraced, ${int(big.suites)} suites`);
  log(`  (b) ${many.length} reports, ${int(manyCases)} cases, ${bytes(manyBytes)}: ${int(many.reduce((n, r) => n + r.failed, 0))} failed, ${int(many.reduce((n, r) => n + r.skipped, 0))} skipped`);
  log(`  (c) requirements list, Markdown table, ${int(list.requirements)} IDs, ${bytes(list.bytes)}`);

  t0 = performance.now();
  const childDir = path.join(tmp, 'child');
  ncc(path.join(benchDir, 'child.ts'), childDir);
  const childBundle = path.join(childDir, 'index.js');
  log(`  parse workloads bundled with ncc in ${sec(performance.now() - t0)} s`);
  log();

  const scenarioBig: Scenario = { workspace, reports: 'reports/big/*.xml', evidenceDir: 'evidence-big', expectedCases: big.cases };
  const scenarioMany: Scenario = { workspace, reports: 'reports/many/*.xml', evidenceDir: 'evidence-many', expectedCases: manyCases };

  // -- measured steps, in rounds (each round runs every step once), one process at a time
  const steps: Step[] = [
    { id: 'e2e-big', label: `end to end, (a) ${int(big.cases)} cases`, runs: [], inProcess: [] },
    { id: 'e2e-many', label: `end to end, (b) ${int(manyCases)} cases / ${many.length} files`, runs: [], inProcess: [] },
    { id: 'xml-js', label: 'xml-js xml2js(text, {compact}), (a)', runs: [], inProcess: [] },
    { id: 'xml2js', label: 'xml2js parseStringPromise(text), (a)', runs: [], inProcess: [] },
    { id: 'read', label: "fs.readFileSync(file, 'utf8'), (a)", runs: [], inProcess: [] },
    { id: 'gate-parse', label: 'gate decodeReport + parseJunit, (a)', runs: [], inProcess: [] },
  ];
  const step = (id: string): Step => steps.find((s) => s.id === id)!;
  log(`Measuring (${options.runs} run${options.runs === 1 ? '' : 's'} per step; a step over ${REPEAT_BELOW_MS / 1000} s runs once)...`);
  for (let round = 0; round < options.runs; round++) {
    for (const s of steps) {
      if (round > 0 && (s.problem !== undefined || (s.runs[0]?.wallMs ?? 0) > REPEAT_BELOW_MS)) continue;
      if (s.id === 'e2e-big' || s.id === 'e2e-many') {
        const r = await runAction(options.node, scratch, s.id === 'e2e-big' ? scenarioBig : scenarioMany);
        s.runs.push(r.run);
        s.action = r.facts;
        if (r.problem !== undefined) s.problem = r.problem;
      } else {
        const r = await runChild(options.node, scratch, childBundle, [s.id, big.file]);
        s.runs.push(r.run);
        if (r.json) s.inProcess.push(r.json);
        if (r.problem !== undefined) s.problem = r.problem;
      }
      const last = s.runs[s.runs.length - 1]!;
      log(`  round ${round + 1}: ${s.label.padEnd(48)} ${sec(last.wallMs).padStart(7)} s  ${mb(last.probe?.maxRssKb).padStart(5)} MB${s.problem ? '  (problem: see below)' : ''}`);
    }
  }

  // -- start-up
  const startupAction: number[] = [];
  const startupNode: number[] = [];
  let startupProblem: string | undefined;
  const scenarioTiny: Scenario = { workspace: tiny, reports: 'reports/*.xml', evidenceDir: 'evidence', expectedCases: 3 };
  for (let i = -1; i < size.startupRuns; i++) {
    // Alternating, after one unmeasured warm-up of each (file cache).
    const n = await measure({ node: options.node, args: ['-e', '0'], probe: false, scratch, timeoutMs: 60_000 });
    const a = await runAction(options.node, scratch, scenarioTiny, []);
    if (a.problem !== undefined || a.facts.outputs['passed'] !== 'true') startupProblem ??= a.problem ?? `the tiny report did not pass: ${a.run.stdout.slice(-300)}`;
    if (i < 0) continue;
    startupNode.push(n.wallMs);
    startupAction.push(a.run.wallMs);
  }
  log(`  start-up: ${size.startupRuns} runs each of the action on a 3-case report and of \`node -e 0\`, alternating`);

  // -- where the gate's time and memory go: its pipeline phase by phase (diagnostic)
  const phases = await runChild(options.node, scratch, childBundle, ['phases', list.file, big.file], ['--expose-gc']);
  log(`  phases of the gate's pipeline on (a): ${sec(phases.run.wallMs)} s`);

  let profile: ReturnType<typeof summarizeProfile> | undefined;
  let profileProblem: string | undefined;
  if (options.profile) {
    const dir = path.join(tmp, 'cpu-profile');
    const r = await runAction(options.node, scratch, scenarioBig, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    // One profile per thread: a large run goes on in a worker thread, whose profile is the largest.
    const profiles = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
    const file = profiles.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
    if (file === undefined) profileProblem = `no profile written${r.problem ? `: ${r.problem}` : ''}`;
    else profile = summarizeProfile(path.join(dir, file));
    log(`  profiled end-to-end run on (a): ${sec(r.run.wallMs)} s${options.keep && file ? ` (${path.join(dir, file)})` : ''}`);
  }
  log();

  // -- figures
  const wall = (s: Step): number => median(s.runs.map((r) => r.wallMs));
  const rssKb = (s: Step): number | undefined => {
    const values = s.runs.flatMap((r) => (r.probe ? [r.probe.maxRssKb] : []));
    return values.length === 0 ? undefined : Math.max(...values);
  };
  const cpu = (s: Step): number => median(s.runs.flatMap((r) => (r.probe ? [r.probe.userCpuMs + r.probe.systemCpuMs] : [])));
  const spread = (s: Step): string => {
    if (s.runs.length < 2) return '';
    const w = s.runs.map((r) => r.wallMs);
    return `${sec(Math.min(...w))}–${sec(Math.max(...w))}`;
  };
  const inProcess = (s: Step): string =>
    ['readMs', 'decodeMs', 'parseMs']
      .map((k) => ({ k, values: s.inProcess.flatMap((j) => (typeof j[k] === 'number' ? [j[k]] : [])) }))
      .filter((x) => x.values.length > 0)
      .map((x) => `${x.k.replace('Ms', '')} ${sec(median(x.values))}`)
      .join(', ');
  const notes: string[] = [];
  const note = (problem: string | undefined): string => {
    if (problem === undefined) return '';
    notes.push(problem);
    return `see note ${notes.length}`;
  };

  log('## Figures');
  log();
  log(`Wall time: spawn to exit of a fresh \`node\` process (median of its runs); CPU: user + system; peak RSS: the process's maxRSS at exit (1 MB = 10^6 bytes). Node ${nodeVersion}.`);
  log();
  table(
    ['step', 'runs', 'wall s', 'min–max s', 'CPU s', 'peak RSS MB', 'in process, s (median)', 'note'],
    steps.map((s) => [s.label, String(s.runs.length), sec(wall(s)), spread(s), sec(cpu(s)), mb(rssKb(s)), inProcess(s), note(s.problem)]).concat([
      [`start-up: action on a 3-case report`, String(startupAction.length), sec(median(startupAction)), `${sec(Math.min(...startupAction))}–${sec(Math.max(...startupAction))}`, '', '', '', note(startupProblem)],
      ['start-up: node -e 0', String(startupNode.length), sec(median(startupNode)), `${sec(Math.min(...startupNode))}–${sec(Math.max(...startupNode))}`, '', '', '', ''],
    ]),
    1,
  );
  log();
  notes.forEach((n, i) => log(`Note ${i + 1}: ${n}`));
  if (notes.length > 0) log();

  // -- what the runner received
  log('## What the action wrote');
  log();
  const facts = (s: Step): ActionFacts | undefined => s.action;
  const factRows = [step('e2e-big'), step('e2e-many')].flatMap((s) => {
    const f = facts(s);
    if (f === undefined) return [];
    const ev = Object.entries(f.evidence)
      .map(([k, v]) => `${k} ${bytes(v)}`)
      .join(', ');
    return [
      [
        s.label.replace('end to end, ', ''),
        String(f.exitCode),
        `${f.outputs['passed'] ?? 'n/a'} / ${f.outputs['coverage'] === undefined ? 'n/a' : `${f.outputs['coverage']}%`}`,
        int(f.casesRead),
        `${int(f.summaryBytes)} B`,
        `${f.annotations.error}/${f.annotations.warning}/${f.annotations.notice}`,
        `${bytes(f.stdoutBytes)} (longest line ${bytes(f.longestLine)})`,
        ev,
      ],
    ];
  });
  table(['run', 'exit', 'passed / coverage', 'cases read', 'job summary', 'annotations e/w/n', 'stdout', 'evidence files'], factRows, 1);
  log();

  // -- targets
  log('## Targets');
  log();
  const e2e = step('e2e-big');
  const e2eMany = step('e2e-many');
  const rows: string[][] = [];
  const verdict = (ok: boolean, valid = true): string => (!valid ? 'NOT MEASURED' : ok ? 'met' : 'MISSED');
  const valid = (...ss: Step[]): boolean => ss.every((s) => s.problem === undefined && s.runs.length > 0);
  const cpuNote = (a: Step, b: Step, r: number): string => `CPU ${sec(cpu(a))} s vs ${sec(cpu(b))} s: ${r.toFixed(2)}x`;
  for (const id of ['xml-js', 'xml2js'] as const) {
    const other = step(id);
    const ratio = wall(other) / wall(e2e);
    rows.push([
      `end to end (a) vs ${id}: at least ${TARGETS.fasterThanParsers}x faster`,
      `${sec(wall(e2e))} s vs ${sec(wall(other))} s`,
      `speed-up ${ratio.toFixed(2)}x`,
      cpuNote(e2e, other, cpu(other) / cpu(e2e)),
      verdict(ratio >= TARGETS.fasterThanParsers, valid(e2e, other)),
    ]);
  }
  {
    const read = step('read');
    const ratio = wall(e2e) / wall(read);
    rows.push([
      `end to end (a) vs a plain read: at most ${TARGETS.slowerThanRead}x`,
      `${sec(wall(e2e))} s vs ${sec(wall(read))} s`,
      `${ratio.toFixed(2)}x`,
      cpuNote(e2e, read, cpu(e2e) / cpu(read)),
      verdict(ratio <= TARGETS.slowerThanRead, valid(e2e, read)),
    ]);
  }
  // A run that failed still used at least the memory it reached: over the target is a miss all the same.
  for (const [s, limit, which] of [[e2e, TARGETS.rssBigMb, '(a)'], [e2eMany, TARGETS.rssManyMb, '(b)']] as const) {
    const kb = rssKb(s);
    const over = kb !== undefined && (kb * 1024) / 1e6 >= limit;
    const xmljs = s === e2e ? ` (xml-js: ${mb(rssKb(step('xml-js')))} MB)` : '';
    rows.push([
      `peak RSS, end to end ${which}: under ${limit} MB`,
      `${s.problem !== undefined && kb !== undefined ? 'at least ' : ''}${mb(kb)} MB${xmljs}`,
      '',
      '',
      verdict(!over, over || valid(s)),
    ]);
  }
  {
    const a = median(startupAction);
    const n = median(startupNode);
    const limit = TARGETS.startupFactor * n + TARGETS.startupExtraMs;
    rows.push([
      `start-up: under ${TARGETS.startupFactor} × node -e 0 + ${TARGETS.startupExtraMs} ms`,
      `${sec(a)} s vs limit ${sec(limit)} s (node -e 0: ${sec(n)} s)`,
      `${(a / n).toFixed(2)}x node -e 0`,
      '',
      verdict(a < limit, startupProblem === undefined && startupAction.length > 0),
    ]);
  }
  for (const [s, which] of [[e2e, '(a)'], [e2eMany, '(b)']] as const) {
    const f = s.action;
    rows.push([
      `job summary ${which}: under 1 MiB`,
      f ? `${int(f.summaryBytes)} bytes` : 'n/a',
      f ? `${((f.summaryBytes / TARGETS.summaryBytes) * 100).toFixed(0)}% of 1 MiB` : '',
      '',
      verdict(f !== undefined && f.summaryBytes < TARGETS.summaryBytes, f !== undefined && valid(s)),
    ]);
    rows.push([
      `annotations ${which}: at most ${TARGETS.annotationsPerLevel} per level (what GitHub shows a step)`,
      f ? `${f.annotations.error} error, ${f.annotations.warning} warning, ${f.annotations.notice} notice lines` : 'n/a',
      '',
      '',
      verdict(f !== undefined && Math.max(f.annotations.error, f.annotations.warning, f.annotations.notice) <= TARGETS.annotationsPerLevel, f !== undefined && valid(s)),
    ]);
  }
  table(['target', 'measured (wall)', 'ratio', 'same on CPU time', 'result'], rows, 99);
  log();
  log('Ratios compare whole processes on the same Node: start, module loading, reading, work and exit. The result is');
  log('judged on wall time; CPU time (user + system) is shown because it moves less when the machine is busy.');
  log();

  // -- diagnostics
  log("## Where the gate's time and memory go");
  log();
  const ph = phases.json?.['phases'] as { phase: string; ms: number; keptMb: number; note?: string }[] | undefined;
  if (ph === undefined) {
    log(`The pipeline could not be measured phase by phase: ${phases.problem ?? 'no output'}`);
  } else {
    log(`The pipeline of src/run-gate.ts on (a) from the current sources (bench/child.ts "phases"), one process with --expose-gc: time of each phase and the heap still reachable after it (what later phases carry). Peak RSS of that process: ${mb(phases.run.probe?.maxRssKb)} MB.`);
    log();
    table(['phase', 'ms', 'heap kept MB', 'note'], ph.map((p) => [p.phase, int(Math.round(p.ms)), p.keptMb.toFixed(1), p.note ?? '']), 1);
  }
  log();
  if (options.profile) {
    if (profile === undefined) log(`CPU profile: ${profileProblem ?? 'not available'}`);
    else {
      const rowsOf = (list: readonly Row[]): string[][] => list.map((r) => [r.name, int(Math.round(r.ms)), `${((r.ms / profile!.totalMs) * 100).toFixed(1)}%`, r.where]);
      log(`CPU profile of one end-to-end run on (a) (--cpu-prof, ${sec(profile.totalMs)} s sampled).`);
      log();
      log('Self time by bundled module:');
      table(['module', 'ms', 'share'], rowsOf(profile.selfByModule).map((r) => r.slice(0, 3)), 1);
      log();
      log('Self time by function:');
      table(['function', 'ms', 'share', 'module (bundle:line)'], rowsOf(profile.selfByFunction), 1);
      log();
      log("Inclusive time of the gate's own functions (src/):");
      table(['function', 'ms', 'share', 'module (bundle:line)'], rowsOf(profile.inclusiveSrc), 1);
    }
    log();
  }
  log(`Done in ${sec(performance.now() - started)} s; load average at the end: ${load()}.`);
  cleanUp();
}

await main();
