import type { UserError } from '../errors.js';
import type { Report } from '../model.js';
import type { Trace, TracedTest } from '../trace/trace.js';
import { explainingAnomalies, type EvaluatedAnomaly } from './anomalies.js';

/** What fails the gate, or only warns, and why. */
export type ReasonCode =
  | 'unreadable-input'
  | 'no-tests'
  | 'report-without-cases'
  | 'anomaly'
  | 'requirement-failed'
  | 'unexplained-failure'
  | 'unexplained-flaky'
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
  /** The anomalies as evaluated, in list order. */
  readonly anomalies: readonly EvaluatedAnomaly[];
  /** IDs of the anomalies that explain each failing, erroring or flaky test that is explained. */
  readonly explainedBy: ReadonlyMap<TracedTest, readonly string[]>;
  /** Failing, erroring or flaky tests that no valid anomaly explains. */
  readonly unexplained: readonly TracedTest[];
  /** For each failed requirement whose failing tests are all explained: the anomaly IDs that accept it. */
  readonly acceptedBy: ReadonlyMap<string, readonly string[]>;
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
export function judge(
  trace: Trace | undefined,
  reports: readonly Report[],
  policy: GatePolicy,
  problems: readonly UserError[] = [],
  anomalies: readonly EvaluatedAnomaly[] = [],
): Verdict {
  const reasons: Reason[] = problems.map((p) => ({ code: 'unreadable-input', message: p.toString() }));
  const warnings: Reason[] = [];
  const explainedBy = new Map<TracedTest, readonly string[]>();
  const unexplained: TracedTest[] = [];
  const acceptedBy = new Map<string, readonly string[]>();
  if (trace === undefined) {
    if (reasons.length === 0) reasons.push({ code: 'unreadable-input', message: 'the requirements list could not be read' });
    return { passed: false, reasons, warnings, coverage: 0, anomalies, explainedBy, unexplained, acceptedBy };
  }

  for (const t of trace.tests) {
    if (!needsExplanation(t)) continue;
    const by = explainingAnomalies(t, anomalies).map((a) => a.anomaly.id);
    if (by.length > 0) explainedBy.set(t, by);
    else unexplained.push(t);
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

  const underRequirement = new Set<TracedTest>();
  for (const { requirement, status, tests } of trace.requirements) {
    const id = requirement.title === '' ? requirement.id : `${requirement.id} (${requirement.title})`;
    for (const t of tests) underRequirement.add(t);
    if (status === 'failed') {
      const bad = tests.filter((t) => t.test.status === 'failed' || t.test.status === 'errored');
      const open = bad.filter((t) => !explainedBy.has(t));
      if (open.length === 0) {
        acceptedBy.set(requirement.id, [...new Set(bad.flatMap((t) => explainedBy.get(t) ?? []))].sort());
      } else {
        reasons.push({
          code: 'requirement-failed',
          message: `${id} failed: ${open.length} of its ${plural(tests.length, 'test')} failed or errored and no assessed, acceptable residual anomaly explains ${open.length === 1 ? 'it' : 'them'}: ${quote(open)}`,
        });
      }
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

  for (const a of anomalies) {
    if (a.problems.length > 0) {
      const title = a.anomaly.title === '' ? a.anomaly.id : `${a.anomaly.id} (${a.anomaly.title})`;
      reasons.push({ code: 'anomaly', message: `residual anomaly ${title} in ${a.anomaly.source}: ${a.problems.join('; ')}` });
    }
  }

  const looseFailures = unexplained.filter((t) => t.test.status !== 'passed' && !underRequirement.has(t));
  if (looseFailures.length > 0) {
    reasons.push({
      code: 'unexplained-failure',
      message: `${plural(looseFailures.length, 'failing test')} ${looseFailures.length === 1 ? 'is' : 'are'} not explained by an assessed, acceptable residual anomaly: ${quote(looseFailures)}`,
    });
  }
  const flaky = unexplained.filter((t) => t.test.status === 'passed');
  if (flaky.length > 0) {
    reasons.push({
      code: 'unexplained-flaky',
      message: `${plural(flaky.length, 'test')} failed and then passed on a rerun (flaky) and no residual anomaly explains ${flaky.length === 1 ? 'it' : 'them'}: ${quote(flaky)}`,
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
    anomalies,
    explainedBy,
    unexplained,
    acceptedBy,
  };
}

/** A test that failed, errored, or passed only on a rerun must be explained by an anomaly. */
function needsExplanation(t: TracedTest): boolean {
  return t.test.status === 'failed' || t.test.status === 'errored' || t.test.flaky;
}

function quote(tests: readonly TracedTest[]): string {
  const shown = tests.slice(0, NAMES_IN_A_REASON).map((t) => `"${t.label}"`);
  const more = tests.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
