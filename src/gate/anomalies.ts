import type { Anomaly, AnomalyStatus, TestCase } from '../model.js';
import { labelOf } from '../trace/trace.js';

/** Statuses of a known anomaly that is still in the released software (IEC 62304 §5.8.2). */
export const RESIDUAL_STATUSES: ReadonlySet<AnomalyStatus> = new Set(['open', 'deferred', 'accepted']);

/** Severities that are never acceptable by default and need a benefit-risk reference. */
export const HIGH_SEVERITIES: ReadonlySet<string> = new Set(['high', 'very high', 'critical', 'catastrophic', 'serious', 'severe']);

/** The assessment fields, by the names a reader sees in the list. */
const ASSESSMENT_FIELDS = [
  ['severity', 'Severity'],
  ['justification', 'Justification'],
  ['assessedBy', 'Assessed By'],
] as const;

export interface EvaluatedAnomaly {
  readonly anomaly: Anomaly;
  /** Open, deferred or accepted: still in the release. */
  readonly residual: boolean;
  /** Severity, justification, assessor and a valid assessment date are all present. */
  readonly assessed: boolean;
  /** What the assessment lacks, as column names (`Severity`, `Assessment Date (not a date: ...)`). */
  readonly missing: readonly string[];
  /** The assessment says the residual risk is acceptable (see `acceptableByDefault`). */
  readonly acceptable: boolean;
  readonly high: boolean;
  /** Why this anomaly fails the gate; empty when it does not. */
  readonly problems: readonly string[];
  /** Residual, assessed and acceptable (with a benefit-risk reference when High): it may explain failures. */
  readonly explainsFailures: boolean;
}

export interface AnomalyPolicy {
  /** Whether the list has an Acceptable column; without one, `acceptableByDefault` decides. */
  readonly hasAcceptableColumn: boolean;
}

/**
 * Evaluates one anomaly. Without an Acceptable column (the common QMS template has none), an assessed
 * anomaly counts as acceptable unless its severity is High or worse; with the column, an empty cell is
 * a missing part of the assessment.
 */
export function evaluateAnomaly(anomaly: Anomaly, policy: AnomalyPolicy): EvaluatedAnomaly {
  const residual = RESIDUAL_STATUSES.has(anomaly.status);
  const missing: string[] = ASSESSMENT_FIELDS.filter(([key]) => anomaly[key].trim() === '').map(([, label]) => label);
  if (anomaly.assessmentDate.trim() === '') missing.push('Assessment Date');
  else if (!anomaly.assessmentDateValid) missing.push(`Assessment Date (not a date in YYYY-MM-DD: "${anomaly.assessmentDate}")`);
  if (policy.hasAcceptableColumn && anomaly.acceptable === undefined) missing.push('Acceptable');
  const assessed = missing.length === 0;
  const high = HIGH_SEVERITIES.has(anomaly.severity.trim().toLowerCase());
  const acceptable = anomaly.acceptable ?? (!policy.hasAcceptableColumn && !high);

  const problems: string[] = [];
  if (residual) {
    if (!assessed) problems.push(`its assessment is incomplete: missing ${missing.join(', ')}`);
    else if (!acceptable) {
      problems.push(
        anomaly.acceptable === false
          ? 'its assessment says the residual risk is not acceptable'
          : `its severity is ${anomaly.severity} and the list has no Acceptable column to accept it`,
      );
    }
    if (high && anomaly.benefitRisk.trim() === '') problems.push(`its severity is ${anomaly.severity} but it names no benefit-risk analysis`);
  }
  return { anomaly, residual, assessed, missing, acceptable, high, problems, explainsFailures: residual && problems.length === 0 };
}

/** Whether a `Tests` entry of an anomaly names the test: exact, classname-qualified, or a `*` glob. */
export function namesTest(pattern: string, test: TestCase, label: string = labelOf(test)): boolean {
  const p = pattern.trim();
  if (p === '') return false;
  const { name, classname, suites, displayName } = test;
  const candidates = [name, label];
  if (classname !== '') candidates.push(`${classname}.${name}`, `${classname}::${name}`, `${classname}#${name}`, `${classname} ${name}`);
  if (suites.length > 0) candidates.push([...suites, name].join(' › '), [...suites, name].join(' > '));
  if (displayName !== undefined) candidates.push(displayName);
  if (!p.includes('*')) return candidates.includes(p);
  return candidates.some((c) => globMatches(p, c));
}

/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters. Greedy, going back
 * only to the last `*`: at worst pattern length x text length steps, never the exponential
 * backtracking a regular expression can fall into on a test name written by the code under test.
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The anomalies (that may explain failures) whose `Tests` name the test. */
export function explainingAnomalies(test: TestCase, anomalies: readonly EvaluatedAnomaly[], label: string = labelOf(test)): EvaluatedAnomaly[] {
  return anomalies.filter((a) => a.explainsFailures && a.anomaly.tests.some((p) => namesTest(p, test, label)));
}

/** What the tracer asks of each failing or flaky test: the IDs of the anomalies that explain it. */
export function anomalyExplainer(anomalies: readonly EvaluatedAnomaly[]): (test: TestCase, label: string) => readonly string[] {
  const usable = anomalies.filter((a) => a.explainsFailures);
  return (test, label) => (usable.length === 0 ? [] : explainingAnomalies(test, usable, label).map((a) => a.anomaly.id));
}

