import type { Verdict } from '../gate/judge.js';
import type { Report, RequirementStatus, TestStatus, Totals } from '../model.js';
import type { Trace, TracedTest } from '../trace/trace.js';

/** Identifies the evidence format; bumped when a field changes meaning. */
export const EVIDENCE_SCHEMA = 'iec62304-release-gate/evidence@1';

/** Where the evidence came from: the adapter supplies it, the core never looks it up. */
export interface Provenance {
  readonly repository?: string;
  readonly commit?: string;
  readonly ref?: string;
  readonly requirementsFile: string;
  readonly requirementPattern: string;
}

export interface TestRef {
  readonly name: string;
  readonly status: TestStatus;
  readonly report: string;
}

export interface TestRecord extends TestRef {
  readonly classname: string;
  readonly suites: readonly string[];
  readonly ids: readonly string[];
  readonly flaky: boolean;
  readonly time: number;
  readonly file?: string;
  readonly line?: number;
  readonly message?: string;
}

/** The evidence an auditor files: everything the verdict rests on, sorted, with no time in it. */
export interface Evidence {
  readonly schema: string;
  readonly verdict: 'pass' | 'fail';
  readonly coverage: number;
  readonly provenance: Provenance;
  readonly totals: Totals;
  readonly reports: readonly (Totals & { readonly file: string })[];
  readonly requirements: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: RequirementStatus;
    readonly tests: readonly TestRef[];
  }[];
  readonly unknownIds: readonly { readonly id: string; readonly tests: readonly TestRef[] }[];
  readonly untracedTests: readonly TestRef[];
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  readonly tests: readonly TestRecord[];
}

export function buildEvidence(trace: Trace, verdict: Verdict, reports: readonly Report[], provenance: Provenance): Evidence {
  return {
    schema: EVIDENCE_SCHEMA,
    verdict: verdict.passed ? 'pass' : 'fail',
    coverage: verdict.coverage,
    provenance,
    totals: trace.totals,
    reports: reports.map((r) => ({ file: r.file, ...totalsOf(r) })).sort((a, b) => compareText(a.file, b.file)),
    requirements: trace.requirements.map((r) => ({
      id: r.requirement.id,
      title: r.requirement.title,
      status: r.status,
      tests: refs(r.tests),
    })),
    unknownIds: trace.unknownIds.map((u) => ({ id: u.id, tests: refs(u.tests) })),
    untracedTests: refs(trace.untraced),
    reasons: verdict.reasons.map((r) => r.message),
    warnings: verdict.warnings.map((r) => r.message),
    tests: sortTests(trace.tests).map(record),
  };
}

/** The JSON evidence file: two-space indented, one trailing newline, same input -> same bytes. */
export function renderEvidenceJson(evidence: Evidence): string {
  return `${JSON.stringify(evidence, null, 2)}\n`;
}

function totalsOf(r: Report): Totals {
  const t = { tests: r.cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const c of r.cases) t[c.status]++;
  return t;
}

function refs(tests: readonly TracedTest[]): TestRef[] {
  return sortTests(tests).map((t) => ({ name: t.label, status: t.test.status, report: t.test.report }));
}

function record(t: TracedTest): TestRecord {
  const { test } = t;
  return {
    name: t.label,
    status: test.status,
    report: test.report,
    classname: test.classname,
    suites: test.suites,
    ids: t.ids,
    flaky: test.flaky,
    time: test.time,
    ...(test.file !== undefined ? { file: test.file } : {}),
    ...(test.line !== undefined ? { line: test.line } : {}),
    ...(test.message !== undefined ? { message: test.message } : {}),
  };
}

/** Tests in a stable order: report, then label, then where they stand. */
export function sortTests(tests: readonly TracedTest[]): TracedTest[] {
  return [...tests].sort(
    (a, b) =>
      compareText(a.test.report, b.test.report) ||
      compareText(a.label, b.label) ||
      compareText(a.test.file ?? '', b.test.file ?? '') ||
      (a.test.line ?? 0) - (b.test.line ?? 0) ||
      compareText(a.test.status, b.test.status),
  );
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
