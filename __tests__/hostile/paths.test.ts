/**
 * Paths a pull request controls: `file` attributes of test cases, report globs that climb out of
 * the workspace, symbolic links committed into the checkout, special files (FIFOs, devices), and the
 * evidence folder. The gate reads only regular files inside the workspace, refuses the rest naming
 * the file (and fails), annotates only paths inside the repository, and writes only inside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../scripts/run-action.js';
import { UserError } from '../../src/errors.js';
import { evaluate } from '../support/gate-run.js';
import { collectReports, findReports } from '../../src/io/collect-reports.js';
import { displayPath, readInsideWorkspace } from '../../src/io/files.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import { readSettings } from '../../src/settings.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../../src/trace/requirement-ids.js';
import { isInside, pathInside } from '../../src/workspace-path.js';
import { commitAll } from '../support/git-repo.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n';
const PASSING = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"/></testsuite>';
const FAILING = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"><failure message="wrong"/></testcase></testsuite>';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Annotation `file=` properties in the action's log, decoded as the runner decodes them. */
function annotationFiles(stdout: string): string[] {
  const files: string[] = [];
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const m = /^::(?:error|warning|notice) ([^:]*)::/.exec(line);
    if (m === null) continue;
    for (const prop of m[1]!.split(',')) {
      const [key, value] = [prop.slice(0, prop.indexOf('=')), prop.slice(prop.indexOf('=') + 1)];
      if (key === 'file') files.push(value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%'));
    }
  }
  return files;
}

/** A path GitHub would place inside the repository: relative, normalised, no `..`, no drive, no backslash. */
function insideRepository(file: string): boolean {
  return !path.isAbsolute(file) && !/^[A-Za-z]:/.test(file) && !file.includes('\\') && !file.split('/').includes('..');
}

/** The failure message the action prints last (`::error::The release gate failed ...`), decoded. */
function failure(run: ActionRun): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

/** A root holding `repo/` (the workspace) and `outside/` beside it. */
function rootWithOutside(files: Record<string, string>): { root: string; ws: string; outside: string } {
  const root = makeWorkspace(files);
  return { root, ws: path.join(root, 'repo'), outside: path.join(root, 'outside') };
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

/** Lets a reader blocked on opening the FIFO go on (it reads end-of-file); does nothing when no one waits. */
function release(fifo: string): void {
  try {
    fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
  } catch {
    // ENXIO: no reader is waiting.
  }
}

describe('file attributes of test cases become annotation paths only inside the repository', () => {
  const workspace = '/home/runner/work/pump/pump';
  const HOSTILE_FILES = [
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    'C:/Windows/win.ini',
    '\\\\attacker.example\\share\\x.js',
    '//attacker.example/share/x.js',
    'src/../../outside.js',
    './../x.js',
    '..',
    `${workspace}/../other-repo/x.js`,
    `${workspace}-evil/x.js`,
    '/home/runner/.ssh/id_rsa',
    '~/.ssh/id_rsa',
    'src/..\\..\\x.js',
  ];

  it.each(HOSTILE_FILES)('%s', async (file) => {
    const report = parseJunit('reports/junit.xml', `<testsuite name="s"><testcase classname="dose" name="SRS-001 a" file="${esc(file)}" line="7"><failure message="x"/></testcase><testcase classname="dose" name="untraced" file="${esc(file)}"/></testsuite>`);
    const outcome = await evaluate({
      list: { file: 'requirements.md', requirements: [{ id: 'SRS-001', title: '', line: 3 }] },
      reports: [report],
      problems: [new UserError('x', { file }), new UserError('y', { file, line: 2 })],
      pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
      idVariants: 'exact',
      policy: { untracedTests: 'fail' },
      provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN },
      workspace,
    });
    expect(outcome.annotations.length).toBeGreaterThanOrEqual(4);
    for (const a of outcome.annotations) if (a.file !== undefined) expect(insideRepository(a.file), `${a.title}: ${a.file}`).toBe(true);
  });

  it('keeps a runner path inside the workspace, made relative', async () => {
    const report = parseJunit('reports/junit.xml', `<testsuite><testcase name="SRS-001 a" file="${workspace}/test/dose.test.js" line="7"><failure/></testcase></testsuite>`);
    const outcome = await evaluate({
      list: { file: 'requirements.md', requirements: [{ id: 'SRS-001', title: '', line: 3 }] },
      reports: [report],
      problems: [],
      pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
      idVariants: 'exact',
      policy: { untracedTests: 'fail' },
      provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN },
      workspace,
    });
    expect(outcome.annotations[0]).toMatchObject({ file: 'test/dose.test.js', line: 7 });
  });

  it('through the bundled action: no annotation names a path outside the repository', async () => {
    const ws = makeWorkspace({ 'requirements.md': '| ID | Title |\n| --- | --- |\n' + HOSTILE_FILES.slice(0, 9).map((_, i) => `| SRS-00${i + 1} | t |`).join('\n') + '\n' });
    const cases = HOSTILE_FILES.slice(0, 9).map((f, i) => `<testcase classname="dose" name="SRS-00${i + 1} t" file="${esc(f.replace('/home/runner/work/pump/pump', ws))}" line="3"><failure message="x"/></testcase>`);
    cases.push(`<testcase classname="dose" name="SRS-001 inside" file="${esc(ws)}/test/dose.test.js" line="9"><failure message="x"/></testcase>`);
    fs.mkdirSync(path.join(ws, 'reports'));
    fs.writeFileSync(path.join(ws, 'reports', 'junit.xml'), `<testsuite name="s">${cases.join('')}</testsuite>`);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    const files = annotationFiles(run.stdout);
    for (const f of files) expect(insideRepository(f), f).toBe(true);
    // Only the one path inside the workspace is kept; the others are dropped, not rewritten.
    expect(files).toEqual(['test/dose.test.js']);
  });
});

describe('reports and lists outside the workspace are refused, naming the file', () => {
  it('refuses a glob that climbs out with ../, and fails although the report inside passes', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': PASSING });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml\n../outside/*.xml', requirements: 'requirements.md' } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain(`${path.join(outside, 'b.xml')}: the report lies outside the workspace`);
  });

  it('refuses an absolute glob outside the workspace', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': PASSING });
    const run = await runAction({ workspace: ws, inputs: { reports: `reports/*.xml\n${outside}/*.xml`, requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain(`${path.join(outside, 'b.xml')}: the report lies outside the workspace`);
  });

  it('refuses a report that is a symbolic link to a file outside, naming the link', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': PASSING });
    fs.symlinkSync(path.join(outside, 'b.xml'), path.join(ws, 'reports', 'b.xml'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('reports/b.xml: the report lies outside the workspace');
    expect(annotationFiles(run.stdout)).toContain('reports/b.xml');
  });

  it('refuses a relative symbolic link that climbs out (../../outside)', async () => {
    const { ws } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': PASSING });
    fs.symlinkSync('../../outside/b.xml', path.join(ws, 'reports', 'b.xml'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('reports/b.xml: the report lies outside the workspace');
  });

  it('refuses a symbolic link to /dev/zero before reading a byte of it', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    fs.symlinkSync('/dev/zero', path.join(ws, 'reports', 'zero.xml'));
    const start = process.hrtime.bigint();
    // A small heap: were the device read, the step would die of it instead of hanging the test.
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' }, env: { NODE_OPTIONS: '--max-old-space-size=128' } });
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(20_000);
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('reports/zero.xml: the report lies outside the workspace');
  });

  it('does not follow a symbolic link to a folder outside, so a glob through it finds nothing and the gate fails', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'outside/b.xml': PASSING });
    fs.mkdirSync(path.join(ws, 'reports'));
    fs.symlinkSync(outside, path.join(ws, 'reports', 'linked'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/**/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('no test report matched input "reports"');
  });

  it('decides on the report inside when a linked folder outside holds a failing report: the link is not followed', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': FAILING });
    fs.symlinkSync(path.relative(path.join(ws, 'reports'), outside), path.join(ws, 'reports', 'linked'));
    commitAll(ws);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/**/*.xml', requirements: 'requirements.md', upload: 'false' } });
    expect(run.stdout).toContain('Release gate passed: 1 of 1 requirements verified (100 %); 1 test: 1 passed');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8')) as { verdict: string; reports: { file: string }[] };
    expect(evidence.verdict).toBe('pass');
    expect(evidence.reports.map((r) => r.file)).toEqual(['reports/a.xml']);
  });

  // Regression: a passing gate in a checkout that commits a symbolic link with an absolute target
  // (reports/linked -> /tmp/.../outside) ended in "the release gate stopped on an internal error ...
  // ENOTEMPTY: directory not empty, rmdir '<RUNNER_TEMP>/release-archive-XXXX/root/source'", with
  // passed=true and then passed=false in GITHUB_OUTPUT: tar.x({ strict: true }) in
  // src/release/archive.ts turned node-tar's "stripping / from absolute linkpath" into an error, and
  // the `finally` removing the staging folder ran while the extraction still wrote. Links are now
  // archived as committed.
  it('a committed symbolic link with an absolute target does not turn a passing gate into an internal error', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': PASSING, 'outside/b.xml': FAILING });
    fs.symlinkSync(outside, path.join(ws, 'reports', 'linked'));
    commitAll(ws);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/**/*.xml', requirements: 'requirements.md', upload: 'false' } });
    expect(run.stdout).toContain('Release gate passed: 1 of 1 requirements verified (100 %); 1 test: 1 passed');
    expect(run.stdout).not.toContain('internal error');
  });

  it.each([
    ['requirements', '../outside/requirements.md'],
    ['anomalies', '../outside/anomalies.md'],
  ])('refuses input "%s" pointing outside the workspace (%s)', async (input, value) => {
    const { ws } = rootWithOutside({
      'repo/requirements.md': REQUIREMENTS,
      'repo/reports/a.xml': PASSING,
      'outside/requirements.md': REQUIREMENTS,
      'outside/anomalies.md': '| ID | Title |\n| --- | --- |\n',
    });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', [input]: value } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toMatch(/lies outside the workspace/);
  });

  it('refuses a requirements list that is a symbolic link to a file outside', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/reports/a.xml': PASSING, 'outside/requirements.md': REQUIREMENTS });
    fs.symlinkSync(path.join(outside, 'requirements.md'), path.join(ws, 'requirements.md'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('requirements.md: the requirements list lies outside the workspace');
  });
});

describe.skipIf(!hasMkfifo)('special files: FIFOs', () => {
  // Regression: a FIFO matched by the glob was left out without a word, so beside a passing report
  // it let the gate pass on one report less than the workflow wrote. It is now refused, naming it.
  it('refuses a FIFO matched by the glob, naming it, also beside a passing report', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': PASSING });
    mkfifo(path.join(ws, 'reports', 'b.xml'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('reports/b.xml: matched by "reports/*.xml" of input "reports", but it is a named pipe (FIFO), not a report file');
  });

  // Regression: a symbolic link inside the workspace to a FIFO inside the workspace passed every check
  // of readInsideWorkspace (real path inside, no folder, 0 bytes) and fs.readFile then blocked until
  // some process wrote to the FIFO: the gate hung until the job's timeout (6 hours by default). The
  // same with a requirements or anomaly list that is a FIFO (next test). src/io/files.ts now refuses
  // anything that is not a regular file, naming it.
  it('refuses a symbolic link to a FIFO at once, naming it, instead of waiting for a writer', async () => {
    const ws = makeWorkspace({});
    fs.mkdirSync(path.join(ws, 'reports'));
    const fifo = path.join(ws, 'pipe');
    mkfifo(fifo);
    fs.symlinkSync(fifo, path.join(ws, 'reports', 'a.xml'));
    expect(await collectReports(['reports/*.xml'], ws)).toEqual([path.join(ws, 'reports', 'a.xml')]);
    const read = readInsideWorkspace('reports/a.xml', ws, 'the report').then(
      () => 'read',
      (e: unknown) => e,
    );
    try {
      const outcome = await Promise.race([read, new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2000))]);
      expect(outcome).toBeInstanceOf(UserError);
      expect(outcome).toMatchObject({ file: 'reports/a.xml' });
    } finally {
      release(fifo);
      await read;
    }
  });

  it('through the bundled action: a requirements list that is a FIFO is refused within seconds, not read forever', async () => {
    const ws = makeWorkspace({ 'reports/a.xml': PASSING });
    const fifo = path.join(ws, 'requirements.md');
    mkfifo(fifo);
    const start = process.hrtime.bigint();
    // Were the step still waiting after 8 s, a writer opens and closes the FIFO so that it ends.
    const timer = setTimeout(() => release(fifo), 8000);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    clearTimeout(timer);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(run.outputs['passed']).toBe('false');
    expect(ms).toBeLessThan(8000);
    expect(failure(run)).toMatch(/requirements\.md: the requirements list is not a regular file/);
  }, 30_000);
});

describe('evidence is written only inside the workspace', () => {
  // Regression: the evidence folder and its files were written with fs.mkdir/fs.writeFile/fs.open,
  // which follow symbolic links, so a checkout committing `release-gate-evidence` as a link to a
  // folder outside (or `traceability.csv` as a link to any file the runner user may write) made the
  // gate create or overwrite files outside the workspace with content partly chosen by test names.
  // Reads were confined to the workspace, writes were not; src/main.ts now confines both.
  it('does not write through an evidence folder that is a symbolic link to outside', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': FAILING });
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(ws, 'release-gate-evidence'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('does not overwrite a file outside through an evidence file that is a symbolic link', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': FAILING, 'outside/victim.sh': '#!/bin/sh\necho original\n' });
    fs.mkdirSync(path.join(ws, 'release-gate-evidence'));
    fs.symlinkSync(path.join(outside, 'victim.sh'), path.join(ws, 'release-gate-evidence', 'traceability.csv'));
    await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(fs.readFileSync(path.join(outside, 'victim.sh'), 'utf8')).toBe('#!/bin/sh\necho original\n');
  });

  // Regression: evidenceFolder() in src/io/files.ts ran fs.mkdir(wanted, { recursive: true }) BEFORE
  // it checked the real path, so with `evidence-dir: build/evidence` and `build` committed as a
  // symbolic link to a folder outside, outside/evidence was created outside the workspace and only
  // then refused. The path is now checked before any folder is made.
  it('creates nothing outside when a committed link sits inside the evidence-dir path', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': FAILING });
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(ws, 'build'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'evidence-dir': 'build/evidence' } });
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toMatch(/evidence-dir/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  // Regression: a checkout that commits a folder where an evidence file goes (release-gate-evidence/
  // traceability.json/...) stopped the gate with "the release gate stopped on an internal error ...
  // SystemError [ERR_FS_EISDIR]: Path is a directory: rm returned EISDIR" and a stack trace: the step
  // failed, but as a bug, not with a message naming the file. src/io/write-chunks.ts now refuses it.
  it('refuses a folder standing where an evidence file goes, naming it, not as an internal error', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': FAILING, 'release-gate-evidence/traceability.json/README': 'x' });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).not.toContain('internal error');
    expect(failure(run)).toContain('traceability.json');
  });

  // Regression: errors about the evidence folder are thrown out of gate() and were reported by run()
  // with core.setFailed(e.message), which dropped the UserError's file: a committed dangling link
  // `release-gate-evidence` -> outside/new gave only "::error::the evidence folder could not be made",
  // naming neither the folder nor the input. run() in src/main.ts now reports e.toString().
  it('names the evidence folder when it cannot be made (a dangling committed link)', async () => {
    const { ws, outside } = rootWithOutside({ 'repo/requirements.md': REQUIREMENTS, 'repo/reports/a.xml': FAILING });
    fs.mkdirSync(outside);
    fs.symlinkSync(path.join(outside, 'new'), path.join(ws, 'release-gate-evidence'));
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['passed']).toBe('false');
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(failure(run)).toContain('release-gate-evidence');
  });

  it('writes the evidence into the workspace for a plain evidence folder', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/a.xml': FAILING });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.outputs['evidence-dir']).toBe(path.join(ws, 'release-gate-evidence'));
    expect(fs.readdirSync(path.join(ws, 'release-gate-evidence'))).toContain('traceability.json');
  });
});

describe('every line of input "reports" must match a report', () => {
  // Regression: with three include lines and only the first report written, the gate passed on it:
  // a missing report looked like a smaller suite. Every include line must now match a file.
  it('fails when one include line matches nothing, naming each such line, and still reads the report that is there', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/unit.xml': PASSING });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/unit.xml\nreports/integration.xml\nreports/hil/**/*.xml', requirements: 'requirements.md' } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(failure(run)).toContain('no test report matched input "reports" line "reports/integration.xml"');
    expect(failure(run)).toContain('no test report matched input "reports" line "reports/hil/**/*.xml"');
    expect(failure(run)).not.toContain('line "reports/unit.xml"');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8')) as { verdict: string; reports: { file: string }[] };
    expect(evidence.verdict).toBe('fail');
    expect(evidence.reports.map((r) => r.file)).toEqual(['reports/unit.xml']);
  });

  it('fails when a folder named by the line exists but holds no report', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/unit.xml': PASSING, 'reports/hil/README.md': 'bench not run' });
    await expect(collectReports(['reports/*.xml', 'reports/hil/**/*.xml'], ws)).rejects.toThrow('no test report matched input "reports" line "reports/hil/**/*.xml"');
  });

  it('counts a line whose every match a later "!" line excludes as matching nothing; a "!" line itself may match nothing', async () => {
    const ws = makeWorkspace({ 'reports/unit.xml': PASSING, 'reports/coverage.xml': PASSING });
    const found = await findReports(['reports/unit.xml', 'reports/coverage.xml', '!reports/coverage*.xml', '!reports/nothing-*.xml'], ws);
    expect(found.files).toEqual([path.join(ws, 'reports/unit.xml')]);
    expect(found.problems.map((p) => p.message)).toEqual([expect.stringContaining('line "reports/coverage.xml" (after the "!" lines below it)')]);
    // A "!" line excludes from the lines above it only, as in @actions/glob.
    expect((await findReports(['!reports/coverage.xml', 'reports/*.xml'], ws)).files).toEqual([path.join(ws, 'reports/coverage.xml'), path.join(ws, 'reports/unit.xml')]);
  });

  it('refuses a folder matched by a line, naming it; a line ending in ** walks folders without refusing them', async () => {
    const ws = makeWorkspace({ 'reports/unit.xml': PASSING, 'reports/hil.xml/inner.xml': PASSING, 'reports/bench/x.xml': PASSING });
    const byName = await findReports(['reports/*.xml'], ws);
    expect(byName.files).toEqual([path.join(ws, 'reports/unit.xml')]);
    expect(byName.problems.map(String)).toEqual(['reports/hil.xml: matched by "reports/*.xml" of input "reports", but it is a folder, not a report file; only regular files are read as reports']);
    expect((await findReports(['reports/bench'], ws)).problems.map(String)).toEqual([expect.stringContaining('reports/bench: matched by "reports/bench" of input "reports", but it is a folder')]);
    const walked = await findReports(['reports/**'], ws);
    expect(walked.problems).toEqual([]);
    expect(walked.files).toEqual(['reports/bench/x.xml', 'reports/hil.xml/inner.xml', 'reports/unit.xml'].map((f) => path.join(ws, f)));
  });

  it('refuses a socket matched by a line, naming it', async () => {
    const ws = makeWorkspace({ 'reports/unit.xml': PASSING });
    // A socket's path is limited to about 100 bytes: the workspace path may be longer.
    const server = net.createServer();
    const short = fs.mkdtempSync(path.join(os.tmpdir(), 's-'));
    removeLater(short);
    await new Promise<void>((resolve) => server.listen(path.join(short, 'b.xml'), resolve));
    try {
      fs.mkdirSync(path.join(ws, 'reports', 'sockets'));
      fs.renameSync(path.join(short, 'b.xml'), path.join(ws, 'reports', 'sockets', 'b.xml'));
      const found = await findReports(['reports/**/*.xml'], ws);
      expect(found.files).toEqual([path.join(ws, 'reports/unit.xml')]);
      expect(found.problems.map(String)).toEqual([expect.stringContaining('reports/sockets/b.xml: matched by "reports/**/*.xml" of input "reports", but it is a socket')]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('input "evidence-dir" must lie inside the workspace', () => {
  const ws = '/home/runner/work/pump/pump';
  const input = (evidenceDir: string) => (name: string) => ({ reports: 'reports/*.xml', requirements: 'requirements.md', 'evidence-dir': evidenceDir })[name] ?? '';

  it.each(['../x', '/tmp/x', '..', 'a/../../x', '../pump-evil/x', `${ws}-evil/x`, '/'])('refuses %s before anything is read', (dir) => {
    expect(() => readSettings(input(dir), ws)).toThrow(/input "evidence-dir" is ".*", which lies outside the workspace/);
  });

  it.each(['evidence', '..evidence', 'a/../b', 'out/../../pump/evidence', `${ws}/evidence`, '.'])('takes %s', (dir) => {
    expect(readSettings(input(dir), ws).evidenceDir).toBe(dir);
  });

  // Regression: `evidence-dir: ../x` or an absolute path elsewhere was taken, and the evidence written there.
  it.each([
    ['a relative path that climbs out', (outside: string) => path.join('..', path.basename(outside), 'evidence')],
    ['an absolute path elsewhere', (outside: string) => path.join(outside, 'evidence')],
  ])('through the bundled action: %s is refused, nothing is written there, and no list is read', async (_label, evidenceDir) => {
    const { ws, outside } = rootWithOutside({ 'repo/reports/a.xml': PASSING });
    fs.mkdirSync(outside);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'evidence-dir': evidenceDir(outside) } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toMatch(/::error::input "evidence-dir" is ".*", which lies outside the workspace/);
    // The requirements list is missing: it was never looked at.
    expect(run.stdout).not.toContain('requirements list');
    expect(run.stdout).not.toContain('internal error');
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});

describe('inside or outside is decided by path segments, the same for every reader', () => {
  it.each([
    ['/ws', '/ws/..unit.xml', '..unit.xml'],
    ['/ws', '/ws/a/..b/c', 'a/..b/c'],
    ['/ws', '/ws/...', '...'],
    ['/ws', '/ws', ''],
    ['/ws', '/ws/a/../b', 'b'],
    ['/ws', '..unit.xml', '..unit.xml'],
    ['/ws', '/ws/../ws/x', 'x'],
  ])('%s holds %s', (root, file, rel) => {
    expect(pathInside(root, file)).toBe(rel);
    expect(isInside(root, file)).toBe(true);
  });

  it.each([
    ['/ws', '/ws/../x'],
    ['/ws', '/ws-evil/x'],
    ['/ws', '/wsx'],
    ['/ws', '/'],
    ['/ws', '../x'],
    ['/ws', '..'],
    ['/ws/', '/ws/../../etc'],
  ])('%s does not hold %s', (root, file) => {
    expect(pathInside(root, file)).toBeUndefined();
    expect(isInside(root, file)).toBe(false);
  });

  it('shows a file named ..unit.xml at the root by its workspace path', () => {
    expect(displayPath('/ws/..unit.xml', '/ws')).toBe('..unit.xml');
    expect(displayPath('/elsewhere/x.xml', '/ws')).toBe('/elsewhere/x.xml');
  });

  // Regression: a report or list named `..unit.xml` or `..requirements.md` at the workspace root was
  // read by the gate, then refused by the archive as lying outside the workspace (a text prefix test):
  // a passing gate ended with no archive. Every reader now decides by path segments.
  it('through the bundled action: ..unit.xml and ..requirements.md at the root are read, shown by their names and archived', async () => {
    const ws = makeWorkspace({ '..requirements.md': REQUIREMENTS, '..unit.xml': PASSING, '..anomalies.md': '| ID | Title | Status |\n| --- | --- | --- |\n| ANOM-1 | Old | fixed |\n' });
    commitAll(ws, { untracked: ['..unit.xml'] });
    const run = await runAction({ workspace: ws, inputs: { reports: '..unit.xml', requirements: '..requirements.md', anomalies: '..anomalies.md', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8')) as { reports: { file: string }[]; provenance: { requirementsFile: string } };
    expect(evidence.reports.map((r) => r.file)).toEqual(['..unit.xml']);
    expect(evidence.provenance.requirementsFile).toBe('..requirements.md');
    const listing = execFileSync('tar', ['-tzf', run.outputs['archive-path']!], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['evidence/reports/..unit.xml', 'evidence/inputs/..requirements.md', 'evidence/inputs/..anomalies.md']));
  });
});
