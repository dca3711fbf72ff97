/**
 * What a report says of each test's outcome, beyond the usual failure, error and skip: result elements
 * of other producers inside a test case, results written straight inside a suite, suites that promise
 * cases they do not hold, and each producer's way of counting source lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/run-action.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { newCaseParser } from '../../src/junit/case-parser.js';
import { JunitReader, parseJunit } from '../../src/junit/parse-junit.js';
import type { Report, TestCase } from '../../src/model/index.js';
import { corpusDir, corpusPresent } from '../support/corpus.js';

const parse = (xml: string): Report => parseJunit('r.xml', xml);
const statuses = (r: Report): string[] => r.cases.map((c) => `${c.name}:${c.status}`);

/** The same text fed one character at a time, as a file read in the smallest pieces: the same report. */
function inPieces(xml: string): Report {
  const reader = new JunitReader('r.xml', newCaseParser());
  for (const ch of xml) reader.feed(ch);
  return reader.end();
}

describe('result elements inside a test case', () => {
  it.skipIf(!corpusPresent)("reads PHPUnit's <warning> as failed (PHPUnit counts a warning as unsuccessful)", () => {
    const local = 'junit/phpunit/jenkins-xunit__phpunit_testcase11_input.xml';
    const report = parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
    const warned = report.cases.filter((c) => c.name.startsWith('testWarning'));
    expect(warned.map((c) => c.status)).toEqual(['failed', 'failed']);
    expect(warned[1]!.message).toMatch(/warning with custom message/);
  });

  it.each([
    ['<warning>deprecated call</warning>', 'failed'],
    ['<warning message="w"/><skipped/>', 'failed'],
    ['<rerunFailure message="failed on every rerun"/>', 'failed'],
    ['<rerunError>boom</rerunError>', 'errored'],
    ['<skipped/><rerunFailure/>', 'failed'],
    ['<risky>no assertion</risky>', 'errored'],
    ['<incomplete/>', 'errored'],
    ['<timeout seconds="30"/>', 'errored'],
    ['<crashed/><system-out>ok</system-out>', 'errored'],
    ['<passed/>', 'errored'],
    ['<notice>x</notice><failure message="f"/>', 'errored'],
    ['<Failure message="case matters in XML"/>', 'errored'],
  ])('reads %s as %s, never as passed', async (body, status) => {
    const xml = `<testsuite name="s"><testcase name="t">${body}</testcase><testcase name="u"/></testsuite>`;
    for (const report of [parse(xml), inPieces(xml)]) expect(statuses(report)).toEqual([`t:${status}`, 'u:passed']);
  });

  it('says which element it did not know', () => {
    const [c] = parse('<testsuite><testcase name="t"><risky message="no assertion"/></testcase></testsuite>').cases;
    expect(c!.message).toBe('<risky>, which the gate does not know, read as an error: no assertion');
  });

  it('a known result keeps its message over an unknown element', () => {
    const [c] = parse('<testsuite><testcase name="t"><odd/><error message="boom"/></testcase></testsuite>').cases;
    expect(c).toMatchObject({ status: 'errored', message: 'boom' });
  });

  it('an attribute named like a result element is no result, and an element named like an attribute is no attribute', () => {
    const [a, b] = parse('<testsuite><testcase name="a" warning="x"/><testcase name="b"><name>SRS-001</name></testcase></testsuite>').cases;
    expect(a!.status).toBe('passed');
    expect(b).toMatchObject({ name: 'b', status: 'errored' });
  });

  it('reads a requirement property written straight inside the case', () => {
    const [c] = parse('<testsuite><testcase name="t"><property name="requirements" value="SRS-004"/></testcase></testsuite>').cases;
    expect(c!.properties).toEqual([{ name: 'requirements', value: 'SRS-004' }]);
  });

  it('output and properties alone say nothing of the outcome', () => {
    const xml = '<testsuite><testcase name="t"><properties><property name="x" value="1"/></properties><system-out>o</system-out><system-err>e</system-err></testcase></testsuite>';
    expect(statuses(parse(xml))).toEqual(['t:passed']);
  });
});

describe('result attributes of a test case', () => {
  it.each([
    ['outcome="Failed"', 'failed'],
    ['outcome="NotExecuted"', 'skipped'],
    ['outcome="Timeout"', 'errored'],
    ['success="False" executed="True"', 'failed'],
    ['success="True" executed="True" result="Success"', 'passed'],
    ['executed="False"', 'skipped'],
    ['passed="false"', 'failed'],
    ['failed="true"', 'failed'],
    ['state="failed"', 'failed'],
    ['state="pending"', 'skipped'],
    ['verdict="fail"', 'failed'],
    ['verdict="inconc"', 'skipped'],
    ['failure="assert"', 'failed'],
    ['error="boom"', 'errored'],
    ['skipped="true"', 'skipped'],
    ['failures="1"', 'failed'],
    ['errors="1"', 'errored'],
    ['Status="failed"', 'failed'],
    ['OUTCOME="passed"', 'passed'],
    ['failures="0" errors="0" skipped="false" flaky="false" retries="0"', 'passed'],
    ['verdict="maybe"', 'errored'],
    ['success="sometimes"', 'errored'],
    ['testResult="green"', 'errored'],
    ['isPassing="yes"', 'errored'],
    ['timestamp="2024-05-01T10:00:00" assertions="3" id="7" hostname="ci"', 'passed'],
  ])('reads %s as %s, on the scan and through fast-xml-parser', async (attributes, status) => {
    for (const body of ['', '<properties testcase="x"/>']) {
      const xml = `<testsuite name="s"><testcase name="t" ${attributes}>${body}</testcase><testcase name="u"/></testsuite>`;
      for (const report of [parse(xml), await inPieces(xml)]) expect(statuses(report)).toEqual([`t:${status}`, 'u:passed']);
    }
  });

  it('names the attribute it does not understand, and keeps the text of a failure marker as the message', () => {
    const [a, b, c] = parse('<testsuite><testcase name="a" verdict="maybe"/><testcase name="b" failure="dose off by 0.1"/><testcase name="c" failure="x"><failure message="from the element"/></testcase></testsuite>').cases;
    expect(a!.message).toBe('the attribute verdict="maybe", which the gate does not understand, read as an error');
    expect(b!.message).toBe('dose off by 0.1');
    expect(c!.message).toBe('from the element');
  });

  it('a retries, flaky or rerun marker makes a pass a flaky pass, and never hides a failure', () => {
    const report = parse('<testsuite><testcase name="a" retries="1"/><testcase name="b" flaky="true"/><testcase name="c" retries="1"><failure/></testcase><testcase name="d" rerun="true"/></testsuite>');
    expect(report.cases.map((c) => [c.status, c.flaky])).toEqual([
      ['passed', true],
      ['passed', true],
      ['failed', false],
      ['passed', true],
    ]);
  });
});

describe('results where the reader reads none', () => {
  it.each([
    ['<properties><failure/></properties>', 'failure> inside <properties'],
    ['<properties><property name="x" value="1"><failure/></property></properties>', 'failure> inside <property'],
    ['<property name="x" value="1"><error/></property>', 'error> inside <property'],
    ['<system-out><failure message="x"/></system-out>', 'failure> inside <system-out'],
    ['<skipped><failure/></skipped>', 'failure> inside <skipped'],
  ])('a result in %s counts as an error of the case, named', async (body, where) => {
    const xml = `<testsuite name="s"><testcase name="t">${body}</testcase><testcase name="u"/></testsuite>`;
    for (const report of [parse(xml), await inPieces(xml)]) {
      expect(statuses(report)).toEqual(['t:errored', 'u:passed']);
      expect(report.cases[0]!.message).toContain(`<${where}>`);
    }
  });

  it.each([
    ['<properties><error message="setup"/></properties>', 'properties'],
    ['<system-out><failure/></system-out>', 'failure'],
    ['<property name="x" value="1"><failure/></property>', 'failure'],
  ])('a result in a suite\'s %s counts against the suite, naming it and the line', async (body, element) => {
    const xml = `<testsuite name="s">\n${body}\n<testcase name="t"/></testsuite>`;
    for (const report of [parse(xml), await inPieces(xml)]) {
      expect(statuses(report)).toEqual(['t:errored', `(suite-level ${element}):errored`]);
      expect(report.cases[1]!.message).toMatch(/^the suite "s" itself reports <\w+> \(line 2 of the report\): <failure> inside|^the suite "s" itself reports <properties> \(line 2 of the report\): <error> inside <properties>/);
    }
  });

  it('a result inside the root <testsuites> properties counts against every test of the report', () => {
    const report = parse('<testsuites><properties><property name="a" value="b"/><failure/></properties><testsuite name="s"><testcase name="t"/></testsuite></testsuites>');
    expect(statuses(report)).toEqual(['t:errored', '(suite-level failure):errored']);
  });
});

describe('results written straight inside a suite', () => {
  it.skipIf(!corpusPresent)("reads the error of Jenkins' nested-suites fixture as a test of the suite (Jenkins counts 3 tests)", () => {
    const local = 'junit/handcrafted/jenkins-junit__junit-report-nested-testsuites.xml';
    const report = parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
    expect(statuses(report)).toEqual(['testPrefix:passed', '(suite-level error):errored', 'testTable:passed']);
    const suiteCase = report.cases[1]!;
    expect(suiteCase).toMatchObject({ classname: 'test.3rdlevel', suites: ['test.AutomatedTests', 'test.db.DatabaseTest', 'test.3rdlevel'] });
    expect(suiteCase.message).toMatch(/^the suite "test\.3rdlevel" itself reports <error> \(line 9 of the report\): bla bla/);
    expect(report.emptySuites).toEqual([]);
  });

  it.skipIf(!corpusPresent)('reads a class that did not load (Ant) as an errored test of its suite', () => {
    const local = 'junit/handcrafted/jenkins-junit__junit-report-6700.xml';
    const report = parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
    expect(report.cases).toHaveLength(1);
    expect(report.cases[0]).toMatchObject({ classname: 'gda.device.detector.XHDetectorTest', status: 'errored' });
    expect(report.cases[0]!.message).toMatch(/NoClassDefFoundError|gda\/device\/detector\/DAServer/);
  });

  it('counts a failed teardown against every test of the suite, its inner suites too, and as a test of its own', async () => {
    const xml = `<testsuites><testsuite name="SRS-001 dose">
<testcase classname="dose" name="a"/>
<testcase classname="dose" name="b"><failure message="own"/></testcase>
<testsuite name="inner"><testcase classname="dose" name="c"><skipped/></testcase></testsuite>
<failure message="@AfterAll failed">teardown trace</failure>
</testsuite><testsuite name="other"><testcase classname="o" name="d"/></testsuite></testsuites>`;
    for (const report of [parse(xml), inPieces(xml)]) {
      expect(statuses(report)).toEqual(['a:failed', 'b:failed', 'c:failed', '(suite-level failure):failed', 'd:passed']);
      expect(report.cases[0]!.message).toBe('the suite "SRS-001 dose" itself reports <failure> (line 5 of the report): @AfterAll failed');
      expect(report.cases[1]!.message).toBe('own');
      expect(report.cases[3]).toMatchObject({ classname: 'SRS-001 dose', suites: ['SRS-001 dose'] });
    }
  });

  it('an error beats a failure of the same suite; its text is the message when it has no message attribute', () => {
    const report = parse('<testsuite name="s"><failure message="f"/><error type="X">class not found<![CDATA[ here]]></error><testcase name="t"/></testsuite>');
    expect(statuses(report)).toEqual(['t:errored', '(suite-level error):errored']);
    expect(report.cases[1]!.message).toMatch(/<error> \(line 1 of the report\): class not found here$/);
  });

  it('an element straight inside a suite that the gate does not know counts as an error of the suite', () => {
    const report = parse('<testsuite name="s"><testcase name="t"/><oddity><detail>x</detail></oddity><system-out>o</system-out><properties/></testsuite>');
    expect(statuses(report)).toEqual(['t:errored', '(suite-level oddity):errored']);
    expect(statuses(parse('<testsuite name="s"><testcase name="t"/><warning>w</warning></testsuite>'))).toEqual(['t:failed', '(suite-level warning):failed']);
  });

  it('a suite-level skip makes the passing tests of the suite skipped', () => {
    expect(statuses(parse('<testsuite name="s"><skipped message="disabled"/><testcase name="t"/><testcase name="u"><error/></testcase></testsuite>'))).toEqual([
      't:skipped',
      'u:errored',
      '(suite-level skipped):skipped',
    ]);
  });

  it('an error straight inside the root <testsuites> counts against every test of the report', () => {
    const report = parse('<testsuites name="run"><testsuite name="a"><testcase name="t"/></testsuite><error message="the run was aborted"/></testsuites>');
    expect(statuses(report)).toEqual(['t:errored', '(suite-level error):errored']);
    expect(report.cases[1]!.suites).toEqual([]);
  });

  it('suite properties carry over to the test of the suite', () => {
    const report = parse('<testsuite name="s"><properties><property name="requirements" value="SRS-003"/></properties><error message="x"/></testsuite>');
    expect(report.cases[0]!.properties).toEqual([{ name: 'requirements', value: 'SRS-003' }]);
  });
});

describe('suites that declare tests but hold none', () => {
  it('are noted one by one, also when other suites of the report hold cases', () => {
    const report = parse(`<testsuites>
<testsuite name="full" tests="1"><testcase name="t"/></testsuite>
<testsuite name="lost" tests="3" failures="1">
</testsuite>
<testsuite name="outer" tests="2"><testsuite name="empty inner" tests="0" errors="2"/></testsuite>
<testsuite name="declares nothing" tests="0"/>
</testsuites>`);
    expect(report.emptySuites).toEqual([
      { name: 'lost', line: 3, tests: 3, failures: 1, errors: 0, skipped: 0 },
      { name: 'empty inner', line: 5, tests: 0, failures: 0, errors: 2, skipped: 0 },
    ]);
  });

  it.skipIf(!corpusPresent)('notes the Perl summary suite that declares a failure and holds only output', () => {
    const local = 'junit/perl/jenkins-junit__junit-report-1472.xml';
    const report = parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
    expect(report.emptySuites?.map((s) => [s.name, s.failures])).toEqual([['make_test.Test_Summary_Report', 1]]);
  });
});

describe('suites that declare failures their cases do not show', () => {
  it.each([
    ['<testsuite name="s" tests="2" failures="1">', '</testsuite>'],
    ['<testsuite name="s" tests="2" errors="1">', '</testsuite>'],
    ['<testsuites><testsuite name="s" tests="2" failures="1">', '</testsuite></testsuites>'],
    ['<testsuites name="s" tests="2" failures="1"><testsuite name="inner" tests="2">', '</testsuite></testsuites>'],
    ['<testsuite name="s" tests="2" failures="1"><testsuite name="inner">', '</testsuite></testsuite>'],
  ])('%s around two passing cases is noted, with its line', async (open, close) => {
    const xml = `${open}\n<testcase name="a"/><testcase name="b"/>${close}`;
    for (const report of [parse(xml), await inPieces(xml)]) {
      expect(report.suitesHidingFailures).toHaveLength(1);
      expect(report.suitesHidingFailures![0]).toMatchObject({ name: 's', line: 1, shown: 0 });
    }
  });

  it('a failure, an error, a flaky pass or a suite-level result anywhere below shows one', () => {
    for (const body of ['<testcase name="a"><failure/></testcase>', '<testcase name="a"><error/></testcase>', '<testcase name="a"><flakyFailure/></testcase>', '<testsuite name="i"><testcase name="a"/><error/></testsuite>', '<testcase name="a" outcome="Failed"/>']) {
      expect(parse(`<testsuite name="s" tests="3" failures="2" errors="1"><testcase name="b"/>${body}</testsuite>`).suitesHidingFailures, body).toEqual([]);
    }
  });

  it.skipIf(!corpusPresent)('of the corpus, only three cut-down samples are noted', () => {
    for (const local of ['junit/pytest/xunitviewer__pytest_testcase_properties.xml', 'junit/cpython-regrtest/xunitviewer__lots-of-results.xml', 'junit/converted-enricomi/enricomi__nunit_nunit3_jenkins_NUnit-simple.xml']) {
      const report = parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
      expect(report.suitesHidingFailures, local).toHaveLength(1);
    }
  });
});

describe('source lines, by each producer', () => {
  const fixture = (producer: string, file: string): Report => parseJunit(file, fs.readFileSync(path.join(repoRoot, '__fixtures__', 'junit', producer, file), 'utf8'));
  const sourceLine = (producer: string, source: string, pattern: RegExp): number => fs.readFileSync(path.join(repoRoot, '__fixtures__', 'junit', producer, source), 'utf8').split('\n').findIndex((l) => pattern.test(l)) + 1;

  it("pytest's 0-based line attribute becomes the line of the test's def", () => {
    const report = fixture('pytest', 'report-xunit1.xml');
    const byName = (name: string): TestCase => report.cases.find((c) => c.name === name)!;
    expect(byName('test_srs_001_computes_dose_from_weight').line).toBe(sourceLine('pytest', 'test_dose.py', /^def test_srs_001_/));
    expect(byName('test_srs_003_rounds_dose_to_0_1_mg').line).toBe(sourceLine('pytest', 'test_dose.py', /^def test_srs_003_/));
    expect(byName('test_caps_at_max').line).toBe(sourceLine('pytest', 'test_dose.py', /def test_caps_at_max/));
  });

  it('a pytest report with another suite name (junit_suite_name) is known by its attributes, and line 0 is line 1', () => {
    const xml = '<testsuites><testsuite name="dose" errors="0" failures="0" skipped="0" tests="1" time="0.1" timestamp="t" hostname="h"><testcase classname="t" name="a" file="t.py" line="0" time="0"/></testsuite></testsuites>';
    expect(parse(xml).cases[0]!.line).toBe(1);
  });

  const pytestCases = '<testcase classname="t" name="a" file="t.py" line="2" time="0"/><testcase classname="t" name="b" file="t.py" line="9" time="0"/>';
  it.each([
    ['reordered suite attributes (merge tools)', `<testsuites><testsuite errors="0" failures="0" name="custom" skipped="0" tests="2" time="0.1" timestamp="t" hostname="h">${pytestCases}</testsuite></testsuites>`],
    ['a suite wrapped by an aggregator', `<testsuites name="all"><testsuite name="py"><testsuite name="custom" errors="0" failures="0" skipped="0" tests="2" time="0.1" timestamp="t" hostname="h">${pytestCases}</testsuite></testsuite></testsuites>`],
    ['pytest\'s root with a suite of other attributes', `<testsuites name="pytest tests"><testsuite name="x" tests="2" id="1">${pytestCases}</testsuite></testsuites>`],
  ])('pytest is known by its attribute sets with %s', (_label, xml) => {
    expect(parse(xml).cases.map((c) => c.line)).toEqual([3, 10]);
  });

  it("a suite named pytest, or of pytest's attributes, whose cases are not pytest's keeps its lines", () => {
    expect(parse('<testsuite name="pytest"><testcase classname="c" name="a" file="a.js" line="3"/><testcase classname="c" name="b" file="a.js" line="9"/></testsuite>').cases.map((c) => c.line)).toEqual([3, 9]);
    const gradleLike = '<testsuite name="a.B" tests="1" skipped="0" failures="0" errors="0" timestamp="t" hostname="h" time="0.1">';
    expect(parse(`${gradleLike}<testcase classname="a.B" name="m" file="B.java" line="3" time="0" status="run"/></testsuite>`).cases[0]!.line).toBe(3);
    expect(parse(`${gradleLike}<testcase classname="a.B" name="m" line="3" time="0"/></testsuite>`).cases[0]!.line).toBe(3);
  });

  it('other producers keep their 1-based lines', () => {
    const phpunit = fixture('phpunit', 'report.xml');
    expect(phpunit.cases[0]).toMatchObject({ name: 'testSrs001ComputesDoseFromWeight', line: 8 });
    expect(sourceLine('phpunit', 'tests/DoseTest.php', /function testSrs001ComputesDoseFromWeight/)).toBe(8);
    expect(parse('<testsuite name="x" tests="1"><testcase name="a" line="0"/><testcase name="b" line="12"/></testsuite>').cases.map((c) => c.line)).toEqual([undefined, 12]);
  });
});
