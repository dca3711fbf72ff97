import type { Requirement, RequirementStatus, TestCase, TestStatus, Totals } from '../model.js';
import { compareIds, idsOfTest, type IdMatcher } from './requirement-ids.js';

/**
 * A test with the requirement IDs it names, split into those in the list and those not. It also reads
 * as the evidence's test reference and test record (name, status, report, ...): those are views of
 * the one object per test, never copies, so a suite of a million tests is held once.
 */
export interface TracedTest {
  readonly test: TestCase;
  /** Human-readable identity of the test, unique enough to find it in its report. */
  readonly label: string;
  readonly ids: readonly string[];
  readonly unknownIds: readonly string[];
  /** The label, under the name the evidence uses. */
  readonly name: string;
  readonly status: TestStatus;
  readonly report: string;
  readonly classname: string;
  readonly suites: readonly string[];
  readonly flaky: boolean;
  readonly time: number;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly message?: string | undefined;
  /** IDs of the residual anomalies that explain this test's failure or flakiness (set by the gate). */
  readonly explainedBy?: readonly string[] | undefined;
}

class Traced implements TracedTest {
  constructor(
    readonly test: TestCase,
    readonly ids: readonly string[],
    readonly unknownIds: readonly string[],
  ) {}
  get label(): string {
    return labelOf(this.test);
  }
  get name(): string {
    return labelOf(this.test);
  }
  get status(): TestStatus {
    return this.test.status;
  }
  get report(): string {
    return this.test.report;
  }
  get classname(): string {
    return this.test.classname;
  }
  get suites(): readonly string[] {
    return this.test.suites;
  }
  get flaky(): boolean {
    return this.test.flaky;
  }
  get time(): number {
    return this.test.time;
  }
  get file(): string | undefined {
    return this.test.file;
  }
  get line(): number | undefined {
    return this.test.line;
  }
  get message(): string | undefined {
    return this.test.message;
  }
}

class Explained extends Traced {
  constructor(
    traced: TracedTest,
    readonly explainedBy: readonly string[],
  ) {
    super(traced.test, traced.ids, traced.unknownIds);
  }
}

/** A traced test made outside `trace` (tests, tools). */
export function tracedTest(test: TestCase, ids: readonly string[] = [], unknownIds: readonly string[] = []): TracedTest {
  return new Traced(test, ids, unknownIds);
}

/** The same test, with the anomalies that explain it. */
export function withExplanation(t: TracedTest, explainedBy: readonly string[]): TracedTest {
  return new Explained(t, explainedBy);
}

export interface RequirementTrace {
  readonly requirement: Requirement;
  readonly status: RequirementStatus;
  readonly tests: readonly TracedTest[];
}

export interface UnknownId {
  readonly id: string;
  readonly tests: readonly TracedTest[];
}

/** Traceability both ways: requirements to tests, tests to requirements. Every list is in `compareTraced` order. */
export interface Trace {
  readonly requirements: readonly RequirementTrace[];
  readonly tests: readonly TracedTest[];
  readonly untraced: readonly TracedTest[];
  readonly unknownIds: readonly UnknownId[];
  readonly totals: Totals;
}

const NONE: readonly string[] = Object.freeze([]);

/** Links every test to the requirements it names and decides each requirement's status. */
export function trace(requirements: readonly Requirement[], tests: readonly TestCase[], matcher: IdMatcher): Trace {
  const known = new Set(requirements.map((r) => r.id));
  const byRequirement = new Map<string, TracedTest[]>(requirements.map((r) => [r.id, []]));
  const byUnknown = new Map<string, TracedTest[]>();
  const traced: TracedTest[] = [];
  const untraced: TracedTest[] = [];
  const totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };

  // Most tests name the same few IDs: they share one frozen array per distinct set, not one each.
  const shared = new Map<string, { ids: readonly string[]; unknownIds: readonly string[] }>();
  for (const test of tests) {
    const found = idsOfTest(test, matcher);
    const key = found.join('\u0000');
    let sets = shared.get(key);
    if (sets === undefined) {
      const unknown = found.filter((id) => !known.has(id));
      sets = { ids: Object.freeze(found), unknownIds: unknown.length === 0 ? NONE : Object.freeze(unknown) };
      shared.set(key, sets);
    }
    traced.push(new Traced(test, sets.ids, sets.unknownIds));
  }
  // One order for every list that follows, whatever order the reports came in. The label, the first
  // key, is computed once per test rather than once per comparison.
  const keyed = traced.map((t) => ({ t, report: t.test.report, label: t.label }));
  keyed.sort((a, b) => compareText(a.report, b.report) || compareText(a.label, b.label) || compareTraced(a.t, b.t));
  for (let i = 0; i < keyed.length; i++) traced[i] = keyed[i]!.t;
  for (const t of traced) {
    const { test, ids } = t;
    totals.tests++;
    totals[test.status]++;
    if (ids.length === 0) untraced.push(t);
    for (const id of ids) {
      const list = byRequirement.get(id);
      if (list) list.push(t);
      else {
        const u = byUnknown.get(id);
        if (u) u.push(t);
        else byUnknown.set(id, [t]);
      }
    }
  }

  return {
    requirements: requirements.map((requirement) => {
      const linked = byRequirement.get(requirement.id) ?? [];
      return { requirement, status: statusOf(linked.map((t) => t.test.status)), tests: linked };
    }),
    tests: traced,
    untraced,
    unknownIds: [...byUnknown].map(([id, ts]) => ({ id, tests: ts })).sort((a, b) => compareIds(a.id, b.id)),
    totals,
  };
}

/**
 * `failed` when any linked test failed or errored; `verified` when at least one passed (and none
 * failed); `skipped` when tests link to it but none ran; `uncovered` when no test links to it.
 */
export function statusOf(statuses: readonly TestStatus[]): RequirementStatus {
  if (statuses.length === 0) return 'uncovered';
  if (statuses.some((s) => s === 'failed' || s === 'errored')) return 'failed';
  if (statuses.some((s) => s === 'passed')) return 'verified';
  return 'skipped';
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tests in a stable order: report, label, then everything that can tell two tests apart. */
export function compareTraced(a: TracedTest, b: TracedTest): number {
  const x = a.test;
  const y = b.test;
  return (
    compareText(x.report, y.report) ||
    compareText(a.label, b.label) ||
    compareText(x.suites.join('\u0000'), y.suites.join('\u0000')) ||
    compareText(x.classname, y.classname) ||
    compareText(x.file ?? '', y.file ?? '') ||
    (x.line ?? 0) - (y.line ?? 0) ||
    compareText(x.status, y.status) ||
    compareText(String(x.flaky), String(y.flaky)) ||
    x.time - y.time ||
    compareText(x.message ?? '', y.message ?? '') ||
    compareText(x.displayName ?? '', y.displayName ?? '') ||
    compareText(x.properties.map((p) => `${p.name}=${p.value}`).join('\u0000'), y.properties.map((p) => `${p.name}=${p.value}`).join('\u0000'))
  );
}

/** `Class › name`, or the name alone where the runner already repeats the class in it. */
export function labelOf(test: TestCase): string {
  const name = test.name === '' ? '(unnamed test)' : test.name;
  if (test.classname === '' || name.includes(test.classname)) return name;
  return `${test.classname} › ${name}`;
}
