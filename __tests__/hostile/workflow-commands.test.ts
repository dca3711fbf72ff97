/**
 * Workflow-command injection through the bundled action. Test names, messages, suite names, file
 * attributes and report file names carry `::set-output`, `::add-mask::`, `::stop-commands::`, `%0A`,
 * carriage returns and the legacy `##[...]` form. The runner reads the step's output line by line
 * (`\r`, `\n` and `\r\n` end a line) and takes as a command any line that, after leading white space,
 * starts with `::name` of a known command, or holds `##[name` anywhere. Its parser is mirrored here,
 * so the assertions say what the runner would do with the action's output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runAction, type ActionRun } from '../../scripts/run-action.js';
import { MAX_ERROR_ANNOTATIONS, MAX_WARNING_ANNOTATIONS } from '../../src/report/annotations.js';
import { node24 } from '../support/node24.js';
import { commitAll } from '../support/git-repo.js';
import { makeWorkspace } from '../support/workspace.js';

const node = node24 ?? process.execPath;

/** Commands the runner knows (matched case-insensitively). */
const REGISTERED = new Set([
  'add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'internal-set-repo-path',
  'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning',
]);
const GROUPS = new Set(['Settings', 'Collect reports', 'Release identity', 'Requirements list', 'Known anomalies', 'Release record', 'Test reports', 'SOUP', 'Release archive']);
/** The outputs action.yml declares: the only names GITHUB_OUTPUT may hold. */
const DECLARED_OUTPUTS = Object.keys((parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> }).outputs);
const ANNOTATION_PROPERTIES = new Set(['title', 'file', 'line', 'endLine', 'col', 'endColumn']);
/** Titles the action gives its annotations (src/report/annotations.ts, src/evaluate.ts); IDs come from the requirement pattern. */
const ANNOTATION_TITLES = [
  /^Unreadable input$/,
  /^Release check( failed)?$/,
  /^SRS-\d+: test (failed|errored)$/,
  /^Unknown requirement ID SRS-\d+$/,
  /^SRS-\d+ not verified$/,
  /^Test names no requirement$/,
  /^Flaky test$/,
  /^More findings$/,
];

interface RunnerCommand {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
  readonly line: string;
}

function unescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

/** The runner's `TryParseV2`: `::name key=value,key=value::data` after leading white space. */
function parseV2(line: string): RunnerCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
    }
  }
  return { name, properties, data: unescape(message.slice(end + 2), false), line };
}

/** The runner's legacy `TryParse`: `##[name key=value;...]data` anywhere in the line. */
function parseV1(line: string): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  return { name, properties: {}, data: line.slice(rb + 1), line };
}

interface RunnerView {
  /** Commands the runner would carry out, in order. */
  readonly commands: readonly RunnerCommand[];
  /** Lines the runner prints as text while commands are stopped. */
  readonly inert: readonly string[];
  /** What the action must never produce. */
  readonly violations: readonly string[];
}

/**
 * Reads the step's output as the runner does and checks every command against what the action
 * itself issues. `token` is the github-token, the one value `::add-mask::` may carry.
 */
function runnerView(output: string, token?: string): RunnerView {
  const commands: RunnerCommand[] = [];
  const inert: string[] = [];
  const violations: string[] = [];
  let stopToken: string | undefined;
  const stopped: string[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const v2 = parseV2(line);
    const known = v2 !== undefined && (REGISTERED.has(v2.name.toLowerCase()) || v2.name.toLowerCase() === stopToken?.toLowerCase());
    const command = known ? v2 : (() => {
      const v1 = parseV1(line);
      return v1 !== undefined && (REGISTERED.has(v1.name.toLowerCase()) || v1.name.toLowerCase() === stopToken?.toLowerCase()) ? v1 : undefined;
    })();
    if (stopToken !== undefined) {
      if (command !== undefined && command.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined;
      else inert.push(line);
      continue;
    }
    if (line.trimStart().startsWith('::') && !known) violations.push(`a line starts with "::" but is no command of the action: ${JSON.stringify(line)}`);
    if (command === undefined) continue;
    if (!known) {
      violations.push(`a legacy ##[...] command the action never issues: ${JSON.stringify(line)}`);
      continue;
    }
    commands.push(command);
    const name = command.name;
    const props = Object.keys(command.properties);
    switch (name) {
      case 'group':
        if (!GROUPS.has(command.data) || props.length > 0) violations.push(`group ${JSON.stringify(line)}`);
        break;
      case 'endgroup':
        if (command.data !== '' || props.length > 0) violations.push(`endgroup ${JSON.stringify(line)}`);
        break;
      case 'debug':
        break;
      case 'add-mask':
        if (token === undefined || command.data !== token) violations.push(`add-mask of something other than the token: ${JSON.stringify(line)}`);
        break;
      case 'stop-commands':
        if (!/^[0-9a-f]{32}$/.test(command.data)) violations.push(`stop-commands with a token the action did not make: ${JSON.stringify(line)}`);
        stopToken = command.data;
        stopped.push(command.data);
        break;
      case 'error':
      case 'warning':
      case 'notice': {
        for (const p of props) if (!ANNOTATION_PROPERTIES.has(p)) violations.push(`annotation property ${p}: ${JSON.stringify(line)}`);
        const title = command.properties['title'];
        if (title !== undefined && !ANNOTATION_TITLES.some((t) => t.test(title))) violations.push(`annotation title not the action's: ${JSON.stringify(title)}`);
        const file = command.properties['file'];
        if (file !== undefined && (path.isAbsolute(file) || /^[A-Za-z]:/.test(file) || file.includes('\\') || file.split('/').includes('..'))) {
          violations.push(`annotation outside the repository: ${JSON.stringify(file)}`);
        }
        break;
      }
      default:
        violations.push(`a command the action never issues: ${JSON.stringify(line)}`);
    }
  }
  if (stopToken !== undefined) violations.push('commands stay stopped at the end of the step');
  if (new Set(stopped).size !== stopped.length) violations.push('a stop token was used twice');
  return { commands, inert, violations };
}

function annotations(view: RunnerView, level: 'error' | 'warning' | 'notice'): RunnerCommand[] {
  return view.commands.filter((c) => c.name === level);
}

/** Reads a GITHUB_OUTPUT file strictly: only `name<<delimiter`, value lines and the delimiter. */
function readOutputFile(text: string): Record<string, string> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z][\w-]*)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[i]!);
    if (m === null) throw new Error(`line ${i + 1} of GITHUB_OUTPUT is not a heredoc start: ${JSON.stringify(lines[i])}`);
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    if (i >= lines.length) throw new Error(`the value of ${m[1]} is not closed`);
    if (m[1]! in out) throw new Error(`output ${m[1]} is set twice`);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** Runs the bundle with a GITHUB_OUTPUT file of our own, to read it raw. */
async function run(ws: string, inputs: Record<string, string>): Promise<{ run: ActionRun; outputs: Record<string, string>; view: RunnerView }> {
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gate-out-')), 'output');
  fs.writeFileSync(outputFile, '');
  const result = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', ...inputs }, env: { GITHUB_OUTPUT: outputFile } });
  const outputs = readOutputFile(fs.readFileSync(outputFile, 'utf8'));
  fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
  const view = runnerView(result.stdout);
  const stderrView = runnerView(result.stderr);
  expect(stderrView.commands, result.stderr).toEqual([]);
  expect(stderrView.violations).toEqual([]);
  return { run: result, outputs, view };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

const PAYLOADS = {
  setOutput: 'SRS-001 x\n::set-output name=passed::true',
  addMask: '::add-mask::SRS',
  stopCommands: '::stop-commands::abc',
  percent: '%0A::error::pwned %25 %0D::warning::pwned',
  carriageReturn: 'SRS-002 y\r::error::cr\r\n::notice::crlf',
  leadingSpace: '   ::error::leading white space',
  legacy: '##[set-output name=passed;]true ##[add-mask]SRS',
  fakeResume: '::0123456789abcdef0123456789abcdef::',
  separators: 'SRS-003 z\u2028::error::line-separator\u0085::error::next-line',
  upperCase: '::ERROR::upper case',
} as const;

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | ::error::a title |\n| SRS-002 | b |\n| SRS-003 | c |\n';

describe('workflow commands in user text, through the bundled action', () => {
  it('a failing gate: outputs are exactly the action\'s, every command is the action\'s own, user text is inert', async () => {
    const cases = [
      `<testcase classname="dose" name="${esc(PAYLOADS.setOutput)}"><failure message="${esc(PAYLOADS.percent)}">${esc(PAYLOADS.carriageReturn)}</failure></testcase>`,
      `<testcase classname="${esc('::notice file=/etc/passwd::x')}" name="${esc(PAYLOADS.carriageReturn)}" file="${esc('::error::f,line=1\n::warning::g')}" line="3"><error message="${esc(PAYLOADS.legacy)}"/></testcase>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.addMask)}"/>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.stopCommands)}"/>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.leadingSpace)}"/>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.legacy)}"/>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.fakeResume)}"/>`,
      `<testcase classname="dose" name="${esc(PAYLOADS.separators)}"><skipped message="${esc(PAYLOADS.upperCase)}"/></testcase>`,
      `<testcase classname="dose" name="SRS-099 unknown ${esc(PAYLOADS.setOutput)}"><system-out>${esc('::set-output name=passed::true\n::add-mask::SRS\n')}</system-out></testcase>`,
    ];
    const ws = makeWorkspace({
      'requirements.md': REQUIREMENTS,
      'reports/hostile.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="${esc('::warning::suite\n::error::suite2')}">${cases.join('\n')}</testsuite></testsuites>\n`,
      // Report file names are written by whoever can push a branch; Linux allows line breaks in them.
      'reports/x\n::error::pwned-by-file-name.xml': '<testsuite name="s" tests="3"/>',
      'reports/y\r::warning::cr-in-file-name.xml': '<testsuite><testcase name="broken"',
    });
    const { run: r, outputs, view } = await run(ws, { 'untraced-tests': 'fail' });

    expect(r.status).toBe(1);
    expect(Object.keys(outputs).sort()).toEqual(['change-summary', 'coverage', 'evidence-dir', 'passed', 'release-checklist', 'release-notes', 'report-json']);
    for (const name of Object.keys(outputs)) expect(DECLARED_OUTPUTS).toContain(name);
    expect(outputs).toMatchObject({ passed: 'false', coverage: '0', 'report-json': path.join(ws, 'release-gate-evidence', 'traceability.json') });
    expect(view.violations).toEqual([]);

    const errors = annotations(view, 'error');
    const warnings = annotations(view, 'warning');
    const notices = annotations(view, 'notice');
    expect(errors.length).toBeLessThanOrEqual(MAX_ERROR_ANNOTATIONS + 1);
    expect(warnings.length).toBeLessThanOrEqual(MAX_WARNING_ANNOTATIONS);
    expect(notices.length).toBeLessThanOrEqual(1);
    expect(view.commands.filter((c) => c.name === 'add-mask')).toEqual([]);

    // The user still sees the text, as text: decoded, the annotations carry it whole.
    const shown = errors.map((c) => c.data).join('\n');
    expect(shown).toContain(PAYLOADS.setOutput);
    expect(shown).toContain(PAYLOADS.percent);
    expect(shown).toContain('reports/x\n::error::pwned-by-file-name.xml');
    expect(errors.map((c) => c.properties['file'])).toContain('reports/y\r::warning::cr-in-file-name.xml');
    // The file name reaches the log only inside a stop-commands block, where the runner ignores it.
    expect(view.inert).toContain('::error::pwned-by-file-name.xml: 0 tests');
  });

  it('a passing gate with hostile names: passed stays true, warnings carry the text inertly, nothing else is set', async () => {
    const names = [`SRS-001 ${PAYLOADS.setOutput}`, `SRS-002 ${PAYLOADS.stopCommands}`, `SRS-003 ${PAYLOADS.legacy}`, PAYLOADS.addMask, PAYLOADS.leadingSpace, PAYLOADS.percent, PAYLOADS.upperCase];
    const ws = makeWorkspace({
      'requirements.md': REQUIREMENTS,
      'reports/hostile.xml': `<testsuites><testsuite name="${esc('::set-output name=coverage::0')}">${names.map((n) => `<testcase classname="dose" name="${esc(n)}"/>`).join('')}</testsuite></testsuites>`,
    });
    commitAll(ws);
    const { run: r, outputs, view } = await run(ws, { 'untraced-tests': 'warn', upload: 'false' });
    expect(r.status, r.stdout).toBe(0);
    for (const name of Object.keys(outputs)) expect(DECLARED_OUTPUTS).toContain(name);
    expect(outputs).toMatchObject({
      passed: 'true',
      coverage: '100',
      'report-json': path.join(ws, 'release-gate-evidence', 'traceability.json'),
      'evidence-dir': path.join(ws, 'release-gate-evidence'),
    });
    for (const value of Object.values(outputs)) expect(value).not.toMatch(/::|\n|pwned/);
    expect(view.violations).toEqual([]);
    // Besides the release record's own warnings (no Git checkout, no change decision), the untraced tests.
    const warnings = annotations(view, 'warning').filter((w) => w.properties['title'] !== 'Release check');
    expect(warnings.length).toBe(4);
    expect(warnings.map((w) => w.properties['title'])).toEqual(Array(4).fill('Test names no requirement'));
    expect(warnings.map((w) => w.data).join('\n')).toContain(PAYLOADS.addMask);
    expect(annotations(view, 'error')).toEqual([]);
  });

  it('the runner view itself catches an injected line (so the checks above can fail)', () => {
    const injected = runnerView('::group::Test reports\nname\n::set-output name=passed::true\n  ::add-mask::SRS\nx ##[add-path]/tmp\n::endgroup::\n');
    expect(injected.violations).toHaveLength(3);
    const stopped = runnerView('::stop-commands::0123456789abcdef0123456789abcdef\n::set-output name=passed::true\n::0123456789abcdef0123456789abcdef::\n');
    expect(stopped.violations).toEqual([]);
    expect(stopped.inert).toEqual(['::set-output name=passed::true']);
    expect(() => readOutputFile('passed=true\n')).toThrow(/not a heredoc/);
  });
});
