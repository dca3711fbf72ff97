/** What a JUnit report file yields: its test cases, and what its suites declare. */

import type { TestCase } from './test.js';

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
