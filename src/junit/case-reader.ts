/**
 * The one builder of `TestCase`: from a test case the scan captured (case-capture.ts), and from
 * fast-xml-parser's tree for the shapes the scan does not read itself. What each result element says,
 * what a case's other attributes say (case-attributes.ts), which message counts, where a result stands
 * that the reader does not read (misplacedElements), how suite-level results weigh on cases and
 * pytest's line numbers are decided here, for both.
 */
import { REQUIREMENT_PROPERTY_NAMES, type Property, type TestCase, type TestStatus } from '../model/index.js';
import { attributesDecide, mayCarryResult, readCaseAttribute, STATUS_RANK, wordStatus, type AttributeOutcome } from './case-attributes.js';
import { R_A_START, R_B_START, R_KIND, R_SIZE, type CaseCapture } from './case-capture.js';
import { displayNameIn, reportEntriesIn } from './console-output.js';
import {
  A_CLASS,
  A_CLASSNAME,
  A_FILE,
  A_FILEPATH,
  A_LINE,
  A_NAME,
  A_RESULT,
  A_STATUS,
  ERROR,
  FAILURE,
  FLAKY_ERROR,
  FLAKY_FAILURE,
  PROPERTY,
  RERUN_ERROR,
  RERUN_FAILURE,
  SKIPPED,
  SYSTEM_OUT,
} from './junit-names.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';
import { ATTRIBUTES, attr, attributesOf, elements, type Node, textOf } from './parsed-tree.js';
import { inheritedProperties, NO_PROPERTIES, NO_SUITES, type SuiteFrame, type SuiteResult } from './suite-frame.js';
import { detach } from './xml-text.js';
import { sameRange, type XmlTokenizer } from './xml-tokenizer.js';

/**
 * What each element a producer writes inside a test case says of its outcome. `warning` is PHPUnit's
 * (PHPUnit counts a warning as unsuccessful); Surefire writes `rerunFailure`/`rerunError` beside the
 * `<failure>` of a test that failed every rerun, so alone they still mean it did not pass. An element
 * not listed here says nothing the gate understands: it reads as an error, never as a pass. The scan
 * reads all of these but `warning` itself (by kind, in `fromCapture`); a case with any other goes to
 * fast-xml-parser.
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

/** Elements of a case whose first one gives the message, most telling first, per status. */
const FAILED_ELEMENTS = ['failure', 'warning', 'rerunFailure'];
const ERRORED_ELEMENTS = ['error', 'rerunError'];

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

/** Of the elements that may give a case's message, the one its status reads from (a passed case: its flaky run). */
function messageSource<T>(status: TestStatus, errored: T, failed: T, skipped: T, flaky: T): T {
  return status === 'errored' ? errored : status === 'failed' ? failed : status === 'skipped' ? skipped : flaky;
}

/** A failure, error or skip message as kept: trimmed, shortened, undefined when blank. */
export function shortMessage(message: string): string | undefined {
  const text = message.trim();
  if (text === '') return undefined;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** The message of a result element: its `message` attribute, or else its text; shortened. */
export function messageOf(el: unknown): string | undefined {
  if (el === undefined) return undefined;
  const fromAttr = typeof el === 'object' && el !== null ? attr(el as Node, 'message') : undefined;
  return shortMessage(fromAttr !== undefined && fromAttr.trim() !== '' ? fromAttr : textOf(el));
}

/**
 * pytest's `<testsuite>`: exactly these attributes, in any order (merge tools and older Pythons reorder
 * them); timestamp and hostname came with pytest 5.1. Gradle and Ant write the same set, so a case's own
 * attributes must show pytest's too (`isPytestCase`).
 */
const PYTEST_SUITE_REQUIRED = ['name', 'errors', 'failures', 'skipped', 'tests', 'time'];
const PYTEST_SUITE_OPTIONAL = ['timestamp', 'hostname'];

/** Whether a suite of these attribute names (at any depth) is pytest's, which counts `line` from 0. */
export function isPytestSuite(names: readonly string[]): boolean {
  if (names.length < PYTEST_SUITE_REQUIRED.length || names.length > PYTEST_SUITE_REQUIRED.length + PYTEST_SUITE_OPTIONAL.length) return false;
  return PYTEST_SUITE_REQUIRED.every((n) => names.includes(n)) && names.every((n) => PYTEST_SUITE_REQUIRED.includes(n) || PYTEST_SUITE_OPTIONAL.includes(n));
}

/** pytest's root: `<testsuites name="pytest tests">` (pytest 7.3 on); no other producer writes it. */
export const PYTEST_ROOT_NAME = 'pytest tests';

/**
 * The attributes pytest writes on a `<testcase>` with a source line (xunit1): classname, name, file,
 * line, time, and `url` from some plugins. A case with any other attribute is not pytest's as written.
 */
const PYTEST_CASE_ATTRIBUTES: ReadonlySet<string> = new Set(['classname', 'name', 'file', 'line', 'time', 'url']);

function isPytestCase(names: Iterable<string>): boolean {
  let file = false;
  for (const n of names) {
    if (!PYTEST_CASE_ATTRIBUTES.has(n)) return false;
    if (n === 'file') file = true;
  }
  return file;
}

/** Slots of a case's start tag that pytest does not write (PYTEST_CASE_ATTRIBUTES). */
const NOT_PYTEST_SLOTS = [A_CLASS, A_FILEPATH, A_STATUS, A_RESULT];

/**
 * The 1-based source line of a case's `line` attribute, by its producer's convention; undefined when
 * there is none. `zeroBased`: a pytest case (its suite and its own attributes are pytest's).
 */
function caseLine(raw: string | undefined, zeroBased: boolean): number | undefined {
  const line = Number.parseInt(raw ?? '', 10);
  if (!Number.isInteger(line)) return undefined;
  const oneBased = zeroBased ? line + 1 : line;
  return oneBased > 0 ? oneBased : undefined;
}

/**
 * A test case with its file and line when known, written in one literal: a property added afterwards
 * would give each of 100,000s of objects a separate property array.
 */
function newCase(
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
 * A case of `suite` as kept: its properties after those it inherits, its file or the suite's, its line
 * by its producer (`pytestCase`: its own attributes are pytest's).
 */
function caseOf(
  report: string,
  suite: SuiteFrame | undefined,
  classname: string,
  name: string,
  status: TestStatus,
  flaky: boolean,
  time: number,
  own: readonly Property[] | undefined,
  ownFile: string | undefined,
  lineAttr: string | undefined,
  message: string | undefined,
  displayName: string | undefined,
  pytestCase: () => boolean,
): TestCase {
  const inherited = inheritedProperties(suite);
  const line = caseLine(lineAttr, suite?.zeroBasedLines === true && pytestCase());
  const file = ownFile ?? suite?.file;
  const properties = own === undefined || own.length === 0 ? inherited : [...inherited, ...own];
  const test = newCase(report, suite?.path ?? NO_SUITES, classname, name, status, flaky, time, properties, file !== undefined && file !== '' ? file : undefined, line);
  if (message !== undefined) (test as { message?: string }).message = detach(message);
  if (displayName !== undefined) (test as { displayName?: string }).displayName = detach(displayName);
  return test;
}

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

/** Requirement-carrying `<property>` elements of the given `<properties>` elements (fast-xml-parser's tree). */
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

/** The elements inside a case that the gate does not know, by name, each with its first occurrence. */
function unknownElements(node: Node): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === ATTRIBUTES || key === '#text' || CASE_ELEMENTS.has(key)) continue;
    out.push([key, Array.isArray(value) ? value[0] : value]);
  }
  return out;
}

/** Attributes of a case that the reader takes itself; any other may carry a result (case-attributes.ts). */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'classname', 'class', 'time', 'file', 'filepath', 'line', 'status', 'result']);

/** What the other attributes of a case in fast-xml-parser's tree say of its outcome (readCaseAttribute), in order. */
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
 * not pass unseen: each counts as an element the gate does not know, named with where it stood. The
 * capture sends every such shape to fast-xml-parser, so the tree alone holds them.
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

function unknownMessage([name, el]: [string, unknown]): string | undefined {
  const said = messageOf(el);
  return shortMessage(`<${name}>, which the gate does not know, read as an error${said === undefined ? '' : `: ${said}`}`);
}

/**
 * Builds the test cases of one report. Offsets, not substrings, describe a captured case: a string is
 * cut out only for what the gate keeps, and kept strings are copies that do not hold the text in memory.
 */
export class CaseReader {
  // The last class name and file read (value ranges), and what they became: cases of one class share
  // the strings.
  private lastClassStart = -1;
  private lastClassEnd = -1;
  private lastClassNormalised = false;
  private lastClass = '';
  private lastFileStart = -1;
  private lastFileEnd = -1;
  private lastFileNormalised = false;
  private lastFile = '';

  constructor(
    private readonly report: string,
    private readonly xml: XmlTokenizer,
    private readonly capture: CaseCapture,
  ) {}

  /** The window let go of its first `drop` characters. */
  moveBy(drop: number): void {
    this.lastClassStart = this.lastClassStart >= drop ? this.lastClassStart - drop : -1;
    this.lastClassEnd -= drop;
    this.lastFileStart = this.lastFileStart >= drop ? this.lastFileStart - drop : -1;
    this.lastFileEnd -= drop;
  }

  /** A `<testcase>` with elements the scan does not read itself, parsed by fast-xml-parser. */
  fromTree(node: Node, suite: SuiteFrame | undefined, nested = false): TestCase {
    const failures = FAILED_ELEMENTS.flatMap((name) => elements(node, name));
    const errors = ERRORED_ELEMENTS.flatMap((name) => elements(node, name));
    const unknown = [...unknownElements(node), ...misplacedElements(node)];
    const skips = elements(node, 'skipped');
    const flakes = [...elements(node, 'flakyFailure'), ...elements(node, 'flakyError')];
    const get = (name: string): string | undefined => attr(node, name);
    const fromElements = statusOf(get('status'), get('result'), failures.length, errors.length + unknown.length, skips.length);
    const attributes = attributeOutcome(attributesOf(node));
    const byAttributes = attributesDecide(fromElements, attributes);
    const status = byAttributes ? attributes.status : fromElements;
    const classname = detach(get('classname') ?? get('class') ?? '');
    const name = detach(get('name') ?? '');
    // A case nested in a case is no case the JUnit Platform console writes.
    const outs = elements(node, 'system-out');
    const header = nested || outs.length === 0 ? undefined : displayNameIn(textOf(outs[0]), suite, classname, name);
    const own = [
      ...requirementProperties([...elements(node, 'properties'), node]),
      ...attributeProperties(Object.entries(attributesOf(node))),
      ...(header === undefined ? [] : reportEntriesIn(outs.slice(1).map(textOf))),
    ];
    const message = byAttributes
      ? attributes.message
      : status === 'errored' && errors.length === 0 && unknown.length > 0
        ? unknownMessage(unknown[0]!)
        : messageOf(messageSource<unknown>(status, errors[0], failures[0], skips[0], flakes[0]));
    const ownFile = get('file') ?? get('filepath');
    const time = Number.parseFloat(get('time') ?? '');
    return caseOf(
      this.report,
      suite,
      classname,
      name,
      status,
      status === 'passed' && (flakes.length > 0 || attributes?.flaky === true),
      Number.isFinite(time) && time > 0 ? time : 0,
      own,
      ownFile === undefined ? undefined : detach(ownFile),
      get('line'),
      message,
      header,
      () => isPytestCase(Object.keys(attributesOf(node))),
    );
  }

  /** The test case the scan captured and read itself. */
  fromCapture(suite: SuiteFrame | undefined): TestCase {
    const capture = this.capture;
    const normalise = capture.hasChild;
    const records = capture.records;
    let failures = 0;
    let errors = 0;
    let skips = 0;
    let firstFailure = -1;
    let firstError = -1;
    let firstSkip = -1;
    let reruns = 0;
    let rerunErrors = 0;
    let firstRerun = -1;
    let firstRerunError = -1;
    let firstFlaky = -1;
    let firstFlakyError = -1;
    let firstOut = -1;
    let hasProperties = false;
    for (let r = 0; r < records.length; r += R_SIZE) {
      switch (records[r + R_KIND]) {
        case FAILURE:
          if (failures++ === 0) firstFailure = r;
          break;
        case ERROR:
          if (errors++ === 0) firstError = r;
          break;
        case SKIPPED:
          if (skips++ === 0) firstSkip = r;
          break;
        case RERUN_FAILURE:
          if (reruns++ === 0) firstRerun = r;
          break;
        case RERUN_ERROR:
          if (rerunErrors++ === 0) firstRerunError = r;
          break;
        case FLAKY_FAILURE:
          if (firstFlaky === -1) firstFlaky = r;
          break;
        case FLAKY_ERROR:
          if (firstFlakyError === -1) firstFlakyError = r;
          break;
        case SYSTEM_OUT:
          if (firstOut === -1) firstOut = r;
          break;
        case PROPERTY:
          hasProperties = true;
          break;
      }
    }
    // As CASE_ELEMENTS says: reruns that failed count as failures and errors, after the first
    // <failure> or <error> for the message.
    const fromElements = statusOf(capture.caseValue(A_STATUS, normalise), capture.caseValue(A_RESULT, normalise), failures + reruns, errors + rerunErrors, skips);
    const attributes = this.capturedAttributes();
    const byAttributes = attributesDecide(fromElements, attributes);
    const status = byAttributes ? attributes.status : fromElements;
    const flake = firstFlaky !== -1 ? firstFlaky : firstFlakyError;
    const messageFrom = messageSource(status, firstError !== -1 ? firstError : firstRerunError, firstFailure !== -1 ? firstFailure : firstRerun, firstSkip, flake);
    const classname = this.caseClass(normalise);
    const name = detach(capture.caseValue(A_NAME, normalise) ?? '');

    let own: Property[] | undefined;
    if (hasProperties) {
      const found = this.capturedProperties();
      if (found.length > 0) own = found;
    }
    const required = capture.requirementAttrs;
    const text = this.xml.text;
    for (let k = 0; k < required.length; k += 4) {
      const name = text.slice(required[k], required[k + 1]);
      (own ??= []).push({ name: detach(name), value: detach(capture.valueOf(required[k + 2]!, required[k + 3]!, normalise)) });
    }
    let displayName: string | undefined;
    if (firstOut !== -1 && suite?.console === true && capture.mayStartWithHeader(firstOut)) {
      const outs: string[] = [];
      for (let r = firstOut; r < records.length; r += R_SIZE) if (records[r + R_KIND] === SYSTEM_OUT) outs.push(capture.recordText(r));
      displayName = displayNameIn(outs[0]!, suite, classname, name);
      if (displayName !== undefined) {
        const entries = reportEntriesIn(outs.slice(1));
        if (entries.length > 0) own = own === undefined ? entries : own.concat(entries);
      }
    }
    return caseOf(
      this.report,
      suite,
      classname,
      name,
      status,
      status === 'passed' && (flake !== -1 || attributes?.flaky === true),
      capture.caseTime(normalise),
      own,
      this.caseFile(normalise),
      capture.caseValue(A_LINE, normalise),
      byAttributes ? attributes.message : this.capturedMessage(messageFrom),
      displayName,
      () => this.capturedPytestCase(),
    );
  }

  /** What the captured case's other attributes say of its outcome (readCaseAttribute), in order. */
  private capturedAttributes(): AttributeOutcome | undefined {
    const capture = this.capture;
    const other = capture.otherAttrs;
    const text = this.xml.text;
    let out: AttributeOutcome | undefined;
    for (let k = 0; k < other.length; k += 4) {
      const name = text.slice(other[k], other[k + 1]);
      if (mayCarryResult(name)) out = readCaseAttribute(out, name, capture.valueOf(other[k + 2]!, other[k + 3]!, true));
    }
    return out;
  }

  /** Whether the captured case's own attributes are pytest's, as `isPytestCase` tells from the tree. */
  private capturedPytestCase(): boolean {
    const capture = this.capture;
    if (capture.valueStart[A_FILE] === -1 || capture.requirementAttrs.length > 0) return false;
    if (NOT_PYTEST_SLOTS.some((slot) => capture.valueStart[slot] !== -1)) return false;
    const other = capture.otherAttrs;
    const text = this.xml.text;
    for (let k = 0; k < other.length; k += 4) if (!PYTEST_CASE_ATTRIBUTES.has(text.slice(other[k], other[k + 1]))) return false;
    return true;
  }

  /**
   * Requirement-carrying properties of the captured property records, in order: those of each
   * `<properties>` in turn, as a property record stands only straight inside one.
   */
  capturedProperties(): Property[] {
    const capture = this.capture;
    const out: Property[] = [];
    const records = capture.records;
    for (let r = 0; r < records.length; r += R_SIZE) {
      if (records[r + R_KIND] !== PROPERTY) continue;
      const name = capture.recordValue(r, R_A_START, true)?.trim() ?? '';
      if (!REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) continue;
      const value = capture.recordValue(r, R_B_START, true) ?? capture.recordText(r);
      out.push({ name: detach(name), value: detach(value) });
    }
    return out;
  }

  /** The message of a captured result record, as `messageOf` reads one from the tree. */
  capturedMessage(record: number): string | undefined {
    if (record === -1) return undefined;
    const fromAttr = this.capture.recordValue(record, R_A_START, true);
    return shortMessage(fromAttr !== undefined && fromAttr.trim() !== '' ? fromAttr : this.capture.recordText(record));
  }

  /** The captured case's class name; cases of one class share one string. */
  private caseClass(normalise: boolean): string {
    const capture = this.capture;
    let slot = A_CLASSNAME;
    if (capture.valueStart[slot] === -1) slot = A_CLASS;
    const s = capture.valueStart[slot]!;
    if (s === -1) return '';
    const e = capture.valueEnd[slot]!;
    const last = this.lastClassStart;
    if (last !== -1 && e - s === this.lastClassEnd - last && normalise === this.lastClassNormalised && sameRange(this.xml.text, last, s, e - s)) {
      return this.lastClass;
    }
    this.lastClassStart = s;
    this.lastClassEnd = e;
    this.lastClassNormalised = normalise;
    this.lastClass = detach(capture.caseValue(slot, normalise)!);
    return this.lastClass;
  }

  /** The captured case's own file, or undefined; cases of one file share one string. */
  private caseFile(normalise: boolean): string | undefined {
    const capture = this.capture;
    let slot = A_FILE;
    if (capture.valueStart[slot] === -1) slot = A_FILEPATH;
    const s = capture.valueStart[slot]!;
    if (s === -1) return undefined;
    const e = capture.valueEnd[slot]!;
    const last = this.lastFileStart;
    if (last !== -1 && e - s === this.lastFileEnd - last && normalise === this.lastFileNormalised && sameRange(this.xml.text, last, s, e - s)) {
      return this.lastFile;
    }
    this.lastFileStart = s;
    this.lastFileEnd = e;
    this.lastFileNormalised = normalise;
    this.lastFile = detach(capture.caseValue(slot, normalise)!);
    return this.lastFile;
  }
}
