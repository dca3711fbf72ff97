/**
 * Residual anomalies end to end, through the bundled action: a project whose failing test (written by
 * node's own test runner) is explained by an assessed, acceptable anomaly passes; the same project with
 * one assessment field removed fails, naming the anomaly and the field. The same from GitHub issues.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { startGitHub, type FakeGitHub } from '../support/github-api.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const example = path.join(repoRoot, 'examples', 'infusion-pump');
const ROUNDING_TEST = `import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dose } from '../src/dose.js';

it('SRS-003: rounds 1.005 mg up to 1.1 mg', () => {
  assert.equal(dose(1.005, 1), 1.1);
});
`;
const HEADER = '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';
const ROW = {
  id: 'ANOM-7',
  title: 'Binary rounding of doses ending in 5',
  severity: 'Low',
  status: 'Deferred',
  tests: 'SRS-003: rounds 1.005 mg up to 1.1 mg',
  justification: 'A 0.1 mg difference is below the clinically relevant resolution of the pump',
  acceptable: 'Yes',
  assessedBy: 'J. Doe (clinical safety)',
  date: '2026-11-20',
};
const anomalyList = (row: Record<string, string>) => `# Known anomalies\n\n${HEADER}| ${Object.values(row).join(' | ')} |\n`;
/** A one-row list with the columns given, by their header names. */
const anomalyTable = (row: Record<string, string>) =>
  `| ${Object.keys(row).join(' | ')} |\n|${' --- |'.repeat(Object.keys(row).length)}\n| ${Object.values(row).join(' | ')} |\n`;
/** Two days from now: in the future in every time zone, whenever the test runs. */
const FUTURE = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** The example project plus one failing test, run by node's test runner into reports/junit.xml. */
function failingProject(extra: Record<string, string> = {}): string {
  const ws = makeWorkspace({
    'requirements.md': fs.readFileSync(path.join(example, 'requirements.md'), 'utf8'),
    'src/dose.js': fs.readFileSync(path.join(example, 'src/dose.js'), 'utf8'),
    'test/dose.test.js': fs.readFileSync(path.join(example, 'test/dose.test.js'), 'utf8'),
    'test/rounding.test.js': ROUNDING_TEST,
    'package.json': '{"type":"module"}',
    ...extra,
  });
  fs.mkdirSync(path.join(ws, 'reports'));
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=junit', '--test-reporter-destination=reports/junit.xml', 'test/'], { cwd: ws });
  expect(r.status).not.toBe(0); // the rounding test fails for real
  commitAll(ws);
  return ws;
}

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

describe.each(nodes)('anomalies through the bundled action on %s', (_label, node) => {
  const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md', anomalies: 'anomalies.md', 'untraced-tests': 'warn', upload: 'false' };

  it('passes when every failing test is explained by an assessed, acceptable anomaly', async () => {
    const ws = failingProject({ 'anomalies.md': anomalyList(ROW) });
    const run = await runAction({ node, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(run.outputs['coverage']).toBe('75');
    // The log says what the summary says; the accepted failure is a warning that names its anomaly.
    expect(run.stdout).toMatch(/^Release gate passed: 3 of 4 requirements verified \(75 %\), 1 failed but accepted by ANOM-7; 6 tests: /m);
    expect(run.summary).toContain('**3 of 4 requirements verified (75 %), 1 failed but accepted by ANOM-7**');
    expect(run.stdout).not.toMatch(/^::error/m);
    expect(run.stdout).toMatch(/^::warning [^\n]*title=SRS-003%3A test failed%2C accepted by ANOM-7/m);
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(evidence.totals).toMatchObject({ tests: 6, failed: 1 });
    expect(evidence.requirements.find((r: { id: string }) => r.id === 'SRS-003')).toMatchObject({ status: 'failed', acceptedBy: ['ANOM-7'] });
    expect(evidence.anomalies).toMatchObject([{ id: 'ANOM-7', residual: true, assessed: true, acceptable: true }]);
    expect(evidence.anomalies[0].explains.map((i: number) => evidence.tests[i])).toMatchObject([
      { classname: 'test', name: 'SRS-003: rounds 1.005 mg up to 1.1 mg', status: 'failed', explainedBy: ['ANOM-7'] },
    ]);
    expect(evidence.unexplainedFailures).toEqual([]);
    expect(run.summary).toContain('### Residual anomalies');
    expect(run.summary).toContain('⚠️ failed, accepted by ANOM-7');
    const notes = fs.readFileSync(path.join(ws, 'release-gate-evidence', 'anomalies.md'), 'utf8');
    expect(notes).toContain('The release contains 1 known residual anomaly');
    expect(notes).toContain('| ANOM-7 | Binary rounding of doses ending in 5 | deferred | yes | Low | yes | yes |');
    expect(fs.readFileSync(path.join(ws, 'release-gate-evidence', 'anomalies.csv'), 'utf8').split('\r\n')[1]).toMatch(/^ANOM-7,/);
  });

  it.each([
    ['assessedBy', 'Assessed By'],
    ['justification', 'Justification'],
    ['date', 'Assessment Date'],
    ['severity', 'Severity'],
  ])('fails when the %s field is removed, naming the anomaly and the field', async (field, column) => {
    const ws = failingProject({ 'anomalies.md': anomalyList({ ...ROW, [field]: '' }) });
    const run = await runAction({ node, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed')) ?? '';
    expect(failure).toContain(`residual anomaly ANOM-7 (Binary rounding of doses ending in 5) in anomalies.md: its assessment is incomplete: missing ${column}`);
    expect(failure).toContain('SRS-003 (Rounds the dose to 0.1 mg) failed');
    expect(run.summary).toContain(`❌ its assessment is incomplete: missing ${column}`);
  });

  it.each([
    ['a placeholder assessor', anomalyList({ ...ROW, assessedBy: 'TBD' }), 'its assessment is incomplete: missing Assessed By ("TBD" is a placeholder)'],
    ['a dash as justification', anomalyList({ ...ROW, justification: '—' }), 'its assessment is incomplete: missing Justification ("—" is a placeholder)'],
    ['an assessment dated in the future', anomalyList({ ...ROW, date: FUTURE }), `its assessment is incomplete: missing Assessment Date (${FUTURE} is in the future)`],
    ['a severity that cannot be classified', anomalyList({ ...ROW, severity: 'S3' }), 'its severity "S3" cannot be classified'],
    [
      'a qualified High severity in a list without an Acceptable column',
      anomalyTable({ ID: 'ANOM-7', Title: ROW.title, Severity: 'High (S3)', Status: 'Deferred', Tests: ROW.tests, Justification: ROW.justification, 'Assessed By': ROW.assessedBy, 'Assessment Date': ROW.date }),
      'its severity is High (S3) and the list has no Acceptable column to accept it; its severity is High (S3) but it names no benefit-risk analysis',
    ],
    [
      'a requirement that is not in the list',
      anomalyTable({ ID: 'ANOM-7', Title: ROW.title, Severity: 'Low', Status: 'Deferred', Tests: ROW.tests, Requirements: 'SRS-003, SRS-099', Justification: ROW.justification, Acceptable: 'Yes', 'Assessed By': ROW.assessedBy, 'Assessment Date': ROW.date }),
      'its Requirements name SRS-099, which is not in the requirements list',
    ],
  ])('fails an anomaly with %s, naming it and why', async (_what, list, why) => {
    const ws = failingProject({ 'anomalies.md': list });
    const run = await runAction({ node, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed')) ?? '';
    expect(failure).toContain(`residual anomaly ANOM-7 (Binary rounding of doses ending in 5) in anomalies.md: ${why}`);
  });

  it('fails when the anomaly list cannot be read, naming its file and line', async () => {
    const ws = failingProject({ 'anomalies.md': `${HEADER}| ANOM-7 | t | Low | sleeping | x | j | Yes | a | 2026-11-20 |\n` });
    const run = await runAction({ node, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('anomalies.md:3: unknown status');
  });
});

/** The failing project with another anomaly list; the test run's report is made once and copied. */
let failingReport: string | undefined;
function failingProjectWith(files: Record<string, string>): string {
  if (failingReport === undefined) {
    const first = failingProject();
    failingReport = fs.readFileSync(path.join(first, 'reports', 'junit.xml'), 'utf8');
  }
  const ws = makeWorkspace({
    'requirements.md': fs.readFileSync(path.join(example, 'requirements.md'), 'utf8'),
    'reports/junit.xml': failingReport,
    ...files,
  });
  commitAll(ws);
  return ws;
}

describe('anomaly lists that only look assessed, through the bundled action', () => {
  const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md', anomalies: 'anomalies.md', 'untraced-tests': 'warn', upload: 'false' };
  const failureLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('::error::The release gate failed')) ?? '';
  const anomaly7 = 'residual anomaly ANOM-7 (Binary rounding of doses ending in 5) in anomalies.md: ';
  /** The list without an Acceptable column, so that the severity alone decides. */
  const withoutAcceptable = (severity: string) =>
    anomalyTable({ ID: 'ANOM-7', Title: ROW.title, Severity: severity, Status: 'Deferred', Tests: ROW.tests, Justification: ROW.justification, 'Assessed By': ROW.assessedBy, 'Assessment Date': ROW.date });
  const withHeaders = (acceptable: string, extra: Record<string, string> = {}) =>
    anomalyTable({ ID: 'ANOM-7', Title: ROW.title, Severity: 'Low', Status: 'Deferred', Tests: ROW.tests, Justification: ROW.justification, [acceptable]: 'No', 'Assessed By': ROW.assessedBy, 'Assessment Date': ROW.date, ...extra });

  it.each([
    ['a dotted placeholder assessor', anomalyList({ ...ROW, assessedBy: 't.b.d.' }), 'its assessment is incomplete: missing Assessed By ("t.b.d." is a placeholder)'],
    ['a full-width placeholder assessor', anomalyList({ ...ROW, assessedBy: 'ＴＢＤ' }), 'its assessment is incomplete: missing Assessed By ("ＴＢＤ" is a placeholder)'],
    ['a template fill-in as assessor', anomalyList({ ...ROW, assessedBy: '[Name]' }), 'its assessment is incomplete: missing Assessed By ("[Name]" is a placeholder)'],
    ['a justification still in progress', anomalyList({ ...ROW, justification: 'N/A (pending)' }), 'its assessment is incomplete: missing Justification ("N/A (pending)" is a placeholder)'],
    ['a Medium severity that names a risk of death', withoutAcceptable('Minor, may cause death'), 'its severity is Minor, may cause death and the list has no Acceptable column to accept it'],
    ['a full-width High beside Medium', withoutAcceptable('Medium-ＨＩＧＨ'), 'its severity is Medium-ＨＩＧＨ and the list has no Acceptable column to accept it; its severity is Medium-ＨＩＧＨ but it names no benefit-risk analysis'],
    ['High in German beside Low', withoutAcceptable('Low / Hoch'), 'its severity is Low / Hoch and the list has no Acceptable column'],
    ['a lower word beside an unclear one', withoutAcceptable('Low probability'), 'its severity "Low probability" cannot be classified'],
    ['an Acceptable column headed Acceptable (Y/N) saying No', withHeaders('Acceptable (Y/N)'), 'its assessment says the residual risk is not acceptable'],
    ['an Acceptable column headed Residual Risk Acceptable saying No', withHeaders('Residual Risk Acceptable'), 'its assessment says the residual risk is not acceptable'],
    ['an unknown requirement under Affected Requirements', withHeaders('Acceptable', { 'Affected Requirements': 'SRS-099' }).replace('| No |', '| Yes |'), 'its Requirements name SRS-099, which is not in the requirements list'],
  ])('fails %s, naming the anomaly and why', async (_what, list, why) => {
    const ws = failingProjectWith({ 'anomalies.md': list });
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(failureLine(run.stdout)).toContain(anomaly7 + why);
  });

  it.each([
    ['two Acceptable columns', withHeaders('Acceptable', { 'Risk Acceptable': 'Yes' }), 'anomalies.md:1: the table has 2 columns for "acceptable" ("Acceptable", "Risk Acceptable")'],
    ['an Acceptable header it does not know', withHeaders('Risk acceptability decision'), 'anomalies.md:1: the table (columns'],
  ])('fails with %s, naming the file, the line and the headers', async (_what, list, why) => {
    const ws = failingProjectWith({ 'anomalies.md': list });
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs['passed'] ?? 'false').toBe('false');
    expect(run.stdout).toContain(why);
  });

  it('links a test by its name as it displays: an invisible mark inside an ID does not make it another requirement', async () => {
    const report = (name: string) =>
      `<testsuite name="s" tests="2"><testcase classname="c" name="SRS-0012 a"/><testcase classname="c" name="${name}"/></testsuite>`;
    const requirements = '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n| SRS-0012 | b |\n';
    const ws = makeWorkspace({ 'requirements.md': requirements, 'reports/r.xml': report('SRS-001\u034f2 b') });
    commitAll(ws);
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(1);
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(evidence.requirements.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['SRS-001', 'uncovered'],
      ['SRS-0012', 'verified'],
    ]);
  });
});

describe('anomalies from GitHub issues through the bundled action', () => {
  let github: FakeGitHub;
  let issues: unknown[] = [];
  beforeAll(async () => {
    github = await startGitHub(() => ({ status: 200, body: issues }));
  });
  afterAll(() => github.close());

  const body = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `### ${k}\n\n${v}\n`).join('\n');
  const assessed = {
    Severity: 'Low',
    Tests: ROW.tests,
    Justification: ROW.justification,
    Acceptable: 'Yes',
    'Assessed by': ROW.assessedBy,
    'Assessment date': ROW.date,
  };

  function run(ws: string) {
    return runAction({
      node: node24 ?? process.execPath,
      workspace: ws,
      inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'anomaly-label': 'anomaly', 'github-token': 'ghs_tokenForTests42', 'untraced-tests': 'warn', upload: 'false' },
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/pump', ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' },
    });
  }

  it('passes with an assessed issue, fails naming the issue when a field is missing, and never prints the token', async () => {
    const ws = failingProject();
    issues = [{ number: 12, title: 'Binary rounding', state: 'open', labels: [{ name: 'anomaly' }], html_url: 'https://github.com/acme/pump/issues/12', body: body(assessed) }];
    const ok = await run(ws);
    removeLater(ok.runnerTemp);
    expect(ok.status, ok.stdout).toBe(0);
    expect(github.requests.at(-1)?.authorization).toBe('token ghs_tokenForTests42');

    issues = [{ number: 12, title: 'Binary rounding', state: 'open', labels: [], html_url: 'https://github.com/acme/pump/issues/12', body: body({ ...assessed, 'Assessed by': '_No response_' }) }];
    const bad = await run(ws);
    removeLater(bad.runnerTemp);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its assessment is incomplete: missing Assessed By');
    // The one place the token may stand is the ::add-mask:: command that tells the runner to hide it.
    for (const r of [ok, bad]) expect((r.stdout + r.stderr).replace('::add-mask::ghs_tokenForTests42\n', '')).not.toContain('ghs_tokenForTests42');
  });

  it.each([
    [
      'an open issue labelled verified, with no assessment',
      [{ number: 13, title: 'Alarm volume', state: 'open', labels: [{ name: 'anomaly' }, { name: 'verified' }], html_url: 'https://github.com/acme/pump/issues/13', body: '' }],
      'residual anomaly #13 (Alarm volume) in https://github.com/acme/pump/issues/13: its assessment is incomplete: missing Severity, Justification, Assessed By, Assessment Date, Acceptable',
    ],
    [
      "an issue form's hidden hint as the severity",
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [], html_url: 'https://github.com/acme/pump/issues/12', body: body({ ...assessed, Severity: '<!-- Low, Medium or High -->' }) }],
      'residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its assessment is incomplete: missing Severity',
    ],
    [
      'a second Acceptable section saying No',
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [], html_url: 'https://github.com/acme/pump/issues/12', body: `${body(assessed)}\n### Acceptable\n\nNo\n` }],
      'issue #12: its body has 2 "### Acceptable" sections that disagree ("Yes", "No"); keep one answer',
    ],
    [
      'a critical severity label beside a Low section',
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [{ name: 'severity: critical' }], html_url: 'https://github.com/acme/pump/issues/12', body: body(assessed) }],
      'residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its severity is Low, critical but it names no benefit-risk analysis',
    ],
    [
      'a label saying the risk is unacceptable',
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [{ name: 'Risk: Unacceptable' }], html_url: 'https://github.com/acme/pump/issues/12', body: body(assessed) }],
      'residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its assessment says the residual risk is not acceptable',
    ],
    [
      'an Acceptable answer in an indented code block',
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [], html_url: 'https://github.com/acme/pump/issues/12', body: body({ ...assessed, Acceptable: '    Yes' }) }],
      'residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its assessment is incomplete: missing Acceptable',
    ],
    [
      'a justification in a code fence',
      [{ number: 12, title: 'Binary rounding', state: 'open', labels: [], html_url: 'https://github.com/acme/pump/issues/12', body: body({ ...assessed, Justification: '```\nExplain why the risk is acceptable\n```' }) }],
      'residual anomaly #12 (Binary rounding) in https://github.com/acme/pump/issues/12: its assessment is incomplete: missing Justification',
    ],
  ])('fails with %s, naming the issue', async (_what, extra, why) => {
    const ws = failingProject();
    const explaining = { number: 12, title: 'Binary rounding', state: 'open', labels: [{ name: 'anomaly' }], html_url: 'https://github.com/acme/pump/issues/12', body: body(assessed) };
    issues = extra.some((i) => i.number === 12) ? extra : [explaining, ...extra];
    const r = await run(ws);
    removeLater(r.runnerTemp);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stdout).toContain(why);
  });
});
