import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anomalyExplainer, evaluateAnomaly, globMatches, namesTest } from '../../src/gate/anomalies.js';
import { judge } from '../../src/gate/judge.js';
import type { Anomaly, TestCase } from '../../src/model.js';
import { mergeRetries } from '../../src/trace/merge-retries.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../../src/trace/requirement-ids.js';
import { trace } from '../../src/trace/trace.js';
import { testCase, requirement } from '../support/factories.js';

/** A complete, acceptable assessment; tests remove or change one field at a time. */
function anomaly(fields: Partial<Anomaly> = {}): Anomaly {
  return {
    id: 'ANOM-1',
    title: 'Dose rounds half-down',
    status: 'deferred',
    severity: 'Low',
    description: '',
    impact: 'Displayed dose differs by 0.05 mg',
    relatedRisks: ['R-007'],
    tests: ['SRS-003: rounds dose to 0.1 mg'],
    requirements: ['SRS-003'],
    justification: 'Below the clinically relevant resolution',
    acceptable: true,
    assessedBy: 'J. Doe (Clinical Safety Officer)',
    assessmentDate: '2026-11-20',
    assessmentDateValid: true,
    benefitRisk: '',
    source: 'anomalies.md',
    line: 3,
    ...fields,
  };
}
const withColumn = { hasAcceptableColumn: true };
const pattern = compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN);

function gate(cases: TestCase[], anomalies: Anomaly[], hasAcceptableColumn = true) {
  const evaluated = anomalies.map((a) => evaluateAnomaly(a, { hasAcceptableColumn }));
  const t = trace([requirement('SRS-001'), requirement('SRS-003')], cases, { pattern }, anomalyExplainer(evaluated));
  return { ...judge(t, { untracedTests: 'fail' }, [], evaluated), explained: t.tests.filter((x) => x.explainedBy.length > 0).map((x) => x.explainedBy) };
}

describe('evaluateAnomaly', () => {
  it('accepts a residual anomaly whose assessment is complete and acceptable', () => {
    const e = evaluateAnomaly(anomaly(), withColumn);
    expect(e).toMatchObject({ residual: true, assessed: true, acceptable: true, missing: [], problems: [], explainsFailures: true });
  });

  it.each([
    ['severity', { severity: '' }, 'Severity'],
    ['justification', { justification: ' ' }, 'Justification'],
    ['assessor', { assessedBy: '' }, 'Assessed By'],
    ['assessment date', { assessmentDate: '', assessmentDateValid: false }, 'Assessment Date'],
    ['acceptable answer (the list has the column)', { acceptable: undefined }, 'Acceptable'],
  ] as const)('names a missing %s', (_field, change, missing) => {
    const e = evaluateAnomaly(anomaly(change), withColumn);
    expect(e.assessed).toBe(false);
    expect(e.missing).toEqual([missing]);
    expect(e.problems).toEqual([`its assessment is incomplete: missing ${missing}`]);
    expect(e.explainsFailures).toBe(false);
  });

  it('names an assessment date that is not a real date', () => {
    const e = evaluateAnomaly(anomaly({ assessmentDate: '2026-02-30', assessmentDateValid: false }), withColumn);
    expect(e.missing).toEqual(['Assessment Date (not a date in YYYY-MM-DD: "2026-02-30")']);
  });

  it('fails an anomaly whose assessment says not acceptable', () => {
    expect(evaluateAnomaly(anomaly({ acceptable: false }), withColumn).problems).toEqual(['its assessment says the residual risk is not acceptable']);
  });

  it('without an Acceptable column, accepts an assessed Low or Medium anomaly and never a High one', () => {
    const none = { hasAcceptableColumn: false };
    expect(evaluateAnomaly(anomaly({ acceptable: undefined, severity: 'Medium' }), none).explainsFailures).toBe(true);
    const high = evaluateAnomaly(anomaly({ acceptable: undefined, severity: 'High', benefitRisk: 'BRA-3' }), none);
    expect(high.explainsFailures).toBe(false);
    expect(high.problems).toEqual(['its severity is High and the list has no Acceptable column to accept it']);
  });

  it('needs a benefit-risk reference for a High (or worse) severity, even when acceptable', () => {
    expect(evaluateAnomaly(anomaly({ severity: 'Critical' }), withColumn).problems).toEqual(['its severity is Critical but it names no benefit-risk analysis']);
    expect(evaluateAnomaly(anomaly({ severity: 'High', benefitRisk: 'BRA-3, section 4' }), withColumn).explainsFailures).toBe(true);
  });

  it('does not judge closed or fixed anomalies, and they explain nothing', () => {
    for (const status of ['closed', 'fixed'] as const) {
      const e = evaluateAnomaly(anomaly({ status, severity: '', acceptable: false }), withColumn);
      expect(e).toMatchObject({ residual: false, problems: [], explainsFailures: false });
    }
  });
});

describe('namesTest', () => {
  const t = (fields: Partial<TestCase>) => {
    return testCase(fields);
  };
  const java = t({ classname: 'dose.DoseTest', name: 'roundsDose()', suites: ['Dose'], displayName: 'SRS-003: rounds dose to 0.1 mg' });

  it.each([
    ['roundsDose()', true],
    ['dose.DoseTest.roundsDose()', true],
    ['dose.DoseTest::roundsDose()', true],
    ['dose.DoseTest#roundsDose()', true],
    ['dose.DoseTest › roundsDose()', true],
    ['Dose › roundsDose()', true],
    ['SRS-003: rounds dose to 0.1 mg', true],
    ['*rounds dose*', true],
    ['dose.DoseTest.*', true],
    ['rounds', false],
    ['rounddose()', false],
    ['DoseTest.roundsDose()', false],
    ['*Rounds*', false],
  ])('%s -> %s', (pattern, named) => {
    expect(namesTest(pattern, java)).toBe(named);
  });
});

describe('judge with residual anomalies', () => {
  const cases = [
    testCase({ name: 'SRS-001: computes dose from weight' }),
    testCase({ name: 'SRS-003: rounds dose to 0.1 mg', status: 'failed', message: 'expected 3.3, got 3.4' }),
  ];

  it('passes when every failing test is explained; the requirement stays failed, accepted by the anomaly', () => {
    const v = gate(cases, [anomaly()]);
    expect(v.reasons).toEqual([]);
    expect(v.passed).toBe(true);
    expect(v.acceptedBy.get('SRS-003')).toEqual(['ANOM-1']);
    expect(v.explained).toEqual([['ANOM-1']]);
    expect(v.coverage).toBe(50);
  });

  it('fails, naming the anomaly and the missing field, when one assessment field is removed', () => {
    const v = gate(cases, [anomaly({ assessedBy: '' })]);
    expect(v.passed).toBe(false);
    expect(v.reasons.map((r) => r.code)).toEqual(['requirement-failed', 'anomaly']);
    expect(v.reasons[1]!.message).toBe('residual anomaly ANOM-1 (Dose rounds half-down) in anomalies.md: its assessment is incomplete: missing Assessed By');
    expect(v.reasons[0]!.message).toContain('no assessed, acceptable residual anomaly explains it');
  });

  it('does not let a closed anomaly explain a test that still fails', () => {
    const v = gate(cases, [anomaly({ status: 'fixed' })]);
    expect(v.passed).toBe(false);
    expect(v.reasons.map((r) => r.code)).toEqual(['requirement-failed']);
  });

  it('fails every residual anomaly that is not assessed, even one that explains no test', () => {
    const v = gate([cases[0]!, testCase({ name: 'SRS-003 ok' })], [anomaly({ id: 'ANOM-9', tests: [], severity: '' })]);
    expect(v.reasons.map((r) => r.message)).toEqual(['residual anomaly ANOM-9 (Dose rounds half-down) in anomalies.md: its assessment is incomplete: missing Severity']);
  });

  it('fails a flaky test unless an anomaly explains it', () => {
    const flaky = [cases[0]!, testCase({ name: 'SRS-003: rounds dose to 0.1 mg', flaky: true })];
    const v = gate(flaky, []);
    expect(v.reasons.map((r) => r.code)).toEqual(['unexplained-flaky']);
    expect(gate(flaky, [anomaly()]).passed).toBe(true);
  });

  it('requires an explanation for a failing test that traces to no requirement', () => {
    const t = trace([requirement('SRS-001')], [testCase({ name: 'SRS-001 a' }), testCase({ name: 'boots', status: 'errored' })], { pattern });
    const v = judge(t, { untracedTests: 'warn' }, [], []);
    expect(v.reasons.map((r) => r.code)).toEqual(['unexplained-failure']);
  });
});

describe('mergeRetries', () => {
  it('merges attempts of one test (same file) into one test that fails when an attempt failed', () => {
    const attempts = [
      testCase({ report: 'r.xml', name: 'SRS-001 a', file: 't.py', status: 'failed', message: 'timeout', time: 1 }),
      testCase({ report: 'r.xml', name: 'SRS-001 a', file: 't.py', status: 'passed', time: 2 }),
      testCase({ report: 'r.xml', name: 'SRS-001 b' }),
    ];
    const merged = mergeRetries(attempts);
    expect(merged.map((c) => [c.name, c.status, c.flaky, c.time, c.message])).toEqual([
      ['SRS-001 a', 'failed', false, 3, 'timeout'],
      ['SRS-001 b', 'passed', false, 0, undefined],
    ]);
  });

  it('leaves attempts that agree, and tests of other suites, apart', () => {
    const same = [testCase({ name: 'x', status: 'failed' }), testCase({ name: 'x', status: 'failed' }), testCase({ name: 'x', suites: ['other'] })];
    expect(mergeRetries(same)).toHaveLength(3);
  });

  it('orders cases by class, then name, then everything else, whatever their order and however they group', () => {
    const word = fc.constantFrom('', 'a', 'b', 'B', 'ab', 'a b', 'é', '\u{1d11e}', 'Z');
    const someCase = fc.record({ classname: word, name: word, status: fc.constantFrom('passed', 'skipped', 'failed', 'errored'), time: fc.constantFrom(0, 1), suite: word });
    fc.assert(
      fc.property(fc.array(someCase, { maxLength: 40 }), (specs) => {
        const cases = specs.map((c) => testCase({ classname: c.classname, name: c.name, status: c.status as TestCase['status'], time: c.time, suites: [c.suite] }));
        const key = (c: TestCase): string => JSON.stringify([c.classname, c.name, c.suites, c.status, c.flaky, c.time, c.message ?? '']);
        const merged = mergeRetries(cases);
        // Sorted by class, then name (code units), with no class or name out of place.
        for (let i = 1; i < merged.length; i++) {
          const [a, b] = [merged[i - 1]!, merged[i]!];
          expect(a.classname < b.classname || (a.classname === b.classname && a.name <= b.name)).toBe(true);
        }
        // The same result for any order of the input.
        expect(mergeRetries([...cases].reverse()).map(key)).toEqual(merged.map(key));
      }),
    );
  });
});

describe('globMatches', () => {
  it.each([
    ['*', '', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['a*c', 'abbbc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxcyyb', false],
    ['test_dose[*-*]', 'test_dose[1-2]', true],
    ['*rounds*', 'SRS-003: rounds dose', true],
    ['abc', 'abd', false],
    ['a**', 'a', true],
  ])('%s ~ %s -> %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it('matches a many-star pattern against a long hostile name in bounded time', () => {
    const name = 'a-'.repeat(1500);
    const t0 = performance.now();
    expect(globMatches('test_dose[*-*-*-*-*-*]', name)).toBe(false);
    expect(globMatches('*a*-*a*-*b', name)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
