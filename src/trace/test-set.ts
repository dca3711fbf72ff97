import type { SampledTest, TracedTest } from '../model/index.js';

/** What a list keeps of a test; the message only for a list of failing tests (`withMessage`). */
function sample(t: TracedTest, withMessage: boolean): SampledTest {
  const { file, line, message } = t.test;
  const s: { -readonly [K in keyof SampledTest]: SampledTest[K] } = {
    index: t.index,
    name: t.name,
    status: t.status,
    report: t.report,
    flaky: t.flaky,
    explainedBy: t.explainedBy,
  };
  // Added one by one, in one order: a few object shapes for every sample, not one per spread.
  if (file !== undefined) s.file = file;
  if (line !== undefined) s.line = line;
  if (withMessage && message !== undefined) s.message = message;
  return s;
}

export interface TestSetOptions<S> {
  /** Tests shown first in the sample (failures before passes). */
  readonly notable?: (t: TracedTest) => boolean;
  /** False for a set of every test, whose positions are 0 to count - 1 anyway. */
  readonly keepPositions?: boolean;
  /** What the sample keeps of a test. */
  readonly keep: (t: TracedTest) => S;
}

/**
 * A list of tests held at a fixed cost per test: all their positions (small integers in a plain array)
 * and the number of them, but only the first few tests, as `keep` makes them, to name in reasons,
 * summaries and annotations. Memory grows with the tests a set names as integers, never as test
 * objects, so a million tests fit in a few megabytes. With `notable`, the sample holds the notable
 * tests first (failures before passes).
 */
export class TestSet<S extends { readonly index: number } = SampledTest> {
  private readonly positions: number[] = [];
  private size = 0;
  private readonly first: S[] = [];
  private readonly others: S[] = [];
  private readonly notable: ((t: TracedTest) => boolean) | undefined;
  private readonly keepPositions: boolean;
  private readonly keep: (t: TracedTest) => S;

  constructor(
    /** How many tests the sample holds at most. */
    readonly sampleSize: number,
    options: TestSetOptions<S>,
  ) {
    this.notable = options.notable;
    this.keepPositions = options.keepPositions ?? true;
    this.keep = options.keep;
  }

  /** A set whose sample keeps what is shown of a test (and its message, with `messages`). */
  static of(sampleSize: number, options: { notable?: (t: TracedTest) => boolean; messages?: boolean } = {}): TestSet {
    const messages = options.messages === true;
    return new TestSet(sampleSize, { ...(options.notable ? { notable: options.notable } : {}), keep: (t) => sample(t, messages) });
  }

  add(t: TracedTest): void {
    this.size++;
    if (this.keepPositions) this.positions.push(t.index);
    // The sample never holds more than `sampleSize` tests: a notable test pushes out the last of the others.
    if (this.notable === undefined || this.notable(t)) {
      if (this.first.length < this.sampleSize) {
        this.first.push(this.keep(t));
        if (this.first.length + this.others.length > this.sampleSize) this.others.pop();
      }
    } else if (this.first.length + this.others.length < this.sampleSize) {
      this.others.push(this.keep(t));
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
  get sample(): readonly S[] {
    if (this.others.length === 0) return this.first;
    return [...this.first, ...this.others].sort((a, b) => a.index - b.index);
  }

  /** How many tests are in the set but not in its sample. */
  get unsampled(): number {
    return this.size - this.first.length - this.others.length;
  }
}
