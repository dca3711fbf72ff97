/**
 * Small builders for the pure core: test cases, requirements, reports and the whole
 * trace -> verdict -> evidence chain, so that each test states only what it is about.
 */
import { judge } from '../../src/gate/judge.js';
import type { Evidence, GatePolicy, Provenance, Report, Requirement, RequirementList, TestCase, Totals, TracedTest, Verdict } from '../../src/model/index.js';
import { buildEvidence } from '../../src/report/evidence.js';
import { buildVariantMatcher, compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN, type IdMatcher } from '../../src/trace/requirement-ids.js';
import { compareText, Tracer, type Explainer, type Trace } from '../../src/trace/trace.js';

/** A passed test case in `reports/unit.xml` with no class, suite, file or properties, unless told otherwise. */
export function testCase(fields: Partial<TestCase> = {}): TestCase {
  return {
    report: 'reports/unit.xml',
    suites: [],
    classname: '',
    name: 'a test',
    status: 'passed',
    flaky: false,
    time: 0,
    properties: [],
    ...fields,
  };
}

export function requirement(id: string, title = '', line?: number): Requirement {
  return line === undefined ? { id, title } : { id, title, line };
}

export function requirementList(requirements: readonly Requirement[], file = 'docs/requirements.md'): RequirementList {
  return { file, requirements };
}

const NO_TOTALS: Totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };

/** A report holding the given cases; its suites declare exactly those cases unless `declared` says otherwise. */
export function report(file: string, cases: readonly TestCase[], declared?: Partial<Totals>): Report {
  const counted = { ...NO_TOTALS, tests: cases.length };
  for (const c of cases) counted[c.status]++;
  return { file, cases: cases.map((c) => ({ ...c, report: file })), suiteCount: 1, declared: { ...counted, ...declared } };
}

/** The default pattern, compiled as the action compiles it. */
export function defaultPattern(): RegExp {
  return compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN);
}

export function exactMatcher(pattern: RegExp = defaultPattern()): IdMatcher {
  return { pattern };
}

export function looseMatcher(requirements: readonly Requirement[], pattern: RegExp = defaultPattern()): IdMatcher {
  return { pattern, variants: buildVariantMatcher(requirements) };
}

export const FAIL_UNTRACED: GatePolicy = { untracedTests: 'fail' };
export const WARN_UNTRACED: GatePolicy = { untracedTests: 'warn' };

export const PROVENANCE: Provenance = {
  repository: 'acme/infusion-pump',
  commit: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/tags/v2.4.0',
  requirementsFile: 'docs/requirements.md',
  requirementPattern: DEFAULT_REQUIREMENT_PATTERN,
};

export interface Gate {
  readonly trace: Trace;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
  /** Every test, traced, in evidence order. */
  readonly tests: readonly TracedTest[];
}

/** Traces reports held in memory, each with its declared totals, in evidence (path) order. */
export function traceReports(
  requirements: readonly Requirement[] | undefined,
  reports: readonly Report[],
  matcher: IdMatcher = exactMatcher(),
  explain?: Explainer,
): Trace & { readonly tests: readonly TracedTest[] } {
  const tracer = new Tracer(requirements, matcher, explain);
  const tests: TracedTest[] = [];
  for (const r of [...reports].sort((a, b) => compareText(a.file, b.file))) for (const t of tracer.add(r)) tests.push(t);
  return { ...tracer.finish(), tests };
}

/** Runs trace, judge and evidence over a list and reports, with the exact default pattern. */
export function runGate(requirements: readonly Requirement[], reports: readonly Report[], policy: GatePolicy = FAIL_UNTRACED): Gate {
  const t = traceReports(requirements, reports);
  const verdict = judge(t, policy);
  return { trace: t, verdict, evidence: buildEvidence(t, verdict, PROVENANCE), tests: t.tests };
}

/** The error a function throws; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}
