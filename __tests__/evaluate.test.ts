import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { judge } from '../src/gate/judge.js';
import type { Report } from '../src/model/index.js';
import { evaluate, type GateInput } from './support/gate-run.js';
import { defaultPattern, FAIL_UNTRACED, PROVENANCE, report, requirement, requirementList, testCase, traceReports, WARN_UNTRACED } from './support/factories.js';

const WORKSPACE = '/home/runner/work/pump/pump';
const LIST = requirementList(
  [
    requirement('SRS-001', 'Compute the dose', 7),
    requirement('SRS-002', 'Reject a negative weight', 8),
    requirement('SRS-003', 'Round the dose', 9),
    requirement('SRS-004', 'Occlusion alarm', 10),
  ],
  'docs/requirements.md',
);

const PYTHON = report('reports/python.xml', [
  testCase({ classname: 'tests.test_dose', name: 'test_computes[SRS-001]', file: 'tests/test_dose.py', line: 4 }),
  testCase({ classname: 'tests.test_dose', name: 'test_rejects[SRS-002]', status: 'failed', message: 'assert 0 > 0', file: `${WORKSPACE}/tests/test_dose.py`, line: 9 }),
]);
const UNIT = report('reports/unit.xml', [
  testCase({ classname: 'alarm', name: 'SRS-004 sounds', file: 'src/alarm.test.ts', line: 3 }),
  testCase({ classname: 'alarm', name: 'starts up' }),
]);

function input(fields: Partial<GateInput> = {}): GateInput {
  return {
    list: LIST,
    reports: [PYTHON, UNIT],
    problems: [],
    pattern: defaultPattern(),
    idVariants: 'exact',
    policy: FAIL_UNTRACED,
    provenance: PROVENANCE,
    workspace: WORKSPACE,
    ...fields,
  };
}

describe('evaluate: a whole run', () => {
  it('gives the verdict that judge gives for the same list and reports', async () => {
    const reports: Report[] = [PYTHON, UNIT];
    const expected = judge(traceReports(LIST.requirements, reports), FAIL_UNTRACED);
    const outcome = await evaluate(input());
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.passed).toBe(expected.passed);
    expect(outcome.verdict.reasons).toEqual(expected.reasons);
    expect(outcome.verdict.warnings).toEqual(expected.warnings);
    expect(outcome.verdict.coverage).toBe(expected.coverage);
    expect(outcome.verdict.reasons.map((r) => r.code)).toEqual(['requirement-failed', 'requirement-uncovered', 'untraced-tests']);
    expect(outcome.verdict.coverage).toBe(50);
  });

  it('builds evidence and annotations that agree with the verdict', async () => {
    const outcome = await evaluate(input());
    expect(outcome.evidence.verdict).toBe('fail');
    expect(outcome.evidence.reasons).toEqual(outcome.verdict.reasons);
    expect(outcome.evidence.totals).toEqual({ tests: 4, passed: 3, failed: 1, errored: 0, skipped: 0, attempts: 4 });
    expect(outcome.annotations.map((a) => [a.level, a.title, a.file, a.line])).toEqual([
      ['error', 'SRS-002: test failed', 'tests/test_dose.py', 9],
      ['error', 'SRS-003 not verified', 'docs/requirements.md', 9],
      ['error', 'Test names no requirement', undefined, undefined],
    ]);
  });

  it('passes a release with every requirement verified, untraced tests only warning', async () => {
    const all = report('reports/unit.xml', [...LIST.requirements.map((r) => testCase({ name: `${r.id} passes` })), testCase({ name: 'starts up' })]);
    const outcome = await evaluate(input({ reports: [all], policy: WARN_UNTRACED }));
    expect(outcome.verdict.passed).toBe(true);
    expect(outcome.verdict.coverage).toBe(100);
    expect(outcome.evidence.verdict).toBe('pass');
    expect(outcome.annotations).toEqual([{ level: 'warning', title: 'Test names no requirement', message: 'starts up' }]);
  });

  it('links loose spellings when id-variants is loose, and not when exact', async () => {
    const gtest = report('reports/gtest.xml', [
      testCase({ classname: 'Dose', name: 'SRS_001_Computes' }),
      testCase({ classname: 'Dose', name: 'SRS_002_Rejects' }),
      testCase({ classname: 'Round', name: 'TestSRS003' }),
      testCase({ classname: 'Alarm', name: 'Srs004Sounds' }),
    ]);
    expect((await evaluate(input({ reports: [gtest], idVariants: 'loose' }))).verdict.passed).toBe(true);
    const exact = (await evaluate(input({ reports: [gtest], idVariants: 'exact' }))).verdict;
    expect(exact.passed).toBe(false);
    expect(exact.coverage).toBe(0);
  });

  it('turns a list whose IDs collide when written loosely into a reason instead of throwing', async () => {
    const list = requirementList([requirement('SRS-4'), requirement('SRS-004')]);
    const outcome = await evaluate(input({ list, idVariants: 'loose' }));
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons).toHaveLength(1);
    expect(outcome.verdict.reasons[0]!.code).toBe('unreadable-input');
    expect(outcome.verdict.reasons[0]!.message).toContain('id-variants');
    expect(outcome.annotations[0]).toMatchObject({ level: 'error', title: 'Unreadable input' });
  });
});

describe('evaluate: unreadable inputs', () => {
  it('fails on an unreadable list with that problem first, annotated at its file and line', async () => {
    const problem = new UserError('duplicate ID "SRS-002" (first on line 8)', { file: `${WORKSPACE}/docs/requirements.md`, line: 12 });
    const outcome = await evaluate(input({ list: undefined, problems: [problem] }));
    expect(outcome.trace.listRead).toBe(false);
    expect(outcome.evidence.totals.tests).toBe(4);
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons[0]).toEqual({ code: 'unreadable-input', message: `${WORKSPACE}/docs/requirements.md:12: duplicate ID "SRS-002" (first on line 8)` });
    expect(outcome.annotations[0]).toEqual({
      level: 'error',
      title: 'Unreadable input',
      message: 'duplicate ID "SRS-002" (first on line 8)',
      file: 'docs/requirements.md',
      line: 12,
    });
    expect(outcome.evidence.verdict).toBe('fail');
    expect(outcome.evidence.reasons[0]).toEqual(outcome.verdict.reasons[0]);
  });

  it('puts a report problem before the gaps of the trace', async () => {
    const problem = new UserError('not well-formed XML', { file: 'reports/broken.xml', line: 3 });
    const outcome = await evaluate(input({ problems: [problem] }));
    expect(outcome.verdict.reasons.map((r) => r.code)).toEqual(['unreadable-input', 'requirement-failed', 'requirement-uncovered', 'untraced-tests']);
    expect(outcome.annotations[0]).toMatchObject({ level: 'error', title: 'Unreadable input', file: 'reports/broken.xml', line: 3 });
  });

  it('annotates a problem in a file outside the workspace without a place', async () => {
    const problem = new UserError('outside the workspace', { file: '/etc/requirements.md' });
    const outcome = await evaluate(input({ list: undefined, problems: [problem] }));
    expect(outcome.annotations).toEqual([{ level: 'error', title: 'Unreadable input', message: 'outside the workspace' }]);
  });
});
