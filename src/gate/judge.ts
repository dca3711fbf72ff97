import type { UserError } from '../errors.js';
import type { Report } from '../model.js';
import type { Trace, TracedTest } from '../trace/trace.js';

/** What fails the gate, or only warns, and why. */
export type ReasonCode =
  | 'unreadable-input'
  | 'no-tests'
  | 'report-without-cases'
  | 'requirement-failed'
  | 'requirement-skipped'
  | 'requirement-uncovered'
  | 'unknown-id'
  | 'untraced-tests';

export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
}

/** The gate's decision: a value, never an exception. */
export interface Verdict {
  readonly passed: boolean;
  /** Every reason the gate fails, most important first. */
  readonly reasons: readonly Reason[];
  /** Findings that are reported but do not fail the gate under the chosen policy. */
  readonly warnings: readonly Reason[];
  /** Percent of requirements verified, one decimal. */
  readonly coverage: number;
}

export interface GatePolicy {
  /** `fail`: a test that names no requirement fails the gate (default); `warn`: it is reported only. */
  readonly untracedTests: 'fail' | 'warn';
}

/** How many test names a reason quotes before it says "and N more". */
export const NAMES_IN_A_REASON = 5;

/**
 * Decides pass or fail from the trace. Every gap is a reason; nothing here throws. Inputs that could
 * not be read are reasons too, first; without a readable requirements list there is no trace, and the
 * gate fails on the problems alone.
 */
export function judge(trace: Trace | undefined, reports: readonly Report[], policy: GatePolicy, problems: readonly UserError[] = []): Verdict {
  const reasons: Reason[] = problems.map((p) => ({ code: 'unreadable-input', message: p.toString() }));
  const warnings: Reason[] = [];
  if (trace === undefined) {
    if (reasons.length === 0) reasons.push({ code: 'unreadable-input', message: 'the requirements list could not be read' });
    return { passed: false, reasons, warnings, coverage: 0 };
  }

  if (trace.totals.tests === 0) {
    reasons.push({
      code: 'no-tests',
      message: `no test case was found in ${reports.length === 1 ? 'the report' : `any of the ${reports.length} reports`}: nothing verifies the release`,
    });
  }
  for (const r of reports) {
    if (r.cases.length === 0 && r.declared.tests > 0) {
      reasons.push({
        code: 'report-without-cases',
        message: `${r.file}: its suites declare ${r.declared.tests} tests but the report contains no test case; the report is incomplete`,
      });
    }
  }

  for (const { requirement, status, tests } of trace.requirements) {
    const id = requirement.title === '' ? requirement.id : `${requirement.id} (${requirement.title})`;
    if (status === 'failed') {
      const bad = tests.filter((t) => t.test.status === 'failed' || t.test.status === 'errored');
      reasons.push({ code: 'requirement-failed', message: `${id} failed: ${bad.length} of its ${tests.length} tests failed or errored: ${quote(bad)}` });
    } else if (status === 'skipped') {
      reasons.push({ code: 'requirement-skipped', message: `${id} is not verified: its ${plural(tests.length, 'test')} did not run (skipped): ${quote(tests)}` });
    } else if (status === 'uncovered') {
      reasons.push({ code: 'requirement-uncovered', message: `${id} is not verified: no test names it` });
    }
  }

  for (const u of trace.unknownIds) {
    reasons.push({
      code: 'unknown-id',
      message: `${u.id} is not in the requirements list but ${plural(u.tests.length, 'test')} ${u.tests.length === 1 ? 'names' : 'name'} it (a typo, or a requirement missing from the list): ${quote(u.tests)}`,
    });
  }

  if (trace.untraced.length > 0) {
    const reason: Reason = {
      code: 'untraced-tests',
      message: `${plural(trace.untraced.length, 'test')} ${trace.untraced.length === 1 ? 'names' : 'name'} no requirement ID: ${quote(trace.untraced)}`,
    };
    (policy.untracedTests === 'fail' ? reasons : warnings).push(reason);
  }

  const total = trace.requirements.length;
  const verified = trace.requirements.filter((r) => r.status === 'verified').length;
  return {
    passed: reasons.length === 0,
    reasons,
    warnings,
    coverage: total === 0 ? 0 : Math.floor((verified / total) * 1000) / 10,
  };
}

function quote(tests: readonly TracedTest[]): string {
  const shown = tests.slice(0, NAMES_IN_A_REASON).map((t) => `"${t.label}"`);
  const more = tests.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
