export const id = 935;
export const ids = [935];
export const modules = {

/***/ 78935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// UNUSED EXPORTS: runCase

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/settings.ts + 1 modules
var action_settings = __webpack_require__(27708);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/io/collect-reports.ts + 18 modules
var collect_reports = __webpack_require__(33650);
;// CONCATENATED MODULE: ./src/io/memory-sinks.ts
/** The evidence held in memory (tests, a preview): each file's text once it is closed. */
class EvidenceInMemory {
    files = new Map();
    file(name) {
        return Promise.resolve(new MemoryText((text) => this.files.set(name, text)));
    }
    spool() {
        return Promise.resolve(new MemoryText(() => undefined));
    }
    dispose() {
        return Promise.resolve();
    }
}
class MemoryText {
    keep;
    parts = [];
    ended = false;
    constructor(keep) {
        this.keep = keep;
    }
    add(text) {
        if (this.ended)
            throw new Error('internal error: text added after the end');
        this.parts.push(text);
        return false;
    }
    flush() {
        return Promise.resolve();
    }
    close() {
        if (!this.ended)
            this.keep(this.parts.join(''));
        this.ended = true;
        return Promise.resolve();
    }
    discard() {
        this.ended = true;
        this.parts.length = 0;
        return Promise.resolve();
    }
    pourInto(out) {
        for (const part of this.parts)
            out.add(part);
        return out.flush();
    }
}

// EXTERNAL MODULE: ./src/run-gate.ts + 52 modules
var run_gate = __webpack_require__(38157);
// EXTERNAL MODULE: ./src/system-faults.ts
var system_faults = __webpack_require__(95422);
;// CONCATENATED MODULE: ./src/validation/cases.ts
const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n| SRS-002 | Alarm sounds |\n';
const INPUTS = { reports: 'reports/*.xml', requirements: 'requirements.md' };
function junit(cases, suite = '<testsuite name="unit">') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>${suite}${cases}</testsuite></testsuites>\n`;
}
const PASS_1 = '<testcase classname="dose" name="SRS-001 computes the dose"/>';
const PASS_2 = '<testcase classname="alarm" name="SRS-002 sounds the alarm"/>';
const FAIL_2 = '<testcase classname="alarm" name="SRS-002 sounds the alarm"><failure message="no sound">expected a tone</failure></testcase>';
const ANOMALIES = '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
    '| ANOM-1 | Alarm tone late on cold start | Low | Deferred | SRS-002 sounds the alarm | The tone starts within 2 s; the display shows the alarm at once | Yes | J. Assessor | 2026-01-15 |\n';
const VALIDATION_CASES = [
    { id: 'VAL-01', kind: 'passing', title: 'every requirement verified by a passing test', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + PASS_2) }, inputs: INPUTS, expected: 'pass' },
    {
        id: 'VAL-02',
        kind: 'passing',
        title: 'a failing test explained by an assessed, acceptable residual anomaly',
        files: { 'requirements.md': REQUIREMENTS, 'anomalies.md': ANOMALIES, 'reports/unit.xml': junit(PASS_1 + FAIL_2) },
        inputs: { ...INPUTS, anomalies: 'anomalies.md' },
        expected: 'pass',
    },
    { id: 'VAL-03', kind: 'failing', title: 'a failing test of a requirement', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + FAIL_2) }, inputs: INPUTS, expected: 'fail', reason: 'requirement-failed' },
    { id: 'VAL-04', kind: 'failing', title: 'a requirement no test names', files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1) }, inputs: INPUTS, expected: 'fail', reason: 'requirement-uncovered' },
    {
        id: 'VAL-05',
        kind: 'failing',
        title: 'the only test of a requirement skipped',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1}<testcase classname="alarm" name="SRS-002 sounds the alarm"><skipped/></testcase>`) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'requirement-skipped',
    },
    {
        id: 'VAL-06',
        kind: 'failing',
        title: 'a test names an ID the requirements list does not hold',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1 + PASS_2}<testcase classname="x" name="SRS-009 is not a requirement"/>`) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'unknown-id',
    },
    {
        id: 'VAL-07',
        kind: 'failing',
        title: 'a test that names no requirement',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1 + PASS_2}<testcase classname="x" name="boots"/>`) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'untraced-tests',
    },
    { id: 'VAL-08', kind: 'failing', title: 'no report matches the pattern', files: { 'requirements.md': REQUIREMENTS }, inputs: INPUTS, expected: 'fail', reason: 'unreadable-input' },
    {
        id: 'VAL-09',
        kind: 'hostile',
        title: 'a report with an XML entity (a DOCTYPE that could expand or read files) is refused',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': `<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x "SRS-002 sounds the alarm">]>\n<testsuites><testsuite name="u">${PASS_1}<testcase name="&x;"/></testsuite></testsuites>\n` },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'unreadable-input',
    },
    {
        id: 'VAL-10',
        kind: 'hostile',
        title: 'a report cut short after its passing tests is refused, not read as a pass',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(PASS_1 + PASS_2).slice(0, -30) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'unreadable-input',
    },
    {
        id: 'VAL-11',
        kind: 'hostile',
        title: 'a failing test case nested inside a passing one is counted, never dropped',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit(`${PASS_1}<testcase classname="alarm" name="SRS-002 sounds"><testcase classname="alarm" name="SRS-002 sounds loud"><failure/></testcase></testcase>`) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'requirement-failed',
    },
    {
        id: 'VAL-12',
        kind: 'hostile',
        title: 'a report whose suite declares tests but holds none',
        files: { 'requirements.md': REQUIREMENTS, 'reports/unit.xml': junit('', '<testsuite name="unit" tests="2" failures="1">') },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'report-without-cases',
    },
    {
        id: 'VAL-13',
        kind: 'hostile',
        title: 'a requirements list whose table cannot be read is refused',
        files: { 'requirements.md': '# Requirements\n\nSRS-001, SRS-002 (no table)\n', 'reports/unit.xml': junit(PASS_1 + PASS_2) },
        inputs: INPUTS,
        expected: 'fail',
        reason: 'unreadable-input',
    },
];

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/validation/record.ts
/**
 * The validation record a user files (ISO 13485 §4.1.6): which version was validated, where, when, and
 * each case's expected and actual verdict; as Markdown and as a JUnit report. Pure.
 */

const RECORD_FILE = 'validation-record.md';
const JUNIT_FILE = 'validation-junit.xml';
function allAgree(run) {
    return run.results.length > 0 && run.results.every((r) => r.agrees);
}
function expectedText(c) {
    return c.expected === 'pass' ? 'pass' : `fail${c.reason !== undefined ? ` (${c.reason})` : ''}`;
}
function renderRecord(run) {
    const agreed = run.results.filter((r) => r.agrees).length;
    const code = (t) => `\`${t.replace(/[`|\r\n]/g, ' ')}\``;
    return [
        '# Validation record: IEC 62304 Release Gate',
        '',
        `**${allAgree(run) ? 'VALIDATED' : 'NOT VALIDATED'}**: ${agreed} of ${run.results.length} cases gave their expected verdict.`,
        '',
        '| | |',
        '| --- | --- |',
        `| Tool | iec62304-release-gate ${code(run.version)} |`,
        `| Platform | ${code(run.platform)} |`,
        `| Node.js | ${code(run.node)} |`,
        `| Date (UTC) | ${code(run.date)} |`,
        '',
        '| Case | Kind | What it shows | Expected | Actual | Agrees |',
        '| --- | --- | --- | --- | --- | --- |',
        ...run.results.map((r) => `| ${r.case.id} | ${r.case.kind} | ${(0,report_escape/* escapeMarkdown */.FV)(r.case.title)} | ${expectedText(r.case)} | ${r.actual === 'error' ? `error: ${(0,report_escape/* escapeMarkdown */.FV)(r.detail.join(' '))}` : `${r.actual}${r.detail.length > 0 ? ` (${r.detail.join(', ')})` : ''}`} | ${r.agrees ? 'yes' : '**NO**'} |`),
        '',
        'Produced by `release-gate validate` (docs/validation.md says how to review and file it). Reviewed and',
        'accepted by: ______________________  Date: ____________',
        '',
    ].join('\n');
}
function renderJunit(run) {
    const failures = run.results.filter((r) => !r.agrees).length;
    const time = run.results.reduce((t, r) => t + r.time, 0);
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="release-gate validate" tests="${run.results.length}" failures="${failures}" errors="0" time="${time.toFixed(3)}">`,
        `  <testsuite name="iec62304-release-gate ${xml(run.version)} validation" tests="${run.results.length}" failures="${failures}" errors="0" skipped="0" time="${time.toFixed(3)}" timestamp="${xml(run.date)}">`,
        '    <properties>',
        `      <property name="version" value="${xml(run.version)}"/>`,
        `      <property name="platform" value="${xml(run.platform)}"/>`,
        `      <property name="node" value="${xml(run.node)}"/>`,
        '    </properties>',
    ];
    for (const r of run.results) {
        const name = `${r.case.id} ${r.case.title} (expected ${expectedText(r.case)})`;
        const open = `    <testcase classname="validation.${r.case.kind}" name="${xml(name)}" time="${r.time.toFixed(3)}"`;
        if (r.agrees)
            lines.push(`${open}/>`);
        else
            lines.push(`${open}>`, `      <failure message="${xml(`expected ${expectedText(r.case)}, got ${r.actual}`)}">${xml(r.detail.join('\n'))}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}
function xml(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

// EXTERNAL MODULE: ./src/cli/check.ts + 7 modules
var check = __webpack_require__(21775);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(71028);
;// CONCATENATED MODULE: ./src/cli/validate.ts
/**
 * `release-gate validate`: the built-in validation cases (src/validation/cases.ts) run against this
 * installed version, each in a workspace of its own through the same settings and `runGate` as
 * `check`; then the record (validation-record.md) and a JUnit report of it. Exit 0 only when every
 * case gave its expected verdict (and, for a failing case, its expected reason).
 */













const SILENT = { group: (_name, work) => work(), info: () => undefined, untrusted: () => undefined };
async function validate(options, term, cases = VALIDATION_CASES) {
    const scratch = await promises_default().mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'release-gate-validate-'));
    const results = [];
    try {
        for (const c of cases) {
            const result = await runCase(c, external_node_path_default().join(scratch, c.id));
            results.push(result);
            const mark = result.agrees ? (0,terminal/* paint */.nI)(term, 'green', 'ok  ') : (0,terminal/* paint */.nI)(term, 'red', 'FAIL');
            term.out(`${mark} ${c.id} ${c.kind}: ${c.title}: expected ${c.expected}, got ${result.actual}${result.detail.length > 0 ? ` (${(0,terminal/* inert */.tJ)(result.detail.join(', '))})` : ''}`);
        }
    }
    finally {
        await promises_default().rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
    const run = {
        version: options.version,
        platform: `${external_node_os_default().platform()} ${external_node_os_default().release()} ${external_node_os_default().arch()}`,
        node: process.version,
        date: new Date().toISOString(),
        results,
    };
    const folder = external_node_path_default().resolve(options.outputDir);
    try {
        await promises_default().mkdir(folder, { recursive: true });
        await promises_default().writeFile(external_node_path_default().join(folder, RECORD_FILE), renderRecord(run));
        await promises_default().writeFile(external_node_path_default().join(folder, JUNIT_FILE), renderJunit(run));
    }
    catch (e) {
        const reason = (0,system_faults/* fileSystemReason */.aV)(e);
        if (reason === undefined)
            throw e;
        throw new errors/* UserError */.yo(`the validation record cannot be written to ${folder}: ${reason}; give a writable folder with --output-dir`, { file: folder });
    }
    const agreed = results.filter((r) => r.agrees).length;
    term.out('');
    term.out(allAgree(run) ? (0,terminal/* paint */.nI)(term, 'green', `VALIDATED: all ${results.length} cases gave their expected verdict`) : (0,terminal/* paint */.nI)(term, 'red', `NOT VALIDATED: ${results.length - agreed} of ${results.length} cases did not give their expected verdict`));
    term.out(`Record: ${external_node_path_default().join(folder, RECORD_FILE)}`);
    term.out(`JUnit report: ${external_node_path_default().join(folder, JUNIT_FILE)}`);
    return allAgree(run) ? check/* EXIT */.dc.passed : check/* EXIT */.dc.failed;
}
/** One case in its own workspace; a user error stopping the gate is an `error`, never agreement. */
async function runCase(c, workspace) {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    for (const [file, content] of Object.entries(c.files)) {
        const full = external_node_path_default().join(workspace, file);
        await promises_default().mkdir(external_node_path_default().dirname(full), { recursive: true });
        await promises_default().writeFile(full, content);
    }
    await promises_default().mkdir(workspace, { recursive: true });
    try {
        const settings = (0,action_settings/* settingsFromInputs */.X)((name) => (c.inputs[name] ?? '').trim(), workspace);
        const reports = await (0,collect_reports/* findReports */.z)(settings.gate.reports, workspace);
        const outcome = await (0,run_gate/* runGate */.Rg)(settings.gate, reports, new EvidenceInMemory(), (0,run_gate/* contextOf */.Vm)(workspace, { repository: null, commit: null, ref: null }, new Date()), SILENT);
        const actual = outcome.verdict.passed ? 'pass' : 'fail';
        const codes = [...new Set(outcome.verdict.reasons.map((r) => r.code))];
        const agrees = actual === c.expected && (c.reason === undefined || codes.includes(c.reason));
        return { case: c, actual, detail: codes, agrees, time: seconds() };
    }
    catch (e) {
        if (!(0,errors/* isUserError */.iU)(e))
            throw e;
        return { case: c, actual: 'error', detail: [e.toString()], agrees: false, time: seconds() };
    }
}


/***/ })

};
