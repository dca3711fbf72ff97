/**
 * Test cases as the gate keeps them, and the reading of the test cases the scan hands on to
 * fast-xml-parser (shapes it does not read itself: nested test cases, unknown elements, ...).
 */
import { REQUIREMENT_PROPERTY_NAMES, type Property, type TestCase, type TestStatus, type Totals } from '../model.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';
import { detach } from './xml-text.js';

/** What fast-xml-parser makes of a cut-out test case; loaded only for a report that has one (`prepareCaseParser`). */
interface CaseParser {
  parse(xml: string): unknown;
}

let parser: CaseParser | undefined;

/**
 * Loads fast-xml-parser for the test cases the scan does not read itself. Most reports have none, so
 * the action starts without it; a reader that meets such a case waits for this, then goes on.
 */
export async function prepareCaseParser(): Promise<void> {
  parser ??= (await import('./case-parser.js')).newCaseParser();
}

/** The parser, once `prepareCaseParser` has loaded it. */
export function loadedCaseParser(): CaseParser | undefined {
  return parser;
}

/** A `<testsuite>` being read. */
export interface SuiteFrame {
  readonly path: readonly string[];
  readonly file: string | undefined;
  /** Its requirement properties so far, and those of the suites around it. */
  properties: readonly Property[];
  /** Whether a test case or inner suite holds `properties`: more are then added to a copy. */
  propertiesShared: boolean;
  readonly declared: Totals;
  hasChildSuite: boolean;
  hasCase: boolean;
}

/** The properties a test case or inner suite inherits from `suite`. */
export function inheritedProperties(suite: SuiteFrame | undefined): readonly Property[] {
  if (suite === undefined) return NO_PROPERTIES;
  suite.propertiesShared = true;
  return suite.properties;
}

/**
 * Adds properties of a suite's `<properties>`: in place while nothing holds its list (so that many
 * `<properties>` in one suite cost time in proportion to their number), else to a copy.
 */
export function addSuiteProperties(suite: SuiteFrame, found: readonly Property[]): void {
  if (found.length === 0) return;
  if (suite.propertiesShared) {
    suite.properties = [...suite.properties, ...found];
    suite.propertiesShared = false;
  } else {
    const own = suite.properties as Property[];
    for (const p of found) own.push(p);
  }
}

export type Node = Record<string, unknown>;

export const NO_SUITES: readonly string[] = [];
export const NO_PROPERTIES: readonly Property[] = [];

/**
 * A test case with its file and line when known, written in one literal: a property added afterwards
 * would give each of 100,000s of objects a separate property array.
 */
export function newCase(
  report: string,
  suites: readonly string[],
  classname: string,
  name: string,
  status: TestStatus,
  flaky: boolean,
  time: number,
  properties: readonly Property[],
  file: string | undefined,
  line: number | undefined,
): TestCase {
  if (file === undefined) {
    if (line === undefined) return { report, suites, classname, name, status, flaky, time, properties };
    return { report, suites, classname, name, status, flaky, time, properties, line };
  }
  if (line === undefined) return { report, suites, classname, name, status, flaky, time, properties, file };
  return { report, suites, classname, name, status, flaky, time, properties, file, line };
}

/** A `<testcase>` with elements the scan does not read itself, parsed by fast-xml-parser. */
export function toTestCase(report: string, node: Node, suite: SuiteFrame | undefined): TestCase {
  const failures = elements(node, 'failure');
  const errors = elements(node, 'error');
  const skips = elements(node, 'skipped');
  const flakes = [...elements(node, 'flakyFailure'), ...elements(node, 'flakyError')];
  const get = (name: string): string | undefined => attr(node, name);
  const status = statusOf(get('status'), get('result'), failures.length, errors.length, skips.length);
  const own = [...requirementProperties(elements(node, 'properties')), ...attributeProperties(Object.entries(node)), ...reportEntryProperties(node)];
  const messageFrom = status === 'errored' ? errors : status === 'failed' ? failures : status === 'skipped' ? skips : flakes;
  return caseOf(report, get, suite, status, status === 'passed' && flakes.length > 0, own, messageOf(messageFrom[0]), displayNameOf(node));
}

function caseOf(
  report: string,
  get: (name: string) => string | undefined,
  suite: SuiteFrame | undefined,
  status: TestStatus,
  flaky: boolean,
  ownProperties: readonly Property[],
  message: string | undefined,
  displayName: string | undefined,
): TestCase {
  const inherited = inheritedProperties(suite);
  const line = Number.parseInt(get('line') ?? '', 10);
  const ownFile = get('file') ?? get('filepath');
  const file = ownFile === undefined ? suite?.file : detach(ownFile);
  const time = Number.parseFloat(get('time') ?? '');
  const test: TestCase = {
    report,
    suites: suite?.path ?? NO_SUITES,
    classname: detach(get('classname') ?? get('class') ?? ''),
    name: detach(get('name') ?? ''),
    status,
    flaky,
    time: Number.isFinite(time) && time > 0 ? time : 0,
    properties: ownProperties.length === 0 ? inherited : [...inherited, ...ownProperties],
  };
  if (file !== undefined && file !== '') (test as { file?: string }).file = file;
  if (Number.isInteger(line) && line > 0) (test as { line?: number }).line = line;
  if (message !== undefined) (test as { message?: string }).message = detach(message);
  if (displayName !== undefined) (test as { displayName?: string }).displayName = detach(displayName);
  return test;
}

/** Words a `status`/`result` attribute uses for a test that ran and passed (googletest: run, completed). */
const PASSED_WORDS = new Set(['passed', 'pass', 'success', 'succeeded', 'successful', 'ok', 'run', 'completed', 'executed']);
const SKIPPED_WORDS = new Set(['notrun', 'skipped', 'skip', 'disabled', 'ignored', 'suppressed', 'pending', 'notexecuted', 'inconclusive']);
const FAILED_WORDS = new Set(['failed', 'failure', 'fail']);
const ERRORED_WORDS = new Set(['error', 'errored', 'notrunnable']);

/**
 * Error beats failure beats skip beats pass, so that no combination of elements reads better than its
 * worst part. Where no such element is present, a `status`/`result` attribute (googletest, NUnit
 * converters) decides; a word it does not know reads as errored, never as passed.
 */
export function statusOf(status: string | undefined, result: string | undefined, failures: number, errors: number, skips: number): TestStatus {
  if (errors > 0) return 'errored';
  if (failures > 0) return 'failed';
  if (skips > 0) return 'skipped';
  if (status === undefined && result === undefined) return 'passed';
  const words = [status, result].map((w) => w?.toLowerCase().replace(/[\s_-]/g, ''));
  if (words.some((w) => w !== undefined && ERRORED_WORDS.has(w))) return 'errored';
  if (words.some((w) => w !== undefined && FAILED_WORDS.has(w))) return 'failed';
  if (words.some((w) => w !== undefined && SKIPPED_WORDS.has(w))) return 'skipped';
  // A word the gate does not know (timeout, crashed, ...) is never read as a pass.
  if (words.some((w) => w !== undefined && w !== '' && !PASSED_WORDS.has(w))) return 'errored';
  return 'passed';
}

function attr(node: Node, name: string): string | undefined {
  const v = node[name];
  return typeof v === 'string' ? v : undefined;
}

function elements(node: Node, name: string): readonly unknown[] {
  const v = node[name];
  return Array.isArray(v) ? v : [];
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const t = (v as Node)['#text'];
    return typeof t === 'string' ? t : '';
  }
  return '';
}

function messageOf(el: unknown): string | undefined {
  if (el === undefined) return undefined;
  const fromAttr = typeof el === 'object' && el !== null ? attr(el as Node, 'message') : undefined;
  return shortMessage(fromAttr !== undefined && fromAttr.trim() !== '' ? fromAttr : textOf(el));
}

/** A failure, error or skip message as kept: trimmed, shortened, undefined when blank. */
export function shortMessage(message: string): string | undefined {
  const text = message.trim();
  if (text === '') return undefined;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/**
 * The JUnit Platform console's legacy XML starts the case's first system-out with two lines,
 * `unique-id: [engine:...]` and `display-name: ...`. Only that header counts: a `display-name:` line
 * anywhere else is output of the code under test and must not link a test to a requirement.
 */
function displayNameOf(node: Node): string | undefined {
  const first = elements(node, 'system-out')[0];
  if (first === undefined) return undefined;
  return displayNameIn(textOf(first));
}

export function displayNameIn(systemOut: string): string | undefined {
  const m = /^\s*unique-id: \[engine:[^\n]*\n(?:[ \t]*)display-name: ([^\n]*)/.exec(systemOut);
  return m?.[1]?.trim();
}

/**
 * JUnit Platform `TestReporter` entries, which its console writes into a second `<system-out>` as
 * `Report Entry #1 (timestamp: ...)` followed by `\t- requirements: SRS-006, SRS-007` lines, in a
 * case whose first `<system-out>` is the console's unique-id / display-name header.
 */
function reportEntryProperties(node: Node): Property[] {
  // Only in a case the JUnit Platform console wrote (its first system-out is the unique-id header).
  if (displayNameOf(node) === undefined) return [];
  return reportEntriesIn(elements(node, 'system-out').slice(1).map(textOf));
}

/** Requirement properties of the system-outs after the header one. */
export function reportEntriesIn(systemOuts: readonly string[]): Property[] {
  const out: Property[] = [];
  for (const raw of systemOuts) {
    // Only a system-out that is nothing but report entries, exactly as the console writes them:
    // printed text that merely looks like an entry must not link a test to a requirement.
    const text = raw.trim();
    if (!REPORT_ENTRIES.test(text)) continue;
    for (const m of text.matchAll(/^\t- ([^:\n]+): (.*)$/gm)) {
      const name = m[1]!.trim();
      if (REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) out.push({ name: detach(name), value: detach(m[2]!.trim()) });
    }
  }
  return out;
}

/** One or more `Report Entry #n (timestamp: ...)` lines, each followed by its `\t- key: value` lines. */
const REPORT_ENTRIES = /^(?:Report Entry #\d+ \(timestamp: [^)\n]*\)\n(?:\t- [^:\n]+: [^\n]*(?:\n|$))+\s*)+$/;

/**
 * Every `<testcase>` below a node, also inside nested `<testsuite>` elements, in document order per
 * element name (cases before suites, as before). Pushed one by one: spreading a list of 100,000s of
 * cases into one call overflows the stack.
 */
export function nestedCases(node: Node, out: Node[] = []): Node[] {
  for (const c of elements(node, 'testcase')) {
    if (typeof c !== 'object' || c === null) continue;
    out.push(c as Node);
    nestedCases(c as Node, out);
  }
  for (const suite of elements(node, 'testsuite')) {
    if (typeof suite === 'object' && suite !== null) nestedCases(suite as Node, out);
  }
  return out;
}

/** Requirement-carrying `<property>` elements of the given `<properties>` elements. */
export function requirementProperties(groups: readonly unknown[]): Property[] {
  const out: Property[] = [];
  for (const group of groups) {
    if (typeof group !== 'object' || group === null) continue;
    for (const p of elements(group as Node, 'property')) {
      if (typeof p !== 'object' || p === null) continue;
      const name = attr(p as Node, 'name')?.trim() ?? '';
      if (!REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) continue;
      out.push({ name: detach(name), value: detach(attr(p as Node, 'value') ?? textOf(p)) });
    }
  }
  return out;
}

/** googletest before 1.10 wrote `RecordProperty` values as attributes of `<testcase>`. */
function attributeProperties(attributes: Iterable<[string, unknown]>): readonly Property[] {
  let out: Property[] | undefined;
  for (const [name, value] of attributes) {
    if (typeof value === 'string' && REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) (out ??= []).push({ name: detach(name), value: detach(value) });
  }
  return out ?? NO_PROPERTIES;
}

