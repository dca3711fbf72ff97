/** The gate's decision: each anomaly as judged, and the reasons the gate fails or warns. */

import type { Anomaly } from './lists.js';

export interface EvaluatedAnomaly {
  readonly anomaly: Anomaly;
  /** Open, deferred or accepted: still in the release. */
  readonly residual: boolean;
  /** Severity, justification, assessor and a valid assessment date are all present. */
  readonly assessed: boolean;
  /** What the assessment lacks, as column names (`Severity`, `Assessment Date (not a date: ...)`). */
  readonly missing: readonly string[];
  /** The assessment says the residual risk is acceptable; unanswered without an Acceptable column, a severity word below High makes it so. */
  readonly acceptable: boolean;
  readonly high: boolean;
  /** Why this anomaly fails the gate; empty when it does not. */
  readonly problems: readonly string[];
  /** Residual, assessed and acceptable (with a benefit-risk reference when High): it may explain failures. */
  readonly explainsFailures: boolean;
}

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
  | 'untraced-tests'
  | 'soup-undocumented'
  | 'soup-version'
  | 'soup-incomplete'
  | 'soup-stale'
  | 'release-no-checkout'
  | 'release-untagged'
  | 'release-tag-mismatch'
  | 'release-commit-mismatch'
  | 'release-dirty-tree'
  | 'release-input-uncommitted'
  | 'report-not-fresh'
  | 'version-mismatch'
  | 'release-history'
  | 'change-decision'
  | 'release-record'
  | 'suspect-requirement';

export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
}

/**
 * A finding of a check outside the trace (the release's identity, its record, its SOUP), made by the
 * adapter that can see git and the files: a reason when `blocking`, else a warning (a `warn` policy).
 * `file` and `line`, when given, place its annotation.
 */
export interface Finding extends Reason {
  readonly blocking: boolean;
  readonly file?: string;
  readonly line?: number;
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
  /** For each failed requirement whose failing tests are all explained: the anomaly IDs that accept it. */
  readonly acceptedBy: ReadonlyMap<string, readonly string[]>;
}
