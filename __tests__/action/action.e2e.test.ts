/**
 * The bundled action (dist/index.js) run as the runner runs it: INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, on the Node this suite runs on and on Node 24 (action.yml: node24).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { WORKER_BYTES } from '../../src/io/worker.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const example = path.join(repoRoot, 'examples', 'infusion-pump');
const requirementsMd = fs.readFileSync(path.join(example, 'requirements.md'), 'utf8');

/** The example project with a report written by node's own test runner, as `npm run example` does. */
function exampleWorkspace(): string {
  const ws = makeWorkspace({
    'requirements.md': requirementsMd,
    'src/dose.js': fs.readFileSync(path.join(example, 'src/dose.js')),
    'test/dose.test.js': fs.readFileSync(path.join(example, 'test/dose.test.js')),
    'package.json': '{"type":"module"}',
  });
  fs.mkdirSync(path.join(ws, 'reports'));
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=junit', '--test-reporter-destination=reports/junit.xml', 'test/'], { cwd: ws });
  expect(r.status, r.stderr.toString()).toBe(0);
  commitAll(ws);
  return ws;
}

const FAILING_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="dose" tests="4">
    <testcase classname="dose" name="SRS-001: computes dose from weight" file="WS/src/dose.test.js" line="3"/>
    <testcase classname="dose" name="SRS-002: rejects negative weight" file="src/dose.test.js" line="9">
      <failure message="expected RangeError">AssertionError at src/dose.test.js:10</failure>
    </testcase>
    <testcase classname="dose" name="formats the display"/>
    <testcase classname="dose" name="SRS-099: typo in the ID"/>
  </testsuite>
</testsuites>
`;

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

describe.each(nodes)('the bundled action on %s', (_label, node) => {
  it('passes a project whose requirements are all verified, with outputs, summary and evidence', async () => {
    const ws = exampleWorkspace();
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'untraced-tests': 'warn', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(0);
    expect(fs.existsSync(run.outputs['archive-path']!)).toBe(true);
    expect(run.outputs['archive-path']).toMatch(/-v2\.4\.0\.tar\.gz$/);
    expect(run.outputs['archive-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs['artifact-id']).toBe('');
    expect(run.outputs['passed']).toBe('true');
    expect(run.outputs['coverage']).toBe('100');
    expect(run.outputs['report-json']).toBe(path.join(ws, 'release-gate-evidence', 'traceability.json'));
    expect(run.summary).toMatch(/^## ✅ IEC 62304 release gate passed/);
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(evidence.verdict).toBe('pass');
    expect(evidence.totals).toEqual({ tests: 5, passed: 5, failed: 0, errored: 0, skipped: 0, attempts: 5 });
    expect(evidence.requirements.map((r: { id: string; status: string }) => `${r.id}:${r.status}`)).toEqual([
      'SRS-001:verified',
      'SRS-002:verified',
      'SRS-003:verified',
      'SRS-004:verified',
    ]);
    for (const f of ['traceability.md', 'traceability.csv', 'traceability.html', 'tests.csv']) expect(fs.existsSync(path.join(ws, 'release-gate-evidence', f))).toBe(true);
    // Every test once in the JSON record and in tests.csv, numbered alike; lists of tests are positions in it.
    expect(evidence.tests).toHaveLength(5);
    const rows = fs.readFileSync(path.join(ws, 'release-gate-evidence', 'tests.csv'), 'utf8').trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    evidence.tests.forEach((t: { name: string; status: string }, i: number) => expect(rows[i + 1]).toMatch(new RegExp(`^${i + 1},.*,${t.status},`)));
    const positions = [...new Set(evidence.requirements.flatMap((r: { tests: number[] }) => r.tests))].sort((a, b) => (a as number) - (b as number));
    expect(positions).toEqual([0, 1, 2, 3, 4]);
    expect(fs.readdirSync(path.join(ws, 'release-gate-evidence')).sort()).toEqual(['change-summary.md', 'release-checklist.md', 'release-notes.md', 'tests.csv', 'traceability.csv', 'traceability.html', 'traceability.json', 'traceability.md']);
  });

  it('fails with every reason, annotations at file and line, and outputs for later steps', async () => {
    const ws = makeWorkspace({ 'requirements.md': requirementsMd });
    fs.mkdirSync(path.join(ws, 'reports'));
    fs.writeFileSync(path.join(ws, 'reports', 'junit.xml'), FAILING_REPORT.replace('WS', ws));
    commitAll(ws);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/**/*.xml', requirements: 'requirements.md' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.outputs['coverage']).toBe('25');
    expect(run.stdout).toContain('::error title=SRS-002%3A test failed,file=src/dose.test.js,line=9::dose › SRS-002: rejects negative weight: expected RangeError');
    expect(run.stdout).toMatch(/::error title=SRS-003 not verified,file=requirements.md,line=\d+::/);
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed'));
    expect(failure).toBeDefined();
    for (const reason of ['SRS-002', 'SRS-003', 'SRS-004', 'SRS-099 is not in the requirements list', '1 test names no requirement ID']) {
      expect(failure).toContain(reason);
    }
    expect(run.summary).toMatch(/^## ❌ IEC 62304 release gate failed/);
    expect(run.summary).toContain('### Why the gate failed (5)');
  });

  it('fails a verified project when a report holds a suite-level error, a suite without its cases, or a result it does not know', async () => {
    const ws = exampleWorkspace();
    const extra: Record<string, string> = {
      'ant.xml': '<testsuite name="dose.TeardownTest"><testcase classname="dose.TeardownTest" name="SRS-001 computes"/><error message="@AfterClass failed" type="IllegalStateException"/></testsuite>',
      'partial.xml': '<testsuites>\n<testsuite name="dose" tests="1"><testcase classname="dose" name="SRS-002 rejects"/></testsuite>\n<testsuite name="alarms" tests="2"></testsuite>\n</testsuites>',
      'phpunit.xml': '<testsuites><testsuite name="DoseTest"><testcase name="SRS-003 limits" classname="DoseTest"><warning type="PHPUnit\\Framework\\Warning">deprecated call</warning></testcase></testsuite></testsuites>',
    };
    for (const [name, xml] of Object.entries(extra)) fs.writeFileSync(path.join(ws, 'reports', name), xml);
    commitAll(ws);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'untraced-tests': 'warn', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed')) ?? '';
    expect(failure).toContain('dose.TeardownTest › (suite-level error)');
    expect(failure).toContain('reports/partial.xml: the suite "alarms" (line 3) declares 2 tests but holds no test case');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    const status = (id: string): string => evidence.requirements.find((r: { id: string }) => r.id === id).status;
    expect([status('SRS-001'), status('SRS-003')]).toEqual(['failed', 'failed']);
  });

  it('fails a verified project on a result attribute, a failure hidden in properties, declared failures no case shows, and ignores a header a Gradle test printed', async () => {
    const ws = exampleWorkspace();
    const extra: Record<string, string> = {
      'trx.xml': '<testsuite name="trx"><testcase classname="dose" name="SRS-001 computes" outcome="Failed"/></testsuite>',
      'props.xml': '<testsuite name="p"><testcase classname="dose" name="SRS-003 limits"><properties><failure message="hidden"/></properties></testcase></testsuite>',
      'cut.xml': '<testsuites>\n<testsuite name="cut" tests="2" failures="1"><testcase classname="dose" name="SRS-002 rejects"/></testsuite>\n</testsuites>',
      'gradle.xml':
        '<testsuite name="dose.DoseTest" tests="1" skipped="0" failures="0" errors="0" timestamp="2024-05-01T10:00:00" hostname="ci" time="0.1"><testcase name="rounds()" classname="dose.DoseTest" time="0.01"><system-out><![CDATA[unique-id: [engine:junit-jupiter]/[class:dose.DoseTest]/[method:rounds()]\ndisplay-name: SRS-002 rounds\n]]></system-out></testcase></testsuite>',
    };
    for (const [name, xml] of Object.entries(extra)) fs.writeFileSync(path.join(ws, 'reports', name), xml);
    commitAll(ws);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'untraced-tests': 'warn', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed')) ?? '';
    expect(failure).toContain('reports/cut.xml: the suite "cut" (line 2) declares 1 failure but none of its test cases failed or errored');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    const status = (id: string): string => evidence.requirements.find((r: { id: string }) => r.id === id).status;
    expect([status('SRS-001'), status('SRS-003')]).toEqual(['failed', 'failed']);
    const rounds = evidence.tests.find((t: { name: string }) => t.name === 'rounds()');
    expect(rounds.ids).toEqual([]);
  });

  it.each([
    ['no report matches', { 'requirements.md': requirementsMd }, 'no test report matched input "reports" line "reports/*.xml"'],
    ['a report is empty', { 'requirements.md': requirementsMd, 'reports/a.xml': '' }, 'reports/a.xml: the file is empty'],
    ['a report is truncated', { 'requirements.md': requirementsMd, 'reports/a.xml': '<testsuites>\n<testsuite name="x">\n<testcase name="SRS-001 a">' }, 'reports/a.xml:3: the file ends before <testcase> (opened at line 3) is closed'],
    ['a report is not JUnit', { 'requirements.md': requirementsMd, 'reports/a.xml': '<?xml version="1.0"?>\n<catalog><book/></catalog>' }, 'reports/a.xml:2: not a JUnit report: the root element is <catalog>'],
    ['no report holds a test', { 'requirements.md': requirementsMd, 'reports/a.xml': '<testsuites><testsuite name="vintage" tests="0"/></testsuites>' }, 'no test case was found in the report'],
    ['the requirements list is missing', { 'reports/a.xml': FAILING_REPORT }, 'requirements.md: the requirements list not found'],
    ['the requirements list has no ID column', { 'requirements.md': '| Name | Text |\n| --- | --- |\n| a | b |\n', 'reports/a.xml': FAILING_REPORT }, 'requirements.md'],
  ])('fails closed when %s, naming the file', async (_case, files, message) => {
    const ws = makeWorkspace(files);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(failure).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('writes the tests of several reports, read one at a time, into one record, numbered alike in every evidence file', async () => {
    const suite = (name: string, cases: number, failing: number): string =>
      `<testsuites><testsuite name="${name}">\n${Array.from({ length: cases }, (_, i) =>
        i === failing
          ? `<testcase classname="${name}" name="SRS-00${1 + (i % 4)} case ${i}"><failure message="off by one">trace</failure></testcase>`
          : `<testcase classname="${name}" name="SRS-00${1 + (i % 4)} case ${i}" time="0.001"/>`,
      ).join('\n')}\n</testsuite></testsuites>\n`;
    const ws = makeWorkspace({
      'requirements.md': requirementsMd,
      'reports/b.xml': suite('beta', 3000, 2999),
      'reports/a.xml': suite('alpha', 2500, -1),
      'reports/c/deep.xml': suite('gamma', 10, 3),
    });
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/**/*.xml', requirements: 'requirements.md' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    const dir = run.outputs['evidence-dir']!;
    const evidence = JSON.parse(fs.readFileSync(path.join(dir, 'traceability.json'), 'utf8'));
    expect(evidence.totals).toEqual({ tests: 5510, passed: 5508, failed: 2, errored: 0, skipped: 0, attempts: 5510 });
    expect(evidence.tests).toHaveLength(5510);
    // Reports in path order, each report's tests by class and name.
    expect(evidence.tests[0]).toMatchObject({ report: 'reports/a.xml', classname: 'alpha', name: 'SRS-001 case 0' });
    expect(evidence.tests[2500]).toMatchObject({ report: 'reports/b.xml', classname: 'beta', name: 'SRS-001 case 0' });
    expect(evidence.tests[5509]).toMatchObject({ report: 'reports/c/deep.xml', classname: 'gamma' });
    // A requirement's tests and failures are positions in that list.
    const srs4 = evidence.requirements.find((r: { id: string }) => r.id === 'SRS-004');
    expect(srs4.status).toBe('failed');
    expect(srs4.failing.map((i: number) => [evidence.tests[i].name, evidence.tests[i].status])).toEqual([
      ['SRS-004 case 2999', 'failed'],
      ['SRS-004 case 3', 'failed'],
    ]);
    expect(evidence.unexplainedFailures).toEqual(srs4.failing);
    const rows = fs.readFileSync(path.join(dir, 'tests.csv'), 'utf8').trimEnd().split('\r\n');
    expect(rows).toHaveLength(5511);
    expect(rows[srs4.failing[0] + 1]).toMatch(new RegExp(`^${srs4.failing[0] + 1},reports/b.xml,beta,SRS-004 case 2999,failed,SRS-004,`));
    const matrix = fs.readFileSync(path.join(dir, 'traceability.csv'), 'utf8').split('\r\n');
    const row = matrix.find((l) => l.startsWith('SRS-004,'))!;
    expect(row.split(',').slice(2, 5)).toEqual(['failed', String(srs4.tests.length), '2']);
    expect(row.split(',').at(-1)!.split(' ').map(Number)).toEqual(srs4.tests.map((i: number) => i + 1));
    // The record is spooled in the runner's temporary folder, and nothing is left there.
    expect(fs.readdirSync(run.runnerTemp)).toEqual([]);
  });

  it('reads a large run in a worker thread, with the same outcome as a small run of the same tests', async () => {
    // The same tests twice: once with output enough to pass WORKER_BYTES, once without any.
    const suite = (name: string, cases: number, output: string): string =>
      `<testsuites><testsuite name="${name}">\n${Array.from({ length: cases }, (_, i) => {
        const body = `${i % 500 === 7 ? '<failure message="off by one">trace</failure>' : ''}${output === '' ? '' : `<system-out>${output}</system-out>`}`;
        return `<testcase classname="${name}" name="SRS-00${1 + (i % 4)} case ${i}" file="test/${name}.test.js" line="${i + 1}">${body}</testcase>`;
      }).join('\n')}\n</testsuite></testsuites>\n`;
    const output = `log line of a chatty test\n`.repeat(150);
    const runs = [];
    for (const out of [output, '']) {
      const ws = makeWorkspace({ 'requirements.md': requirementsMd, 'reports/a.xml': suite('alpha', 2200, out), 'reports/b.xml': suite('beta', 2300, out) });
      commitAll(ws);
      const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
      removeLater(run.runnerTemp);
      const bytes = fs.statSync(path.join(ws, 'reports/a.xml')).size + fs.statSync(path.join(ws, 'reports/b.xml')).size;
      runs.push({ ws, run, bytes });
    }
    const [large, small] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(large.bytes).toBeGreaterThanOrEqual(WORKER_BYTES);
    expect(large.run.stdout).toContain(`2 reports of ${(large.bytes / 1e6).toFixed(1)} MB: read in a worker thread`);
    expect(small.run.stdout).not.toContain('worker thread');
    for (const { run } of runs) {
      expect(run.status).toBe(1);
      expect(run.outputs['passed']).toBe('false');
      expect(run.stdout).toContain('::error title=SRS-004%3A test failed,file=test/alpha.test.js,line=1008::alpha › SRS-004 case 1007: off by one');
    }
    // Alike but for the note on the worker, the workspace, and the random tokens that stop and resume workflow commands.
    const lines = (s: string, ws: string): string[] => s.split('\n').filter((l) => !l.includes('worker thread')).map((l) => l.replaceAll(ws, 'WS').replace(/[0-9a-f]{32}/g, 'token'));
    expect(lines(large.run.stdout, large.ws)).toEqual(lines(small.run.stdout, small.ws));
    expect(large.run.summary).toBe(small.run.summary);
    // Paths differ by workspace; everything else is the same.
    const paths = { 'evidence-dir': '', 'report-json': '', 'change-summary': '', 'release-notes': '', 'release-checklist': '' };
    expect({ ...large.run.outputs, ...paths }).toEqual({ ...small.run.outputs, ...paths });
    for (const f of ['traceability.json', 'tests.csv', 'traceability.csv', 'traceability.md', 'traceability.html']) {
      const read = (ws: string): string => fs.readFileSync(path.join(ws, 'release-gate-evidence', f), 'utf8');
      expect(read(large.ws), f).toBe(read(small.ws));
    }
  });

  it('refuses an invalid input value before reading anything', async () => {
    const ws = exampleWorkspace();
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'untraced-tests': 'maybe' } });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::input "untraced-tests" is "maybe"; it must be one of: fail, warn');
    expect(run.outputs['passed']).toBe('false');
  });
});

describe('counts and the uncut summary through the bundled action', () => {
  it('counts the attempts of one test once, as failed, in the log, the summary and every evidence file', async () => {
    const retried = `<testsuites><testsuite name="e2e">
<testcase classname="pump.spec.ts" name="SRS-001 computes dose" file="pump.spec.ts" line="3"><failure message="timeout">timeout</failure></testcase>
<testcase classname="pump.spec.ts" name="SRS-001 computes dose" file="pump.spec.ts" line="3"/>
<testcase classname="pump.spec.ts" name="SRS-002 rejects negative weight"/>
</testsuite></testsuites>`;
    const ws = makeWorkspace({ 'requirements.md': requirementsMd, 'reports/retry.xml': retried });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('reports/retry.xml: 2 tests (from 3 test cases: attempts of a retried test merged)');
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(evidence.totals).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0, attempts: 3 });
    expect(evidence.reports).toEqual([{ file: 'reports/retry.xml', tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0, attempts: 3 }]);
    expect(evidence.tests).toHaveLength(2);
    const counts = '2 tests (from 3 test cases: the attempts of one test count as one): 1 passed, 1 failed, 0 errored, 0 skipped · 1 report';
    expect(run.summary).toContain(counts);
    const dir = path.join(ws, 'release-gate-evidence');
    expect(fs.readFileSync(path.join(dir, 'traceability.md'), 'utf8')).toContain(counts);
    expect(fs.readFileSync(path.join(dir, 'traceability.html'), 'utf8')).toContain(counts);
    expect(fs.readFileSync(path.join(dir, 'tests.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('writes every reason into traceability.md, and the job summary names that file for the reasons it leaves out', async () => {
    const list = `| ID | Title |\n| --- | --- |\n${Array.from({ length: 62 }, (_, i) => `| SRS-${i + 1} | Requirement ${i + 1} |`).join('\n')}\n`;
    const ws = makeWorkspace({ 'requirements.md': list, 'reports/unit.xml': '<testsuite name="u"><testcase classname="u" name="SRS-1 passes"/></testsuite>' });
    commitAll(ws);
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' } });
    expect(run.status).toBe(1);
    const markdown = fs.readFileSync(path.join(ws, 'release-gate-evidence', 'traceability.md'), 'utf8');
    // 61 reasons, and the release record's warning (no change decision).
    expect(markdown.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(62);
    expect(markdown).not.toMatch(/… and \d+ more/);
    expect(run.summary).toContain('- … and 11 more (uncovered requirements: 11): `release-gate-evidence/traceability.md` and `release-gate-evidence/traceability.json` list them all');
  });
});
