import type { Verdict } from '../gate/judge.js';
import type { AnomalyStatus, Report, RequirementStatus, TestStatus, Totals } from '../model.js';
import { compareText, withExplanation, type Trace, type TracedTest } from '../trace/trace.js';

/** Names of the evidence files the gate writes into its evidence folder. */
export const EVIDENCE_FILES = {
  json: 'traceability.json',
  markdown: 'traceability.md',
  csv: 'traceability.csv',
  html: 'traceability.html',
  anomaliesMarkdown: 'anomalies.md',
  anomaliesCsv: 'anomalies.csv',
} as const;

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

/** A test as the evidence names it; in memory a view of the traced test, never a copy. */
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
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly message?: string | undefined;
  /** IDs of the residual anomalies that explain this test's failure or flakiness. */
  readonly explainedBy?: readonly string[] | undefined;
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
        tests: r.tests,
        ...(acceptedBy !== undefined ? { acceptedBy } : {}),
      };
    }),
    unknownIds: trace.unknownIds,
    untracedTests: trace.untraced,
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
      explains: [...verdict.explainedBy].filter(([, ids]) => ids.includes(a.anomaly.id)).map(([t]) => t),
    })),
    unexplainedFailures: verdict.unexplained,
    reasons: verdict.reasons.map((r) => r.message),
    warnings: verdict.warnings.map((r) => r.message),
    tests: verdict.explainedBy.size === 0 ? trace.tests : trace.tests.map((t) => explained(t, verdict.explainedBy.get(t))),
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
        const part = value.slice(from, from + ENTRIES_PER_CHUNK).map((v) => `    ${JSON.stringify(plainEntry(key, v))}`);
        yield part.join(',\n') + (from + ENTRIES_PER_CHUNK < value.length ? ',\n' : '\n');
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(plainValue(key, value), null, 2).replace(/\n/g, '\n  ')}${end}`;
    }
  }
  yield '}\n';
}

function totalsOf(r: Report): Totals {
  const t = { tests: r.cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const c of r.cases) t[c.status]++;
  return t;
}

function explained(t: TracedTest, by: readonly string[] | undefined): TestRecord {
  return by === undefined ? t : withExplanation(t, by);
}

/** A test reference as JSON: the fields of TestRef, in order. */
function refJson(t: TestRef): TestRef {
  return { name: t.name, status: t.status, report: t.report };
}

/** A test record as JSON: the fields of TestRecord, in order, optional ones only when present. */
function recordJson(t: TestRecord): TestRecord {
  return {
    name: t.name,
    status: t.status,
    report: t.report,
    classname: t.classname,
    suites: t.suites,
    ids: t.ids,
    flaky: t.flaky,
    time: t.time,
    ...(t.file !== undefined ? { file: t.file } : {}),
    ...(t.line !== undefined ? { line: t.line } : {}),
    ...(t.message !== undefined ? { message: t.message } : {}),
    ...(t.explainedBy !== undefined ? { explainedBy: t.explainedBy } : {}),
  };
}

/** A top-level value as plain JSON data; tests held as views become their JSON fields. */
function plainValue(key: string, v: unknown): unknown {
  return Array.isArray(v) ? v.map((entry) => plainEntry(key, entry)) : v;
}

/** One entry of a top-level array as plain JSON data. */
function plainEntry(key: string, v: unknown): unknown {
  switch (key) {
    case 'tests':
      return recordJson(v as TestRecord);
    case 'untracedTests':
    case 'unexplainedFailures':
      return refJson(v as TestRef);
    case 'requirements': {
      const r = v as Evidence['requirements'][number];
      return { id: r.id, title: r.title, status: r.status, tests: r.tests.map(refJson), ...(r.acceptedBy !== undefined ? { acceptedBy: r.acceptedBy } : {}) };
    }
    case 'unknownIds': {
      const u = v as Evidence['unknownIds'][number];
      return { id: u.id, tests: u.tests.map(refJson) };
    }
    case 'anomalies': {
      const a = v as AnomalyRecord;
      return { ...a, explains: a.explains.map(refJson) };
    }
    default:
      return v;
  }
}
