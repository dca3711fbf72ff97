/**
 * Releases for the HTML evidence report: the pure tests and the Chromium tests render the same
 * evidence, so what the golden files pin is what the browser is checked to show.
 */
import { anomalyExplainer, evaluateAnomaly } from '../../src/gate/anomalies.js';
import { judge } from '../../src/gate/judge.js';
import type { Anomaly, Evidence, GatePolicy, Provenance, Report, Requirement, TestCase } from '../../src/model/index.js';
import { buildEvidence } from '../../src/report/evidence.js';
import { exactMatcher, FAIL_UNTRACED, PROVENANCE, report, requirement, testCase, traceReports, WARN_UNTRACED } from './factories.js';

/** The requirements list of the example infusion pump. */
export const PUMP: readonly Requirement[] = [
  requirement('SRS-001', "Compute the dose from the patient's body weight", 7),
  requirement('SRS-002', 'Reject a negative or zero body weight', 8),
  requirement('SRS-003', 'Round the computed dose to 0.1 mg', 9),
  requirement('SRS-004', 'Raise an alarm on line occlusion', 10),
  requirement('SRS-005', 'Log every administered dose', 11),
  requirement('SRS-006', 'Retry a pump bus frame after a CRC error', 12),
];

/** A known anomaly with a complete, acceptable assessment; each release changes what it needs. */
export function anomaly(fields: Partial<Anomaly> = {}): Anomaly {
  return {
    id: 'ANOM-7',
    title: 'Dose rounds half-down at the 0.05 mg boundary',
    status: 'deferred',
    severity: 'Low',
    description: '',
    impact: 'Displayed dose differs by 0.05 mg',
    relatedRisks: ['R-007'],
    tests: [],
    requirements: [],
    justification: 'Below the clinically relevant resolution of 0.1 mg',
    acceptable: 'yes',
    assessedBy: 'J. Doe (Clinical Safety Officer)',
    assessmentDate: { valid: true, date: '2026-11-20' },
    benefitRisk: '',
    source: 'docs/anomalies.md',
    ...fields,
  };
}

const py = (name: string, fields: Partial<TestCase> = {}): TestCase =>
  testCase({ classname: 'tests.test_dose', name, file: 'tests/test_dose.py', ...fields });
const vt = (name: string, fields: Partial<TestCase> = {}): TestCase =>
  testCase({ classname: 'src/alarm.test.ts', name: `alarm > ${name}`, file: 'src/alarm.test.ts', ...fields });

/** trace -> judge (with anomalies) -> evidence, as the action runs it (tests held as views). */
export function liveEvidence(
  requirements: readonly Requirement[],
  reports: readonly Report[],
  anomalies: readonly Anomaly[],
  policy: GatePolicy = FAIL_UNTRACED,
  provenance: Provenance = PROVENANCE,
): Evidence {
  const evaluated = anomalies.map((a) => evaluateAnomaly(a, { hasAcceptableColumn: true }));
  const t = traceReports(requirements, reports, exactMatcher(), anomalyExplainer(evaluated));
  const verdict = judge(t, policy, [], evaluated);
  return buildEvidence(t, verdict, provenance);
}

/** The same evidence as a copy, so tests can rewrite it field by field; html.test.ts renders both forms and compares the bytes. */
export function gateWithAnomalies(...args: Parameters<typeof liveEvidence>): Evidence {
  return structuredClone(liveEvidence(...args));
}

/**
 * A failing release: a failure accepted by an assessed anomaly, a flaky test whose anomaly lacks its
 * assessment, a skipped and an uncovered requirement, an unknown ID, an untraced test, a closed anomaly.
 */
export function failingRelease(build: typeof liveEvidence = gateWithAnomalies): Evidence {
  return build(
    PUMP,
    [
      report('reports/pytest.xml', [
        py('test_dose_for_70_kg[SRS-001]', { line: 12, time: 0.012 }),
        py('test_rejects_negative_weight[SRS-002]', { line: 20, time: 0.003 }),
        py('test_rounds_to_a_tenth[SRS-003]', {
          line: 31,
          time: 0.004,
          status: 'failed',
          message: 'AssertionError: assert 1.2 == 1.3\n +  where 1.2 = round_dose(1.25)',
        }),
      ]),
      report('reports/vitest.xml', [
        vt('SRS-004 sounds on occlusion', { line: 40, status: 'skipped', message: 'needs the pump simulator' }),
        vt('SRS-006 retries a frame after a CRC error', { line: 58, time: 1.25, flaky: true, message: 'first attempt: timed out after 1000 ms' }),
        vt('SRS-012 logs the dose', { line: 71, time: 0.02 }),
        vt('starts up', { line: 5, time: 0.31 }),
      ]),
    ],
    [
      anomaly({ tests: ['test_rounds_to_a_tenth[SRS-003]'], requirements: ['SRS-003'], line: 3 }),
      anomaly({
        id: 'ANOM-9',
        title: 'Pump bus frame lost under load',
        status: 'open',
        severity: 'Medium',
        impact: 'One retry delays an alarm by up to 1 s',
        relatedRisks: ['R-011', 'R-014'],
        tests: ['alarm > SRS-006 *'],
        requirements: ['SRS-006'],
        justification: '',
        assessedBy: '',
        assessmentDate: { valid: false, text: '2026-13-01' },
        line: 4,
      }),
      anomaly({ id: 'ANOM-2', title: 'Typo in the alarm text', status: 'fixed', severity: 'Low', tests: [], line: 5 }),
    ],
  );
}

/** A passing release: every requirement verified, a flaky test explained by an acceptable anomaly, an untraced test warned about. */
export function passingRelease(): Evidence {
  return gateWithAnomalies(
    PUMP,
    [
      report('reports/pytest.xml', [
        py('test_dose_for_70_kg[SRS-001]', { line: 12, time: 0.012 }),
        py('test_dose_for_3_kg[SRS-001]', { line: 16, time: 0.011 }),
        py('test_rejects_negative_weight[SRS-002]', { line: 20, time: 0.003 }),
        py('test_rounds_to_a_tenth[SRS-003]', { line: 31, time: 0.004 }),
      ]),
      report('reports/vitest.xml', [
        vt('SRS-004 sounds on occlusion', { line: 40, time: 0.2 }),
        vt('SRS-005 logs every dose', { line: 50, time: 0.05 }),
        vt('SRS-006 retries a frame after a CRC error', { line: 58, time: 1.25, flaky: true, message: 'first attempt: timed out after 1000 ms' }),
        vt('starts up', { line: 5, time: 0.31 }),
      ]),
    ],
    [
      anomaly({
        id: 'ANOM-9',
        title: 'Pump bus frame lost under load',
        status: 'accepted',
        severity: 'Medium',
        impact: 'One retry delays an alarm by up to 1 s',
        relatedRisks: ['R-011', 'R-014'],
        tests: ['alarm > SRS-006 *'],
        requirements: ['SRS-006'],
        justification: 'The alarm still sounds within the 2 s limit of SRS-004',
        line: 4,
      }),
    ],
    WARN_UNTRACED,
  );
}

/** Text that would be markup if it were written unescaped. */
export const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>', '&amp;', '</td></tr></table>'] as const;
const H = HOSTILE.join(' ');

/**
 * Hostile text in every place the evidence carries user text: requirement titles, test names,
 * classnames, messages, report and source file names, anomaly fields, provenance.
 */
export function hostileRelease(): Evidence {
  const cases = [
    testCase({ classname: `Cls${HOSTILE[2]}`, name: `SRS-001 ${HOSTILE[0]}`, file: `src/${HOSTILE[1]}.ts`, line: 1 }),
    testCase({ name: `SRS-002 ${HOSTILE[1]}`, status: 'failed', message: `expected ${H}\nbut got ${HOSTILE[4]}` }),
    testCase({ name: `SRS-404 ${HOSTILE[2]}${HOSTILE[3]}`, status: 'skipped', message: HOSTILE[0] }),
    testCase({ name: `untraced ${HOSTILE[4]}`, flaky: true, message: HOSTILE[3] }),
  ];
  return gateWithAnomalies(
    [requirement('SRS-001', `Dose ${HOSTILE[0]}`), requirement('SRS-002', `Rate ${HOSTILE[4]} ${HOSTILE[2]}`)],
    [report(`reports/${HOSTILE[1]}.xml`, cases)],
    [
      anomaly({
        id: `ANOM-1${HOSTILE[2]}`,
        title: H,
        severity: HOSTILE[1],
        tests: [`SRS-002 ${HOSTILE[1]}`, `untraced ${HOSTILE[4]}`],
        justification: H,
        assessedBy: HOSTILE[0],
        relatedRisks: [HOSTILE[3], HOSTILE[4]],
        benefitRisk: HOSTILE[2],
        source: `docs/${HOSTILE[1]}.md`,
      }),
    ],
    FAIL_UNTRACED,
    {
      repository: `acme/${HOSTILE[0]}`,
      commit: HOSTILE[2],
      ref: `refs/heads/${HOSTILE[4]}`,
      requirementsFile: `docs/${HOSTILE[1]}.md`,
      requirementPattern: `\\b(SRS)-[0-9]+\\b${HOSTILE[3]}`,
    },
  );
}
