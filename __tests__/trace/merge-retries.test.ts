/**
 * Cases that share a name: attempts of one test are merged, distinct tests are not, and no merge
 * turns a failure into a pass. The real reports are from the shared corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/junit/decode-report.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { Report, TestCase } from '../../src/model/index.js';
import { mergeRetries } from '../../src/trace/merge-retries.js';
import { corpusDir, corpusPresent } from '../support/corpus.js';
import { exactMatcher, report, requirement, runGate, testCase, traceReports } from '../support/factories.js';

const statuses = (cases: readonly TestCase[]) => cases.map((c) => [c.name, c.status, c.flaky]);

describe('distinct tests that share a name stay apart', () => {
  it('xUnit theory rows: 4 cases, one failing, are 4 tests with 1 failure, and the requirement fails', () => {
    const rows = ['passed', 'passed', 'failed', 'passed'].map((status) =>
      testCase({ classname: 'DoseTests', name: 'SRS-001 ComputesDose', status: status as TestCase['status'] }),
    );
    const gate = runGate([requirement('SRS-001')], [report('reports/xunit.xml', rows)]);
    expect(gate.trace.totals).toMatchObject({ tests: 4, passed: 3, failed: 1 });
    expect(gate.trace.flaky.count).toBe(0);
    expect(gate.trace.requirements[0]!.status).toBe('failed');
    expect(gate.verdict.passed).toBe(false);
  });

  it('two jest files with the same describe and test name (different file) are two tests', () => {
    const a = testCase({ classname: 'dose SRS-001 rounds', name: 'dose SRS-001 rounds', file: 'src/a.test.ts', status: 'failed' });
    const b = testCase({ classname: 'dose SRS-001 rounds', name: 'dose SRS-001 rounds', file: 'src/b.test.ts' });
    const gate = runGate([requirement('SRS-001')], [report('reports/jest.xml', [a, b])]);
    expect(gate.trace.totals).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    expect(gate.trace.requirements[0]!.status).toBe('failed');
  });

  it('same name and file but another class, suite or line: distinct tests', () => {
    const base = { name: 'SRS-001 a', file: 'test_a.py', line: 3 };
    const cases = [
      testCase({ ...base, classname: 'A', status: 'failed' }),
      testCase({ ...base, classname: 'B' }),
      testCase({ ...base, classname: 'A', suites: ['other'] }),
      testCase({ ...base, classname: 'A', line: 9 }),
    ];
    expect(mergeRetries(cases)).toHaveLength(4);
  });

  it('unnamed cases are never attempts of one test, even with a file', () => {
    const cases = ['passed', 'failed', 'errored', 'skipped'].map((status) => testCase({ name: '', file: 'x.py', status: status as TestCase['status'] }));
    expect(mergeRetries(cases).map((c) => c.status).sort()).toEqual(['errored', 'failed', 'passed', 'skipped']);
  });
});

describe('RG-011 attempts of one test (same name, class, suites, file and line, in one report)', () => {
  const attempt = (status: TestCase['status'], fields: Partial<TestCase> = {}): TestCase =>
    testCase({ classname: 'test_dose.TestDose', name: 'test_srs_001', file: 'tests/test_dose.py', line: 4, status, time: 1, ...fields });

  it('failed, then passed: one failed test, not a flaky pass (the report does not mark reruns)', () => {
    const merged = mergeRetries([attempt('failed', { message: 'timeout' }), attempt('passed')]);
    expect(merged.map((c) => [c.status, c.flaky, c.time, c.message])).toEqual([['failed', false, 2, 'timeout']]);
  });

  it('passed, then failed: failed; a test whose last attempt failed is failed', () => {
    expect(statuses(mergeRetries([attempt('passed'), attempt('failed')]))).toEqual([['test_srs_001', 'failed', false]]);
  });

  it('passed, failed, errored: the last failing attempt decides (errored)', () => {
    const merged = mergeRetries([attempt('passed'), attempt('failed', { message: 'first' }), attempt('errored', { message: 'second' })]);
    expect(merged.map((c) => [c.status, c.message])).toEqual([['errored', 'second']]);
  });

  it('in any order of the input, a failing attempt never becomes a pass', () => {
    const attempts = [attempt('passed'), attempt('failed'), attempt('passed'), attempt('skipped')];
    for (let i = 0; i < attempts.length; i++) {
      const rotated = [...attempts.slice(i), ...attempts.slice(0, i)];
      expect(mergeRetries(rotated).map((c) => c.status)).toEqual(['failed']);
    }
  });

  it('attempts that all passed are one passed test; skipped and passed are passed', () => {
    expect(statuses(mergeRetries([attempt('passed'), attempt('passed')]))).toEqual([['test_srs_001', 'passed', false]]);
    expect(statuses(mergeRetries([attempt('skipped'), attempt('passed')]))).toEqual([['test_srs_001', 'passed', false]]);
    expect(statuses(mergeRetries([attempt('skipped'), attempt('skipped')]))).toEqual([['test_srs_001', 'skipped', false]]);
  });

  it('a rerun the producer marks in the case (Surefire flakyFailure) stays a flaky pass', () => {
    const gate = runGate([requirement('SRS-001')], [report('reports/surefire.xml', [testCase({ name: 'SRS-001 a', flaky: true, message: 'timeout' })])]);
    expect(gate.trace.flaky.count).toBe(1);
    expect(gate.trace.requirements[0]!.status).toBe('verified');
    expect(gate.verdict.reasons.map((r) => r.code)).toEqual(['unexplained-flaky']);
  });

  it('attempts in two reports are never merged', () => {
    const t = traceReports([requirement('SRS-001')], [report('reports/a.xml', [attempt('failed', { name: 'SRS-001' })]), report('reports/b.xml', [attempt('passed', { name: 'SRS-001' })])], exactMatcher());
    expect(t.totals).toMatchObject({ tests: 2, failed: 1 });
    expect(t.requirements[0]!.status).toBe('failed');
  });
});

describe.skipIf(!corpusPresent)('real reports with cases that share a name', () => {
  function read(local: string): Report {
    const file = `junit/${local}`;
    return parseJunit(file, decodeReport(file, fs.readFileSync(path.join(corpusDir, file))));
  }
  const traced = (r: Report) => traceReports([], [r], exactMatcher());

  it.each([
    // CUTE has no reruns: tests of one name in one suite are distinct tests.
    ['cute/junit2html__junit-cute2.xml', { tests: 43, failed: 4 }],
    // Fixie runs a generic test once per type; one of the three fails.
    ['converted-enricomi/enricomi__xunit_mstest_fixie.xml', { tests: 7, passed: 3, failed: 3, skipped: 1 }],
    // Four unnamed cases: one each passed, failed, errored, skipped.
    ['handcrafted/enricomi__no-attributes.xml', { tests: 4, passed: 1, failed: 1, errored: 1, skipped: 1 }],
    // gotestsum --rerun-fails writes failed runs before passed ones and no file: the failure stands.
    ['gotestsum/mikepenz__report.xml', { failed: 1 }],
  ])('%s: every test counted, no failure read as a flaky pass', (local, totals) => {
    const t = traced(read(local));
    expect(t.totals).toMatchObject(totals);
    expect(t.flaky.count).toBe(0);
  });

  it.each([
    ['handcrafted/mikepenz__flaky_with_classname_file.xml', 'test_foo.TestFoo', 'test_foo', 'errored'],
    ['handcrafted/mikepenz__flaky_success_first.xml', 'test_order.TestOrder', 'test_success_first', 'errored'],
    ['handcrafted/mikepenz__flaky_all_failures.xml', 'test_always_fails.TestAlwaysFails', 'test_always_fails', 'errored'],
  ])('%s: the attempts of %s.%s (same file and line) are one test, %s', (local, classname, name, status) => {
    const t = traced(read(local));
    const attempts = t.tests.filter((x) => x.test.classname === classname && x.test.name === name);
    expect(attempts.map((x) => [x.status, x.flaky])).toEqual([[status, false]]);
    expect(t.flaky.count).toBe(0);
  });
});
