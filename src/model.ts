/**
 * Domain types of the release gate. Data only: no logic lives here.
 *
 * Dependencies point inward: io/main -> report -> gate -> trace/catalogue/junit -> model.
 */

/** Outcome of one executed test case. */
export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** A name/value pair from a `<property>` element. */
export interface Property {
  readonly name: string;
  readonly value: string;
}

/** One `<testcase>` as the gate needs it: only what tracing, judging and reporting use. */
export interface TestCase {
  /** Report file the case came from, relative to the workspace. */
  readonly report: string;
  /** Names of the enclosing `<testsuite>` elements, outermost first. */
  readonly suites: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly status: TestStatus;
  /** Failed or errored first, then passed on a rerun (Surefire `flakyFailure`/`flakyError`). */
  readonly flaky: boolean;
  /** Seconds, 0 when the report does not say. */
  readonly time: number;
  /** Source file of the test, as written in the report (may be absolute), when known. */
  readonly file?: string;
  readonly line?: number;
  /** First failure/error/skip message, shortened. */
  readonly message?: string;
  /** Properties of the case (and of its enclosing suites) that can carry requirement IDs. */
  readonly properties: readonly Property[];
  /** Display name written by the JUnit Platform console into system-out (`display-name: ...`). */
  readonly displayName?: string;
}

/** Counts of one report, computed from its test cases. */
export interface Totals {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
}

/** What one report file yielded. */
export interface Report {
  readonly file: string;
  readonly cases: readonly TestCase[];
  /** Number of `<testsuite>` elements that hold test cases or no other suite (pure containers do not count). */
  readonly suiteCount: number;
  /** Sums of the `tests`/`failures`/`errors`/`skipped` attributes of the innermost suites, for cross-checks only. */
  readonly declared: Totals;
  /** Suites that declare tests (or failures, errors, skips) but hold no test case: the report is incomplete. */
  readonly emptySuites?: readonly EmptySuite[];
  /** Suites that declare failures or errors that none of their test cases shows: the report is incomplete. */
  readonly suitesHidingFailures?: readonly SuiteHidingFailures[];
}

/** A `<testsuite>` whose `failures`/`errors` attributes promise failures its cases do not show. */
export interface SuiteHidingFailures {
  readonly name: string;
  /** Line of its start tag in the report. */
  readonly line: number;
  readonly failures: number;
  readonly errors: number;
  /** Its cases (and those of its inner suites) that failed, errored or passed only on a rerun. */
  readonly shown: number;
}

/** A `<testsuite>` whose count attributes promise test cases it does not hold. */
export interface EmptySuite {
  readonly name: string;
  /** Line of its start tag in the report. */
  readonly line: number;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

/** One row of the software requirements list. */
export interface Requirement {
  readonly id: string;
  /** Short text of the requirement (title or description column), may be empty. */
  readonly title: string;
  /** 1-based line of the file where the row stands. */
  readonly line?: number;
}

export interface RequirementList {
  readonly file: string;
  readonly requirements: readonly Requirement[];
}

/** How a requirement stands after tracing. */
export type RequirementStatus = 'verified' | 'failed' | 'skipped' | 'uncovered';

/** Names of `<property>` elements (matched case-insensitively) whose values list requirement IDs. */
export const REQUIREMENT_PROPERTY_NAMES: ReadonlySet<string> = new Set(['requirement', 'requirements', 'verifies', 'covers']);

/** Lifecycle state of a known anomaly, normalised. */
export type AnomalyStatus = 'open' | 'deferred' | 'accepted' | 'closed' | 'fixed';
export interface Anomaly {
  readonly id: string;
  readonly title: string;
  readonly status: AnomalyStatus;
  /** Severity as written (e.g. Low, Medium, High, Critical); '' when absent. */
  readonly severity: string;
  readonly description: string;
  /** Impact / Hazard. */
  readonly impact: string;
  readonly relatedRisks: readonly string[];
  /** Test names or globs (`*`) this anomaly explains: exact name, or classname-qualified forms. */
  readonly tests: readonly string[];
  readonly requirements: readonly string[];
  readonly justification: string;
  /** yes -> true, no -> false, absent/empty -> undefined. */
  readonly acceptable: boolean | undefined;
  readonly assessedBy: string;
  /** As written; `assessmentDateValid` says whether it is a real ISO date (YYYY-MM-DD). */
  readonly assessmentDate: string;
  readonly assessmentDateValid: boolean;
  /** Reference to a benefit-risk analysis, needed for High severity; '' when absent. */
  readonly benefitRisk: string;
  readonly line?: number;
  /** Where it came from: a file path, or `issue #N`. */
  readonly source: string;
}
export interface AnomalyList {
  readonly file: string;
  readonly anomalies: readonly Anomaly[];
  /** Whether the list has an Acceptable column (an empty cell then means "not yet decided"). */
  readonly hasAcceptableColumn: boolean;
}
