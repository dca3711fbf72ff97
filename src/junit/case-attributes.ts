/**
 * What the attributes of a `<testcase>` say of its outcome, beyond `status`/`result` (statusOf). The
 * case reader calls these for a case from the capture and from fast-xml-parser's tree alike, so that
 * both readings stay in step.
 */
import type { TestStatus } from '../model/index.js';

export const STATUS_RANK: Readonly<Record<TestStatus, number>> = { passed: 0, skipped: 1, failed: 2, errored: 3 };

/** Words a `status`/`result`/`outcome`/`state`/`verdict` uses for a test that ran and passed (googletest: run, completed). */
const PASSED_WORDS = new Set(['passed', 'pass', 'success', 'succeeded', 'successful', 'ok', 'run', 'completed', 'executed']);
const SKIPPED_WORDS = new Set(['notrun', 'skipped', 'skip', 'disabled', 'ignored', 'suppressed', 'pending', 'notexecuted', 'inconclusive', 'inconc']);
const FAILED_WORDS = new Set(['failed', 'failure', 'fail']);
const ERRORED_WORDS = new Set(['error', 'errored', 'notrunnable']);

/** What a result word says (case, spaces, `_` and `-` aside); undefined for a word the gate does not know. */
export function wordStatus(word: string): TestStatus | undefined {
  const w = word.toLowerCase().replace(/[\s_-]/g, '');
  if (ERRORED_WORDS.has(w)) return 'errored';
  if (FAILED_WORDS.has(w)) return 'failed';
  if (SKIPPED_WORDS.has(w)) return 'skipped';
  if (w === '' || PASSED_WORDS.has(w)) return 'passed';
  return undefined;
}

/** What one attribute's value says: a status, a rerun marker (`flaky`), nothing (`none`), or undefined when not understood. */
type Said = TestStatus | 'flaky' | 'none' | undefined;
type Reading = (value: string) => Said;

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0', '']);

/** A yes/no attribute: what `true` and `false` say. */
function yesNo(yes: Said, no: Said): Reading {
  return (value) => {
    const v = value.trim().toLowerCase();
    return TRUE_WORDS.has(v) ? yes : FALSE_WORDS.has(v) ? no : undefined;
  };
}

/** An attribute that marks a result when set: any text other than false/0/empty is the result's message (node:test writes `failure="..."`). */
function marker(status: TestStatus): Reading {
  return (value) => (FALSE_WORDS.has(value.trim().toLowerCase()) ? 'none' : status);
}

/** A count: 0 says nothing, more says `status`, anything else is not understood. */
function count(status: TestStatus | 'flaky'): Reading {
  return (value) => {
    const v = value.trim();
    if (!/^\d+$/.test(v)) return undefined;
    return Number(v) === 0 ? 'none' : status;
  };
}

const byWord: Reading = (value) => wordStatus(value);
const harmless: Reading = () => 'none';

/**
 * The attributes producers write on `<testcase>`, by name, and how each reads. TRX/NUnit/xUnit
 * converters: outcome, success (false is a failure), executed (false is a skip); mocha-style `state`,
 * TTCN-3 `verdict`; node:test `failure`; retries/flaky/rerun counts and markers make a passing test a
 * flaky pass. Names read elsewhere (name, classname, file, line, status, result, requirement
 * properties) never come here.
 */
const CASE_ATTRIBUTES: ReadonlyMap<string, Reading> = new Map([
  // `Status`, `RESULT`: the readers take only the lower-case names themselves.
  ['status', byWord],
  ['result', byWord],
  ['outcome', byWord],
  ['state', byWord],
  ['verdict', byWord],
  ['success', yesNo('passed', 'failed')],
  ['passed', yesNo('passed', 'failed')],
  ['failed', yesNo('failed', 'passed')],
  ['executed', yesNo('none', 'skipped')],
  ['failure', marker('failed')],
  ['error', marker('errored')],
  ['skipped', marker('skipped')],
  ['failures', count('failed')],
  ['errors', count('errored')],
  ['retries', count('flaky')],
  ['reruns', count('flaky')],
  ['rerun', yesNo('flaky', 'none')],
  ['flaky', yesNo('flaky', 'none')],
  // Known to say nothing of the outcome: looked up first, so no pattern runs for them.
  ...['time', 'timestamp', 'assertions', 'id', 'hostname', 'type', 'type_param', 'value_param', 'group', 'duration', 'lineno', 'feature', 'url', 'message', 'testNumber', 'target', 'cluster_instance'].map(
    (name): [string, Reading] => [name, harmless],
  ),
]);

/** A name that sounds like a result: an attribute so named whose value the gate cannot read is never a pass. */
const RESULT_LIKE = /status|result|outcome|success|pass|fail|error|skip|flak|retr|rerun|executed|state|verdict/;

/** What the attributes of one case say, as far as read: the worst of them. */
export interface AttributeOutcome {
  readonly status: TestStatus;
  /** A rerun marker: a passing test passed only on a rerun. */
  readonly flaky: boolean;
  readonly message: string | undefined;
}

/** Whether an attribute so named may say something of the outcome: known harmless names are told by a lookup alone. */
export function mayCarryResult(name: string): boolean {
  const reading = CASE_ATTRIBUTES.get(name);
  if (reading !== undefined) return reading !== harmless;
  const lower = name.toLowerCase();
  const byLower = CASE_ATTRIBUTES.get(lower);
  return byLower !== undefined ? byLower !== harmless : RESULT_LIKE.test(lower);
}

/**
 * Adds what the attribute `name="value"` says to `kept`, the worse of both kept (the first of equals).
 * Unchanged for an attribute that says nothing; a result-like attribute the gate does not understand
 * reads as errored, naming it.
 */
export function readCaseAttribute(kept: AttributeOutcome | undefined, name: string, value: string): AttributeOutcome | undefined {
  let reading = CASE_ATTRIBUTES.get(name);
  let lower: string | undefined;
  if (reading === undefined) {
    lower = name.toLowerCase();
    reading = CASE_ATTRIBUTES.get(lower);
    if (reading === undefined && !RESULT_LIKE.test(lower)) return kept;
  }
  const said = reading?.(value);
  let found: AttributeOutcome;
  if (said === 'none') return kept;
  if (said === undefined) {
    found = { status: 'errored', flaky: false, message: `the attribute ${name}="${value}", which the gate does not understand, read as an error` };
  } else if (said === 'flaky') {
    found = { status: 'passed', flaky: true, message: undefined };
  } else {
    found = { status: said, flaky: false, message: said === 'passed' ? undefined : attributeMessage(name, value) };
  }
  if (kept === undefined) return found;
  const worse = STATUS_RANK[found.status] > STATUS_RANK[kept.status] ? found : kept;
  return worse.flaky || !(kept.flaky || found.flaky) ? worse : { ...worse, flaky: true };
}

/** A marker's text is its message (node:test's failure="..."); any other attribute is quoted. */
function attributeMessage(name: string, value: string): string {
  const lower = name.toLowerCase();
  const v = value.trim();
  return (lower === 'failure' || lower === 'error' || lower === 'skipped') && !TRUE_WORDS.has(v.toLowerCase()) ? v : `${name}="${value}"`;
}

/** Whether the case's attributes decide its status and message: they say worse than its elements did. */
export function attributesDecide(fromElements: TestStatus, attributes: AttributeOutcome | undefined): attributes is AttributeOutcome {
  return attributes !== undefined && STATUS_RANK[attributes.status] > STATUS_RANK[fromElements];
}
