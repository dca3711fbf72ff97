/** The evidence record an auditor files, as the gate builds it before it is written out. */

import type { Totals } from './junit-report.js';
import type { AnomalyStatus } from './lists.js';
import type { TestCase } from './test.js';
import type { SoupRecord } from './soup.js';
import type { Reason } from './verdict.js';
import type { RequirementStatus, SampledTest, TracedTest } from './trace.js';

/** Where the evidence came from: the adapter supplies it, the core never looks it up. */
export interface Provenance {
  readonly repository?: string;
  readonly commit?: string;
  readonly ref?: string;
  /** The version tag on the commit, as the release-identity checks found it. */
  readonly tag?: string;
  readonly requirementsFile: string;
  readonly requirementPattern: string;
}

/**
 * A test named in a list of the evidence: its number in the test list (0-based), label, status and
 * report. The rest of the test is in the `tests` list, under that number.
 */
export type TestRef = Pick<SampledTest, 'index' | 'name' | 'status' | 'report'>;

/**
 * A list of tests as the evidence holds it: how many, the positions of all of them in the test list,
 * and the first few by name (those that did not simply pass first), bounded whatever the suite's size.
 */
export interface TestList {
  readonly count: number;
  readonly positions: readonly number[];
  readonly sample: readonly TestRef[];
}

/**
 * A whole test, for the readable test record: a reference and every field of its line in the `tests`
 * list but its suites; `explainedBy` only when an anomaly explains it.
 */
export interface TestRow extends TestRef, Pick<TestCase, 'classname' | 'flaky' | 'time' | 'file' | 'line' | 'message'>, Pick<TracedTest, 'ids'> {
  readonly explainedBy?: TracedTest['explainedBy'];
}

/** A known anomaly as the gate evaluated it. */
export interface AnomalyRecord {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly status: AnomalyStatus;
  readonly severity: string;
  readonly residual: boolean;
  readonly assessed: boolean;
  readonly acceptable: boolean;
  /** Assessment fields that are missing or invalid. */
  readonly missing: readonly string[];
  /** Why it fails the gate; empty when it does not. */
  readonly problems: readonly string[];
  readonly justification: string;
  readonly assessedBy: string;
  readonly assessmentDate: string;
  readonly benefitRisk: string;
  readonly relatedRisks: readonly string[];
  /** The `Tests` entries as written (names or globs). */
  readonly tests: readonly string[];
  /** The failing or flaky tests it explains. */
  readonly explains: TestList;
}

/**
 * The evidence an auditor files: everything the verdict rests on, sorted, with no time in it. Lists of
 * tests are `TestList`s (all positions, a few tests by name); the tests themselves are written to the
 * JSON file report by report as they are read (`TestRecordLines`, one test a line), and only a
 * sample of them, those that did not simply pass first, stays in `testRecord` for the readable reports.
 */
export interface Evidence {
  readonly schema: string;
  readonly verdict: 'pass' | 'fail';
  readonly coverage: number;
  readonly provenance: Provenance;
  /**
   * Counts of tests: the attempts of one test (merged as `mergeRetries` says) are one test, however many
   * test cases they take in the report; `attempts` counts those test cases as written.
   */
  readonly totals: TestCounts;
  readonly reports: readonly (TestCounts & { readonly file: string })[];
  readonly requirements: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: RequirementStatus;
    readonly tests: TestList;
    /** Those of its tests that failed or errored. */
    readonly failing: TestList;
    /** For a failed requirement whose failures are all explained: the anomalies that accept it. */
    readonly acceptedBy?: readonly string[];
  }[];
  readonly unknownIds: readonly { readonly id: string; readonly tests: TestList }[];
  readonly untracedTests: TestList;
  readonly anomalies: readonly AnomalyRecord[];
  /** Failing, erroring or flaky tests that no assessed, acceptable residual anomaly explains. */
  readonly unexplainedFailures: TestList;
  /** Tests that failed or errored, then passed on a rerun. */
  readonly flakyTests: TestList;
  /** Why the gate fails, most important first: each with its kind (`code`, see README) and its `message`. */
  readonly reasons: readonly Reason[];
  /** Findings that do not fail the gate under the chosen policy, as reasons are written. */
  readonly warnings: readonly Reason[];
  /** How many tests there are, and whole tests for the readable reports (those that did not simply pass first). */
  readonly testRecord: { readonly count: number; readonly sample: readonly TestRow[] };
  /** The SOUP check, when a SOUP list and SBOMs were given. */
  readonly soup?: SoupRecord;
}

/** Tests by status, and the test cases they were read from (`attempts`, one per attempt of a retried test). */
export type TestCounts = Totals & { readonly attempts: number };
