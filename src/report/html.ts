import type { AnomalyRecord, Evidence, RequirementStatus, TestList, TestRef, TestStatus } from '../model/index.js';
import { escapeHtml } from './escape.js';
import { LIST_SAMPLE_SIZE, RECORD_SAMPLE_SIZE, SAMPLE_SIZE } from '../trace/trace.js';
import { EVIDENCE_FILES } from './evidence.js';
import { checklistResultText, type ChecklistRow } from './release-checklist.js';
import { countsLine } from './summary.js';

/**
 * The evidence as one self-contained HTML5 page for an auditor to open, print and file: inline CSS,
 * no script, nothing loaded from anywhere (a Content-Security-Policy in the page forbids it), so it
 * reads the same offline years later. Every piece of user text goes through `text()`; nothing a test
 * report, requirements list or anomaly list contains is ever written as markup or into an attribute.
 */

/**
 * The page is bounded by design: whatever the number of tests, it lists at most this many rows of the
 * test record, this many untraced tests, and this many tests in one cell (a requirement's, an unknown
 * ID's, an anomaly's); the rest are counted, and the evidence files list them all.
 */
export const MAX_TEST_ROWS = RECORD_SAMPLE_SIZE;
export const MAX_UNTRACED_ROWS = LIST_SAMPLE_SIZE;
export const MAX_TESTS_PER_CELL = SAMPLE_SIZE;
/** The evidence files, in the same folder, that hold everything this page leaves out. */
const EVIDENCE_JSON_FILE = EVIDENCE_FILES.json;
const TESTS_CSV_FILE = EVIDENCE_FILES.tests;
/** What the page may load or run: nothing but its own `<style>`. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const TEST_STATUSES: readonly TestStatus[] = ['passed', 'failed', 'errored', 'skipped'];
const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['verified', 'failed', 'skipped', 'uncovered'];

/** A status word as text and as a class; a value outside the known words shows as is, with a neutral class. */
function badge(status: string, known: readonly string[], label: string = status): string {
  const kind = known.includes(status) ? status : 'other';
  return `<span class="status status-${kind}">${text(label)}</span>`;
}
const testBadge = (status: TestStatus): string => badge(status, TEST_STATUSES);
const requirementBadge = (status: RequirementStatus): string => badge(status, REQUIREMENT_STATUSES);

/** Control characters other than tab and line breaks, shown as their Unicode control pictures. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** User text as HTML element content: escaped, control characters made visible. */
function text(value: string): string {
  const escaped = escapeHtml(value);
  return HAS_CONTROL.test(escaped) ? escaped.replace(CONTROL, (c) => `&#${c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0)};`) : escaped;
}
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A whole number with thousands separators, the same on every machine and locale. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** Seconds with millisecond precision. */
function seconds(time: number): string {
  return Number.isFinite(time) ? time.toFixed(3) : text(String(time));
}

const NONE = '<span class="none">—</span>';

/**
 * The HTML evidence report (`traceability.html`): verdict and coverage first, then provenance, totals,
 * reasons and warnings, the requirement -> tests matrix, unknown IDs, untraced tests, anomalies,
 * per-report totals and the test record. Pure: same evidence -> same bytes.
 */
export function renderEvidenceHtml(evidence: Evidence): string {
  return [...evidenceHtmlChunks(evidence)].join('');
}

/**
 * `renderEvidenceHtml` in chunks, to be written one after the other and let go: one part of the page
 * each (a tag, a list item, a table row) with the line break after it, so that however many
 * requirements and tests, no chunk holds more than one row of a table.
 */
export function* evidenceHtmlChunks(evidence: Evidence, checklist?: readonly ChecklistRow[]): Generator<string> {
  for (const part of pageParts(evidence, checklist)) yield `${part}\n`;
}

function* pageParts(evidence: Evidence, checklist?: readonly ChecklistRow[]): Generator<string> {
  const verdict = evidence.verdict === 'pass' ? 'PASSED' : 'FAILED';
  // The same words and counts as the job summary and the log.
  const headline = countsLine(evidence, text, count);
  const { provenance } = evidence;

  const pageTitle = [`IEC 62304 release gate ${verdict}`, `${evidence.coverage} % of requirements verified`, provenance.repository, provenance.ref]
    .filter((s): s is string => s !== undefined && s !== '')
    .map(text)
    .join(' · ');

  yield* [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${pageTitle}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body class="verdict-${evidence.verdict === 'pass' ? 'pass' : 'fail'}">`,
  ];

  // Verdict and coverage first: the one line an auditor reads before anything else.
  yield* [
    `<h1 id="verdict" class="verdict verdict-${evidence.verdict === 'pass' ? 'pass' : 'fail'}">IEC 62304 release gate: ${verdict}</h1>`,
    `<p class="headline"><strong>${headline.requirements}</strong> · ${headline.rest}</p>`,
  ];

  yield '<nav aria-label="Contents"><ol>';
  yield* SECTIONS.filter(([id]) => id !== 'checklist' || checklist !== undefined).map(([id, title]) => `<li><a href="#${id}">${id === 'reasons' ? reasonsTitle(evidence) : title}</a></li>`);
  yield '</ol></nav>';

  yield* provenanceSection(evidence);
  yield* totalsSection(evidence);
  if (passedClean(evidence)) yield* passSection(evidence);
  else yield* listSection('reasons', reasonsTitle(evidence), evidence.reasons.map((r) => r.message), 'None recorded.');
  yield* listSection('warnings', 'Warnings', evidence.warnings.map((r) => r.message), 'None.');
  if (checklist !== undefined) yield* checklistSection(checklist);
  yield* matrixSection(evidence);
  yield* unknownSection(evidence);
  yield* untracedSection(evidence);
  yield* anomaliesSection(evidence);
  yield* reportsSection(evidence);
  yield* testRecordSection(evidence);

  yield* [
    '<footer>',
    `<p>Rendered from the release gate evidence (schema <code>${text(evidence.schema)}</code>), the same evidence as ${EVIDENCE_JSON_FILE} in this folder; ` +
      `where this page leaves something out, ${EVIDENCE_JSON_FILE} has it. The page runs no script and loads nothing.</p>`,
    '</footer>',
    '</body>',
    '</html>',
  ];
}

const SECTIONS: readonly (readonly [string, string])[] = [
  ['provenance', 'Provenance'],
  ['totals', 'Totals'],
  ['reasons', 'Why the gate failed'],
  ['warnings', 'Warnings'],
  ['checklist', 'Release checklist (IEC 62304 §5.8)'],
  ['matrix', 'Requirements and their tests'],
  ['unknown-ids', 'IDs not in the requirements list'],
  ['untraced', 'Tests that name no requirement'],
  ['anomalies', 'Residual anomalies'],
  ['reports', 'Test reports'],
  ['tests', 'Test record'],
];

/** A passing gate has no reasons to fail: its section says why it passed instead. */
function reasonsTitle(evidence: Evidence): string {
  return passedClean(evidence) ? 'Why the gate passed' : 'Why the gate failed';
}

function passedClean(evidence: Evidence): boolean {
  return evidence.verdict === 'pass' && evidence.reasons.length === 0;
}

/** Why a gate passed: nothing fails it, and which failures the residual anomalies accept. */
function* passSection(evidence: Evidence): Generator<string> {
  yield '<section>';
  yield heading('reasons', reasonsTitle(evidence));
  yield '<p>Nothing in the evidence fails the gate: every requirement is verified or its failures are accepted, every known residual anomaly is assessed and acceptable.</p>';
  const accepted = evidence.requirements.filter((r) => r.acceptedBy !== undefined);
  if (accepted.length > 0) {
    yield `<p>${plural(accepted.length, 'requirement failed and is', 'requirements failed and are')} accepted by a residual anomaly:</p>`;
    yield '<ol class="reasons">';
    for (const r of accepted) {
      yield `<li><span class="id">${text(r.id)}</span> failed (${plural(r.failing.count, 'failing test', 'failing tests')}), accepted by ${r.acceptedBy!.map((id) => `<span class="id">${text(id)}</span>`).join(', ')}</li>`;
    }
    yield '</ol>';
  }
  yield '</section>';
}

/** The release checklist, as release-checklist.md has it: what the gate checked for each activity of §5.8. */
function* checklistSection(rows: readonly ChecklistRow[]): Generator<string> {
  yield '<section>';
  yield heading('checklist', 'Release checklist (IEC 62304 §5.8)');
  yield '<p>What the gate checked for each activity, the result and the evidence; a row the gate cannot check says so and is for the team to complete. The same as release-checklist.md in this folder.</p>';
  yield '<table><thead><tr><th>Clause</th><th>Activity</th><th>What the gate checked</th><th>Result</th><th>Evidence</th></tr></thead><tbody>';
  for (const r of rows) {
    yield `<tr><td>${text(r.clause)}</td><td>${text(r.activity)}</td><td>${text(r.checked)}</td><td>${text(checklistResultText(r.result))}</td><td>${text(r.evidence)}</td></tr>`;
  }
  yield '</tbody></table>';
  yield '</section>';
}

function heading(id: string, title: string, n?: number): string {
  return `<h2 id="${id}">${title}${n === undefined ? '' : ` (${count(n)})`}</h2>`;
}

function provenanceSection(evidence: Evidence): string[] {
  const p = evidence.provenance;
  const value = (v: string | undefined, code = false): string => {
    if (v === undefined || v === '') return '<span class="none">not recorded</span>';
    return code ? `<code>${text(v)}</code>` : text(v);
  };
  const rows: readonly (readonly [string, string])[] = [
    ['Repository', value(p.repository)],
    ['Commit', value(p.commit, true)],
    ['Ref', value(p.ref, true)],
    ['Requirements list', value(p.requirementsFile)],
    ['Requirement ID pattern', value(p.requirementPattern, true)],
    ['Evidence schema', value(evidence.schema, true)],
  ];
  return [
    '<section>',
    heading('provenance', 'Provenance'),
    '<dl class="provenance">',
    ...rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    '</dl>',
    '</section>',
  ];
}

function totalsSection(evidence: Evidence): string[] {
  const reqs = evidence.requirements;
  const by = (s: RequirementStatus): number => reqs.filter((r) => r.status === s).length;
  const accepted = reqs.filter((r) => r.acceptedBy !== undefined).length;
  const t = evidence.totals;
  const flaky = evidence.flakyTests.count;
  return [
    '<section>',
    heading('totals', 'Totals'),
    '<table class="totals" id="totals-requirements">',
    '<thead><tr><th scope="col">Requirements</th><th class="num" scope="col">Verified</th><th class="num" scope="col">Failed</th>' +
      '<th class="num" scope="col">Accepted failures</th><th class="num" scope="col">Skipped</th><th class="num" scope="col">Uncovered</th>' +
      '<th class="num" scope="col">Coverage</th><th class="num" scope="col">Unknown IDs</th></tr></thead>',
    `<tbody><tr><td class="num">${count(reqs.length)}</td><td class="num">${count(by('verified'))}</td><td class="num">${count(by('failed'))}</td>` +
      `<td class="num">${count(accepted)}</td><td class="num">${count(by('skipped'))}</td><td class="num">${count(by('uncovered'))}</td>` +
      `<td class="num">${text(String(evidence.coverage))} %</td><td class="num">${count(evidence.unknownIds.length)}</td></tr></tbody>`,
    '</table>',
    '<table class="totals" id="totals-tests">',
    '<thead><tr><th scope="col">Tests</th><th class="num" scope="col">Passed</th><th class="num" scope="col">Failed</th><th class="num" scope="col">Errored</th>' +
      '<th class="num" scope="col">Skipped</th><th class="num" scope="col">Flaky</th><th class="num" scope="col">Untraced</th>' +
      '<th class="num" scope="col">Unexplained failures</th><th class="num" scope="col">Reports</th></tr></thead>',
    `<tbody><tr><td class="num">${count(t.tests)}</td><td class="num">${count(t.passed)}</td><td class="num">${count(t.failed)}</td>` +
      `<td class="num">${count(t.errored)}</td><td class="num">${count(t.skipped)}</td><td class="num">${count(flaky)}</td>` +
      `<td class="num">${count(evidence.untracedTests.count)}</td><td class="num">${count(evidence.unexplainedFailures.count)}</td>` +
      `<td class="num">${count(evidence.reports.length)}</td></tr></tbody>`,
    '</table>',
    ...(t.attempts === t.tests ? [] : [`<p class="note">${ATTEMPTS_NOTE} The reports hold ${plural(t.attempts, 'test case', 'test cases')} for these ${plural(t.tests, 'test', 'tests')}.</p>`]),
    '</section>',
  ];
}

/** What a count of tests means where the reports hold more test cases than tests. */
const ATTEMPTS_NOTE =
  'Every count of tests on this page counts the attempts of one test (same name, class, suites, file and line in one report) once, ' +
  'as failed when any attempt failed; test cases are what the reports hold, one for each attempt.';

function* listSection(id: string, title: string, items: readonly string[], none: string): Generator<string> {
  yield '<section>';
  yield heading(id, title, items.length);
  if (items.length === 0) {
    yield `<p class="empty">${none}</p>`;
  } else {
    yield `<ol class="${id}">`;
    for (const i of items) yield `<li>${text(i)}</li>`;
    yield '</ol>';
  }
  yield '</section>';
}

/** A test as a list item: status, name, and the report it is in. */
function testItem(t: TestRef): string {
  return `<li>${testBadge(t.status)} <span class="name">${text(t.name)}</span> <span class="report">${text(t.report)}</span></li>`;
}

/** The tests of a cell: its sample (those that did not simply pass first), then how many more. */
function testList(tests: TestList, none: string): string {
  if (tests.count === 0) return `<span class="none">${none}</span>`;
  const shown = tests.sample;
  const items = shown.map(testItem).join('');
  if (shown.length === tests.count) return `<ul class="tests">${items}</ul>`;
  return `<ul class="tests">${items}<li class="cut">… and ${count(tests.count - shown.length)} more; ${TESTS_CSV_FILE} and ${EVIDENCE_JSON_FILE} list them all</li></ul>`;
}

/** What the test record leaves out, counted by status: `7 passed, 1 skipped`. */
function leftOut(evidence: Evidence, shown: readonly TestRef[]): string {
  const left: Record<TestStatus, number> = { passed: evidence.totals.passed, failed: evidence.totals.failed, errored: evidence.totals.errored, skipped: evidence.totals.skipped };
  for (const t of shown) left[t.status]--;
  return TEST_STATUSES.filter((s) => left[s] > 0)
    .map((s) => `${count(left[s])} ${s}`)
    .join(', ');
}

function* matrixSection(evidence: Evidence): Generator<string> {
  yield '<section>';
  yield heading('matrix', 'Requirements and their tests', evidence.requirements.length);
  if (evidence.requirements.length === 0) {
    yield* ['<p class="empty">The requirements list holds no requirement.</p>', '</section>'];
    return;
  }
  yield* [
    '<table class="matrix" id="matrix-table">',
    '<thead><tr><th scope="col">Requirement</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Tests</th></tr></thead>',
    '<tbody>',
  ];
  for (const r of evidence.requirements) {
    const accepted =
      r.acceptedBy === undefined ? '' : ` <span class="accepted">${badge('accepted', ['accepted'], 'accepted')} by ${r.acceptedBy.map((id) => `<span class="id">${text(id)}</span>`).join(', ')}</span>`;
    yield `<tr><th scope="row" class="id">${text(r.id)}</th><td>${r.title === '' ? NONE : text(r.title)}</td>` +
      `<td class="state">${requirementBadge(r.status)}${accepted}</td><td>${testList(r.tests, 'no test names it')}</td></tr>`;
  }
  yield* ['</tbody>', '</table>', '</section>'];
}

function* unknownSection(evidence: Evidence): Generator<string> {
  yield '<section>';
  yield heading('unknown-ids', 'IDs named by tests but not in the requirements list', evidence.unknownIds.length);
  if (evidence.unknownIds.length === 0) {
    yield* ['<p class="empty">None: every requirement ID a test names is in the requirements list.</p>', '</section>'];
    return;
  }
  yield* ['<table class="unknown">', '<thead><tr><th scope="col">ID</th><th scope="col">Tests that name it</th></tr></thead>', '<tbody>'];
  for (const u of evidence.unknownIds) yield `<tr><th scope="row" class="id">${text(u.id)}</th><td>${testList(u.tests, 'none')}</td></tr>`;
  yield* ['</tbody>', '</table>', '</section>'];
}

function* untracedSection(evidence: Evidence): Generator<string> {
  const tests = evidence.untracedTests;
  yield '<section>';
  yield heading('untraced', 'Tests that name no requirement', tests.count);
  if (tests.count === 0) {
    yield* ['<p class="empty">None: every test names at least one requirement ID.</p>', '</section>'];
    return;
  }
  const shown = tests.sample;
  yield* ['<table class="untraced">', '<thead><tr><th scope="col">Test</th><th scope="col">Status</th><th scope="col">Report</th></tr></thead>', '<tbody>'];
  for (const t of shown) yield `<tr><td class="name">${text(t.name)}</td><td class="state">${testBadge(t.status)}</td><td>${text(t.report)}</td></tr>`;
  yield* ['</tbody>', '</table>'];
  if (shown.length < tests.count) {
    yield `<p class="note cut">The table shows the first ${count(shown.length)} of ${plural(tests.count, 'test', 'tests')} that name no requirement; ` +
      `${count(tests.count - shown.length)} are left out here. ${TESTS_CSV_FILE} and ${EVIDENCE_JSON_FILE} list them all.</p>`;
  }
  yield '</section>';
}

function* anomaliesSection(evidence: Evidence): Generator<string> {
  const all = evidence.anomalies;
  const residual = all.filter((a) => a.residual).length;
  yield '<section>';
  yield heading('anomalies', 'Residual anomalies', residual);
  if (all.length === 0) {
    yield* ['<p class="empty">The evidence lists no known anomaly.</p>', '</section>'];
    return;
  }
  if (residual < all.length) yield `<p>The list also holds ${plural(all.length - residual, 'closed or fixed anomaly', 'closed or fixed anomalies')}, shown as not residual.</p>`;
  yield* [
    '<table class="anomalies">',
    '<thead><tr><th scope="col">Anomaly</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Assessment</th>' +
      '<th scope="col">Missing from the assessment</th><th scope="col">Tests explained</th></tr></thead>',
    '<tbody>',
  ];
  for (const a of all) {
    yield `<tr><th scope="row"><span class="id">${text(a.id)}</span>${a.title === '' ? '' : `<div>${text(a.title)}</div>`}<div class="report">${text(a.source)}</div></th>` +
      `<td class="state">${text(a.status)}${a.residual ? '' : '<div class="muted">not residual</div>'}</td>` +
      `<td>${a.severity === '' ? NONE : text(a.severity)}</td>` +
      `<td>${assessment(a)}</td>` +
      `<td>${a.missing.length === 0 ? NONE : `<ul>${a.missing.map((m) => `<li>${text(m)}</li>`).join('')}</ul>`}</td>` +
      `<td>${testList(a.explains, 'none')}${a.tests.length === 0 ? '' : `<div class="muted">Tests entries: ${a.tests.map((t) => `<span class="name">${text(t)}</span>`).join('; ')}</div>`}</td></tr>`;
  }
  yield* ['</tbody>', '</table>', '</section>'];
}

/** The gate's view of an anomaly's assessment, then what the assessment says. */
function assessment(a: AnomalyRecord): string {
  const parts: string[] = [];
  if (!a.residual) parts.push(badge('not-required', ['not-required'], 'not required (not residual)'));
  else if (a.problems.length === 0) parts.push(badge('acceptable', ['acceptable'], 'acceptable'));
  else parts.push(`${badge('problem', ['problem'], 'fails the gate')}<ul class="problems">${a.problems.map((p) => `<li>${text(p)}</li>`).join('')}</ul>`);
  const fields: readonly (readonly [string, string])[] = [
    ['Acceptable', a.acceptable ? 'yes' : 'no'],
    ['Assessed by', a.assessedBy],
    ['Date', a.assessmentDate],
    ['Justification', a.justification],
    ['Benefit-risk', a.benefitRisk],
    ['Related risks', a.relatedRisks.join(', ')],
  ];
  parts.push(`<dl class="fields">${fields.map(([k, v]) => `<dt>${k}</dt><dd>${v === '' ? NONE : text(v)}</dd>`).join('')}</dl>`);
  return parts.join('');
}

function* reportsSection(evidence: Evidence): Generator<string> {
  yield '<section>';
  yield heading('reports', 'Test reports', evidence.reports.length);
  if (evidence.reports.length === 0) {
    yield* ['<p class="empty">No test report was read.</p>', '</section>'];
    return;
  }
  // Test cases get a column of their own only where a report holds more of them than tests.
  const attempts = evidence.reports.some((r) => r.attempts !== r.tests);
  if (attempts) yield `<p class="note">${ATTEMPTS_NOTE}</p>`;
  yield* [
    '<table class="reports">',
    '<thead><tr><th scope="col">Report</th><th class="num" scope="col">Tests</th><th class="num" scope="col">Passed</th><th class="num" scope="col">Failed</th>' +
      `<th class="num" scope="col">Errored</th><th class="num" scope="col">Skipped</th>${attempts ? '<th class="num" scope="col">Test cases</th>' : ''}</tr></thead>`,
    '<tbody>',
  ];
  for (const r of evidence.reports) {
    yield `<tr><td>${text(r.file)}</td><td class="num">${count(r.tests)}</td><td class="num">${count(r.passed)}</td><td class="num">${count(r.failed)}</td>` +
      `<td class="num">${count(r.errored)}</td><td class="num">${count(r.skipped)}</td>${attempts ? `<td class="num">${count(r.attempts)}</td>` : ''}</tr>`;
  }
  yield* ['</tbody>', '</table>', '</section>'];
}

function* testRecordSection(evidence: Evidence): Generator<string> {
  const total = evidence.testRecord.count;
  yield '<section>';
  yield heading('tests', 'Test record', total);
  if (total === 0) {
    yield* ['<p class="empty">No test case was found.</p>', '</section>'];
    return;
  }
  // Every test that did not simply pass first, then passed tests in order, up to the bound.
  const shown = evidence.testRecord.sample;
  if (shown.length < total) {
    yield `<p class="note cut">${count(total - shown.length)} of ${plural(total, 'test', 'tests')} are left out of this table (${leftOut(evidence, shown)}): ` +
      `it shows at most ${count(MAX_TEST_ROWS)} rows, every test that did not simply pass first, then passed tests in order. ` +
      `${TESTS_CSV_FILE} and ${EVIDENCE_JSON_FILE} list every test; No. is a test's number there.</p>`;
  }
  yield* [
    '<table class="record">',
    '<thead><tr><th class="num" scope="col">No.</th><th scope="col">Report</th><th scope="col">Test</th><th scope="col">Status</th>' +
      '<th scope="col">Requirement IDs</th><th class="num" scope="col">Duration (s)</th><th scope="col">File:line</th><th scope="col">Flaky</th>' +
      '<th scope="col">Message</th></tr></thead>',
    '<tbody>',
  ];
  for (const t of shown) {
    const c = t;
    const explained = t.explainedBy === undefined || t.explainedBy.length === 0 ? '' : `<div class="muted">explained by ${t.explainedBy.map(text).join(', ')}</div>`;
    const location = c.file === undefined ? NONE : `${text(c.file)}${c.line === undefined ? '' : `:${text(String(c.line))}`}`;
    yield `<tr><td class="num">${count(t.index + 1)}</td><td>${text(t.report)}</td><td class="name">${text(t.name)}</td><td class="state">${testBadge(t.status)}${explained}</td>` +
      `<td>${t.ids.length === 0 ? NONE : t.ids.map((id) => `<span class="id">${text(id)}</span>`).join(', ')}</td>` +
      `<td class="num">${seconds(c.time)}</td><td class="location">${location}</td>` +
      `<td>${t.flaky ? badge('flaky', ['flaky'], 'flaky') : 'no'}</td>` +
      `<td>${c.message === undefined || c.message === '' ? NONE : `<div class="message">${text(c.message)}</div>`}</td></tr>`;
  }
  yield* ['</tbody>', '</table>', '</section>'];
}

/** Light theme for the screen, black on white for paper; status is always a word, colour only helps. */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 1500px; padding: 24px 28px 40px; color: #1b1b1b; background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 1.75em; margin: 0 0 .3em; padding: .35em .6em; border-left: .45em solid #555; background: #f2f2f2; }
h1.verdict-fail { border-color: #b3001b; background: #fdecee; color: #7a0012; }
h1.verdict-pass { border-color: #1b7a3a; background: #e7f4eb; color: #0f4d24; }
h2 { font-size: 1.25em; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #d0d4d9; }
.headline { font-size: 1.1em; margin: 0 0 1em; }
nav ol { margin: 0; padding: .5em 1em .5em 2em; background: #f6f7f9; border: 1px solid #d0d4d9; columns: 2; }
nav a { color: #0b4f9c; }
code, .message, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .92em; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 0; }
dl.provenance dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #b9bec5; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e9ecf0; font-weight: 600; overflow-wrap: normal; }
tbody th { font-weight: normal; background: #fbfbfc; }
th.id, th .id { font-weight: 700; }
tbody tr:nth-child(even) td { background: #f9fafb; }
table.totals { width: auto; }
table.matrix thead th:nth-child(1) { width: 9em; }
table.matrix thead th:nth-child(2) { width: 30%; }
table.matrix thead th:nth-child(3) { width: 10em; }
table.record thead th:nth-child(1) { width: 3.5em; }
table.record thead th:nth-child(2) { width: 11em; }
table.record thead th:nth-child(4) { width: 7.5em; }
table.record thead th:nth-child(5) { width: 7.5em; }
table.record thead th:nth-child(6) { width: 5.5em; }
table.record thead th:nth-child(7) { width: 12em; }
table.record thead th:nth-child(8) { width: 4.5em; }
table.record thead th:nth-child(9) { width: 24%; }
table.anomalies thead th:nth-child(1) { width: 13em; }
table.anomalies thead th:nth-child(2), table.anomalies thead th:nth-child(3) { width: 6.5em; }
table.anomalies thead th:nth-child(5) { width: 14em; }
table.anomalies thead th:nth-child(6) { width: 20em; }
table.untraced thead th:nth-child(2) { width: 7.5em; }
table.untraced thead th:nth-child(3) { width: 16em; }
table.unknown thead th:nth-child(1) { width: 9em; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.state .status { margin: 0 .2em .2em 0; }
.status { display: inline-block; padding: 0 .4em; border: 1px solid #888; border-radius: 3px; font-size: .85em; font-weight: 600; line-height: 1.5; white-space: nowrap; }
.status-passed, .status-verified, .status-acceptable { color: #0f4d24; background: #e3f3e8; border-color: #6fb486; }
.status-failed, .status-uncovered, .status-problem { color: #7a0012; background: #fde6ea; border-color: #e08d9b; }
.status-errored { color: #fff; background: #8f0019; border-color: #8f0019; }
.status-skipped, .status-flaky, .status-accepted { color: #5c4100; background: #fff2cc; border-color: #d9b440; }
.status-not-required, .status-other { color: #333; background: #eee; border-color: #999; }
ul.tests { list-style: none; margin: 0; padding: 0; }
ul.tests li { margin: 0 0 2px; }
td ul:not(.tests), th ul { margin: .2em 0; padding-left: 1.2em; }
.name { unicode-bidi: isolate; }
.report, .muted { color: #555; font-size: .85em; }
.none, .empty { color: #666; }
.message { white-space: pre-wrap; font-size: .82em; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: .3em 0 0; font-size: .9em; }
dl.fields dt { color: #444; }
li.cut { color: #444; font-style: italic; }
.note { border-left: 4px solid #d9b440; background: #fff8e1; padding: 6px 10px; }
ol.reasons li, ol.warnings li { margin-bottom: .3em; overflow-wrap: anywhere; }
footer { margin-top: 2.5em; padding-top: .5em; border-top: 1px solid #d0d4d9; color: #555; font-size: .85em; }
@page { margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
  tbody tr:nth-child(even) td { background: none; }
  a { color: inherit; text-decoration: none; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');
