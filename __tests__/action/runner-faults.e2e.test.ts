/**
 * Faults of the runner rather than of the project, through the bundled action: a RUNNER_TEMP that is
 * missing or may not be written, an evidence folder that is read-only or full, GITHUB_STEP_SUMMARY or
 * GITHUB_OUTPUT that cannot be written. Each fails the step with a message naming the path and what
 * to fix (never an internal error, a stack trace or an uncaught crash), and no evidence file that was
 * cut short stays behind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, parseOutputs, runAction, type ActionRun } from '../../scripts/run-action.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n';
const PASSING = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"/></testsuite>';
const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md' };

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

/** The step's `::error::` lines, decoded. */
function errors(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => l.slice(l.indexOf('::', 2) + 2).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

/** Failed as a runner fault should: exit 1, one clear message, no internal error, no stack, no crash. */
function expectClearFailure(run: ActionRun, message: RegExp | string): void {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  const said = errors(run).join('\n');
  if (typeof message === 'string') expect(said).toContain(message);
  else expect(said).toMatch(message);
  expect(run.stdout + run.stderr).not.toContain('internal error');
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(run.stderr).toBe('');
}

function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-fault-'));
  removeLater(dir);
  return dir;
}

/** A "node" that runs the real one under a limit on the size of a file it writes: a disk that is full at that size. */
function nodeWithFileLimit(node: string, kib: number): string {
  const script = path.join(scratchDir(), 'node');
  fs.writeFileSync(script, `#!/bin/sh\nulimit -f ${kib}\nexec "${node}" "$@"\n`, { mode: 0o755 });
  return script;
}

const root = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

/**
 * Runs the action as a user who may write only what the test allows: as root (which writes into any
 * folder, read-only or not) the action runs as `nobody`, with the workspace and the runner's files
 * handed to it.
 */
async function runAsUser(node: string, ws: string, env: Record<string, string>, readOnly: string[]): Promise<ActionRun> {
  const own = scratchDir();
  const files = { GITHUB_OUTPUT: path.join(own, 'output'), GITHUB_STEP_SUMMARY: path.join(own, 'summary') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  let runner = node;
  if (root) {
    runner = path.join(own, 'node');
    // A copy of the bundle that user may read, wherever the repository lies.
    fs.cpSync(path.dirname(bundle), path.join(own, 'dist'), { recursive: true });
    fs.writeFileSync(runner, `#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "${node}" "${path.join(own, 'dist', 'index.js')}"\n`, { mode: 0o755 });
    for (const dir of [ws, own, ...Object.values(env).filter((p) => p.startsWith('/'))]) spawnSync('chown', ['-R', '65534:65534', dir]);
    fs.chmodSync(own, 0o755);
    fs.chmodSync(path.dirname(ws), 0o755);
  }
  for (const dir of readOnly) fs.chmodSync(dir, 0o555);
  try {
    const run = await runAction({ node: runner, workspace: ws, inputs, env: { ...files, ...env } });
    removeLater(run.runnerTemp);
    return { ...run, outputs: parseOutputs(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')) };
  } finally {
    for (const dir of readOnly) fs.chmodSync(dir, 0o755);
  }
}

const asUser = !root || hasSetpriv;
if (!asUser) console.warn('runner-faults: running as root without setpriv, so the read-only folder tests are skipped (root writes into any folder)');

describe.each(nodes)('runner faults through the bundled action on %s', (_label, node) => {
  it('a RUNNER_TEMP that does not exist: the message names it', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    const missing = path.join(scratchDir(), 'no-such-folder');
    const run = await runAction({ node, workspace: ws, inputs, env: { RUNNER_TEMP: missing } });
    removeLater(run.runnerTemp);
    expectClearFailure(run, `RUNNER_TEMP (${missing}) cannot hold the gate's temporary files: it does not exist`);
    expect(run.outputs['passed']).toBe('false');
    expect(fs.existsSync(path.join(ws, 'release-gate-evidence', 'tests.csv'))).toBe(false);
  });

  it('a RUNNER_TEMP that is a file: the message names it', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    const file = path.join(scratchDir(), 'temp');
    fs.writeFileSync(file, '');
    const run = await runAction({ node, workspace: ws, inputs, env: { RUNNER_TEMP: file } });
    removeLater(run.runnerTemp);
    expectClearFailure(run, `RUNNER_TEMP (${file}) cannot hold the gate's temporary files: a part of its path is a file, not a folder`);
  });

  it.skipIf(!asUser)('a read-only RUNNER_TEMP: the message names it', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    const temp = scratchDir();
    const run = await runAsUser(node, ws, { RUNNER_TEMP: temp }, [temp]);
    expectClearFailure(run, `RUNNER_TEMP (${temp}) cannot hold the gate's temporary files: permission denied`);
    expect(run.outputs['passed']).toBe('false');
  });

  it.skipIf(!asUser)('a read-only evidence folder: the message names the file and says to make the folder writable', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING, 'release-gate-evidence/.keep': '' });
    const evidence = path.join(ws, 'release-gate-evidence');
    const run = await runAsUser(node, ws, { RUNNER_TEMP: scratchDir() }, [evidence]);
    expectClearFailure(run, `${path.join(evidence, 'tests.csv')}: the evidence file could not be created: permission denied; make ${evidence} writable`);
    expect(run.outputs['passed']).toBe('false');
  });

  it('a disk that fills up while the tests are written: the message names the file, and no partial tests.csv stays behind', async () => {
    const cases = Array.from({ length: 40_000 }, (_, i) => `<testcase classname="dose" name="SRS-001 computes the dose, case ${i}"/>`).join('\n');
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': `<testsuite name="dose">${cases}</testsuite>` });
    const run = await runAction({ node: nodeWithFileLimit(node, 1536), workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expectClearFailure(run, /: the (evidence|spool) file.* could not be written whole, so it was removed: the file is larger than this process may write; free space on the runner's disk/);
    expect(run.outputs['passed']).toBe('false');
    const left = fs.readdirSync(path.join(ws, 'release-gate-evidence'));
    expect(left).not.toContain('tests.csv');
    expect(left).not.toContain('traceability.json');
  });

  it('a disk that fills up while the readable evidence is written: that file is removed and named', async () => {
    // Many requirements with long titles and a single test: the evidence files are large, the spool of
    // test lines in RUNNER_TEMP small.
    const rows = Array.from({ length: 3000 }, (_, i) => `| SRS-${i + 1} | ${'Computes the dose from the weight and the concentration '.repeat(4)}${i} |`).join('\n');
    const ws = makeWorkspace({ 'requirements.md': `| ID | Title |\n| --- | --- |\n${rows}\n`, 'reports/a.xml': PASSING });
    // A limit just under the size of traceability.json lets the spool and tests.csv be written whole
    // and fails an evidence file after them.
    const unlimited = await runAction({ node, workspace: ws, inputs });
    removeLater(unlimited.runnerTemp);
    const jsonBytes = fs.statSync(path.join(ws, 'release-gate-evidence', 'traceability.json')).size;
    const run = await runAction({ node: nodeWithFileLimit(node, Math.floor(jsonBytes / 1024) - 1), workspace: ws, inputs });
    removeLater(run.runnerTemp);
    const said = errors(run).join('\n');
    expectClearFailure(run, /could not be written whole, so it was removed/);
    const named = /^(\S+): the evidence file could not be written whole/m.exec(said)?.[1];
    expect(named, said).toBeDefined();
    expect(fs.existsSync(named!)).toBe(false);
  });

  it('GITHUB_STEP_SUMMARY that is a folder: the message names it', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    const folder = scratchDir();
    const run = await runAction({ node, workspace: ws, inputs, env: { GITHUB_STEP_SUMMARY: folder } });
    removeLater(run.runnerTemp);
    expectClearFailure(run, `GITHUB_STEP_SUMMARY (${folder}) could not be written: it is a folder, not a file`);
    expect(run.outputs['passed']).toBe('false');
  });

  // Regression: with GITHUB_OUTPUT a folder, setting the outputs threw, and so did setting passed=false
  // in the handler that reports failures: the step crashed with an uncaught error and a stack.
  it.each([
    ['a folder', (dir: string) => dir, 'could not be written: it is a folder, not a file'],
    ['missing', (dir: string) => path.join(dir, 'gone'), 'does not exist'],
  ])('GITHUB_OUTPUT that is %s: a clear failure, not a crash', async (_label, place, said) => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    const output = place(scratchDir());
    const run = await runAction({ node, workspace: ws, inputs, env: { GITHUB_OUTPUT: output } });
    removeLater(run.runnerTemp);
    expectClearFailure(run, `GITHUB_OUTPUT (${output}) ${said}`);
  });
});
