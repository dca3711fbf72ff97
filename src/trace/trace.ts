import { isUserError } from '../errors.js';
import type { EmptySuite, Report, Requirement, RequirementStatus, SuiteHidingFailures, TestCase, TestStatus, Totals, TracedTest } from '../model/index.js';
import { compareText, mergeRetries } from './merge-retries.js';
import { buildListIds, buildVariantMatcher, compareIds, idsOfTest, visible, type IdMatcher, type VariantMatcher } from './requirement-ids.js';
import { TestSet } from './test-set.js';

export { TestSet } from './test-set.js';
export { compareText } from './merge-retries.js';

/** Tests kept by name for a requirement, an unknown ID or an anomaly (the rest are counted and indexed). */
export const SAMPLE_SIZE = 10;
/** Tests kept by name for the lists of untraced, flaky and unexplained tests. */
export const LIST_SAMPLE_SIZE = 1000;
/** Tests kept whole for the readable test record (every test that did not simply pass first). */
export const RECORD_SAMPLE_SIZE = 5000;

export interface RequirementTrace {
  readonly requirement: Requirement;
  readonly status: RequirementStatus;
  /** Every test that names it; the sample shows those that did not simply pass first. */
  readonly tests: TestSet;
  /** Its tests that failed or errored. */
  readonly failing: TestSet;
  /** Its failing tests that no residual anomaly explains. */
  readonly unexplained: TestSet;
  /** The anomalies that explain its failing tests, sorted. */
  readonly explainedBy: readonly string[];
}

export interface UnknownId {
  readonly id: string;
  readonly tests: TestSet;
}

/** What one report held: its tests counted as the rest of the evidence counts them. */
export interface ReportTally {
  readonly file: string;
  /** Its tests, the attempts of one test merged into one (see `mergeRetries`). */
  readonly totals: Totals;
  /** Its test cases as written, one per attempt of a retried test. */
  readonly attempts: number;
  /** What its suites declare (`tests`, `failures`, ...), for cross-checks. */
  readonly declared: Totals;
  /** Its suites that declare tests but hold none. */
  readonly emptySuites: readonly EmptySuite[];
  /** Its suites that declare failures or errors none of their cases shows. */
  readonly suitesHidingFailures: readonly SuiteHidingFailures[];
}

/**
 * Traceability both ways, held at a cost that grows with the requirements, not with the tests: each
 * list of tests is a `TestSet` (positions of all, a few by name). The tests themselves went to the
 * evidence file one report at a time.
 */
export interface Trace {
  /** False when there was no requirements list to trace against: nothing is known or unknown. */
  readonly listRead: boolean;
  readonly requirements: readonly RequirementTrace[];
  readonly unknownIds: readonly UnknownId[];
  readonly untraced: TestSet;
  /** Of those, the ones that name an ID of the list in a spelling `id-variants: loose` maps onto it. */
  readonly untracedLoose: TestSet;
  /** Tests that failed or errored, then passed on a rerun. */
  readonly flaky: TestSet;
  /** Failing, erroring or flaky tests that no residual anomaly explains. */
  readonly unexplained: TestSet;
  /** Of those, the failing or erroring ones that name no requirement of the list. */
  readonly unexplainedOutside: TestSet;
  /** Of those, the flaky ones (they passed in the end). */
  readonly unexplainedFlaky: TestSet;
  /** Anomaly ID -> the failing or flaky tests it explains. */
  readonly explains: ReadonlyMap<string, TestSet>;
  /** Every test; the sample holds whole records, those that did not simply pass first. */
  readonly record: TestSet<TracedTest>;
  readonly totals: Totals;
  readonly reports: readonly ReportTally[];
}

/** A traced test; its label is made when it is asked for, so that most tests never hold one. */
class Traced implements TracedTest {
  readonly status: TestStatus;
  readonly report: string;
  readonly flaky: boolean;
  constructor(
    readonly index: number,
    readonly test: TestCase,
    readonly ids: readonly string[],
    readonly unknownIds: readonly string[],
    public explainedBy: readonly string[],
    /** The matrix leg of its report, when the reports come from several jobs. */
    readonly leg: string | undefined,
  ) {
    this.status = test.status;
    this.report = test.report;
    this.flaky = test.flaky;
  }
  get name(): string {
    const label = labelOf(this.test);
    return this.leg === undefined ? label : `${label} [${this.leg}]`;
  }
}

/**
 * A copy of a traced test, as the record's sample keeps it. Not the test itself: when the objects made
 * for every test are the ones a sample keeps (the first thousands of a run all are), V8 learns to make
 * such objects in the old generation from then on, and a large run fills it with tests that live as
 * briefly as any other.
 */
function keptWhole(t: TracedTest): TracedTest {
  return {
    index: t.index,
    test: { ...t.test },
    name: t.name,
    status: t.status,
    report: t.report,
    flaky: t.flaky,
    ids: [...t.ids],
    unknownIds: [...t.unknownIds],
    explainedBy: [...t.explainedBy],
    leg: t.leg,
  };
}

/** Says which residual anomalies explain a failing, erroring or flaky test (by anomaly ID). */
export type Explainer = (test: TestCase, label: string) => readonly string[];

const NONE: readonly string[] = Object.freeze([]);

/** A test that must be explained by an anomaly: it failed, errored, or passed only on a rerun. */
export function needsExplanation(t: Pick<TestCase, 'status' | 'flaky'>): boolean {
  return t.status === 'failed' || t.status === 'errored' || t.flaky;
}

/** A test an auditor must see first: anything but a plain pass. */
export function isNotable(t: Pick<TracedTest, 'status' | 'flaky' | 'explainedBy'>): boolean {
  return t.status !== 'passed' || t.flaky || t.explainedBy.length > 0;
}

interface Tally {
  readonly requirement: Requirement;
  readonly counts: Record<TestStatus, number>;
  readonly tests: TestSet;
  readonly failing: TestSet;
  readonly unexplained: TestSet;
  readonly explainedBy: Set<string>;
}

/**
 * Links tests to requirements one report at a time: `add` takes a report's cases and gives back the
 * report's tests traced and in evidence order, for the caller to write out and let go; `finish` gives
 * the trace. Reports are added in the order the evidence lists them.
 */
export class Tracer {
  private readonly tallies: Map<string, Tally> | undefined;
  private readonly order: readonly Tally[];
  private readonly unknown = new Map<string, TestSet>();
  private readonly untraced = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly untracedLoose = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly flaky = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly unexplained = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly unexplainedOutside = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly unexplainedFlaky = TestSet.of(LIST_SAMPLE_SIZE);
  private readonly explains = new Map<string, TestSet>();
  private readonly record = new TestSet<TracedTest>(RECORD_SAMPLE_SIZE, { notable: isNotable, keepPositions: false, keep: keptWhole });
  private readonly totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  private readonly reports: ReportTally[] = [];
  private next = 0;
  private readonly matcher: IdMatcher;
  /** In exact mode, the loose spellings, only to say which untraced tests they would link. */
  private readonly looseHint: VariantMatcher | undefined;
  /** Whether a classname or suite name (shared by many tests of a report) names an ID loosely; one report's. */
  private looseSeen = new Map<string, boolean>();

  /** `requirements` undefined: the list could not be read; IDs are recorded, none is known or unknown. */
  constructor(
    requirements: readonly Requirement[] | undefined,
    matcher: IdMatcher,
    private readonly explain: Explainer = () => NONE,
    /** The matrix leg of a report (by its file), named in each of its tests' labels. */
    private readonly legOf: (report: string) => string | undefined = () => undefined,
  ) {
    this.matcher = requirements === undefined ? matcher : { ...matcher, list: buildListIds(requirements, matcher.pattern.ignoreCase) };
    this.looseHint = requirements === undefined || matcher.variants !== undefined ? undefined : looseSpellings(requirements);
    this.order = (requirements ?? []).map((requirement) => ({
      requirement,
      counts: { passed: 0, failed: 0, errored: 0, skipped: 0 },
      tests: TestSet.of(SAMPLE_SIZE, { notable: isNotable }),
      // Annotations show a failing test's message.
      failing: TestSet.of(SAMPLE_SIZE, { messages: true }),
      unexplained: TestSet.of(SAMPLE_SIZE),
      explainedBy: new Set<string>(),
    }));
    this.tallies = requirements === undefined ? undefined : new Map(this.order.map((t) => [t.requirement.id, t]));
  }

  /**
   * Traces one report: gives its tests one by one, attempts of a retried test merged, in evidence
   * order. Each test is counted as it is given; the caller writes it out and lets it go.
   */
  *add(report: Report): Generator<TracedTest, void, undefined> {
    // Counted as the tests are, after merging: one rule for every count of the evidence.
    const totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
    this.reports.push({ file: report.file, totals, attempts: report.cases.length, declared: report.declared, emptySuites: report.emptySuites ?? [], suitesHidingFailures: report.suitesHidingFailures ?? [] });

    const cache = new Map<string, readonly string[]>();
    this.looseSeen = new Map();
    const leg = this.legOf(report.file);
    for (const test of mergeRetries(report.cases)) {
      const sets = this.idSets(idsOfTest(test, this.matcher, cache));
      const t = new Traced(this.next++, test, sets.ids, sets.unknownIds, NONE, leg);
      // Anomalies name tests as their runner does, without the leg.
      if (needsExplanation(test)) t.explainedBy = this.explain(test, labelOf(test));
      this.count(t);
      totals.tests++;
      increment(totals, test.status);
      yield t;
    }
  }

  /** The trace of every report added so far. */
  finish(): Trace {
    return {
      listRead: this.tallies !== undefined,
      requirements: this.order.map((t) => ({
        requirement: t.requirement,
        status: statusOf(t.counts),
        tests: t.tests,
        failing: t.failing,
        unexplained: t.unexplained,
        explainedBy: [...t.explainedBy].sort(),
      })),
      unknownIds: [...this.unknown].map(([id, tests]) => ({ id, tests })).sort((a, b) => compareIds(a.id, b.id)),
      untraced: this.untraced,
      untracedLoose: this.untracedLoose,
      flaky: this.flaky,
      unexplained: this.unexplained,
      unexplainedOutside: this.unexplainedOutside,
      unexplainedFlaky: this.unexplainedFlaky,
      explains: this.explains,
      record: this.record,
      totals: { ...this.totals },
      reports: [...this.reports].sort((a, b) => compareText(a.file, b.file)),
    };
  }

  /** The IDs a test names, and those of them the list lacks. */
  private idSets(found: string[]): { ids: readonly string[]; unknownIds: readonly string[] } {
    if (found.length === 0 || this.tallies === undefined) return { ids: found, unknownIds: NONE };
    let unknown: string[] | undefined;
    for (const id of found) if (!this.tallies.has(id)) (unknown ??= []).push(id);
    return { ids: found, unknownIds: unknown ?? NONE };
  }

  private count(t: TracedTest): void {
    const { status, ids } = t;
    const failing = status === 'failed' || status === 'errored';
    const totals = this.totals;
    totals.tests++;
    increment(totals, status);
    this.record.add(t);
    if (t.flaky) this.flaky.add(t);
    if (ids.length === 0) {
      this.untraced.add(t);
      if (this.looseHint !== undefined && namesLoosely(t.test, this.looseHint, this.looseSeen)) this.untracedLoose.add(t);
    }
    let listed = false;
    const tallies = this.tallies;
    if (tallies !== undefined) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const tally = tallies.get(id);
        if (tally === undefined) {
          let set = this.unknown.get(id);
          if (set === undefined) this.unknown.set(id, (set = TestSet.of(SAMPLE_SIZE)));
          set.add(t);
          continue;
        }
        listed = true;
        increment(tally.counts, status);
        tally.tests.add(t);
        if (failing) {
          tally.failing.add(t);
          if (t.explainedBy.length === 0) tally.unexplained.add(t);
          else for (const a of t.explainedBy) tally.explainedBy.add(a);
        }
      }
    }
    if (failing || t.flaky) {
      if (t.explainedBy.length === 0) {
        this.unexplained.add(t);
        if (!failing) this.unexplainedFlaky.add(t);
        else if (!listed) this.unexplainedOutside.add(t);
      }
      for (const a of t.explainedBy) {
        let set = this.explains.get(a);
        if (set === undefined) this.explains.set(a, (set = TestSet.of(SAMPLE_SIZE)));
        set.add(t);
      }
    }
  }
}

/** The loose spellings of a list's IDs; none when the list has IDs that are one when written loosely. */
function looseSpellings(requirements: readonly Requirement[]): VariantMatcher | undefined {
  try {
    return buildVariantMatcher(requirements);
  } catch (e) {
    if (isUserError(e)) return undefined;
    throw e;
  }
}

/** Whether a test names an ID of the list in a loose spelling (`SRS_001`, `TestSRS004`) in its name, class or suites. */
function namesLoosely(test: TestCase, variants: VariantMatcher, seen: Map<string, boolean>): boolean {
  const loose = (text: string): boolean => variants.find(visible(text)).length > 0;
  const shared = (text: string): boolean => {
    let found = seen.get(text);
    if (found === undefined) seen.set(text, (found = loose(text)));
    return found;
  };
  return loose(test.name) || shared(test.classname) || test.suites.some(shared) || (test.displayName !== undefined && loose(test.displayName));
}

/**
 * Adds one to a count by status. A status read from a report is not an interned string: looking it up
 * as a property name would cost more than the rest of counting a test.
 */
function increment(counts: Record<TestStatus, number>, status: TestStatus): void {
  switch (status) {
    case 'passed':
      counts.passed++;
      break;
    case 'failed':
      counts.failed++;
      break;
    case 'errored':
      counts.errored++;
      break;
    case 'skipped':
      counts.skipped++;
      break;
  }
}

/**
 * `failed` when any linked test failed or errored; `verified` when at least one passed (and none
 * failed); `skipped` when tests link to it but none ran; `uncovered` when no test links to it.
 */
export function statusOf(counts: Readonly<Record<TestStatus, number>>): RequirementStatus {
  if (counts.failed + counts.errored > 0) return 'failed';
  if (counts.passed > 0) return 'verified';
  if (counts.skipped > 0) return 'skipped';
  return 'uncovered';
}

/** `Class › name`, or the name alone where the runner already repeats the class in it. */
export function labelOf(test: TestCase): string {
  const name = test.name === '' ? '(unnamed test)' : test.name;
  if (test.classname === '' || name.includes(test.classname)) return name;
  return `${test.classname} › ${name}`;
}
