/**
 * Test cases as the gate keeps them, and the reading of the test cases the scan hands on to
 * fast-xml-parser (shapes it does not read itself: nested test cases, unknown elements, ...).
 */
import { REQUIREMENT_PROPERTY_NAMES, type Property, type TestCase, type TestStatus, type Totals } from '../model/index.js';
import { attributesDecide, isPytestCase, readCaseAttribute, STATUS_RANK, wordStatus, type AttributeOutcome } from './case-attributes.js';
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
  readonly name: string;
  /** Line of its start tag in the report. */
  readonly line: number;
  readonly path: readonly string[];
  readonly file: string | undefined;
  /** Position in the report's cases of its first test case: those from here on are its own or its inner suites'. */
  readonly firstCase: number;
  /** How many cases of the report showed a failure (failed, errored, flaky) before it opened. */
  readonly shownFailuresBefore: number;
  /** A report the JUnit Platform console wrote (see `isConsoleSuite`), and this suite is its root. */
  readonly console: boolean;
  /** pytest writes `line` counted from 0. */
  readonly zeroBasedLines: boolean;
  /** A result written straight inside the suite (`<error>` of a class that did not load, a failed teardown). */
  result: SuiteResult | undefined;
  /** Whether an inner suite was found to declare tests it does not hold. */
  emptyBelow: boolean;
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

/** A result element written straight inside a `<testsuite>`, as kept until the suite ends. */
export interface SuiteResult {
  readonly status: TestStatus;
  /** The element's name, as written. */
  readonly element: string;
  /** Line of the element in the report. */
  readonly line: number;
  readonly message: string | undefined;
}

export type Node = Record<string, unknown>;

/** Key of an element's attributes in what fast-xml-parser gives (see case-parser.ts). */
export const ATTRIBUTES = '$';

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

/**
 * What each element a producer writes inside a test case says of its outcome. `warning` is PHPUnit's
 * (PHPUnit counts a warning as unsuccessful); Surefire writes `rerunFailure`/`rerunError` beside the
 * `<failure>` of a test that failed every rerun, so alone they still mean it did not pass. An element
 * not listed here says nothing the gate understands: it reads as an error, never as a pass.
 */
const CASE_ELEMENTS: ReadonlyMap<string, TestStatus | 'flaky' | 'none'> = new Map([
  ['failure', 'failed'],
  ['warning', 'failed'],
  ['rerunFailure', 'failed'],
  ['error', 'errored'],
  ['rerunError', 'errored'],
  ['skipped', 'skipped'],
  ['flakyFailure', 'flaky'],
  ['flakyError', 'flaky'],
  ['system-out', 'none'],
  ['system-err', 'none'],
  ['properties', 'none'],
  ['property', 'none'],
  // Read as test cases of their own (nestedCases).
  ['testcase', 'none'],
  ['testsuite', 'none'],
]);

/** Elements of a case whose first one gives the message, most telling first, per status (the scan keeps the same order). */
const FAILED_ELEMENTS = ['failure', 'warning', 'rerunFailure'];
const ERRORED_ELEMENTS = ['error', 'rerunError'];

/** A `<testcase>` with elements the scan does not read itself, parsed by fast-xml-parser. */
export function toTestCase(report: string, node: Node, suite: SuiteFrame | undefined, nested = false): TestCase {
  const failures = FAILED_ELEMENTS.flatMap((name) => elements(node, name));
  const errors = ERRORED_ELEMENTS.flatMap((name) => elements(node, name));
  const unknown = [...unknownElements(node), ...misplacedElements(node)];
  const skips = elements(node, 'skipped');
  const flakes = [...elements(node, 'flakyFailure'), ...elements(node, 'flakyError')];
  const get = (name: string): string | undefined => attr(node, name);
  const fromElements = statusOf(get('status'), get('result'), failures.length, errors.length + unknown.length, skips.length);
  const attributes = attributeOutcome(attributesOf(node));
  const status = attributesDecide(fromElements, attributes) ? attributes.status : fromElements;
  const classname = detach(get('classname') ?? get('class') ?? '');
  const name = detach(get('name') ?? '');
  // A case nested in a case is no case the JUnit Platform console writes.
  const header = nested ? undefined : consoleHeader(node, suite, classname, name);
  const own = [
    ...requirementProperties([...elements(node, 'properties'), node]),
    ...attributeProperties(Object.entries(attributesOf(node))),
    ...(header === undefined ? [] : reportEntriesIn(elements(node, 'system-out').slice(1).map(textOf))),
  ];
  let message: string | undefined;
  if (attributesDecide(fromElements, attributes)) message = attributes.message;
  else if (status === 'errored') message = errors.length > 0 || unknown.length === 0 ? messageOf(errors[0]) : unknownMessage(unknown[0]!);
  else message = messageOf((status === 'failed' ? failures : status === 'skipped' ? skips : flakes)[0]);
  const flaky = status === 'passed' && (flakes.length > 0 || attributes?.flaky === true);
  return caseOf(report, get, suite, status, flaky, own, message, header, classname, name, isPytestCase(Object.keys(attributesOf(node))));
}

/** Attributes of a case that the readers take themselves; any other may carry a result (case-attributes.ts). */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'classname', 'class', 'time', 'file', 'filepath', 'line', 'status', 'result']);

/** What the other attributes of a case say of its outcome (readCaseAttribute), in order. */
function attributeOutcome(attributes: Node): AttributeOutcome | undefined {
  let out: AttributeOutcome | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string' || READ_ATTRIBUTES.has(name) || REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) continue;
    out = readCaseAttribute(out, name, value);
  }
  return out;
}

/**
 * Elements where the reader reads no result: anything but a `<property>` inside `<properties>`, and
 * any element inside a `<property>`, an output or a result element. A `<failure>` hidden there must
 * not pass unseen: each counts as an element the gate does not know, named with where it stood.
 */
export function misplacedElements(node: Node): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const group of elements(node, 'properties')) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [key, value] of childElements(group as Node)) {
      if (key === 'property') for (const p of elements(group as Node, 'property')) out.push(...insideLeaf(p, 'property'));
      else out.push([`${key}> inside <properties`, value]);
    }
  }
  for (const leaf of LEAF_ELEMENTS) for (const el of elements(node, leaf)) out.push(...insideLeaf(el, leaf));
  return out;
}

/** Elements whose content the reader takes as text only. */
const LEAF_ELEMENTS = ['property', 'system-out', 'system-err', 'failure', 'warning', 'rerunFailure', 'error', 'rerunError', 'skipped', 'flakyFailure', 'flakyError'];

function insideLeaf(el: unknown, leaf: string): [string, unknown][] {
  if (typeof el !== 'object' || el === null) return [];
  return childElements(el as Node).map(([key, value]) => [`${key}> inside <${leaf}`, value]);
}

/** The child elements of a node, by name, each with its first occurrence. */
function childElements(node: Node): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === ATTRIBUTES || key === '#text') continue;
    out.push([key, Array.isArray(value) ? value[0] : value]);
  }
  return out;
}

/** The elements inside a case that the gate does not know, by name, each with its first occurrence. */
function unknownElements(node: Node): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === ATTRIBUTES || key === '#text' || CASE_ELEMENTS.has(key)) continue;
    out.push([key, Array.isArray(value) ? value[0] : value]);
  }
  return out;
}

function unknownMessage([name, el]: [string, unknown]): string | undefined {
  const said = messageOf(el);
  return shortMessage(`<${name}>, which the gate does not know, read as an error${said === undefined ? '' : `: ${said}`}`);
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
  classname: string,
  name: string,
  pytestCase: boolean,
): TestCase {
  const inherited = inheritedProperties(suite);
  const line = caseLine(get('line'), suite?.zeroBasedLines === true && pytestCase);
  const ownFile = get('file') ?? get('filepath');
  const file = ownFile === undefined ? suite?.file : detach(ownFile);
  const time = Number.parseFloat(get('time') ?? '');
  const test: TestCase = {
    report,
    suites: suite?.path ?? NO_SUITES,
    classname,
    name,
    status,
    flaky,
    time: Number.isFinite(time) && time > 0 ? time : 0,
    properties: ownProperties.length === 0 ? inherited : [...inherited, ...ownProperties],
  };
  if (file !== undefined && file !== '') (test as { file?: string }).file = file;
  if (line !== undefined) (test as { line?: number }).line = line;
  if (message !== undefined) (test as { message?: string }).message = detach(message);
  if (displayName !== undefined) (test as { displayName?: string }).displayName = detach(displayName);
  return test;
}

/**
 * The 1-based source line of a case's `line` attribute, by its producer's convention; undefined when
 * there is none. `zeroBased`: a pytest case (its suite and its own attributes are pytest's).
 */
export function caseLine(raw: string | undefined, zeroBased: boolean): number | undefined {
  const line = Number.parseInt(raw ?? '', 10);
  if (!Number.isInteger(line)) return undefined;
  const oneBased = zeroBased ? line + 1 : line;
  return oneBased > 0 ? oneBased : undefined;
}

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
  const said = [status, result].map((w) => (w === undefined ? 'passed' : wordStatus(w)));
  for (const known of WORD_PRECEDENCE) if (said.includes(known)) return known;
  // A word the gate does not know (timeout, crashed, ...) is never read as a pass.
  return said.includes(undefined) ? 'errored' : 'passed';
}

/** Of the words of `status` and `result`, the first here decides; an unknown word comes after these. */
const WORD_PRECEDENCE: readonly TestStatus[] = ['errored', 'failed', 'skipped'];

function attributesOf(node: Node): Node {
  const group = node[ATTRIBUTES];
  return typeof group === 'object' && group !== null ? (group as Node) : {};
}

function attr(node: Node, name: string): string | undefined {
  const v = attributesOf(node)[name];
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

export function messageOf(el: unknown): string | undefined {
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
 * The display name of a case that the JUnit Platform console wrote, from the two lines it puts in the
 * case's first `<system-out>`: `unique-id: [engine:...]/...` and `display-name: ...`. Any other
 * producer's system-out holds what the code under test printed, and printed text must never link a
 * test to a requirement; so the header counts only in a report of the console's shape, in a case
 * straight inside its root suite, when the system-out is those two lines and nothing else, and the
 * unique-id names the case's own class and method.
 */
function consoleHeader(node: Node, suite: SuiteFrame | undefined, classname: string, name: string): string | undefined {
  const first = elements(node, 'system-out')[0];
  return first === undefined ? undefined : displayNameIn(textOf(first), suite, classname, name);
}

export function displayNameIn(systemOut: string, suite: SuiteFrame | undefined, classname: string, name: string): string | undefined {
  // The console names its root suite after the engine, Gradle after the test class.
  if (suite?.console !== true || suite.name === classname) return undefined;
  const m = /^unique-id: ([^\n]*)\n[ \t]*display-name: ([^\n]*)$/.exec(systemOut.trim());
  if (m === null || !namesTheCase(m[1]!, classname, name)) return undefined;
  return m[2]!.trim();
}

/** Segments a unique-id may have after the test's own, each adding `[n]` to its name (repetitions, parameters, dynamic tests). */
const INVOCATION_SEGMENTS = new Set(['test-template-invocation', 'dynamic-test', 'dynamic-container']);
/** Segments that name the test's method (Jupiter), or JUnit 4's test (Vintage). */
const METHOD_SEGMENTS = new Set(['method', 'test-factory', 'test-template', 'test']);

/**
 * Whether a unique-id (`[engine:junit-jupiter]/[class:a.B]/[nested-class:C]/[method:m(java.lang.String)]`)
 * names the case `a.B$C` › `m(String)`, as the console's legacy XML writes it: the class and its
 * nested classes joined by `$`, the method with its parameters' simple names, `[n]` per invocation.
 */
function namesTheCase(uniqueId: string, classname: string, name: string): boolean {
  const segments: [string, string][] = [];
  for (const raw of uniqueId.split('/')) {
    const m = /^\[([\w-]+):([^\]]*)\]$/.exec(raw);
    if (m === null) return false;
    let value: string;
    try {
      value = decodeURIComponent(m[2]!);
    } catch {
      return false;
    }
    segments.push([m[1]!, value]);
  }
  if (segments[0]?.[0] !== 'engine') return false;
  const classes: string[] = [];
  let k = 1;
  for (; k < segments.length && ['class', 'nested-class', 'runner'].includes(segments[k]![0]); k++) classes.push(segments[k]![1]);
  if (classes.length === 0 || classes.join('$') !== classname) return false;
  const method = segments[k];
  if (method === undefined || !METHOD_SEGMENTS.has(method[0])) return false;
  let expected = method[0] === 'test' ? method[1].replace(/\(.*$/s, '') : legacyMethodName(method[1]);
  for (k++; k < segments.length; k++) {
    const [type, value] = segments[k]!;
    if (!INVOCATION_SEGMENTS.has(type) || !/^#\d+$/.test(value)) return false;
    expected += `[${value.slice(1)}]`;
  }
  return expected === name;
}

/** `m(java.lang.String, a.B$C)` as the console's legacy XML names the method: `m(String, C)`. */
function legacyMethodName(method: string): string {
  const m = /^([^(]*)\((.*)\)$/s.exec(method);
  if (m === null) return method;
  const params = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((p) => p.trim().replace(/^.*[.$]/s, ''));
  return `${m[1]!}(${params.join(', ')})`;
}

/**
 * Requirement properties of JUnit Platform `TestReporter` entries, which the console writes into the
 * system-outs after the header one as `Report Entry #1 (timestamp: ...)` followed by `\t- key: value`
 * lines, for a case whose header counted (`displayNameIn`). A value is written as published, line
 * breaks and all, so the code under test can forge lines: only a system-out that is nothing but
 * entries numbered 1, 2, ... counts, only the first key of an entry, and nothing from the first
 * entry of captured output (`stdout`, `stderr`) on.
 */
export function reportEntriesIn(systemOuts: readonly string[]): Property[] {
  const out: Property[] = [];
  for (const raw of systemOuts) {
    const text = raw.trim();
    if (!REPORT_ENTRIES.test(text)) continue;
    const entries = text.split(/^(?=Report Entry #)/m);
    if (entries.some((e, i) => !e.startsWith(`Report Entry #${i + 1} `))) continue;
    for (const entry of entries) {
      const first = /^\t- ([^:\n]+): (.*)$/m.exec(entry);
      if (first === null) break;
      const name = first[1]!.trim();
      if (CAPTURED_OUTPUT.has(name.toLowerCase())) break;
      if (REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) out.push({ name: detach(name), value: detach(first[2]!.trim()) });
    }
  }
  return out;
}

/** Keys under which the JUnit Platform publishes what a test printed (output capture). */
const CAPTURED_OUTPUT: ReadonlySet<string> = new Set(['stdout', 'stderr']);

/** One or more `Report Entry #n (timestamp: ...)` lines, each followed by its `\t- key: value` lines. */
const REPORT_ENTRIES = /^(?:Report Entry #\d+ \(timestamp: [^)\n]*\)\n(?:\t- [^:\n]+: [^\n]*(?:\n|$))+\s*)+$/;

/** What an element written straight inside a `<testsuite>` says of the suite's outcome; undefined when nothing. */
export function suiteElementStatus(name: string): TestStatus | undefined {
  if (SUITE_CONTENT.has(name)) return undefined;
  const said = CASE_ELEMENTS.get(name);
  return said === 'failed' || said === 'errored' || said === 'skipped' ? said : 'errored';
}

/** What a suite holds besides results: its cases, inner suites, properties and output. */
const SUITE_CONTENT: ReadonlySet<string> = new Set(['testcase', 'testsuite', 'properties', 'property', 'system-out', 'system-err']);

/** Of two results of one suite, the worse (the first of equals). */
export function worseResult(kept: SuiteResult | undefined, found: SuiteResult): SuiteResult {
  return kept !== undefined && STATUS_RANK[kept.status] >= STATUS_RANK[found.status] ? kept : found;
}

/**
 * The test case that stands for a result written straight inside a suite (Ant and aggregators write
 * one for a class that did not load, or a setup or teardown that failed), so that trace and judge see
 * it, named after the suite.
 */
export function suiteResultCase(report: string, suite: SuiteFrame, result: SuiteResult): TestCase {
  const test = newCase(report, suite.path, suite.name, `(suite-level ${result.element})`, result.status, false, 0, inheritedProperties(suite), suite.file, undefined);
  (test as { message?: string }).message = suiteResultMessage(suite, result);
  return test;
}

/** A case of a suite with a result of its own: that result counts against the case too, where it is worse. */
export function underSuiteResult(test: TestCase, suite: SuiteFrame, result: SuiteResult): TestCase {
  if (STATUS_RANK[test.status] >= STATUS_RANK[result.status]) return test;
  return { ...test, status: result.status, flaky: false, message: suiteResultMessage(suite, result) };
}

function suiteResultMessage(suite: SuiteFrame, result: SuiteResult): string {
  const where = `the suite "${suite.name}" itself reports <${result.element}> (line ${result.line} of the report)`;
  return shortMessage(result.message === undefined ? where : `${where}: ${result.message}`)!;
}

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

