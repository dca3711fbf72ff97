import { describe, expect, it } from 'vitest';
import type { GatePolicy, TestCase } from '../../src/model/index.js';
import {
  buildAnnotations,
  capAnnotations,
  MAX_ERROR_ANNOTATIONS,
  MAX_WARNING_ANNOTATIONS,
  toRepoPath,
  type Annotation,
} from '../../src/report/annotations.js';
import { anomalyExplainer, evaluateAnomaly } from '../../src/gate/anomalies.js';
import { judge } from '../../src/gate/judge.js';
import { anomaly } from '../support/chromium-fixtures.js';
import { exactMatcher, FAIL_UNTRACED, report, requirement, requirementList, runGate, testCase, traceReports, WARN_UNTRACED } from '../support/factories.js';

const WORKSPACE = '/home/runner/work/pump/pump';
const LIST = requirementList(
  [
    requirement('SRS-001', 'Compute the dose', 7),
    requirement('SRS-002', 'Reject a negative weight', 8),
    requirement('SRS-003', 'Round the dose', 9),
    requirement('SRS-004', 'Occlusion alarm', 10),
  ],
  `${WORKSPACE}/docs/requirements.md`,
);

function annotate(cases: readonly TestCase[], policy: GatePolicy = FAIL_UNTRACED): Annotation[] {
  const { trace, verdict } = runGate(LIST.requirements, [report('reports/unit.xml', cases)], policy);
  return [...buildAnnotations(trace, verdict, LIST, WORKSPACE).annotations];
}

/** Every kind of finding once, given in the reverse of the order annotations should have. */
const MIXED: readonly TestCase[] = [
  testCase({ classname: 'Smoke', name: 'starts up', file: `${WORKSPACE}/tests/smoke.py`, line: 3 }),
  testCase({ classname: 'Dose', name: 'SRS-004 alarm', status: 'skipped' }),
  testCase({ classname: 'Log', name: 'SRS-077 logs', file: 'tests/log.py', line: 5 }),
  testCase({ classname: 'Dose', name: 'SRS-001 computes', status: 'failed', file: `${WORKSPACE}/tests/dose.py`, line: 12, message: 'expected 7.0, got 7.1' }),
  testCase({ classname: 'Dose', name: 'SRS-002 rejects', flaky: true }),
];

describe('buildAnnotations: order', () => {
  it('puts failing tests first, then unknown IDs, then uncovered and skipped requirements, then untraced tests', () => {
    expect(annotate(MIXED).map((a) => [a.level, a.title])).toEqual([
      ['error', 'SRS-001: test failed'],
      ['error', 'Unknown requirement ID SRS-077'],
      ['error', 'SRS-003 not verified'],
      ['error', 'SRS-004 not verified'],
      ['error', 'Test names no requirement'],
      ['warning', 'Flaky test'],
    ]);
  });

  it('annotates a failing test at its file and line inside the repository, with its message', () => {
    expect(annotate(MIXED)[0]).toEqual({
      level: 'error',
      title: 'SRS-001: test failed',
      message: 'Dose › SRS-001 computes: expected 7.0, got 7.1',
      file: 'tests/dose.py',
      line: 12,
    });
  });

  it('names an errored test as errored', () => {
    const [first] = annotate([testCase({ name: 'SRS-001 computes', status: 'errored' })]);
    expect(first!.title).toBe('SRS-001: test errored');
  });

  it('annotates an unknown ID at the test that names it, naming the requirements file', () => {
    expect(annotate(MIXED)[1]).toEqual({
      level: 'error',
      title: 'Unknown requirement ID SRS-077',
      message: `Log › SRS-077 logs names SRS-077, which is not in ${WORKSPACE}/docs/requirements.md`,
      file: 'tests/log.py',
      line: 5,
    });
  });

  it('annotates uncovered and skipped requirements at their line of the requirements file', () => {
    const [, , uncovered, skipped] = annotate(MIXED);
    expect(uncovered).toEqual({
      level: 'error',
      title: 'SRS-003 not verified',
      message: 'SRS-003: no test names this requirement',
      file: 'docs/requirements.md',
      line: 9,
    });
    expect(skipped).toEqual({
      level: 'error',
      title: 'SRS-004 not verified',
      message: 'SRS-004: every test of this requirement was skipped',
      file: 'docs/requirements.md',
      line: 10,
    });
  });

  it('annotates a test without a known file without a place', () => {
    const untraced = annotate([testCase({ name: 'no file' })]).find((a) => a.title === 'Test names no requirement');
    expect(untraced).toEqual({ level: 'error', title: 'Test names no requirement', message: 'no file' });
  });
});

describe('buildAnnotations: levels', () => {
  it('makes untraced tests errors when they fail the gate', () => {
    const untraced = annotate(MIXED, FAIL_UNTRACED).filter((a) => a.title === 'Test names no requirement');
    expect(untraced).toEqual([{ level: 'error', title: 'Test names no requirement', message: 'Smoke › starts up', file: 'tests/smoke.py', line: 3 }]);
  });

  it('makes untraced tests warnings, after every error, under "warn"', () => {
    const all = annotate(MIXED, WARN_UNTRACED);
    expect(all.map((a) => [a.level, a.title])).toEqual([
      ['error', 'SRS-001: test failed'],
      ['error', 'Unknown requirement ID SRS-077'],
      ['error', 'SRS-003 not verified'],
      ['error', 'SRS-004 not verified'],
      ['warning', 'Test names no requirement'],
      ['warning', 'Flaky test'],
    ]);
  });

  it('makes a flaky test a warning that says it passed on a rerun', () => {
    const flaky = annotate(MIXED).find((a) => a.title === 'Flaky test');
    expect(flaky).toEqual({ level: 'warning', title: 'Flaky test', message: 'Dose › SRS-002 rejects failed, then passed on a rerun' });
  });

  it('annotates nothing for a release without findings', () => {
    expect(annotate([testCase({ name: 'SRS-001 SRS-002 SRS-003 SRS-004 all' })])).toEqual([]);
  });
});

describe('capAnnotations', () => {
  const many = (level: 'error' | 'warning', n: number): Annotation[] => Array.from({ length: n }, (_, i) => ({ level, title: `${level} ${i + 1}`, message: 'm' }));

  it(`keeps the first ${MAX_ERROR_ANNOTATIONS} errors and ${MAX_WARNING_ANNOTATIONS} warnings and adds exactly one notice with the hidden count`, () => {
    const capped = capAnnotations([...many('error', 15), ...many('warning', 12)]);
    expect(capped.filter((a) => a.level === 'error').map((a) => a.title)).toEqual(many('error', MAX_ERROR_ANNOTATIONS).map((a) => a.title));
    expect(capped.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual(many('warning', 10).map((a) => a.title));
    const notices = capped.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^8 more findings are not annotated here/);
    expect(capped.at(-1)).toBe(notices[0]);
    expect(capped).toHaveLength(MAX_ERROR_ANNOTATIONS + 10 + 1);
  });

  it('counts hidden errors alone when the warnings fit', () => {
    const capped = capAnnotations([...many('error', MAX_ERROR_ANNOTATIONS + 1), ...many('warning', 2)]);
    expect(capped).toHaveLength(MAX_ERROR_ANNOTATIONS + 3);
    expect(capped.at(-1)!.message).toMatch(/^1 more findings/);
  });

  it('adds no notice when everything fits', () => {
    const all = [...many('error', MAX_ERROR_ANNOTATIONS), ...many('warning', 10)];
    expect(capAnnotations(all)).toEqual(all);
  });

  it('keeps errors before warnings', () => {
    const capped = capAnnotations([...many('warning', 2), ...many('error', 2)]);
    expect(capped.map((a) => a.level)).toEqual(['error', 'error', 'warning', 'warning']);
  });
});

describe('toRepoPath', () => {
  it.each([
    ['an absolute path under the workspace', '/ws/src/a.ts', '/ws', 'src/a.ts'],
    ['a workspace given with a trailing slash', '/ws/src/a.ts', '/ws/', 'src/a.ts'],
    ['a relative path', 'src/a.ts', '/ws', 'src/a.ts'],
    ['a relative path starting with ./', './src/a.ts', '/ws', 'src/a.ts'],
    ['a relative path that climbs and comes back', 'src/../lib/a.ts', '/ws', 'lib/a.ts'],
    ['a Windows path under a Windows workspace', 'D:\\a\\pump\\pump\\src\\a.ts', 'D:\\a\\pump\\pump', 'src/a.ts'],
    ['a relative path with backslashes', 'src\\dose\\a.ts', '/ws', 'src/dose/a.ts'],
  ])('maps %s into the repository', (_what, file, workspace, expected) => {
    expect(toRepoPath(file, workspace)).toBe(expected);
  });

  it.each([
    ['an absolute path outside the workspace', '/etc/passwd', '/ws'],
    ['a sibling folder that shares the prefix', '/wsx/a.ts', '/ws'],
    ['a path climbing out of the workspace with ..', '/ws/../etc/passwd', '/ws'],
    ['a relative path climbing out with ..', '../other/a.ts', '/ws'],
    ['a relative path climbing out in the middle', 'src/../../a.ts', '/ws'],
    ['the workspace itself', '/ws', '/ws'],
    ['a Windows path on another drive', 'C:\\ws\\a.ts', 'D:\\ws'],
  ])('drops %s', (_what, file, workspace) => {
    expect(toRepoPath(file, workspace)).toBeUndefined();
  });
});

describe('buildAnnotations: failures a residual anomaly accepts', () => {
  function withAnomaly(cases: readonly TestCase[], tests: readonly string[]) {
    const evaluated = [evaluateAnomaly(anomaly({ id: 'ANOM-7', tests }), { hasAcceptableColumn: true })];
    const trace = traceReports(LIST.requirements, [report('reports/unit.xml', cases)], exactMatcher(), anomalyExplainer(evaluated));
    const verdict = judge(trace, WARN_UNTRACED, [], evaluated);
    return { verdict, annotations: capAnnotations(buildAnnotations(trace, verdict, LIST, WORKSPACE).annotations) };
  }
  const covered = ['SRS-002 rejects', 'SRS-003 rounds', 'SRS-004 alarm'].map((name) => testCase({ classname: 'Dose', name }));

  it('annotates an accepted failure on a passing gate as a warning that names the anomaly, never as an error', () => {
    const failing = testCase({ classname: 'Dose', name: 'SRS-001 computes', status: 'failed', file: `${WORKSPACE}/tests/dose.py`, line: 12, message: 'expected 7.0, got 7.1' });
    const { verdict, annotations } = withAnomaly([failing, ...covered], ['SRS-001 computes']);
    expect(verdict.passed).toBe(true);
    expect(annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(annotations).toContainEqual({
      level: 'warning',
      title: 'SRS-001: test failed, accepted by ANOM-7',
      message: 'Dose › SRS-001 computes: expected 7.0, got 7.1',
      file: 'tests/dose.py',
      line: 12,
    });
  });

  it('keeps an unexplained failure of the same requirement an error, and an accepted errored or flaky test a warning naming the anomaly', () => {
    const { verdict, annotations } = withAnomaly(
      [
        testCase({ classname: 'Dose', name: 'SRS-001 computes', status: 'errored' }),
        testCase({ classname: 'Dose', name: 'SRS-001 again', status: 'failed' }),
        testCase({ classname: 'Dose', name: 'SRS-002 flaky', flaky: true }),
        ...covered,
      ],
      ['SRS-001 computes', 'SRS-002 flaky'],
    );
    expect(verdict.passed).toBe(false);
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'SRS-001: test failed'],
      ['warning', 'SRS-001: test errored, accepted by ANOM-7'],
      ['warning', 'Flaky test, accepted by ANOM-7'],
    ]);
  });
});
