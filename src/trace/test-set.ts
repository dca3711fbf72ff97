import type { TestCase, TestStatus } from '../model.js';

/**
 * A test as traced: the case from its report, the requirement IDs it names, the anomalies that explain
 * it, and its position in the evidence's list of every test. Made per report and let go once the
 * report's evidence is written; only the few a `TestSet` keeps as its sample live longer.
 */
export interface TracedTest {
  /** Position in the evidence's test list (0-based), which runs over every report in report order. */
  readonly index: number;
  readonly test: TestCase;
  /** Human-readable identity of the test (`Class › name`), unique enough to find it in its report. */
  readonly name: string;
  readonly status: TestStatus;
  readonly report: string;
  readonly flaky: boolean;
  /** Every requirement ID the test names, sorted. */
  readonly ids: readonly string[];
  /** Those of `ids` that are not in the requirements list. */
  readonly unknownIds: readonly string[];
  /** IDs of the residual anomalies that explain its failure or flakiness; empty when none does. */
  readonly explainedBy: readonly string[];
}

/**
 * A list of tests held at a fixed cost per test: all their positions (small integers in a plain array)
 * and the number of them, but only the first few tests themselves, to name in reasons, summaries and
 * annotations. Memory grows with the tests a set names as integers, never as test objects, so a
 * million tests fit in a few megabytes. With `notable`, the sample holds the notable tests first
 * (failures before passes).
 */
export class TestSet {
  private readonly positions: number[] = [];
  private size = 0;
  private readonly first: TracedTest[] = [];
  private readonly others: TracedTest[] = [];

  constructor(
    /** How many tests the sample holds at most. */
    readonly sampleSize: number,
    private readonly notable?: (t: TracedTest) => boolean,
    /** False for a set of every test, whose positions are 0 to count - 1 anyway. */
    private readonly keepPositions = true,
  ) {}

  add(t: TracedTest): void {
    this.size++;
    if (this.keepPositions) this.positions.push(t.index);
    // The sample never holds more than `sampleSize` tests: a notable test pushes out the last of the others.
    if (this.notable === undefined || this.notable(t)) {
      if (this.first.length < this.sampleSize) {
        this.first.push(t);
        if (this.first.length + this.others.length > this.sampleSize) this.others.pop();
      }
    } else if (this.first.length + this.others.length < this.sampleSize) {
      this.others.push(t);
    }
  }

  /** How many tests the set holds. */
  get count(): number {
    return this.size;
  }

  /** The positions of every test in the set, in the order they were added (ascending). */
  indexes(): readonly number[] {
    return this.keepPositions ? this.positions : Array.from({ length: this.size }, (_, i) => i);
  }

  /** Up to `sampleSize` tests: the notable ones first, then the others, shown in evidence order. */
  get sample(): readonly TracedTest[] {
    if (this.others.length === 0) return this.first;
    return [...this.first, ...this.others].sort((a, b) => a.index - b.index);
  }

  /** How many tests are in the set but not in its sample. */
  get unsampled(): number {
    return this.size - this.sample.length;
  }
}
