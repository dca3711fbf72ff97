/** The lists the gate is given: the software requirements and the known anomalies. */

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

/** Lifecycle state of a known anomaly, normalised. */
export type AnomalyStatus = 'open' | 'deferred' | 'accepted' | 'closed' | 'fixed';

/** What the assessment answers to "is the residual risk acceptable?": `unanswered` when the answer is absent or empty. */
export type AcceptableAnswer = 'yes' | 'no' | 'unanswered';

/** The assessment date as read: a real ISO date (YYYY-MM-DD), or the text written instead ('' when absent). */
export type AssessmentDate = { readonly valid: true; readonly date: string } | { readonly valid: false; readonly text: string };

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
  readonly acceptable: AcceptableAnswer;
  readonly assessedBy: string;
  readonly assessmentDate: AssessmentDate;
  /** Reference to a benefit-risk analysis, needed for High severity; '' when absent. */
  readonly benefitRisk: string;
  /** How it was discovered, its root cause, and its mitigation or workaround: '' when the list has no such column. */
  readonly discovered?: string;
  readonly rootCause?: string;
  readonly mitigation?: string;
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
