import { describe, expect, it } from 'vitest';
import type { TestStatus } from '../../src/model/index.js';
import { labelOf } from '../../src/trace/trace.js';
import { trace } from '../support/trace-in-memory.js';
import { exactMatcher, looseMatcher, requirement, testCase } from '../support/factories.js';

/** Traces one requirement SRS-001 against tests of the given statuses that all name it. */
function statusWith(statuses: readonly TestStatus[]): string {
  const tests = statuses.map((status, i) => testCase({ name: `SRS-001 case ${i}`, status }));
  return trace([requirement('SRS-001')], tests, exactMatcher()).requirements[0]!.status;
}

describe('RG-010 requirement status', () => {
  it('is verified when one linked test passed', () => {
    expect(statusWith(['passed'])).toBe('verified');
  });

  it('is verified when at least one linked test passed and the others were skipped', () => {
    expect(statusWith(['skipped', 'passed', 'skipped'])).toBe('verified');
  });

  it('is failed when any linked test failed, even if others passed', () => {
    expect(statusWith(['passed', 'failed', 'passed'])).toBe('failed');
  });

  it('is failed when any linked test errored, even if others passed', () => {
    expect(statusWith(['passed', 'errored'])).toBe('failed');
  });

  it('is skipped when tests link to it but none ran', () => {
    expect(statusWith(['skipped', 'skipped'])).toBe('skipped');
  });

  it('is uncovered when no test links to it', () => {
    expect(statusWith([])).toBe('uncovered');
  });

  it('counts a flaky test (failed, then passed on a rerun) as verifying', () => {
    const t = trace([requirement('SRS-001')], [testCase({ name: 'SRS-001 doses', status: 'passed', flaky: true })], exactMatcher());
    expect(t.requirements[0]!.status).toBe('verified');
  });

  it('keeps the list order of requirements and links each test to every requirement it names', () => {
    const both = testCase({ name: 'SRS-002 and SRS-001 together' });
    const t = trace([requirement('SRS-002', 'second'), requirement('SRS-001', 'first')], [both], exactMatcher());
    expect(t.requirements.map((r) => [r.requirement.id, r.status, r.tests.sample.map((x) => t.tests[x.index]!.test)])).toEqual([
      ['SRS-002', 'verified', [both]],
      ['SRS-001', 'verified', [both]],
    ]);
  });

  it('links a test once to a requirement it names several times', () => {
    const t = trace([requirement('SRS-001')], [testCase({ name: 'SRS-001', classname: 'SRS-001', suites: ['SRS-001'] })], exactMatcher());
    expect(t.requirements[0]!.tests.count).toBe(1);
  });

  it('links loose spellings to the requirement of the list when variants are on', () => {
    const list = [requirement('SRS-004')];
    const t = trace(list, [testCase({ classname: 'Pump', name: 'SRS_004_OcclusionAlarm' })], looseMatcher(list));
    expect(t.requirements[0]!.status).toBe('verified');
    expect(t.unknownIds).toEqual([]);
    expect(t.untraced.count).toBe(0);
  });
});

describe('RG-004 unknown IDs', () => {
  it('groups the tests that name an ID missing from the list by that ID, sorted numerically', () => {
    const a = testCase({ name: 'SRS-10 logs the dose' });
    const b = testCase({ name: 'SRS-9 and SRS-1 alarm' });
    const c = testCase({ name: 'SRS-10 logs the rate' });
    const t = trace([requirement('SRS-1')], [a, b, c], exactMatcher());
    expect(t.unknownIds.map((u) => [u.id, u.tests.sample.map((x) => t.tests[x.index]!.test)])).toEqual([
      ['SRS-9', [b]],
      ['SRS-10', [a, c]],
    ]);
    expect(t.requirements[0]!.tests.sample.map((x) => t.tests[x.index]!.test)).toEqual([b]);
  });

  it('records on each test which of its IDs are unknown', () => {
    const t = trace([requirement('SRS-1')], [testCase({ name: 'SRS-1 and SRS-77' })], exactMatcher());
    expect(t.tests[0]!.ids).toEqual(['SRS-1', 'SRS-77']);
    expect(t.tests[0]!.unknownIds).toEqual(['SRS-77']);
  });

  it('does not count a test that names only an unknown ID as untraced', () => {
    const t = trace([requirement('SRS-1')], [testCase({ name: 'SRS-77 typo' })], exactMatcher());
    expect(t.untraced.count).toBe(0);
    expect(t.unknownIds.map((u) => u.id)).toEqual(['SRS-77']);
  });
});

describe('RG-005 untraced tests and totals', () => {
  it('lists every test that names no requirement ID, in one order whatever the input order', () => {
    const x = testCase({ name: 'smoke test' });
    const y = testCase({ name: 'SRS-1 dose' });
    const z = testCase({ classname: 'util', name: 'formats numbers' });
    const t = trace([requirement('SRS-1')], [x, y, z], exactMatcher());
    expect(t.untraced.sample.map((u) => t.tests[u.index]!.test)).toEqual([x, z]);
    expect(t.tests.map((u) => u.test)).toEqual([y, x, z]);
    expect(trace([requirement('SRS-1')], [z, y, x], exactMatcher()).tests.map((u) => u.test)).toEqual([y, x, z]);
  });

  it('computes the totals from the test cases', () => {
    const statuses: TestStatus[] = ['passed', 'passed', 'failed', 'errored', 'skipped', 'passed', 'skipped'];
    const t = trace([], statuses.map((status, i) => testCase({ name: `case ${i}`, status })), exactMatcher());
    expect(t.totals).toEqual({ tests: 7, passed: 3, failed: 1, errored: 1, skipped: 2 });
  });

  it('has zero totals and every requirement uncovered without tests', () => {
    const t = trace([requirement('SRS-1'), requirement('SRS-2')], [], exactMatcher());
    expect(t.totals).toEqual({ tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 });
    expect(t.requirements.map((r) => r.status)).toEqual(['uncovered', 'uncovered']);
  });
});

describe('test labels', () => {
  it('is "Class › name"', () => {
    expect(labelOf(testCase({ classname: 'DoseTest', name: 'rejects a negative weight' }))).toBe('DoseTest › rejects a negative weight');
  });

  it('is the name alone when the name already repeats the class, or there is no class', () => {
    expect(labelOf(testCase({ classname: 'DoseTest', name: 'DoseTest.rejectsNegative' }))).toBe('DoseTest.rejectsNegative');
    expect(labelOf(testCase({ classname: '', name: 'rejects' }))).toBe('rejects');
  });

  it('names a test without a name "(unnamed test)"', () => {
    expect(labelOf(testCase({ classname: 'DoseTest', name: '' }))).toBe('DoseTest › (unnamed test)');
  });
});

describe('what the lists of tests keep', () => {
  it('keeps of a sampled test what is shown of it, not its test case; a list of failing tests keeps the message too', () => {
    const failing = testCase({ classname: 'Pump', name: 'SRS-1 doses', status: 'failed', message: 'expected 1', file: 'src/pump.test.ts', line: 7, properties: [{ name: 'requirements', value: 'SRS-1' }] });
    const t = trace([requirement('SRS-1')], [failing], exactMatcher());
    const shown = { index: 0, name: 'Pump › SRS-1 doses', status: 'failed', report: 'reports/unit.xml', flaky: false, explainedBy: [], file: 'src/pump.test.ts', line: 7 };
    expect(t.requirements[0]!.tests.sample).toStrictEqual([shown]);
    expect(t.requirements[0]!.failing.sample).toStrictEqual([{ ...shown, message: 'expected 1' }]);
    expect(t.unexplained.sample).toStrictEqual([shown]);
    // The readable test record keeps whole tests.
    expect(t.record.sample[0]!.test).toStrictEqual(failing);
    expect(t.record.sample[0]!.test).not.toBe(failing);
  });
});
