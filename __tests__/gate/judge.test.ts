import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { judge, NAMES_IN_A_REASON } from '../../src/gate/judge.js';
import type { Report, Requirement, TestCase, Verdict } from '../../src/model/index.js';
import { FAIL_UNTRACED, report, requirement, testCase, traceReports, WARN_UNTRACED } from '../support/factories.js';

function verdictOf(requirements: readonly Requirement[], cases: readonly TestCase[], policy = FAIL_UNTRACED): Verdict {
  return judge(traceReports(requirements, [report('reports/unit.xml', cases)]), policy);
}

function judgeReports(requirements: readonly Requirement[], reports: readonly Report[]): Verdict {
  return judge(traceReports(requirements, reports), FAIL_UNTRACED);
}

const codes = (v: Verdict) => v.reasons.map((r) => r.code);

describe('judge: passing', () => {
  it('passes with 100 % coverage when every requirement is verified and every test is traced', () => {
    const v = verdictOf(
      [requirement('SRS-001', 'Compute the dose'), requirement('SRS-002', 'Reject a negative weight')],
      [testCase({ classname: 'DoseTest', name: 'SRS-001 computes' }), testCase({ classname: 'DoseTest', name: 'SRS-002 rejects' })],
    );
    expect(v.passed).toBe(true);
    expect(v.reasons).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(v.coverage).toBe(100);
  });
});

describe('RG-020 judge: every reason names what is wrong', () => {
  it('requirement-failed names the requirement, its title, the count and the failing tests only', () => {
    const v = verdictOf(
      [requirement('SRS-001', 'Compute the dose')],
      [
        testCase({ classname: 'DoseTest', name: 'SRS-001 computes for 70 kg' }),
        testCase({ classname: 'DoseTest', name: 'SRS-001 computes for 3 kg', status: 'failed' }),
        testCase({ classname: 'DoseTest', name: 'SRS-001 computes for 0.5 kg', status: 'errored' }),
      ],
    );
    expect(v.passed).toBe(false);
    expect(codes(v)).toEqual(['requirement-failed']);
    const message = v.reasons[0]!.message;
    expect(message).toMatch(/^SRS-001 \(Compute the dose\) failed: 2 of its 3 tests failed or errored/);
    expect(message).toContain('"DoseTest › SRS-001 computes for 0.5 kg", "DoseTest › SRS-001 computes for 3 kg"');
    expect(message).not.toContain('70 kg');
  });

  it('names a requirement without a title by its ID alone', () => {
    const v = verdictOf([requirement('SRS-001')], [testCase({ name: 'SRS-001 computes', status: 'failed' })]);
    const message = v.reasons[0]!.message;
    expect(message).toMatch(/^SRS-001 failed: 1 of its 1 test failed or errored/);
    expect(message).toContain('"SRS-001 computes"');
  });

  it('requirement-skipped names the requirement, its title and the tests that did not run', () => {
    const v = verdictOf(
      [requirement('SRS-004', 'Raise an alarm on line occlusion')],
      [testCase({ classname: 'Alarm', name: 'SRS-004 sounds', status: 'skipped' }), testCase({ classname: 'Alarm', name: 'SRS-004 flashes', status: 'skipped' })],
    );
    expect(v.reasons).toEqual([
      {
        code: 'requirement-skipped',
        message: 'SRS-004 (Raise an alarm on line occlusion) is not verified: its 2 tests did not run (skipped): "Alarm › SRS-004 flashes", "Alarm › SRS-004 sounds"',
      },
    ]);
  });

  it('requirement-skipped says "test" for a single test', () => {
    const v = verdictOf([requirement('SRS-004')], [testCase({ name: 'SRS-004 sounds', status: 'skipped' })]);
    expect(v.reasons[0]!.message).toBe('SRS-004 is not verified: its 1 test did not run (skipped): "SRS-004 sounds"');
  });

  it('requirement-uncovered names the requirement and its title', () => {
    const v = verdictOf([requirement('SRS-001'), requirement('SRS-005', 'Log every administered dose')], [testCase({ name: 'SRS-001 computes' })]);
    expect(v.reasons).toEqual([{ code: 'requirement-uncovered', message: 'SRS-005 (Log every administered dose) is not verified: no test names it' }]);
  });

  it('unknown-id names the ID and the tests that name it', () => {
    const v = verdictOf(
      [requirement('SRS-001')],
      [testCase({ name: 'SRS-001 computes' }), testCase({ classname: 'Log', name: 'SRS-0005 logs', properties: [{ name: 'requirements', value: 'SRS-001' }] })],
    );
    expect(v.reasons).toEqual([
      {
        code: 'unknown-id',
        message: 'SRS-0005 is not in the requirements list but 1 test names it (a typo, or a requirement missing from the list): "Log › SRS-0005 logs"',
      },
    ]);
  });

  it('unknown-id uses the plural for several tests', () => {
    const v = verdictOf([requirement('SRS-001')], [testCase({ name: 'SRS-001 SRS-9 a' }), testCase({ name: 'SRS-001 SRS-9 b' })]);
    expect(v.reasons[0]!.message).toBe('SRS-9 is not in the requirements list but 2 tests name it (a typo, or a requirement missing from the list): "SRS-001 SRS-9 a", "SRS-001 SRS-9 b"');
  });

  it('untraced-tests fails the gate under the default policy and names the tests', () => {
    const v = verdictOf([requirement('SRS-001')], [testCase({ name: 'SRS-001 computes' }), testCase({ classname: 'Smoke', name: 'starts up' })]);
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([{ code: 'untraced-tests', message: '1 test names no requirement ID: "Smoke › starts up"' }]);
    expect(v.warnings).toEqual([]);
  });

  it('untraced tests only warn under "warn", and the gate passes', () => {
    const v = verdictOf([requirement('SRS-001')], [testCase({ name: 'SRS-001 computes' }), testCase({ name: 'starts up' }), testCase({ name: 'shuts down' })], WARN_UNTRACED);
    expect(v.passed).toBe(true);
    expect(v.reasons).toEqual([]);
    expect(v.warnings).toEqual([{ code: 'untraced-tests', message: '2 tests name no requirement ID: "shuts down", "starts up"' }]);
    expect(v.coverage).toBe(100);
  });

  it('in exact mode, suggests id-variants: loose for untraced tests that write an ID of the list loosely', () => {
    const list = [requirement('SRS-001'), requirement('SRS-004')];
    const spelling = 'an ID of the list in a spelling such as SRS_001 or TestSRS004, which only id-variants: loose links';
    const one = verdictOf(list, [testCase({ name: 'SRS-001 a' }), testCase({ name: 'SRS-004 b' }), testCase({ classname: 'Dose', name: 'SRS_001_Computes' })]);
    expect(one.reasons).toEqual([{ code: 'untraced-tests', message: `1 test names no requirement ID: "Dose › SRS_001_Computes" (it names ${spelling})` }]);
    const some = verdictOf(list, [
      testCase({ name: 'SRS-001 a' }),
      testCase({ name: 'SRS-004 b' }),
      testCase({ classname: 'pump', name: 'TestSRS004Alarm' }),
      testCase({ suites: ['test_srs_1'], name: 'computes' }),
      testCase({ name: 'starts up' }),
    ]);
    expect(some.reasons[0]!.message).toBe(
      `3 tests name no requirement ID: "computes", "starts up", "pump › TestSRS004Alarm"; 2 of them name ${spelling}: "computes", "pump › TestSRS004Alarm"`,
    );
  });

  it('gives no loose hint for loose spellings of IDs the list lacks', () => {
    const v = verdictOf([requirement('SRS-001')], [testCase({ name: 'SRS-001 a' }), testCase({ name: 'SRS_002_Computes' }), testCase({ name: 'TestSRS9' })]);
    expect(v.reasons[0]!.message).toBe('2 tests name no requirement ID: "SRS_002_Computes", "TestSRS9"');
  });

  it(`quotes ${NAMES_IN_A_REASON} tests and says "and N more" for the rest`, () => {
    const failing = Array.from({ length: 7 }, (_, i) => testCase({ name: `SRS-001 case ${i + 1}`, status: 'failed' }));
    const message = verdictOf([requirement('SRS-001')], failing).reasons[0]!.message;
    expect(message).toMatch(/^SRS-001 failed: 7 of its 7 tests failed or errored/);
    expect(message).toMatch(/: "SRS-001 case 1", "SRS-001 case 2", "SRS-001 case 3", "SRS-001 case 4", "SRS-001 case 5" and 2 more$/);
    expect(message).not.toContain('case 6');
    expect(message).not.toContain('case 7');
  });

  it('does not say "and 0 more" for exactly five tests', () => {
    const untraced = Array.from({ length: 5 }, (_, i) => testCase({ name: `t${i}` }));
    const message = verdictOf([], untraced).reasons[0]!.message;
    expect(message).toBe('5 tests name no requirement ID: "t0", "t1", "t2", "t3", "t4"');
  });

  it('lists reasons in the order: requirements in list order, unknown IDs, untraced tests', () => {
    const v = verdictOf(
      [requirement('SRS-003'), requirement('SRS-001'), requirement('SRS-002')],
      [testCase({ name: 'untraced' }), testCase({ name: 'SRS-42' }), testCase({ name: 'SRS-001', status: 'failed' }), testCase({ name: 'SRS-002', status: 'skipped' })],
    );
    expect(v.reasons.map((r) => [r.code, r.message.slice(0, 7)])).toEqual([
      ['requirement-uncovered', 'SRS-003'],
      ['requirement-failed', 'SRS-001'],
      ['requirement-skipped', 'SRS-002'],
      ['unknown-id', 'SRS-42 '],
      ['untraced-tests', '1 test '],
    ]);
  });
});

describe('RG-022 judge: reports without tests', () => {
  it('fails when the only report holds no test case', () => {
    const v = judgeReports([requirement('SRS-001')], [report('reports/unit.xml', [])]);
    expect(v.passed).toBe(false);
    expect(v.reasons[0]).toEqual({ code: 'no-tests', message: 'no test case was found in the report: nothing verifies the release' });
  });

  it('fails when no report of several holds a test case', () => {
    const v = judgeReports([requirement('SRS-001')], [report('a.xml', []), report('b.xml', [])]);
    expect(v.reasons[0]).toEqual({ code: 'no-tests', message: 'no test case was found in any of the 2 reports: nothing verifies the release' });
  });

  it('fails on a report whose suites declare tests but that holds no case, naming the file', () => {
    const v = judgeReports(
      [requirement('SRS-001')],
      [report('reports/unit.xml', [testCase({ name: 'SRS-001 computes' })]), report('reports/truncated.xml', [], { tests: 12, failed: 1 })],
    );
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([
      {
        code: 'report-without-cases',
        message: 'reports/truncated.xml: its suites declare 12 tests but the report contains no test case; the report is incomplete',
      },
    ]);
  });

  it('accepts one empty report (like the JUnit vintage engine file) beside reports with tests', () => {
    const v = judgeReports([requirement('SRS-001')], [report('TEST-junit-jupiter.xml', [testCase({ name: 'SRS-001 computes' })]), report('TEST-junit-vintage.xml', [])]);
    expect(v.passed).toBe(true);
  });
});

describe('RG-021 judge: unreadable inputs', () => {
  it('puts every problem first, as unreadable-input with file and line, before the gaps of the trace', () => {
    const problems = [new UserError('not well-formed XML: unclosed tag <testcase>', { file: 'reports/api.xml', line: 41 }), new UserError('input "reports" matched nothing')];
    const t = traceReports([requirement('SRS-001')], [report('reports/unit.xml', [])]);
    const v = judge(t, FAIL_UNTRACED, problems);
    expect(v.passed).toBe(false);
    expect(v.reasons.slice(0, 2)).toEqual([
      { code: 'unreadable-input', message: 'reports/api.xml:41: not well-formed XML: unclosed tag <testcase>' },
      { code: 'unreadable-input', message: 'input "reports" matched nothing' },
    ]);
    expect(codes(v).slice(2)).toEqual(['no-tests', 'requirement-uncovered']);
  });

  it('fails on a problem alone, even when the trace has no gap', () => {
    const cases = [testCase({ name: 'SRS-001 computes' })];
    const t = traceReports([requirement('SRS-001')], [report('reports/unit.xml', cases)]);
    const v = judge(t, FAIL_UNTRACED, [new UserError('bad bytes', { file: 'reports/other.xml' })]);
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([{ code: 'unreadable-input', message: 'reports/other.xml: bad bytes' }]);
    expect(v.coverage).toBe(100);
  });

  it('fails without a trace, saying the requirements list could not be read', () => {
    const v = judge(traceReports(undefined, []), FAIL_UNTRACED);
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([{ code: 'unreadable-input', message: 'the requirements list could not be read' }]);
    expect(v.coverage).toBe(0);
  });

  it('fails without a trace on the problem that explains it', () => {
    const v = judge(traceReports(undefined, []), FAIL_UNTRACED, [new UserError('duplicate ID "SRS-002"', { file: 'docs/requirements.md', line: 9 })]);
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([{ code: 'unreadable-input', message: 'docs/requirements.md:9: duplicate ID "SRS-002"' }]);
  });
});

describe('RG-012 judge: coverage', () => {
  /** Coverage with `verified` of `total` requirements verified and the rest uncovered. */
  function coverage(verified: number, total: number): number {
    const list = Array.from({ length: total }, (_, i) => requirement(`SRS-${i + 1}`));
    const cases = list.slice(0, verified).map((r) => testCase({ name: `${r.id} passes` }));
    return verdictOf(list, cases).coverage;
  }

  it('is floored to one decimal: 2 of 3 is 66.6', () => {
    expect(coverage(2, 3)).toBe(66.6);
  });

  it('is 33.3 for 1 of 3 and 12.5 for 1 of 8', () => {
    expect(coverage(1, 3)).toBe(33.3);
    expect(coverage(1, 8)).toBe(12.5);
  });

  it('never rounds up to 100 while one requirement is missing: 999 of 1000 is 99.9', () => {
    expect(coverage(999, 1000)).toBe(99.9);
  });

  it('is 99.9, not 100, for 19,999 of 20,000', () => {
    expect(coverage(19_999, 20_000)).toBe(99.9);
  });

  it('is 100 only when every requirement is verified, for every list of up to 120 requirements', () => {
    for (let total = 1; total <= 120; total++) {
      expect(coverage(total - 1, total)).toBeLessThan(100);
      expect(coverage(total, total)).toBe(100);
    }
  });

  it('is 0 for an empty list, and 0 when nothing is verified', () => {
    expect(coverage(0, 0)).toBe(0);
    expect(coverage(0, 4)).toBe(0);
  });

  it('counts failed and skipped requirements as not verified', () => {
    const v = verdictOf(
      [requirement('SRS-1'), requirement('SRS-2'), requirement('SRS-3'), requirement('SRS-4')],
      [testCase({ name: 'SRS-1' }), testCase({ name: 'SRS-2', status: 'failed' }), testCase({ name: 'SRS-3', status: 'skipped' }), testCase({ name: 'SRS-4' })],
    );
    expect(v.coverage).toBe(50);
  });
});

describe('findings of the release checks', () => {
  const passing = () => traceReports([requirement('SRS-001')], [report('reports/unit.xml', [testCase({ name: 'SRS-001 works' })])]);
  it('a blocking finding fails a gate whose tests all pass, ahead of the other reasons', () => {
    const v = judge(passing(), FAIL_UNTRACED, [], [], [{ code: 'unreadable-input', message: 'HEAD carries no version tag', blocking: true }]);
    expect(v.passed).toBe(false);
    expect(v.reasons).toEqual([{ code: 'unreadable-input', message: 'HEAD carries no version tag' }]);
  });
  it('a finding that does not block is a warning, and the gate still passes', () => {
    const v = judge(passing(), FAIL_UNTRACED, [], [], [{ code: 'unreadable-input', message: 'dry run: no tag', blocking: false }]);
    expect(v.passed).toBe(true);
    expect(v.warnings.map((w) => w.message)).toEqual(['dry run: no tag']);
  });
  it('a blocking finding still fails when the requirements list could not be read', () => {
    const v = judge(traceReports(undefined, []), FAIL_UNTRACED, [], [], [{ code: 'unreadable-input', message: 'tree is dirty', blocking: true }]);
    expect(v.reasons.map((r) => r.message)).toEqual(['tree is dirty']);
    expect(v.passed).toBe(false);
  });
});
