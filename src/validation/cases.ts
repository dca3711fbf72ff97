/**
 * The built-in validation cases (ISO 13485 §4.1.6): small releases with a known verdict, passing,
 * failing and hostile, that `release-gate validate` runs against the installed version. A case agrees
 * when the verdict is the expected one and, for a failing case, the expected reason is among the
 * reasons: a gate that fails for another reason than the one the case is about is not validated by it.
 * Pure data.
 */
import type { ReasonCode } from '../model/index.js';

export type CaseKind = 'passing' | 'failing' | 'hostile';

export interface ValidationCase {
  readonly id: string;
  readonly kind: CaseKind;
  /** What the case shows, for the record. */
  readonly title: string;
  /** Files of the workspace (path -> content). */
  readonly files: Readonly<Record<string, string>>;
  /** The action's inputs, by their action.yml names (reports and requirements included). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly expected: 'pass' | 'fail';
  /** For a failing verdict: the reason that must be among the gate's reasons. */
  readonly reason?: ReasonCode;
}

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n| SRS-002 | Alarm sounds |\n';
const INPUTS = { reports: 'reports/*.xml', requirements: 'requirements.md' };

function junit(cases: string, suite = '<testsuite name="unit">'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>${suite}${cases}</testsuite></testsuites>\n`;
}
const PASS_1 = '<testcase classname="dose" name="SRS-001 computes the dose"/>';
const PASS_2 = '<testcase classname="alarm" name="SRS-002 sounds the alarm"/>';
const FAIL_2 = '<testcase classname="alarm" name="SRS-002 sounds the alarm"><failure message="no sound">expected a tone</failure></testcase>';
const ANOMALIES =
  '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
  '| ANOM-1 | Alarm tone late on cold start | Low | Deferred | SRS-002 sounds the alarm | The tone starts within 2 s; the display shows the alarm at once | Yes | J. Assessor | 2026-01-15 |\n';

export const VALIDATION_CASES: readonly ValidationCase[] = [
  { id: 'VAL-01', kind: 'passing', title: 'every requirement verified by a passing test', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + PASS_2) }, inputs: INPUTS, expected: 'pass' },
  {
    id: 'VAL-02',
    kind: 'passing',
    title: 'a failing test explained by an assessed, acceptable residual anomaly',
    files: { 'requirements.md': REQUIREMENTS, 'anomalies.md': ANOMALIES, 'reports/unit.xml': junit(PASS_1 + FAIL_2) },
    inputs: { ...INPUTS, anomalies: 'anomalies.md' },
    expected: 'pass',
  },
  { id: 'VAL-03', kind: 'failing', title: 'a failing test of a requirement', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + FAIL_2) }, inputs: INPUTS, expected: 'fail', reason: 'requirement-failed' },
  { id: 'VAL-04', kind: 'failing', title: 'a requirement no test names', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1) }, inputs: INPUTS, expected: 'fail', reason: 'requirement-uncovered' },
  {
    id: 'VAL-05',
    kind: 'failing',
    title: 'the only test of a requirement skipped',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1}<testcase classname="alarm" name="SRS-002 sounds the alarm"><skipped/></testcase>`) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'requirement-skipped',
  },
  {
    id: 'VAL-06',
    kind: 'failing',
    title: 'a test names an ID the requirements list does not hold',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1 + PASS_2}<testcase classname="x" name="SRS-009 is not a requirement"/>`) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'unknown-id',
  },
  {
    id: 'VAL-07',
    kind: 'failing',
    title: 'a test that names no requirement',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1 + PASS_2}<testcase classname="x" name="boots"/>`) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'untraced-tests',
  },
  { id: 'VAL-08', kind: 'failing', title: 'no report matches the pattern', files: { 'requirements.md': REQUIREMENTS }, inputs: INPUTS, expected: 'fail', reason: 'unreadable-input' },
  {
    id: 'VAL-09',
    kind: 'hostile',
    title: 'a report with an XML entity (a DOCTYPE that could expand or read files) is refused',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': `<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x "SRS-002 sounds the alarm">]>\n<testsuites><testsuite name="u">${PASS_1}<testcase name="&x;"/></testsuite></testsuites>\n` },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'unreadable-input',
  },
  {
    id: 'VAL-10',
    kind: 'hostile',
    title: 'a report cut short after its passing tests is refused, not read as a pass',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + PASS_2).slice(0, -30) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'unreadable-input',
  },
  {
    id: 'VAL-11',
    kind: 'hostile',
    title: 'a failing test case nested inside a passing one is counted, never dropped',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1}<testcase classname="alarm" name="SRS-002 sounds"><testcase classname="alarm" name="SRS-002 sounds loud"><failure/></testcase></testcase>`) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'requirement-failed',
  },
  {
    id: 'VAL-12',
    kind: 'hostile',
    title: 'a report whose suite declares tests but holds none',
    files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit('', '<testsuite name="unit" tests="2" failures="1">') },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'report-without-cases',
  },
  {
    id: 'VAL-13',
    kind: 'hostile',
    title: 'a requirements list whose table cannot be read is refused',
    files: { 'requirements.md': '# Requirements\n\nSRS-001, SRS-002 (no table)\n', 'reports/unit.xml': junit(PASS_1 + PASS_2) },
    inputs: INPUTS,
    expected: 'fail',
    reason: 'unreadable-input',
  },
];
