/**
 * Can report content make the gate pass when it should not? A test's `<system-out>` is whatever the
 * code under test printed; a failure hidden in structure the reader does not expect must not read
 * as a pass. Each case runs the pure gate (parseJunit -> evaluate) on a report whose honest reading
 * fails the gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/run-action.js';
import { evaluate } from '../support/gate-run.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { AnomalyList } from '../../src/model/index.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../../src/trace/requirement-ids.js';
import { corpusDir, corpusPresent } from '../support/corpus.js';
import { readAnomalies } from '../support/lists.js';

const REQUIREMENTS = ['SRS-001', 'SRS-002', 'SRS-003'].map((id, i) => ({ id, title: '', line: i + 3 }));

async function gate(xml: string, anomalyLists: readonly AnomalyList[] = [], requirements = REQUIREMENTS) {
  const report = parseJunit('reports/junit.xml', xml);
  return {
    report,
    ...(await evaluate({
      list: { file: 'requirements.md', requirements },
      reports: [report],
      anomalyLists,
      problems: [],
      pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
      idVariants: 'exact',
      policy: { untracedTests: 'warn' },
      provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN },
      workspace: '/home/runner/work/pump/pump',
    })),
  };
}

const statusOf = (outcome: Awaited<ReturnType<typeof gate>>, id: string) => outcome.evidence.requirements.find((r) => r.id === id)?.status;

/** A pytest-style report: SRS-001 is verified by name; SRS-002 and SRS-003 are named by no test. */
function pytestReport(systemOut: string, failing = false): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<testsuites><testsuite name="pytest" tests="2">
<testcase classname="test_dose" name="test_srs_001_computes_dose"><properties><property name="requirements" value="SRS-001"/></properties></testcase>
<testcase classname="test_display" name="test_formats_the_display">${failing ? '<failure message="AssertionError: wrong unit"/>' : ''}<system-out>${esc(systemOut)}</system-out></testcase>
</testsuite></testsuites>`;
}

describe('captured output of the code under test', () => {
  it('control: without anything in system-out, SRS-002 and SRS-003 are uncovered and the gate fails', async () => {
    const outcome = await gate(pytestReport('formatting 12.5 mg/h\n'));
    expect(outcome.verdict.passed).toBe(false);
    expect([statusOf(outcome, 'SRS-002'), statusOf(outcome, 'SRS-003')]).toEqual(['uncovered', 'uncovered']);
  });

  it('control: an ID merely printed in system-out links nothing', async () => {
    const outcome = await gate(pytestReport('checked SRS-002 and SRS-003 along the way\n'));
    expect(outcome.verdict.passed).toBe(false);
    expect(statusOf(outcome, 'SRS-002')).toBe('uncovered');
  });

  // Regression: displayNameOf() (src/junit/parse-junit.ts) used to take the first line of ANY
  // <system-out> matching /^display-name: (.*)$/m as the display name, and idsOfTest() reads IDs from
  // it, so a passing test whose code printed "display-name: SRS-002 ..." verified SRS-002 and the gate
  // passed. Now only the JUnit Platform header (first system-out, "unique-id: [engine:" then
  // "display-name:") is read.
  it('a passing test cannot claim requirements by printing "display-name: ..." lines', async () => {
    const outcome = await gate(pytestReport('rendering rate\ndisplay-name: SRS-002 SRS-003 rejects negative weight\nok\n'));
    expect(statusOf(outcome, 'SRS-002')).toBe('uncovered');
    expect(statusOf(outcome, 'SRS-003')).toBe('uncovered');
    expect(outcome.verdict.passed).toBe(false);
  });

  // Regression: reportEntryProperties() (src/junit/parse-junit.ts) used to read every
  // "- requirements: ..." line of any <system-out> containing "Report Entry #", so printed text in
  // that format linked a display test to SRS-002 and SRS-003 and the gate passed. Now only a
  // system-out made of nothing but report-entry blocks as the console writes them counts.
  it('a passing test cannot claim requirements by printing JUnit Platform report-entry lines', async () => {
    const outcome = await gate(pytestReport('Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- requirements: SRS-002, SRS-003\n'));
    expect(statusOf(outcome, 'SRS-002')).toBe('uncovered');
    expect(outcome.verdict.passed).toBe(false);
  });

  // Regression: namesTest() (src/gate/anomalies.ts) matches Tests entries against the display name
  // too; while that came from free system-out, a new failure of SRS-002 whose output held
  // "display-name: test_rounding_of_5" was explained by ANOM-7 (meant for another test) and the
  // gate passed with SRS-002 "failed, accepted by ANOM-7".
  it('a failing test cannot borrow the anomaly of another test by printing its display name', async () => {
    const anomalies = readAnomalies(
      'anomalies.md',
      '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
        '| ANOM-7 | Rounding | Low | Deferred | test_rounding_of_5 | Below the pump resolution | Yes | J. Doe | 2026-11-20 |\n',
    );
    const xml = `<testsuites><testsuite name="pytest">
<testcase classname="test_dose" name="test_srs_001_computes_dose"><properties><property name="requirements" value="SRS-001"/></properties></testcase>
<testcase classname="test_dose" name="test_srs_002_rejects_negative_weight"><properties><property name="requirements" value="SRS-002"/></properties><failure message="AssertionError: -1 kg accepted"/><system-out>display-name: test_rounding_of_5
</system-out></testcase>
</testsuite></testsuites>`;
    const outcome = await gate(xml, [anomalies], REQUIREMENTS.slice(0, 2));
    expect(statusOf(outcome, 'SRS-002')).toBe('failed');
    expect(outcome.evidence.requirements.find((r) => r.id === 'SRS-002')?.acceptedBy).toBeUndefined();
    expect(outcome.verdict.passed).toBe(false);
  });

  it('control: the JUnit Platform console\'s own display names still link (documented behaviour)', async () => {
    const text = fs.readFileSync(path.join(repoRoot, '__fixtures__', 'junit', 'junit-platform', 'TEST-junit-jupiter.xml'), 'utf8');
    const report = parseJunit('TEST-junit-jupiter.xml', text);
    expect(report.cases.find((c) => c.name === 'computesDoseFromWeight()')?.displayName).toBe('SRS-001: computes dose from weight');
  });
});

describe('RG-023 structure that hides a failure', () => {
  // Regression: a <testcase> (or <testsuite>) nested inside a <testcase> used to be swallowed: the
  // scanner captured the outer case, fast-xml-parser's node had no direct <failure>, the inner
  // failure counted nowhere and the gate passed SRS-001. src/junit/parse-junit.ts now reads nested
  // cases as test cases; refusing the file would satisfy this test too.
  it('a failing test case nested inside a passing test case is counted (or refused), never dropped', async () => {
    const xml = `<testsuites><testsuite name="dose" tests="2" failures="1">
<testcase classname="dose" name="SRS-001 computes">
<testcase classname="dose" name="SRS-001 rounds"><failure message="3.33 != 3.3"/></testcase>
</testcase>
</testsuite></testsuites>`;
    let outcome: Awaited<ReturnType<typeof gate>> | undefined;
    try {
      outcome = await gate(xml, [], REQUIREMENTS.slice(0, 1));
    } catch (e) {
      expect(e).toMatchObject({ name: 'UserError', file: 'reports/junit.xml', line: 3 });
      return;
    }
    expect(outcome.verdict.passed).toBe(false);
  });

  it('control: a failure element wins over a status attribute that says passed', async () => {
    const outcome = await gate('<testsuite><testcase name="SRS-001 a" status="passed" result="Passed"><failure/></testcase></testsuite>', [], REQUIREMENTS.slice(0, 1));
    expect(outcome.report.cases[0]?.status).toBe('failed');
    expect(outcome.verdict.passed).toBe(false);
  });

  it('a failed case and a passed case of the same test fail the gate: a merge never makes a failure a pass', async () => {
    const outcome = await gate('<testsuite><testcase classname="c" name="SRS-001 a"><failure/></testcase><testcase classname="c" name="SRS-001 a"/></testsuite>', [], REQUIREMENTS.slice(0, 1));
    expect(outcome.verdict.passed).toBe(false);
    expect(statusOf(outcome, 'SRS-001')).toBe('failed');
  });

  it('control: a rerun the producer marks (Surefire flakyFailure) is a flaky test, which fails the gate unexplained', async () => {
    const outcome = await gate('<testsuite><testcase classname="c" name="SRS-001 a"><flakyFailure message="timeout"/></testcase></testsuite>', [], REQUIREMENTS.slice(0, 1));
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons.map((r) => r.code)).toContain('unexplained-flaky');
  });

  it('control: a test name cannot close the attribute or open an element (the scan decodes after it cuts)', async () => {
    const outcome = await gate('<testsuite><testcase name="SRS-001 a&quot;/&gt;&lt;testcase name=&quot;SRS-002 b"><failure/></testcase></testsuite>', [], REQUIREMENTS.slice(0, 2));
    expect(outcome.report.cases).toHaveLength(1);
    expect(outcome.report.cases[0]).toMatchObject({ name: 'SRS-001 a"/><testcase name="SRS-002 b', status: 'failed' });
    expect(outcome.verdict.passed).toBe(false);
  });
});

describe('results the reader does not know, and results of a whole suite', () => {
  it('a PHPUnit <warning>, or any element the reader does not know, inside a passing-looking test fails its requirement', async () => {
    for (const body of ['<warning type="PHPUnit\\Framework\\Warning">warning</warning>', '<risky/>', '<timeout/>', '<rerunFailure message="x"/>']) {
      const outcome = await gate(`<testsuites><testsuite name="dose">
<testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 rejects"/>
<testcase classname="dose" name="SRS-003 rounds">${body}</testcase>
</testsuite></testsuites>`);
      expect(statusOf(outcome, 'SRS-003'), body).toBe('failed');
      expect(outcome.verdict.passed, body).toBe(false);
    }
  });

  it.skipIf(!corpusPresent)("Jenkins' nested-suites fixture, whose suite setup threw, fails the gate naming the suite", async () => {
    const text = fs.readFileSync(path.join(corpusDir, 'junit/handcrafted/jenkins-junit__junit-report-nested-testsuites.xml'), 'utf8');
    const outcome = await gate(text.replace(/name="test(Prefix|Table)"/g, 'name="SRS-001 test$1"'), [], REQUIREMENTS.slice(0, 1));
    expect(outcome.evidence.totals).toEqual({ tests: 3, passed: 2, failed: 0, errored: 1, skipped: 0, attempts: 3 });
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons.map((r) => r.message).join('\n')).toMatch(/test\.3rdlevel › \(suite-level error\)/);
  });

  it('a teardown failure written straight inside the suite fails every requirement its tests name', async () => {
    const outcome = await gate(`<testsuites>
<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 rejects"/><error message="@AfterAll: database left locked"/></testsuite>
<testsuite name="display"><testcase classname="display" name="SRS-003 shows"/></testsuite>
</testsuites>`);
    expect(['SRS-001', 'SRS-002', 'SRS-003'].map((id) => statusOf(outcome, id))).toEqual(['failed', 'failed', 'verified']);
    const reasons = outcome.verdict.reasons.map((r) => r.message).join('\n');
    expect(reasons).toMatch(/dose › \(suite-level error\)/);
    expect(outcome.verdict.passed).toBe(false);
  });

  it('a suite that declares tests but holds none fails the gate, also when other suites of the report hold cases', async () => {
    const outcome = await gate(`<testsuites>
<testsuite name="dose" tests="3"><testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 rejects"/><testcase classname="dose" name="SRS-003 rounds"/></testsuite>
<testsuite name="alarms" tests="4" failures="2"></testsuite>
</testsuites>`);
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons).toContainEqual({
      code: 'report-without-cases',
      message: 'reports/junit.xml: the suite "alarms" (line 3) declares 4 tests, 2 failures but holds no test case; the report is incomplete',
    });
  });
});

describe('results in attributes, in unread places, and failures a suite declares', () => {
  const twoPassing = (open: string, second: string, close = '</testsuite>'): string =>
    `${open}<testcase classname="c" name="SRS-001 a"/>${second}${close}`;

  it.each([
    'outcome="Failed"',
    'success="False" executed="True"',
    'executed="False"',
    'passed="false"',
    'state="failed"',
    'verdict="fail"',
    'failure="assert"',
    'error="boom"',
    'skipped="true"',
    'failures="1"',
    'verdict="unheard-of"',
  ])('a test case whose %s does not verify its requirement', async (attributes) => {
    const outcome = await gate(twoPassing('<testsuite name="s">', `<testcase classname="c" name="SRS-002 b" ${attributes}/>`), [], REQUIREMENTS.slice(0, 2));
    expect(statusOf(outcome, 'SRS-002')).not.toBe('verified');
    expect(outcome.verdict.passed).toBe(false);
  });

  it.each([
    '<properties><failure/></properties>',
    '<properties><property name="x" value="y"><failure/></property></properties>',
  ])('a failure hidden in %s of a test case fails its requirement', async (body) => {
    const outcome = await gate(twoPassing('<testsuite name="s">', `<testcase classname="c" name="SRS-002 b">${body}</testcase>`), [], REQUIREMENTS.slice(0, 2));
    expect(statusOf(outcome, 'SRS-002')).toBe('failed');
  });

  it('a failure hidden in the properties of a suite fails every requirement its tests name', async () => {
    const outcome = await gate(twoPassing('<testsuite name="s"><properties><error/></properties>', '<testcase classname="c" name="SRS-002 b"/>'), [], REQUIREMENTS.slice(0, 2));
    expect([statusOf(outcome, 'SRS-001'), statusOf(outcome, 'SRS-002')]).toEqual(['failed', 'failed']);
  });

  it.each([
    ['<testsuite name="s" tests="2" failures="1">', '</testsuite>'],
    ['<testsuite name="s" tests="2" errors="1">', '</testsuite>'],
    ['<testsuites tests="2" failures="1"><testsuite name="s">', '</testsuite></testsuites>'],
  ])('%s whose cases all passed fails the gate, naming the suite and its line', async (open, close) => {
    const outcome = await gate(twoPassing(open, '<testcase classname="c" name="SRS-002 b"/>', close), [], REQUIREMENTS.slice(0, 2));
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons.map((r) => r.message).join('\n')).toMatch(/reports\/junit\.xml: the suite "(s|testsuites)" \(line 1\) declares 1 (failure|error) but none of its test cases failed or errored/);
  });
});

describe('a display name or report entry printed by the code under test', () => {
  const consoleRoot = '<testsuite name="JUnit Jupiter" tests="2" skipped="0" failures="0" errors="0" time="0.1" hostname="h" timestamp="t">';
  const header = (uniqueId: string, displayName: string): string => `<system-out><![CDATA[\nunique-id: ${uniqueId}\ndisplay-name: ${displayName}\n]]></system-out>`;
  const verified = '<testcase name="computes()" classname="dose.DoseTest"><properties><property name="requirements" value="SRS-001"/></properties></testcase>';

  it('a pytest test that prints a header naming its own class and method links nothing', async () => {
    const outcome = await gate(pytestReport('unique-id: [engine:junit-jupiter]/[class:test_display]/[method:test_formats_the_display]\ndisplay-name: SRS-002 SRS-003\n'));
    expect(outcome.report.cases[1]!.displayName).toBeUndefined();
    expect(statusOf(outcome, 'SRS-002')).toBe('uncovered');
    expect(outcome.verdict.passed).toBe(false);
  });

  it('a Surefire report whose test printed the header links nothing: the report is not of the console\'s shape', async () => {
    const outcome = await gate(`<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="dose.DoseTest" time="0.1" tests="2" errors="0" skipped="0" failures="0">
${verified}<testcase name="shows" classname="dose.DoseTest">${header('[engine:junit-jupiter]/[class:dose.DoseTest]/[method:shows]', 'SRS-002 SRS-003')}</testcase></testsuite>`);
    expect(statusOf(outcome, 'SRS-002')).toBe('uncovered');
    expect(outcome.verdict.passed).toBe(false);
  });

  it("in the console's report, a header that names another test, or holds more than the two lines, links nothing", async () => {
    for (const out of [
      header('[engine:junit-jupiter]/[class:dose.DoseTest]/[method:computes()]', 'SRS-002 SRS-003'),
      header('[engine:junit-jupiter]/[class:dose.Other]/[method:shows()]', 'SRS-002 SRS-003'),
      '<system-out><![CDATA[unique-id: [engine:junit-jupiter]/[class:dose.DoseTest]/[method:shows()]\ndisplay-name: SRS-002 SRS-003\nprinted after]]></system-out>',
    ]) {
      const outcome = await gate(`${consoleRoot}${verified}<testcase name="shows()" classname="dose.DoseTest">${out}</testcase></testsuite>`);
      expect(statusOf(outcome, 'SRS-002'), out).toBe('uncovered');
    }
  });

  it("control: the console's header for the test itself links it", async () => {
    const outcome = await gate(`${consoleRoot}${verified}<testcase name="shows(String)[1]" classname="dose.DoseTest$Display">${header('[engine:junit-jupiter]/[class:dose.DoseTest]/[nested-class:Display]/[test-template:shows(java.lang.String)]/[test-template-invocation:#1]', 'SRS-002 SRS-003 shows')}</testcase></testsuite>`);
    expect([statusOf(outcome, 'SRS-002'), statusOf(outcome, 'SRS-003')]).toEqual(['verified', 'verified']);
  });

  it('captured output published as a report entry cannot add requirement entries', async () => {
    const own = header('[engine:junit-jupiter]/[class:dose.DoseTest]/[method:shows()]', 'shows');
    for (const entries of [
      'Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- stdout: hello\n\t- requirements: SRS-002\n',
      'Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- stdout: hello\nReport Entry #2 (timestamp: 2026-01-01T00:00:01)\n\t- requirements: SRS-002\n',
      'Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- note: x\n\t- requirements: SRS-002\n',
      'Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- note: x\nReport Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- requirements: SRS-002\n',
    ]) {
      const outcome = await gate(`${consoleRoot}${verified}<testcase name="shows()" classname="dose.DoseTest">${own}<system-out><![CDATA[${entries}]]></system-out></testcase></testsuite>`);
      expect(statusOf(outcome, 'SRS-002'), entries).toBe('uncovered');
    }
    const honest = await gate(`${consoleRoot}${verified}<testcase name="shows()" classname="dose.DoseTest">${own}<system-out><![CDATA[Report Entry #1 (timestamp: 2026-01-01T00:00:00)\n\t- requirements: SRS-002\nReport Entry #2 (timestamp: 2026-01-01T00:00:01)\n\t- stdout: later\n]]></system-out></testcase></testsuite>`);
    expect(statusOf(honest, 'SRS-002')).toBe('verified');
  });
});
