/** What tracing makes of a test, and how a requirement stands after it. */

import type { TestCase } from './test.js';

/** How a requirement stands after tracing. */
export type RequirementStatus = 'verified' | 'failed' | 'skipped' | 'uncovered';

/**
 * A test as traced: the case from its report, the requirement IDs it names, the anomalies that explain
 * it, and its position in the evidence's list of every test. Made per report and let go once the
 * report's evidence is written; only the few a `TestSet` keeps as its sample live longer. Its status,
 * report and flaky flag are the case's, held beside it so that it reads like a `SampledTest`.
 */
export interface TracedTest extends Pick<TestCase, 'status' | 'report' | 'flaky'> {
  /** Position in the evidence's test list (0-based), which runs over every report in report order. */
  readonly index: number;
  readonly test: TestCase;
  /** Human-readable identity of the test (`Class › name`), unique enough to find it in its report. */
  readonly name: string;
  /** Every requirement ID the test names, sorted. */
  readonly ids: readonly string[];
  /** Those of `ids` that are not in the requirements list. */
  readonly unknownIds: readonly string[];
  /** IDs of the residual anomalies that explain its failure or flakiness; empty when none does. */
  readonly explainedBy: readonly string[];
  /** The matrix leg of its report (its first folder under the folder all reports share), when there are legs. */
  readonly leg?: string | undefined;
}

/**
 * What a list of tests keeps of each test it names by name: enough to show and annotate it, not the test
 * case itself (its properties, output and the like), so that a kept sample holds no report's strings
 * it does not show. The message is kept only by lists of failing tests, whose annotations show it.
 */
export interface SampledTest
  extends Pick<TracedTest, 'index' | 'name' | 'status' | 'report' | 'flaky' | 'explainedBy'>,
    Pick<TestCase, 'file' | 'line' | 'message'> {}
