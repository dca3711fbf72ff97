import type { Evidence, Provenance, Reason, TestList, TestRef, TestRow, TracedTest, Verdict } from '../model/index.js';
import { TestSet, type Trace } from '../trace/trace.js';

/** Names of the evidence files the gate writes into its evidence folder. */
export const EVIDENCE_FILES = {
  json: 'traceability.json',
  markdown: 'traceability.md',
  csv: 'traceability.csv',
  html: 'traceability.html',
  tests: 'tests.csv',
  anomaliesMarkdown: 'anomalies.md',
  anomaliesCsv: 'anomalies.csv',
  soupMarkdown: 'soup.md',
  soupCsv: 'soup.csv',
  changeSummary: 'change-summary.md',
  releaseNotes: 'release-notes.md',
  releaseChecklist: 'release-checklist.md',
} as const;

/** Identifies the evidence format; bumped when a field changes meaning. */
export const EVIDENCE_SCHEMA = 'iec62304-release-gate/evidence@3';

const EMPTY = TestSet.of(0);

/** A set of tests as the evidence holds it. */
function testList(set: TestSet): TestList {
  return { count: set.count, positions: set.indexes(), sample: set.sample.map(testRef) };
}

function testRef(t: TestRef): TestRef {
  return { index: t.index, name: t.name, status: t.status, report: t.report };
}

function testRow(t: TracedTest): TestRow {
  const c = t.test;
  return {
    ...testRef(t),
    classname: c.classname,
    ids: t.ids,
    flaky: t.flaky,
    time: c.time,
    ...(c.file !== undefined ? { file: c.file } : {}),
    ...(c.line !== undefined ? { line: c.line } : {}),
    ...(c.message !== undefined ? { message: c.message } : {}),
    ...(t.explainedBy.length > 0 ? { explainedBy: t.explainedBy } : {}),
  };
}

/** A reason as the evidence writes it: its code, then its message, and nothing else. */
function reason(r: Reason): Reason {
  return { code: r.code, message: r.message };
}

export function buildEvidence(trace: Trace, verdict: Verdict, provenance: Provenance): Evidence {
  return {
    schema: EVIDENCE_SCHEMA,
    verdict: verdict.passed ? 'pass' : 'fail',
    coverage: verdict.coverage,
    provenance,
    totals: { ...trace.totals, attempts: trace.reports.reduce((sum, r) => sum + r.attempts, 0) },
    reports: trace.reports.map((r) => ({ file: r.file, ...r.totals, attempts: r.attempts })),
    requirements: trace.requirements.map((r) => {
      const acceptedBy = verdict.acceptedBy.get(r.requirement.id);
      return {
        id: r.requirement.id,
        title: r.requirement.title,
        status: r.status,
        tests: testList(r.tests),
        failing: testList(r.failing),
        ...(acceptedBy !== undefined ? { acceptedBy } : {}),
      };
    }),
    unknownIds: trace.unknownIds.map((u) => ({ id: u.id, tests: testList(u.tests) })),
    untracedTests: testList(trace.untraced),
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
      assessmentDate: a.anomaly.assessmentDate.valid ? a.anomaly.assessmentDate.date : a.anomaly.assessmentDate.text,
      benefitRisk: a.anomaly.benefitRisk,
      relatedRisks: a.anomaly.relatedRisks,
      tests: a.anomaly.tests,
      explains: testList(trace.explains.get(a.anomaly.id) ?? EMPTY),
    })),
    unexplainedFailures: testList(trace.unexplained),
    flakyTests: testList(trace.flaky),
    reasons: verdict.reasons.map(reason),
    warnings: verdict.warnings.map(reason),
    testRecord: { count: trace.record.count, sample: trace.record.sample.map(testRow) },
  };
}

/**
 * Writes the lines of the `tests` list. Neighbouring tests mostly share their report, class, suites,
 * file and IDs; their JSON is made once and reused while it stays the same.
 */
export class TestRecordLines {
  private readonly memo = {
    report: new Memo<string>(JSON.stringify),
    classname: new Memo<string>(JSON.stringify),
    suites: new Memo<readonly string[]>(JSON.stringify),
    ids: new Memo<readonly string[]>(JSON.stringify),
    file: new Memo<string>(JSON.stringify),
  };

  line(t: TracedTest): string {
    const c = t.test;
    const m = this.memo;
    let line =
      `{"name":${JSON.stringify(c.name)},"classname":${m.classname.of(c.classname)},"status":"${t.status}","report":${m.report.of(t.report)}` +
      `,"suites":${m.suites.of(c.suites)},"ids":${m.ids.of(t.ids)},"flaky":${t.flaky},"time":${JSON.stringify(c.time)}`;
    if (c.file !== undefined) line += `,"file":${m.file.of(c.file)}`;
    if (c.line !== undefined) line += `,"line":${JSON.stringify(c.line)}`;
    if (c.message !== undefined) line += `,"message":${JSON.stringify(c.message)}`;
    if (t.explainedBy.length > 0) line += `,"explainedBy":${JSON.stringify(t.explainedBy)}`;
    if (t.leg !== undefined) line += `,"leg":${JSON.stringify(t.leg)}`;
    return `${line}}`;
  }
}

/** The last value given and what it gave; arrays are compared by their items. */
export class Memo<T extends string | readonly string[]> {
  private last: T | undefined;
  private made = '';

  constructor(private readonly make: (value: T) => string) {}

  of(value: T): string {
    if (!same(value, this.last)) {
      this.last = value;
      this.made = this.make(value);
    }
    return this.made;
  }
}

function same(a: string | readonly string[], b: string | readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string' || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Indentation of an entry of a top-level list. */
const ENTRY_INDENT = '    ';
/** What stands between two entries of the `tests` list, so that lines can be written as they come. */
const TEST_LINE_SEPARATOR = `,\n${ENTRY_INDENT}`;

/** What goes before the test line at `position` of the `tests` list. */
export function testLinePrefix(position: number): string {
  return position === 0 ? `\n${ENTRY_INDENT}` : TEST_LINE_SEPARATOR;
}

/** How many positions of a list of tests one piece of the JSON head holds at most. */
const POSITIONS_PER_PIECE = 10_000;
/** Characters a chunk of the JSON head gathers before it is handed on. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The JSON evidence up to the opening of its `tests` list: the verdict and every other field first, so
 * that the file reads from the top. Top-level fields are indented by two spaces; each entry of a list
 * of objects or strings stands on one line; lists of tests are lists of positions in `tests`. Continue
 * with the test lines (each after its `testLinePrefix`) and `evidenceJsonEnd`; `EvidenceWriter` does.
 */
export function evidenceJsonHead(evidence: Evidence): string {
  return [...evidenceJsonHeadChunks(evidence)].join('');
}

/**
 * `evidenceJsonHead` in chunks, to be written one after the other and let go: however many requirements
 * and tests, a chunk holds at most 64 K characters, or a single piece that is longer: 10,000 positions
 * of a list of tests, or one field of an entry (a long title, say).
 */
export function* evidenceJsonHeadChunks(evidence: Evidence): Generator<string> {
  yield* gathered(headPieces(evidence));
}

function* headPieces(evidence: Evidence): Generator<string> {
  yield '{\n';
  for (const [key, value] of Object.entries(evidence)) {
    // The test record goes last, as the `tests` list the caller writes line by line.
    if (value === undefined || key === 'testRecord') continue;
    const name = `  ${JSON.stringify(key)}: `;
    if (isTestList(value)) {
      yield name;
      yield* positions(value);
      yield ',\n';
    } else if (isListOfEntries(value)) {
      yield `${name}[\n`;
      for (let i = 0; i < value.length; i++) {
        yield i === 0 ? ENTRY_INDENT : `,\n${ENTRY_INDENT}`;
        yield* entry(value[i]!);
      }
      yield '\n  ],\n';
    } else {
      yield `${name}${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')},\n`;
    }
  }
  yield '  "tests": [';
}

/** Pieces of text gathered, in order, into chunks of at most `CHUNK_CHARS`, or of one piece that is longer. */
function* gathered(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    if (chunk !== '' && chunk.length + piece.length > CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
    chunk += piece;
  }
  if (chunk !== '') yield chunk;
}

/** The end of the JSON evidence, after `count` test lines. */
export function evidenceJsonEnd(count: number): string {
  return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

function isTestList(v: unknown): v is TestList {
  return typeof v === 'object' && v !== null && 'positions' in v && 'sample' in v && 'count' in v;
}

/** A non-empty list whose entries are all objects or all strings: written one entry a line. */
function isListOfEntries(v: unknown): v is readonly (object | string)[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    (v.every((x) => typeof x === 'object' && x !== null) || v.every((x) => typeof x === 'string'))
  );
}

/** A list of tests as JSON, in pieces: the positions of its tests in the `tests` list. */
function* positions(list: TestList): Generator<string> {
  const all = list.positions;
  if (all.length === 0) yield '[]';
  for (let i = 0; i < all.length; i += POSITIONS_PER_PIECE) {
    const end = i + POSITIONS_PER_PIECE;
    yield `${i === 0 ? '[' : ','}${all.slice(i, end).join(',')}${end >= all.length ? ']' : ''}`;
  }
}

/** An entry of a top-level list as plain JSON on one line, in pieces: lists of tests become lists of positions. */
function* entry(v: object | string): Generator<string> {
  if (typeof v === 'string') {
    yield JSON.stringify(v);
    return;
  }
  let opening = '{';
  for (const [k, x] of Object.entries(v)) {
    const name = `${opening}${JSON.stringify(k)}:`;
    if (isTestList(x)) {
      yield name;
      yield* positions(x);
    } else {
      // As in JSON.stringify, a field without a JSON value (undefined) is left out.
      const json = JSON.stringify(x) as string | undefined;
      if (json === undefined) continue;
      yield `${name}${json}`;
    }
    opening = ',';
  }
  yield opening === '{' ? '{}' : '}';
}
