import type { Verdict } from '../gate/judge.js';
import type { AnomalyStatus, Report, RequirementStatus, TestStatus, Totals } from '../model.js';
import { compareText, type Trace, type TracedTest } from '../trace/trace.js';

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
  /** IDs of the residual anomalies that explain this test's failure or flakiness. */
  readonly explainedBy?: readonly string[];
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
  readonly explains: readonly TestRef[];
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
    /** For a failed requirement whose failures are all explained: the anomalies that accept it. */
    readonly acceptedBy?: readonly string[];
  }[];
  readonly unknownIds: readonly { readonly id: string; readonly tests: readonly TestRef[] }[];
  readonly untracedTests: readonly TestRef[];
  readonly anomalies: readonly AnomalyRecord[];
  /** Failing, erroring or flaky tests that no assessed, acceptable residual anomaly explains. */
  readonly unexplainedFailures: readonly TestRef[];
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
    requirements: trace.requirements.map((r) => {
      const acceptedBy = verdict.acceptedBy.get(r.requirement.id);
      return {
        id: r.requirement.id,
        title: r.requirement.title,
        status: r.status,
        tests: refs(r.tests),
        ...(acceptedBy !== undefined ? { acceptedBy } : {}),
      };
    }),
    unknownIds: trace.unknownIds.map((u) => ({ id: u.id, tests: refs(u.tests) })),
    untracedTests: refs(trace.untraced),
    anomalies: verdict.anomalies.map((a) => ({
      id: a.anomaly.id,
      title: a.anomaly.title,
      source: a.anomaly.source,
      status: a.anomaly.status,
      severity: a.anomaly.severity,
      residual: a.residual,
      assessed: a.assessed,
      acceptable: a.acceptable,
      missing: a.missing,
      problems: a.problems,
      justification: a.anomaly.justification,
      assessedBy: a.anomaly.assessedBy,
      assessmentDate: a.anomaly.assessmentDate,
      benefitRisk: a.anomaly.benefitRisk,
      relatedRisks: a.anomaly.relatedRisks,
      tests: a.anomaly.tests,
      explains: refs([...verdict.explainedBy].filter(([, ids]) => ids.includes(a.anomaly.id)).map(([t]) => t)),
    })),
    unexplainedFailures: refs(verdict.unexplained),
    reasons: verdict.reasons.map((r) => r.message),
    warnings: verdict.warnings.map((r) => r.message),
    tests: trace.tests.map((t) => record(t, verdict.explainedBy.get(t))),
  };
}

/** The JSON evidence file as one string (tests, small evidence); see `evidenceJsonChunks`. */
export function renderEvidenceJson(evidence: Evidence): string {
  return [...evidenceJsonChunks(evidence)].join('');
}

/** How many array entries go into one chunk of the JSON evidence. */
const ENTRIES_PER_CHUNK = 2000;

/**
 * The JSON evidence in pieces, to be written as they come: a large suite gives a file of hundreds of
 * megabytes, which is never held as one string. Top-level fields are indented by two spaces; each
 * entry of an array of objects (requirements, tests, ...) stands on one line, so the file stays
 * readable and diffable line by line. Same evidence -> same bytes.
 */
export function* evidenceJsonChunks(evidence: Evidence): Generator<string> {
  const entries = Object.entries(evidence).filter(([, v]) => v !== undefined);
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const end = i === entries.length - 1 ? '\n' : ',\n';
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null)) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let from = 0; from < value.length; from += ENTRIES_PER_CHUNK) {
        const part = value.slice(from, from + ENTRIES_PER_CHUNK).map((v) => `    ${JSON.stringify(v)}`);
        yield part.join(',\n') + (from + ENTRIES_PER_CHUNK < value.length ? ',\n' : '\n');
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${end}`;
    }
  }
  yield '}\n';
}

function totalsOf(r: Report): Totals {
  const t = { tests: r.cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const c of r.cases) t[c.status]++;
  return t;
}

/** References to tests, in the trace's order (the trace sorts every list it gives). */
function refs(tests: readonly TracedTest[]): TestRef[] {
  return tests.map((t) => ({ name: t.label, status: t.test.status, report: t.test.report }));
}

function record(t: TracedTest, explainedBy: readonly string[] | undefined): TestRecord {
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
    ...(explainedBy !== undefined ? { explainedBy } : {}),
  };
}
