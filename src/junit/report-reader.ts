/**
 * The reader of a JUnit report: one pass of the tokenizer over the text, which keeps the suites and
 * their totals (declared counts, suites that hold none of the cases they declare, suites that declare
 * failures none of their cases shows, results written straight inside a suite or where the reader
 * reads none) and hands each `<testcase>` to the case reader as it ends.
 */
import { UserError } from '../errors.js';
import type { EmptySuite, Report, SuiteHidingFailures, TestCase, Totals } from '../model/index.js';
import { CaseCapture } from './case-capture.js';
import { isConsoleRootSuite } from './console-output.js';
import {
  CaseReader,
  isPytestSuite,
  messageOf,
  misplacedElements,
  PYTEST_ROOT_NAME,
  requirementProperties,
  suiteElementStatus,
  suiteResultCase,
  underSuiteResult,
  worseResult,
} from './case-reader.js';
import {
  A_DISABLED,
  A_ERRORS,
  A_FAILURES,
  A_FILE,
  A_FILEPATH,
  A_NAME,
  A_SKIPPED,
  A_TESTS,
  FAILURE,
  findSlots,
  kindOf,
  OTHER,
  PROPERTIES,
  PROPERTY,
  SLOTS,
  SUITE_RESULT,
  TESTCASE,
  TESTRUN,
  TESTSUITE,
  TESTSUITES,
} from './junit-names.js';
import { nestedCases, type Node } from './parsed-tree.js';
import { addSuiteProperties, inheritedProperties, NO_SUITES, type SuiteFrame, type SuiteResult } from './suite-frame.js';
import { decodeEntities, detach } from './xml-text.js';
import { CDATA, COMMENT, DONE, END_TAG, INSTRUCTION, MORE, START_TAG, TEXT, XmlTokenizer } from './xml-tokenizer.js';

/** What fast-xml-parser makes of a cut-out element (case-parser.ts): handed in, as it is loaded only for a report that needs it. */
export interface CaseParser {
  parse(xml: string): unknown;
}

/**
 * Reads one JUnit XML report fed in pieces of text, in order (as a file is read), holding only a
 * window of it: `feed` each piece, then `end`. `pending` says how many characters wait for the rest
 * of an item, so that the next piece can be made at least that long. The usual test cases are read
 * from the scan; a case of another shape needs fast-xml-parser: when none was given, the reader stops
 * after that case (`waitsForCaseParser`) until one is handed in (`useCaseParser`).
 */
export class JunitReader {
  private readonly xml: XmlTokenizer;
  private readonly capture: CaseCapture;
  private readonly caseReader: CaseReader;
  private caseParser: CaseParser | undefined;
  /** Where the capture that waits for fast-xml-parser ends (-1 when none waits). */
  private waitingEnd = -1;

  private readonly cases: TestCase[] = [];
  private readonly suites: SuiteFrame[] = [];
  private readonly declared = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  private readonly emptySuites: EmptySuite[] = [];
  /** Stands for the root `<testsuites>` when a result is written straight inside it. */
  private rootFrame: SuiteFrame | undefined;
  private suiteCount = 0;
  /** The root is pytest's `<testsuites name="pytest tests">`. */
  private pytestRoot = false;
  /** Cases read so far that failed, errored or passed only on a rerun: what a suite's declared failures and errors are checked against. */
  private shownFailures = 0;
  private readonly suitesHidingFailures: SuiteHidingFailures[] = [];
  /** What the root `<testsuites>` declares, checked like a suite's declared failures (hidesFailures). */
  private rootDeclared: { name: string; line: number; failed: number; errored: number } | undefined;
  /** Kind and capture record (or -1) of each open element, by depth. */
  private readonly openKind: number[] = [];
  private readonly openRecord: number[] = [];
  private readonly slots = new Int32Array(SLOTS);
  /** The name, line and suite of a result captured straight inside a suite (SUITE_RESULT). */
  private resultElement = '';
  private resultLine = 0;
  private resultSuite: SuiteFrame | undefined;

  constructor(
    private readonly file: string,
    caseParser?: CaseParser,
  ) {
    this.xml = new XmlTokenizer(file);
    this.capture = new CaseCapture(this.xml);
    this.caseReader = new CaseReader(file, this.xml, this.capture);
    this.caseParser = caseParser;
  }

  /** Characters fed and not yet read: the next piece should be at least as long, so that no item is scanned over and over. */
  get pending(): number {
    return this.xml.pending;
  }

  /** Whether the read stopped after a test case for fast-xml-parser, which it was not given. */
  get waitsForCaseParser(): boolean {
    return this.waitingEnd !== -1;
  }

  /** Hands in fast-xml-parser: the read goes on from where it waited. */
  useCaseParser(parser: CaseParser): void {
    this.caseParser = parser;
    if (this.waitingEnd === -1) return;
    const end = this.waitingEnd;
    this.waitingEnd = -1;
    this.endCapture(end);
    this.scan();
  }

  /** Reads the next piece of the text, as far as whole items go. */
  feed(piece: string): void {
    if (piece === '') return;
    const drop = this.xml.feed(piece, this.capture.start);
    if (drop > 0) {
      this.capture.moveBy(drop);
      this.caseReader.moveBy(drop);
      if (this.waitingEnd !== -1) this.waitingEnd -= drop;
    }
    this.scan();
  }

  /** The text has all been fed: reads the rest. */
  close(): void {
    if (this.xml.final) return;
    this.xml.close();
    this.scan();
  }

  /** Gives the report, once the text has all been read (`close`, and `useCaseParser` if the read waited for it). */
  end(): Report {
    this.close();
    if (this.waitingEnd !== -1) throw new Error('the report holds a test case for fast-xml-parser, and none was handed in (useCaseParser) before its end');
    if (!this.xml.sawContent) throw new UserError('the file is empty: a test report was expected', { file: this.file });
    this.xml.checkComplete();
    const root = this.rootFrame;
    if (root?.result !== undefined) this.applySuiteResult(root, root.result);
    const declared = this.rootDeclared;
    if (declared !== undefined && hidesFailures(declared, this.shownFailures)) {
      this.suitesHidingFailures.push({ name: detach(declared.name), line: declared.line, failures: declared.failed, errors: declared.errored, shown: this.shownFailures });
    }
    return letGo({
      file: this.file,
      cases: this.cases,
      suiteCount: this.suiteCount,
      declared: this.declared,
      emptySuites: this.emptySuites,
      suitesHidingFailures: this.suitesHidingFailures,
    });
  }

  /** Reads every whole item; stops at an item not all fed yet, or after a case that waits for fast-xml-parser. */
  private scan(): void {
    const xml = this.xml;
    const capture = this.capture;
    while (this.waitingEnd === -1) {
      switch (xml.next()) {
        case MORE:
        case DONE:
          return;
        case TEXT:
          if (capture.start !== -1) capture.text(xml.start, xml.end);
          break;
        case CDATA:
          if (capture.start !== -1) capture.cdata(xml.start, xml.end - 3);
          break;
        case COMMENT:
          if (capture.start !== -1) capture.cutLong(xml.start, xml.end - 3, false);
          break;
        case INSTRUCTION:
          // fast-xml-parser reads a processing instruction inside a test case as an element.
          if (capture.start !== -1) capture.setComplex();
          break;
        case START_TAG:
          this.startElement();
          break;
        case END_TAG:
          this.endElement();
          break;
      }
    }
  }

  /** The start tag just read, its element opened unless it closes itself. */
  private startElement(): void {
    const xml = this.xml;
    const capture = this.capture;
    const lt = xml.start;
    const level = xml.level;
    const kind = kindOf(xml.text, lt + 1, xml.nameEnd);
    if (level === 0 && kind !== TESTSUITES && kind !== TESTSUITE && kind !== TESTRUN) {
      xml.fail(lt, `not a JUnit report: the root element is <${xml.tagName(lt)}>, expected <testsuites>, <testsuite> or <testrun>`);
    }
    if (level === 0 && kind === TESTSUITES) this.openRoot(lt);
    const end = xml.end;
    let record = -1;
    if (capture.start !== -1) {
      record = capture.openRecord(kind, level - capture.depth, this.openKind[level - 1]!);
    } else if (level > 0 && isUnreadPlace(this.openKind[level - 1]!, kind)) {
      this.noteUnreadElement(lt);
    } else if (kind === TESTSUITE) {
      this.openSuite(lt);
    } else if (level > 0 && this.openKind[level - 1] !== TESTCASE && (kind === OTHER || kind >= FAILURE) && this.startSuiteResult(lt)) {
      record = 0;
      if (xml.selfClosing) {
        capture.closeRecord(0);
        this.endCapture(end);
        return;
      }
    } else if (kind === TESTCASE || (kind === PROPERTIES && level > 0 && this.openKind[level - 1] === TESTSUITE)) {
      capture.begin(kind);
      if (xml.selfClosing) {
        this.endOrWait(end);
        return;
      }
    }
    if (!xml.selfClosing) {
      this.openKind[level] = kind;
      this.openRecord[level] = record;
    } else {
      capture.closeRecord(record);
    }
  }

  /** The end tag just read. */
  private endElement(): void {
    const xml = this.xml;
    const capture = this.capture;
    const top = xml.level;
    if (capture.start !== -1) {
      const record = this.openRecord[top]!;
      if (record !== -1) capture.closeRecord(record);
      if (top === capture.depth) this.endOrWait(xml.end);
    } else if (this.openKind[top] === TESTSUITE) {
      this.closeSuite(this.suites.pop()!);
    }
  }

  /** The captured element ends at `end`: reads it, or waits for fast-xml-parser when it needs it and none was given. */
  private endOrWait(end: number): void {
    if (this.caseParser === undefined && this.capture.goesToParser()) this.waitingEnd = end;
    else this.endCapture(end);
  }

  /** The root `<testsuites>`: whether it is pytest's, and the failures and errors it declares. */
  private openRoot(lt: number): void {
    findSlots(this.xml, this.slots);
    const name = this.slotValue(A_NAME);
    this.pytestRoot = name === PYTEST_ROOT_NAME;
    this.rootDeclared = { name: name ?? 'testsuites', line: this.xml.lineOf(lt), failed: this.count(A_FAILURES), errored: this.count(A_ERRORS) };
  }

  /**
   * An element where the reader reads no result (inside a suite's output, a `<property>`, the root's
   * `<properties>`): a `<failure>` there must not pass unseen, so it counts as an error of the suite.
   */
  private noteUnreadElement(lt: number): void {
    const xml = this.xml;
    const element = xml.tagName(lt);
    const parent = xml.openName(xml.level - 1);
    const suite = this.suites[this.suites.length - 1] ?? (this.rootFrame ??= this.newRootFrame());
    const found = { status: 'errored' as const, element, line: xml.lineOf(lt), message: `<${element}> inside <${parent}>, where the gate reads no result, read as an error` };
    suite.result = worseResult(suite.result, found);
  }

  /** The count in the attribute in `slot` of the tag just read (after `findSlots`); 0 when absent or not a positive number. */
  private count(slot: number): number {
    const v = Number.parseInt(this.slotValue(slot) ?? '', 10);
    return Number.isFinite(v) && v > 0 ? v : 0;
  }

  private openSuite(lt: number): void {
    const xml = this.xml;
    findSlots(xml, this.slots);
    const outer = this.suites[this.suites.length - 1];
    if (outer) outer.hasChildSuite = true;
    const level = xml.level;
    const name = detach(this.slotValue(A_NAME) ?? '');
    const suiteFile = this.slotValue(A_FILE) ?? this.slotValue(A_FILEPATH);
    const num = (slot: number): number => this.count(slot);
    const tests = num(A_TESTS);
    const failed = num(A_FAILURES);
    const errored = num(A_ERRORS);
    const skipped = num(A_SKIPPED) + num(A_DISABLED);
    this.suites.push({
      name,
      line: xml.lineOf(lt),
      path: outer ? [...outer.path, name] : [name],
      file: suiteFile === undefined ? outer?.file : detach(suiteFile),
      properties: outer === undefined ? [] : inheritedProperties(outer),
      propertiesShared: outer !== undefined,
      declared: { tests, failed, errored, skipped, passed: Math.max(0, tests - failed - errored - skipped) },
      hasChildSuite: false,
      hasCase: false,
      firstCase: this.cases.length,
      shownFailuresBefore: this.shownFailures,
      console: level === 0 && isConsoleRootSuite(xml.attributeNames()),
      zeroBasedLines: outer?.zeroBasedLines === true || this.pytestRoot || isPytestSuite(xml.attributeNames()),
      result: undefined,
      emptyBelow: false,
    });
    if (xml.selfClosing) this.closeSuite(this.suites.pop()!);
  }

  /** Value of the attribute in `slot` of the tag just read (after `findSlots`), decoded, or undefined. */
  private slotValue(slot: number): string | undefined {
    const k = this.slots[slot]!;
    const xml = this.xml;
    return k === -1 ? undefined : decodeEntities(xml.text.slice(xml.attrValueStart[k], xml.attrValueEnd[k]));
  }

  /**
   * A suite counts when it holds cases or no other suite; its declared counts add up where it is a
   * leaf. A result written straight inside it counts against its cases and as a case of its own. A
   * suite that declares tests, failures, errors or skips but holds no case (nor an inner suite found
   * so) is noted: its report is incomplete. So is a suite that declares failures or errors none of
   * its cases shows (hidesFailures).
   */
  private closeSuite(frame: SuiteFrame): void {
    const d = frame.declared;
    if (frame.result !== undefined) {
      this.applySuiteResult(frame, frame.result);
      frame.hasCase = true;
    } else if (this.cases.length === frame.firstCase && !frame.emptyBelow) {
      if (d.tests + d.failed + d.errored + d.skipped > 0) {
        this.emptySuites.push({ name: frame.name, line: frame.line, tests: d.tests, failures: d.failed, errors: d.errored, skipped: d.skipped });
        frame.emptyBelow = true;
      }
    } else if (hidesFailures(d, this.shownFailures - frame.shownFailuresBefore)) {
      this.suitesHidingFailures.push({ name: frame.name, line: frame.line, failures: d.failed, errors: d.errored, shown: this.shownFailures - frame.shownFailuresBefore });
    }
    const outer = this.suites[this.suites.length - 1];
    if (outer !== undefined && frame.emptyBelow) outer.emptyBelow = true;
    if (!frame.hasChildSuite) addTotals(this.declared, frame.declared);
    if (!frame.hasChildSuite || frame.hasCase) this.suiteCount++;
  }

  /** The result of a suite counts against every case it holds, and stands as a case of its own after them. */
  private applySuiteResult(frame: SuiteFrame, result: NonNullable<SuiteFrame['result']>): void {
    const cases = this.cases;
    for (let i = frame.firstCase; i < cases.length; i++) {
      const before = cases[i]!;
      cases[i] = underSuiteResult(before, frame, result);
      if (!showsFailure(before) && showsFailure(cases[i]!)) this.shownFailures++;
    }
    this.addCase(suiteResultCase(this.file, frame, result));
  }

  private addCase(test: TestCase): void {
    if (showsFailure(test)) this.shownFailures++;
    this.cases.push(test);
  }

  /**
   * Starts to read an element written straight inside a suite (or the root) that says something of
   * its outcome (`<error>`, `<failure>`, anything unknown); false for its usual content.
   */
  private startSuiteResult(lt: number): boolean {
    const xml = this.xml;
    const parent = this.openKind[xml.level - 1];
    if (parent !== TESTSUITE && parent !== TESTSUITES && parent !== TESTRUN) return false;
    const element = xml.tagName(lt);
    if (suiteElementStatus(element) === undefined) return false;
    this.capture.begin(SUITE_RESULT);
    this.resultElement = element;
    this.resultLine = xml.lineOf(lt);
    this.resultSuite = parent === TESTSUITE ? this.suites[this.suites.length - 1]! : (this.rootFrame ??= this.newRootFrame());
    return true;
  }

  /** The root `<testsuites>` as a suite, for a result written straight inside it: it counts against every case of the report. */
  private newRootFrame(): SuiteFrame {
    return {
      name: this.xml.openName(0),
      line: this.xml.openLineOf(0),
      path: NO_SUITES,
      file: undefined,
      properties: [],
      propertiesShared: false,
      declared: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
      hasChildSuite: true,
      hasCase: false,
      firstCase: 0,
      shownFailuresBefore: 0,
      console: false,
      zeroBasedLines: false,
      result: undefined,
      emptyBelow: false,
    };
  }

  /** The captured element ends at `end`: reads it. */
  private endCapture(end: number): void {
    const capture = this.capture;
    const start = capture.start;
    const toParser = capture.goesToParser();
    const node = toParser ? this.parseChunk(start, end) : undefined;
    capture.finish();
    if (capture.kind === SUITE_RESULT) {
      const status = suiteElementStatus(this.resultElement)!;
      const message = node !== undefined ? messageOf(node) : this.caseReader.capturedMessage(0);
      const suite = this.resultSuite!;
      suite.result = worseResult(suite.result, { status, element: this.resultElement, line: this.resultLine, message: message === undefined ? undefined : detach(message) });
      return;
    }
    const suite = this.suites[this.suites.length - 1];
    if (capture.kind === PROPERTIES) {
      if (suite) {
        if (node !== undefined) {
          addSuiteProperties(suite, requirementProperties([node]));
          const [misplaced] = misplacedElements({ properties: [node] });
          if (misplaced !== undefined) suite.result = worseResult(suite.result, unreadInProperties(misplaced[0], this.xml.lineOf(start)));
        } else {
          addSuiteProperties(suite, this.caseReader.capturedProperties());
        }
      }
      return;
    }
    if (suite) suite.hasCase = true;
    // A case with no element inside (most passing tests) is all in its start tag.
    if (node !== undefined) {
      this.addCase(this.caseReader.fromTree(node, suite));
      // Test cases nested inside a test case (xunit-viewer writes sub-tests so) are test cases too:
      // their results must count, not vanish inside the outer one.
      for (const inner of nestedCases(node)) this.addCase(this.caseReader.fromTree(inner, suite, true));
      return;
    }
    this.addCase(this.caseReader.fromCapture(suite));
  }

  private parseChunk(start: number, end: number): Node {
    const chunk = this.capture.chunk(end);
    try {
      const doc = this.caseParser!.parse(chunk) as Node;
      // The chunk's one element; elements listed in REPEATED come back as one-item arrays.
      const first = Object.values(doc)[0];
      const root: unknown = Array.isArray(first) ? first[0] : first;
      return typeof root === 'object' && root !== null ? (root as Node) : {};
    } catch (e) {
      // fast-xml-parser refuses XML with plain Errors; anything else (a TypeError, a RangeError) is a bug.
      if (!(e instanceof Error) || e.constructor !== Error) throw e;
      return this.xml.fail(start, `malformed XML: ${e.message}`);
    }
  }
}

/** Where the reader reads no element: inside a suite's output or a `<property>`, anything but a property in `<properties>`. */
function isUnreadPlace(parent: number, kind: number): boolean {
  if (parent === TESTSUITES || parent === TESTSUITE || parent === TESTRUN) return false;
  return !(parent === PROPERTIES && kind === PROPERTY);
}

function unreadInProperties(where: string, line: number): SuiteResult {
  return { status: 'errored', element: 'properties', line, message: `<${where}>, where the gate reads no result, read as an error` };
}

/** A case that shows a failure or error of its suite: failed, errored, or passed only on a rerun. */
function showsFailure(test: TestCase): boolean {
  return test.status === 'failed' || test.status === 'errored' || test.flaky;
}

/**
 * A suite that declares failures or errors (`failures=`, `errors=`) that none of its cases, nor
 * those of its inner suites, shows: a report cut down or rewritten, whose lost failures must not
 * pass. Declared counts above what is shown, with some shown, are left to the producer's counting
 * (Surefire counts a flaky test's reruns, converters count differently).
 */
function hidesFailures(declared: { readonly failed: number; readonly errored: number }, shown: number): boolean {
  return declared.failed + declared.errored > 0 && shown === 0;
}

function addTotals(into: { tests: number; passed: number; failed: number; errored: number; skipped: number }, t: Totals): void {
  into.tests += t.tests;
  into.passed += t.passed;
  into.failed += t.failed;
  into.errored += t.errored;
  into.skipped += t.skipped;
}

/** The last successful match of a regular expression keeps its subject alive (RegExp.lastMatch); a match on an empty string lets the report's text go. */
function letGo(report: Report): Report {
  EMPTY.test('');
  return report;
}

const EMPTY = /(?:)/;
