/**
 * The scan of a JUnit report: one pass over the text that checks what XML 1.0 requires and reads each
 * `<testcase>` as it goes. The usual shapes (results with a message or text, output, properties) are
 * read from the scan itself; anything else is cut out and handed to fast-xml-parser (case-tree.ts).
 */
import { UserError } from '../errors.js';
import { REQUIREMENT_PROPERTY_NAMES, type EmptySuite, type Property, type Report, type TestCase, type Totals } from '../model.js';
import {
  addSuiteProperties,
  caseLine,
  loadedCaseParser,
  displayNameIn,
  inheritedProperties,
  messageOf,
  nestedCases,
  newCase,
  NO_SUITES,
  type Node,
  reportEntriesIn,
  requirementProperties,
  shortMessage,
  statusOf,
  suiteElementStatus,
  type SuiteFrame,
  suiteResultCase,
  toTestCase,
  underSuiteResult,
  worseResult,
} from './case-tree.js';
import { MAX_CAPTURED_TEXT, MAX_DEPTH } from './limits.js';
import { checkReference, decodeEntities, detach, findForbiddenChar, lineAt, lineBreaksBefore } from './xml-text.js';

// Kinds of element the scan tells apart.
const OTHER = 0;
const TESTSUITES = 1;
const TESTSUITE = 2;
const TESTRUN = 3;
const TESTCASE = 4;
const PROPERTIES = 5;
const PROPERTY = 6;
const FAILURE = 7;
const ERROR = 8;
const SKIPPED = 9;
const FLAKY_FAILURE = 10;
const FLAKY_ERROR = 11;
const RERUN_FAILURE = 12;
const RERUN_ERROR = 13;
const SYSTEM_OUT = 14;
const SYSTEM_ERR = 15;
/** Not an element name: what is captured when a result stands straight inside a suite. */
const SUITE_RESULT = 16;

// Attributes the gate reads, by slot.
const A_NAME = 0;
const A_CLASSNAME = 1;
const A_CLASS = 2;
const A_TIME = 3;
const A_FILE = 4;
const A_FILEPATH = 5;
const A_LINE = 6;
const A_STATUS = 7;
const A_RESULT = 8;
const A_TESTS = 9;
const A_FAILURES = 10;
const A_ERRORS = 11;
const A_SKIPPED = 12;
const A_DISABLED = 13;
const A_MESSAGE = 14;
const A_VALUE = 15;
const SLOTS = 16;
/** Slots of a `<testcase>` kept from its start tag until its end. */
const CASE_SLOTS = A_RESULT + 1;

// Pieces of character data inside an element read from the scan.
const TEXT = 0;
const CDATA = 1;

// One element inside a test case (or inside a suite's `<properties>`) read from the scan: its kind,
// two attribute ranges (message; or name and value of a property) and its pieces.
const R_KIND = 0;
const R_A_START = 1;
const R_A_END = 2;
const R_B_START = 3;
const R_B_END = 4;
const R_PIECES = 5;
const R_PIECES_END = 6;
const R_SIZE = 7;

/** XML white space: space, tab, carriage return, line feed. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** A character that may follow the first of a name: [\w.:-]. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/** A character that may start a name: [A-Za-z_]. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

const JS_SPACE = /\s/;
const WHITE_SPACE = /\s*/y;
const NAME_END = /[\s/>]/g;
const VALID_NAME = /^[A-Za-z_][\w.:-]*$/;
const LINE_BREAKS = /\r\n?/g;

/** The kind of the element named `text[s, e)`: one candidate by length and first letter, then compared. */
function kindOf(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  switch (e - s) {
    case 5:
      return is(text, s, 'error', ERROR);
    case 7:
      return c === 0x66 /* f */ ? is(text, s, 'failure', FAILURE) : c === 0x73 /* s */ ? is(text, s, 'skipped', SKIPPED) : is(text, s, 'testrun', TESTRUN);
    case 8:
      return c === 0x74 /* t */ ? is(text, s, 'testcase', TESTCASE) : is(text, s, 'property', PROPERTY);
    case 9:
      return is(text, s, 'testsuite', TESTSUITE);
    case 10:
      if (c === 0x73 /* s */) return text.charCodeAt(s + 7) === 0x6f /* o */ ? is(text, s, 'system-out', SYSTEM_OUT) : is(text, s, 'system-err', SYSTEM_ERR);
      if (c === 0x70 /* p */) return is(text, s, 'properties', PROPERTIES);
      if (c === 0x74 /* t */) return is(text, s, 'testsuites', TESTSUITES);
      return c === 0x66 /* f */ ? is(text, s, 'flakyError', FLAKY_ERROR) : is(text, s, 'rerunError', RERUN_ERROR);
    case 12:
      return c === 0x66 /* f */ ? is(text, s, 'flakyFailure', FLAKY_FAILURE) : is(text, s, 'rerunFailure', RERUN_FAILURE);
    default:
      return OTHER;
  }
}

/** The slot of the attribute named `text[s, e)`, or -1: one candidate by length and first letter, then compared. */
function slotOf(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  switch (e - s) {
    case 4:
      if (c === 0x6e /* n */) return is(text, s, 'name', A_NAME, -1);
      if (c === 0x74 /* t */) return is(text, s, 'time', A_TIME, -1);
      return c === 0x66 /* f */ ? is(text, s, 'file', A_FILE, -1) : is(text, s, 'line', A_LINE, -1);
    case 5:
      if (c === 0x63 /* c */) return is(text, s, 'class', A_CLASS, -1);
      return c === 0x74 /* t */ ? is(text, s, 'tests', A_TESTS, -1) : is(text, s, 'value', A_VALUE, -1);
    case 6:
      if (c === 0x73 /* s */) return is(text, s, 'status', A_STATUS, -1);
      return c === 0x72 /* r */ ? is(text, s, 'result', A_RESULT, -1) : is(text, s, 'errors', A_ERRORS, -1);
    case 7:
      return c === 0x6d /* m */ ? is(text, s, 'message', A_MESSAGE, -1) : is(text, s, 'skipped', A_SKIPPED, -1);
    case 8:
      if (c === 0x64 /* d */) return is(text, s, 'disabled', A_DISABLED, -1);
      return text.charCodeAt(s + 1) === 0x69 /* i */ ? is(text, s, 'filepath', A_FILEPATH, -1) : is(text, s, 'failures', A_FAILURES, -1);
    case 9:
      return is(text, s, 'classname', A_CLASSNAME, -1);
    default:
      return -1;
  }
}

/**
 * `found` when `text` holds `word` at `at`, else `otherwise`. A plain loop: the many startsWith calls it
 * replaces made the optimising compiler's work (time and memory) far larger than the scan's own.
 */
function is(text: string, at: number, word: string, found: number, otherwise = OTHER): number {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return otherwise;
  return found;
}

/** Kinds of element whose name, as an attribute of the element around them, fast-xml-parser would mix up with them. */
function isChildKind(kind: number): boolean {
  return kind === TESTSUITE || kind === TESTCASE || kind >= PROPERTIES;
}

/**
 * One pass over a report's text. Offsets, not substrings, describe what it has seen: a string is cut
 * out only for what the gate keeps, and kept strings are copies that do not hold the text in memory.
 */
/**
 * Thrown inside a scan, and caught by `scan` alone, when the item at hand cannot be read yet: the scan
 * stops there and waits. One instance of each, made once: a pause costs no stack trace.
 */
class ScanPause extends Error {}
/** The item at hand runs past the text fed so far: the scan waits for more. */
const NEED_MORE = new ScanPause('need more text');
/** The item at hand needs fast-xml-parser, not loaded yet: the scan waits for it. */
const NEED_PARSER = new ScanPause('need the case parser');

/**
 * Scans a report fed in pieces of text (`feed`, then `end`), or whole (`run`). It keeps only a window
 * of the text: from the first item not yet read, or from the start of the test case being read. Offsets
 * inside are relative to the window; `base` is where the window starts in the whole text.
 */
export class Scanner {
  private text = '';
  private n = 0;
  private readonly file: string;
  /** Characters of the text before the window, and the line breaks among them. */
  private base = 0;
  private linesBefore = 0;
  /** Where the scan stands in the window. */
  private pos = 0;
  /** Whether the whole text has been fed. */
  private final = false;
  /** Whether any character other than white space has been read (for an empty file). */
  private sawContent = false;
  /** Whether any markup has been read (for the place of the XML declaration). */
  private sawMarkup = false;
  /** Whether the scan stopped at a test case for fast-xml-parser, which is not loaded (`prepareCaseParser`, then `resume`). */
  waitsForParser = false;

  private readonly cases: TestCase[] = [];
  private readonly suites: SuiteFrame[] = [];
  private readonly declared = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  private readonly emptySuites: EmptySuite[] = [];
  /** Stands for the root `<testsuites>` when a result is written straight inside it. */
  private rootFrame: SuiteFrame | undefined;
  private suiteCount = 0;
  private rootClosed = false;

  // Open elements: offset of `<` in the whole text, line of it once the window has moved past it
  // (else 0), name, kind, record (or -1).
  private depth = 0;
  private readonly openStart: number[] = [];
  private readonly openLine: number[] = [];
  private readonly openNames: string[] = [];
  private readonly openKind: number[] = [];
  private readonly openRecord: number[] = [];

  // The start tag just scanned.
  private tagNameEnd = 0;
  private tagEnd = 0;
  private tagSelfClosing = false;
  private attrCount = 0;
  private readonly attrNameStart: number[] = [];
  private readonly attrNameEnd: number[] = [];
  private readonly attrValueStart: number[] = [];
  private readonly attrValueEnd: number[] = [];
  /** 1 when the value holds no reference (it reads as written), else 0. */
  private readonly attrPlain: number[] = [];
  private readonly slotAttr = new Int32Array(SLOTS);

  // Next `&` and `<` found by a search from `ampFrom` / `ltFrom` (n when none): every search starts
  // past the previous one, so the text is searched once for each, whatever the number of segments.
  private ampFrom = -1;
  private ampAt = -1;
  private ltFrom = -1;
  private ltAt = -1;

  // The `<testcase>` or suite `<properties>` being read: offset of its `<` (or -1), depth, kind.
  private captureStart = -1;
  private captureDepth = -1;
  private captureKind = TESTCASE;
  private captureHasChild = false;
  /** The name, line and suite of a result captured straight inside a suite (SUITE_RESULT). */
  private resultElement = '';
  private resultLine = 0;
  private resultSuite: SuiteFrame | undefined;
  /** Whether its content needs fast-xml-parser (an element or shape the scan does not read itself). */
  private complex = false;
  /** Ranges [start, end) of long runs inside it that are left out of a parse by fast-xml-parser. */
  private cuts: number[] = [];
  /** Value ranges of its start tag's attributes, by slot (-1 when absent). */
  private readonly caseValueStart = new Int32Array(CASE_SLOTS);
  private readonly caseValueEnd = new Int32Array(CASE_SLOTS);
  private readonly caseValuePlain = new Int8Array(CASE_SLOTS);
  /** Requirement-carrying attributes of its start tag: name start, name end, value start, value end. */
  private caseRequirementAttrs: number[] = [];
  /** Elements read inside it (R_SIZE numbers each), the record taking character data, its pieces. */
  private records: number[] = [];
  private leaf = -1;
  private pieces: number[] = [];

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

  constructor(file: string) {
    this.file = file;
  }

  /** Line of the window's offset `at` in the whole text. */
  private lineOf(at: number): number {
    return this.linesBefore + lineAt(this.text, at);
  }

  private fail(at: number, message: string): never {
    throw new UserError(message, { file: this.file, line: this.lineOf(at) });
  }

  /** The item at `at` runs past the text fed so far: wait for more, or, at the end, say the file is cut short. */
  private truncated(at: number, message: string): never {
    if (!this.final) throw NEED_MORE;
    return this.fail(at, message);
  }

  /** The tag opened at `lt` runs past the text fed so far, at `at` (see `truncated`). */
  private tagTruncated(at: number, lt: number): never {
    return this.truncated(at, `the file ends inside the tag <${this.tagName(lt)}>: the report is truncated`);
  }

  /** Characters fed and not yet read: the next piece should be at least as long, so that no item is scanned over and over. */
  get pending(): number {
    return this.n - this.pos;
  }

  /** The whole text at once. */
  run(text: string): Report {
    this.feed(text);
    return this.end();
  }

  /** Reads the next piece of the text, as far as whole items go. */
  feed(piece: string): void {
    const forbidden = findForbiddenChar(piece);
    const drop = this.captureStart === -1 ? this.pos : Math.min(this.pos, this.captureStart);
    if (drop > 0) this.moveWindow(drop);
    if (forbidden !== -1) {
      const at = this.n + forbidden;
      this.text += piece;
      this.fail(at, `the file contains the control character U+${hex4(piece.charCodeAt(forbidden))}, which XML does not allow`);
    }
    this.text = this.n === 0 ? piece : this.text + piece;
    this.n = this.text.length;
    // A search that found nothing found nothing in the text fed so far.
    this.ampFrom = this.ampAt = this.ltFrom = this.ltAt = -1;
    this.scan();
  }

  /** Goes on after `prepareCaseParser` has loaded the parser the scan waited for. */
  resume(): void {
    this.waitsForParser = false;
    this.scan();
  }

  /** The text has all been fed: reads the rest. */
  close(): void {
    this.final = true;
    this.scan();
  }

  /** Gives the report, once the text has all been read (`close`, and `resume` if the scan waited for the parser). */
  end(): Report {
    if (!this.final) this.close();
    if (this.waitsForParser) throw new Error('the report holds a test case for fast-xml-parser, which was not loaded (prepareCaseParser) before it was read');
    const n = this.n;
    if (!this.sawContent) throw new UserError('the file is empty: a test report was expected', { file: this.file });
    if (this.depth > 0) {
      throw new UserError(
        `the file ends before <${this.openNames[this.depth - 1]!}> (opened at line ${this.openLineOf(this.depth - 1)}) is closed: the report is truncated`,
        { file: this.file, line: this.lineOf(n) },
      );
    }
    if (!this.rootClosed) {
      throw new UserError('the file ends before its root element: the report is truncated, or it is not a test report', {
        file: this.file,
        line: this.lineOf(n),
      });
    }
    const root = this.rootFrame;
    if (root?.result !== undefined) this.applySuiteResult(root, root.result);
    return { file: this.file, cases: this.cases, suiteCount: this.suiteCount, declared: this.declared, emptySuites: this.emptySuites };
  }

  /** Line of the open element at `index` of the stack. */
  private openLineOf(index: number): number {
    const line = this.openLine[index]!;
    return line !== 0 ? line : this.lineOf(this.openStart[index]! - this.base);
  }

  /** Lets go of the first `drop` characters of the window: every offset kept moves with it. */
  private moveWindow(drop: number): void {
    const newBase = this.base + drop;
    for (let k = 0; k < this.depth; k++) {
      if (this.openLine[k] === 0 && this.openStart[k]! < newBase) this.openLine[k] = this.lineOf(this.openStart[k]! - this.base);
    }
    this.linesBefore += lineBreaksBefore(this.text, drop);
    this.base = newBase;
    this.text = this.text.slice(drop);
    this.n = this.text.length;
    this.pos -= drop;
    this.lastClassStart = this.lastClassStart >= drop ? this.lastClassStart - drop : -1;
    this.lastClassEnd -= drop;
    this.lastFileStart = this.lastFileStart >= drop ? this.lastFileStart - drop : -1;
    this.lastFileEnd -= drop;
    if (this.captureStart === -1) return;
    // A test case (or suite properties) being read: its ranges move too (-1 marks an absent one).
    this.captureStart -= drop;
    const move = (a: number[] | Int32Array, from = 0, step = 1): void => {
      for (let k = from; k < a.length; k += step) if (a[k] !== -1) a[k]! -= drop;
    };
    move(this.cuts);
    move(this.caseValueStart);
    move(this.caseValueEnd);
    move(this.caseRequirementAttrs);
    for (let r = 0; r < this.records.length; r += R_SIZE) {
      for (const f of [R_A_START, R_A_END, R_B_START, R_B_END]) if (this.records[r + f] !== -1) this.records[r + f]! -= drop;
    }
    move(this.pieces, 1, 3);
    move(this.pieces, 2, 3);
  }

  /** Offset of the first `&` in [from, to), or -1. */
  private nextAmp(from: number, to: number): number {
    if (from < this.ampFrom || this.ampAt < from) {
      this.ampFrom = from;
      const i = this.text.indexOf('&', from);
      this.ampAt = i === -1 ? this.n : i;
    }
    return this.ampAt < to ? this.ampAt : -1;
  }

  /** Offset of the first `<` in [from, to), or -1. */
  private nextLt(from: number, to: number): number {
    if (from < this.ltFrom || this.ltAt < from) {
      this.ltFrom = from;
      const i = this.text.indexOf('<', from);
      this.ltAt = i === -1 ? this.n : i;
    }
    return this.ltAt < to ? this.ltAt : -1;
  }

  /** Refuses the first malformed reference in [from, to); `where` ends the message. */
  private checkReferences(from: number, to: number, where: string): void {
    let amp = this.nextAmp(from, to);
    while (amp !== -1) {
      const end = checkReference(this.text, amp, to);
      if (typeof end === 'string') this.fail(amp, `malformed XML: ${end}${where}`);
      amp = this.nextAmp(end, to);
    }
  }

  /** Reads every whole item from `pos` on; stops, leaving `pos` at its start, at an item not all fed yet. */
  private scan(): void {
    if (this.waitsForParser) return;
    try {
      this.scanItems();
    } catch (e) {
      if (!(e instanceof ScanPause)) throw e;
      if (e === NEED_PARSER) this.waitsForParser = true;
    }
  }

  private scanItems(): void {
    const text = this.text;
    const n = this.n;
    let pos = this.pos;
    for (;;) {
      const lt = this.nextLt(pos, n);
      // Text runs to the next "<": until it is fed, the text may go on.
      if (lt === -1 && !this.final) return;
      const textEnd = lt === -1 ? n : lt;
      if (textEnd > pos) {
        if (this.depth === 0) {
          WHITE_SPACE.lastIndex = pos;
          WHITE_SPACE.test(text);
          const stray = WHITE_SPACE.lastIndex;
          if (stray < textEnd) {
            this.fail(stray, this.rootClosed ? 'text after the end of the root element' : 'this is not XML: text before the first element');
          }
        } else {
          this.checkReferences(pos, textEnd, '');
          if (this.captureStart !== -1) {
            this.cutLong(pos, textEnd, true);
            if (this.leaf !== -1) this.pieces.push(TEXT, pos, textEnd);
          }
        }
        this.pos = textEnd;
      }
      if (lt === -1) break;
      // Enough of the item to tell what it is ("<![CDATA[" is the longest start).
      if (!this.final && n - lt < 9) return;
      this.sawContent = true;
      const next = text.charCodeAt(lt + 1);

      if (next === 0x21 /* ! */) {
        pos = this.scanMarkup(lt);
      } else if (next === 0x3f /* ? */) {
        const close = text.indexOf('?>', lt + 2);
        if (close === -1) this.truncated(lt, 'malformed XML: a processing instruction is not closed with "?>"');
        if (/^<\?xml[\s?]/i.test(text.slice(lt, lt + 6)) && (this.depth > 0 || this.rootClosed || this.sawMarkup)) {
          this.fail(lt, 'malformed XML: the XML declaration is not at the start of the file');
        }
        // fast-xml-parser reads a processing instruction inside a test case as an element.
        if (this.captureStart !== -1) this.setComplex();
        pos = close + 2;
      } else if (next === 0x2f /* / */) {
        pos = this.scanEndTag(lt);
      } else {
        pos = this.scanElement(lt);
      }
      this.sawMarkup = true;
      this.pos = pos;
    }
  }

  /** Reads the comment, CDATA section or declaration at `lt`; returns the offset past it. */
  private scanMarkup(lt: number): number {
    const text = this.text;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) this.truncated(lt, 'the file ends inside a comment: the report is truncated');
      this.cutLong(lt + 4, close, false);
      return close + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail(lt, 'malformed XML: a CDATA section outside the root element');
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) this.truncated(lt, 'the file ends inside a CDATA section: the report is truncated');
      if (this.captureStart !== -1) {
        this.cutLong(lt + 9, close, false);
        if (this.leaf !== -1) this.pieces.push(CDATA, lt + 9, close);
      }
      return close + 3;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      this.fail(lt, 'the report has a DOCTYPE; test reports need none, and the gate refuses document type definitions (they can read files or expand without bound)');
    }
    return this.fail(lt, 'malformed XML: unexpected "<!"');
  }

  /** Reads the end tag at `lt`; returns the offset past it. */
  private scanEndTag(lt: number): number {
    const text = this.text;
    const gt = text.indexOf('>', lt + 2);
    if (gt === -1) this.truncated(lt, 'the file ends inside an end tag: the report is truncated');
    if (this.depth === 0) this.fail(lt, `malformed XML: the end tag </${text.slice(lt + 2, gt).trim()}> has no start tag`);
    const top = this.depth - 1;
    if (top === this.captureDepth && this.captureStart !== -1 && this.parserMissing()) throw NEED_PARSER;
    const open = this.openNames[top]!;
    if (gt !== lt + 2 + open.length || !text.startsWith(open, lt + 2)) {
      const name = text.slice(lt + 2, gt).trim();
      if (open !== name) this.fail(lt, `malformed XML: </${name}> closes <${open}>, which was opened at line ${this.openLineOf(top)}`);
    }
    this.depth = top;
    const pos = gt + 1;
    if (this.captureStart !== -1) {
      const record = this.openRecord[top]!;
      if (record !== -1) {
        this.records[record + R_PIECES_END] = this.pieces.length;
        this.leaf = -1;
      }
      if (top === this.captureDepth) this.endCapture(pos);
    } else if (this.openKind[top] === TESTSUITE) {
      this.closeSuite(this.suites.pop()!);
    }
    if (top === 0) this.rootClosed = true;
    return pos;
  }

  /** Reads the start tag at `lt` and what it opens; returns the offset past it. */
  private scanElement(lt: number): number {
    this.scanStartTag(lt);
    const text = this.text;
    const nameEnd = this.tagNameEnd;
    const kind = kindOf(text, lt + 1, nameEnd);
    const depth = this.depth;
    if (depth === 0) {
      if (this.rootClosed) this.fail(lt, `malformed XML: a second root element <${text.slice(lt + 1, nameEnd)}> after the first one ended`);
      if (kind !== TESTSUITES && kind !== TESTSUITE && kind !== TESTRUN) {
        this.fail(lt, `not a JUnit report: the root element is <${text.slice(lt + 1, nameEnd)}>, expected <testsuites>, <testsuite> or <testrun>`);
      }
    }
    if (depth >= MAX_DEPTH) this.fail(lt, `elements are nested more than ${MAX_DEPTH} deep`);
    const pos = this.tagEnd;
    let record = -1;

    if (this.captureStart !== -1) {
      this.captureHasChild = true;
      if (!this.complex) record = this.openRecordFor(kind, depth - this.captureDepth);
    } else if (kind === TESTSUITE) {
      this.openSuite(lt);
    } else if (depth > 0 && this.openKind[depth - 1] !== TESTCASE && (kind === OTHER || kind >= FAILURE) && this.startSuiteResult(lt, nameEnd)) {
      record = 0;
      if (this.tagSelfClosing) {
        this.records[R_PIECES_END] = this.pieces.length;
        this.endCapture(pos);
        return pos;
      }
    } else if (kind === TESTCASE || (kind === PROPERTIES && depth > 0 && this.openKind[depth - 1] === TESTSUITE)) {
      this.startCapture(lt, kind);
      if (this.tagSelfClosing) {
        if (this.parserMissing()) {
          this.captureStart = -1;
          throw NEED_PARSER;
        }
        this.endCapture(pos);
        return pos;
      }
    }
    if (!this.tagSelfClosing) {
      this.openStart[depth] = this.base + lt;
      this.openLine[depth] = 0;
      this.openNames[depth] = text.slice(lt + 1, nameEnd);
      this.openKind[depth] = kind;
      this.openRecord[depth] = record;
      this.depth = depth + 1;
    } else {
      if (record !== -1) this.records[record + R_PIECES_END] = this.pieces.length;
      this.leaf = -1;
      if (depth === 0) this.rootClosed = true;
    }
    return pos;
  }

  /**
   * Reads `<name attr="value" ...>` at `lt`, checking what XML requires of it, into tagNameEnd, tagEnd,
   * tagSelfClosing and the attribute ranges (values not decoded).
   */
  private scanStartTag(lt: number): void {
    const text = this.text;
    const n = this.n;
    let i = lt + 1;
    if (isNameStart(text.charCodeAt(i))) {
      i++;
      while (isNameChar(text.charCodeAt(i))) i++;
    }
    const c0 = text.charCodeAt(i);
    if (i === lt + 1 || !(isSpace(c0) || c0 === 0x3e || c0 === 0x2f || (c0 > 0x7f && JS_SPACE.test(text[i]!)))) {
      // Not a valid name followed by white space, "/" or ">": say what is wrong.
      NAME_END.lastIndex = lt + 1;
      const m = NAME_END.exec(text);
      if (m === null) this.truncated(lt, 'the file ends inside a tag: the report is truncated');
      const name = text.slice(lt + 1, m.index);
      if (!VALID_NAME.test(name)) this.fail(lt, `malformed XML: "<${name.slice(0, 40)}" is not a valid tag`);
      i = m.index;
    }
    this.tagNameEnd = i;
    let count = 0;
    let names: Set<string> | undefined;
    for (;;) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) this.tagTruncated(lt, lt);
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        this.tagEnd = i + 1;
        this.tagSelfClosing = false;
        break;
      }
      if (c === 0x2f /* / */) {
        if (i + 1 >= n) this.tagTruncated(lt, lt);
        if (text.charCodeAt(i + 1) !== 0x3e) this.fail(i, `malformed XML: "/" inside the tag <${this.tagName(lt)}>`);
        this.tagEnd = i + 2;
        this.tagSelfClosing = true;
        break;
      }
      // The attribute name: up to "=", white space around it allowed.
      let nameStart = i;
      let nameEnd = i;
      let eq = -1;
      if (isNameStart(c)) {
        nameEnd = i + 1;
        while (isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
        let k = nameEnd;
        while (isSpace(text.charCodeAt(k))) k++;
        if (text.charCodeAt(k) === 0x3d /* = */) eq = k;
      }
      if (eq === -1) {
        eq = text.indexOf('=', i);
        if (eq === -1) this.tagTruncated(i, lt);
        const raw = text.slice(i, eq);
        const attr = raw.trim();
        if (!VALID_NAME.test(attr)) this.fail(i, `malformed XML: "${attr.slice(0, 40)}" in the tag <${this.tagName(lt)}> is not an attribute name`);
        nameStart = i + raw.length - raw.trimStart().length;
        nameEnd = nameStart + attr.length;
      }
      let q = eq + 1;
      while (q < n && isSpace(text.charCodeAt(q))) q++;
      if (q >= n) this.tagTruncated(lt, lt);
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) {
        this.fail(q, `malformed XML: the value of attribute "${text.slice(nameStart, nameEnd)}" in <${this.tagName(lt)}> is not quoted`);
      }
      const close = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close === -1) this.truncated(q, `the file ends inside the value of attribute "${text.slice(nameStart, nameEnd)}": the report is truncated`);
      const lessThan = this.nextLt(q + 1, close);
      if (lessThan !== -1) {
        this.fail(lessThan, `malformed XML: a raw "<" inside the value of attribute "${text.slice(nameStart, nameEnd)}" of <${this.tagName(lt)}> (it must be written "&lt;")`);
      }
      const plain = this.nextAmp(q + 1, close) === -1;
      if (!plain) this.checkReferences(q + 1, close, ` in the value of attribute "${text.slice(nameStart, nameEnd)}"`);
      // Duplicates: compared in place for a few attributes, through a set for many.
      const length = nameEnd - nameStart;
      if (count < 16) {
        for (let k = 0; k < count; k++) {
          const s = this.attrNameStart[k]!;
          if (this.attrNameEnd[k]! - s === length && sameRange(text, s, nameStart, length)) {
            this.fail(i, `malformed XML: the attribute "${text.slice(nameStart, nameEnd)}" appears twice in <${this.tagName(lt)}>`);
          }
        }
      } else {
        if (names === undefined) {
          names = new Set();
          for (let k = 0; k < count; k++) names.add(text.slice(this.attrNameStart[k], this.attrNameEnd[k]));
        }
        const name = text.slice(nameStart, nameEnd);
        if (names.has(name)) this.fail(i, `malformed XML: the attribute "${name}" appears twice in <${this.tagName(lt)}>`);
        names.add(name);
      }
      this.attrNameStart[count] = nameStart;
      this.attrNameEnd[count] = nameEnd;
      this.attrValueStart[count] = q + 1;
      this.attrValueEnd[count] = close;
      this.attrPlain[count] = plain ? 1 : 0;
      count++;
      i = close + 1;
      if (i < n) {
        const after = text.charCodeAt(i);
        if (!isSpace(after) && after !== 0x3e && after !== 0x2f) this.fail(i, `malformed XML: no space between attributes of <${this.tagName(lt)}>`);
      }
    }
    this.attrCount = count;
  }

  private tagName(lt: number): string {
    return this.text.slice(lt + 1, this.tagNameEnd);
  }

  /** Fills slotAttr with the index of each attribute the gate reads (-1 when absent). */
  private classifyAttributes(): void {
    const slots = this.slotAttr;
    slots.fill(-1);
    for (let k = 0; k < this.attrCount; k++) {
      const slot = slotOf(this.text, this.attrNameStart[k]!, this.attrNameEnd[k]!);
      if (slot !== -1) slots[slot] = k;
    }
  }

  /** Value of attribute `k` of the tag just scanned, decoded. */
  private attrValue(k: number): string {
    return decodeEntities(this.text.slice(this.attrValueStart[k], this.attrValueEnd[k]));
  }

  /** Value of the attribute in `slot` of the tag just scanned, or undefined. */
  private slotValue(slot: number): string | undefined {
    const k = this.slotAttr[slot]!;
    return k === -1 ? undefined : this.attrValue(k);
  }

  private openSuite(lt: number): void {
    this.classifyAttributes();
    const outer = this.suites[this.suites.length - 1];
    if (outer) outer.hasChildSuite = true;
    const name = detach(this.slotValue(A_NAME) ?? '');
    const topLevel = this.depth === 0 || (this.depth === 1 && this.openKind[0] === TESTSUITES);
    const suiteFile = this.slotValue(A_FILE) ?? this.slotValue(A_FILEPATH);
    const num = (slot: number): number => {
      const v = Number.parseInt(this.slotValue(slot) ?? '', 10);
      return Number.isFinite(v) && v > 0 ? v : 0;
    };
    const tests = num(A_TESTS);
    const failed = num(A_FAILURES);
    const errored = num(A_ERRORS);
    const skipped = num(A_SKIPPED) + num(A_DISABLED);
    this.suites.push({
      name,
      line: this.lineOf(lt),
      path: outer ? [...outer.path, name] : [name],
      file: suiteFile === undefined ? outer?.file : detach(suiteFile),
      properties: outer === undefined ? [] : inheritedProperties(outer),
      propertiesShared: outer !== undefined,
      declared: { tests, failed, errored, skipped, passed: Math.max(0, tests - failed - errored - skipped) },
      hasChildSuite: false,
      hasCase: false,
      firstCase: this.cases.length,
      console: this.depth === 0 && this.attributeOrder().startsWith(CONSOLE_SUITE_ATTRIBUTES),
      zeroBasedLines: outer?.zeroBasedLines ?? (topLevel && (name === 'pytest' || this.attributeOrder().startsWith(PYTEST_SUITE_ATTRIBUTES))),
      result: undefined,
      emptyBelow: false,
    });
    if (this.tagSelfClosing) this.closeSuite(this.suites.pop()!);
  }

  /** The names of the attributes of the tag just scanned, in order, separated by spaces. */
  private attributeOrder(): string {
    let out = '';
    for (let k = 0; k < this.attrCount; k++) out += (k === 0 ? '' : ' ') + this.text.slice(this.attrNameStart[k], this.attrNameEnd[k]);
    return out;
  }

  /**
   * A suite counts when it holds cases or no other suite; its declared counts add up where it is a
   * leaf. A result written straight inside it counts against its cases and as a case of its own. A
   * suite that declares tests, failures, errors or skips but holds no case (nor an inner suite found
   * so) is noted: its report is incomplete.
   */
  private closeSuite(frame: SuiteFrame): void {
    if (frame.result !== undefined) {
      this.applySuiteResult(frame, frame.result);
      frame.hasCase = true;
    } else if (this.cases.length === frame.firstCase && !frame.emptyBelow) {
      const d = frame.declared;
      if (d.tests + d.failed + d.errored + d.skipped > 0) {
        this.emptySuites.push({ name: frame.name, line: frame.line, tests: d.tests, failures: d.failed, errors: d.errored, skipped: d.skipped });
        frame.emptyBelow = true;
      }
    }
    const outer = this.suites[this.suites.length - 1];
    if (outer !== undefined && frame.emptyBelow) outer.emptyBelow = true;
    if (!frame.hasChildSuite) addTotals(this.declared, frame.declared);
    if (!frame.hasChildSuite || frame.hasCase) this.suiteCount++;
  }

  /** The result of a suite counts against every case it holds, and stands as a case of its own after them. */
  private applySuiteResult(frame: SuiteFrame, result: NonNullable<SuiteFrame['result']>): void {
    const cases = this.cases;
    for (let i = frame.firstCase; i < cases.length; i++) cases[i] = underSuiteResult(cases[i]!, frame, result);
    cases.push(suiteResultCase(this.file, frame, result));
  }

  /**
   * Starts to read an element written straight inside a suite (or the root) that says something of
   * its outcome (`<error>`, `<failure>`, anything unknown); false for its usual content.
   */
  private startSuiteResult(lt: number, nameEnd: number): boolean {
    const parent = this.openKind[this.depth - 1];
    if (parent !== TESTSUITE && parent !== TESTSUITES && parent !== TESTRUN) return false;
    const element = this.text.slice(lt + 1, nameEnd);
    if (suiteElementStatus(element) === undefined) return false;
    this.startCapture(lt, SUITE_RESULT);
    this.resultElement = element;
    this.resultLine = this.lineOf(lt);
    this.resultSuite = parent === TESTSUITE ? this.suites[this.suites.length - 1]! : (this.rootFrame ??= this.newRootFrame());
    this.classifyAttributes();
    const m = this.slotAttr[A_MESSAGE]!;
    this.records.push(OTHER, m === -1 ? -1 : this.attrValueStart[m]!, m === -1 ? -1 : this.attrValueEnd[m]!, -1, -1, 0, 0);
    this.leaf = 0;
    return true;
  }

  /** The root `<testsuites>` as a suite, for a result written straight inside it: it counts against every case of the report. */
  private newRootFrame(): SuiteFrame {
    return {
      name: this.openNames[0]!,
      line: this.openLineOf(0),
      path: NO_SUITES,
      file: undefined,
      properties: [],
      propertiesShared: false,
      declared: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
      hasChildSuite: true,
      hasCase: false,
      firstCase: 0,
      console: false,
      zeroBasedLines: false,
      result: undefined,
      emptyBelow: false,
    };
  }

  private startCapture(lt: number, kind: number): void {
    this.captureStart = lt;
    this.captureDepth = this.depth;
    this.captureKind = kind;
    this.captureHasChild = kind === PROPERTIES;
    this.complex = false;
    this.leaf = -1;
    if (this.cuts.length > 0) this.cuts = [];
    if (this.records.length > 0) this.records = [];
    if (this.pieces.length > 0) this.pieces = [];
    const text = this.text;
    if (kind === PROPERTIES) {
      this.checkChildAttributes();
      return;
    }
    if (kind === SUITE_RESULT) return;
    const starts = this.caseValueStart;
    const ends = this.caseValueEnd;
    starts.fill(-1);
    if (this.caseRequirementAttrs.length > 0) this.caseRequirementAttrs = [];
    for (let k = 0; k < this.attrCount; k++) {
      const s = this.attrNameStart[k]!;
      const e = this.attrNameEnd[k]!;
      const slot = slotOf(text, s, e);
      if (slot !== -1 && slot < CASE_SLOTS) {
        starts[slot] = this.attrValueStart[k]!;
        ends[slot] = this.attrValueEnd[k]!;
        this.caseValuePlain[slot] = this.attrPlain[k]!;
      } else if (isRequirementName(text, s, e)) {
        this.caseRequirementAttrs.push(s, e, this.attrValueStart[k]!, this.attrValueEnd[k]!);
      } else if (isChildKind(kindOf(text, s, e))) {
        this.complex = true;
      }
    }
  }

  /** An attribute that fast-xml-parser would mix up with the elements inside this one sends it there. */
  private checkChildAttributes(): void {
    for (let k = 0; k < this.attrCount; k++) {
      if (isChildKind(kindOf(this.text, this.attrNameStart[k]!, this.attrNameEnd[k]!))) this.complex = true;
    }
  }

  private setComplex(): void {
    this.complex = true;
    this.leaf = -1;
  }

  /**
   * Notes an element `level` deep inside the captured case (or suite properties) when it is one the
   * scan reads itself; anything else sends the whole case to fast-xml-parser. Returns its record or -1.
   */
  private openRecordFor(kind: number, level: number): number {
    if (this.captureKind === SUITE_RESULT) {
      // Only its message and text are read: anything inside it goes to fast-xml-parser.
      this.setComplex();
      return -1;
    } else if (this.captureKind === PROPERTIES) {
      if (level !== 1 || kind !== PROPERTY) {
        this.setComplex();
        return -1;
      }
    } else if (level === 1) {
      // Results, output and <properties>; any other element (a <property> straight inside the case
      // too) is left to fast-xml-parser.
      if (kind < PROPERTIES || kind === PROPERTY) {
        this.setComplex();
        return -1;
      }
      if (kind === PROPERTIES) this.checkChildAttributes();
    } else if (level !== 2 || kind !== PROPERTY || this.openKind[this.depth - 1] !== PROPERTIES) {
      this.setComplex();
      return -1;
    }
    if (this.complex) return -1;
    this.classifyAttributes();
    const slots = this.slotAttr;
    const a = kind === PROPERTY ? slots[A_NAME]! : slots[A_MESSAGE]!;
    const b = kind === PROPERTY ? slots[A_VALUE]! : -1;
    const record = this.records.length;
    this.records.push(
      kind,
      a === -1 ? -1 : this.attrValueStart[a]!,
      a === -1 ? -1 : this.attrValueEnd[a]!,
      b === -1 ? -1 : this.attrValueStart[b]!,
      b === -1 ? -1 : this.attrValueEnd[b]!,
      this.pieces.length,
      this.pieces.length,
    );
    // Character data is kept for the elements whose text the gate may read.
    if (kind !== PROPERTIES && kind !== SYSTEM_ERR) this.leaf = record;
    return record;
  }

  private cutLong(from: number, to: number, safe: boolean): void {
    if (this.captureStart === -1 || to - from <= MAX_CAPTURED_TEXT) return;
    this.cuts.push(cutPoint(this.text, from, to, safe), to);
  }

  /** Whether the captured element, ending now, goes to fast-xml-parser, which is not loaded yet. */
  private parserMissing(): boolean {
    return this.goesToParser() && loadedCaseParser() === undefined;
  }

  /**
   * Whether fast-xml-parser reads the captured element: it holds an element or shape the scan does not
   * read itself (suite properties count as holding elements from their start).
   */
  private goesToParser(): boolean {
    return this.complex && this.captureHasChild;
  }

  /** The captured element ends at `end`: reads it. */
  private endCapture(end: number): void {
    const start = this.captureStart;
    this.captureStart = -1;
    this.leaf = -1;
    if (this.captureKind === SUITE_RESULT) {
      const status = suiteElementStatus(this.resultElement)!;
      const message = this.goesToParser() ? messageOf(this.parseChunk(start, end)) : this.recordMessage(0);
      const suite = this.resultSuite!;
      suite.result = worseResult(suite.result, { status, element: this.resultElement, line: this.resultLine, message: message === undefined ? undefined : detach(message) });
      return;
    }
    const suite = this.suites[this.suites.length - 1];
    if (this.captureKind === PROPERTIES) {
      if (suite) {
        const found = this.goesToParser() ? requirementProperties([this.parseChunk(start, end)]) : this.recordProperties();
        addSuiteProperties(suite, found);
      }
      return;
    }
    if (suite) suite.hasCase = true;
    // A case with no element inside (most passing tests) is all in its start tag.
    if (this.goesToParser()) {
      const node = this.parseChunk(start, end);
      this.cases.push(toTestCase(this.file, node, suite));
      // Test cases nested inside a test case (xunit-viewer writes sub-tests so) are test cases too:
      // their results must count, not vanish inside the outer one.
      for (const inner of nestedCases(node)) this.cases.push(toTestCase(this.file, inner, suite, true));
      return;
    }
    this.cases.push(this.caseFromScan(suite));
  }

  private parseChunk(start: number, end: number): Node {
    const chunk = withoutCuts(this.text, start, end, this.cuts);
    try {
      const doc = loadedCaseParser()!.parse(chunk) as Node;
      // The chunk's one element; elements listed in REPEATED come back as one-item arrays.
      const first = Object.values(doc)[0];
      const root: unknown = Array.isArray(first) ? first[0] : first;
      return typeof root === 'object' && root !== null ? (root as Node) : {};
    } catch (e) {
      // fast-xml-parser refuses XML with plain Errors; anything else (a TypeError, a RangeError) is a bug.
      if (!(e instanceof Error) || e.constructor !== Error) throw e;
      return this.fail(start, `malformed XML: ${e.message}`);
    }
  }

  /**
   * A value from the text, decoded. Inside a test case with elements, and inside suite properties, line
   * breaks are normalised as fast-xml-parser does (CR LF and CR become LF), as they always were there.
   */
  private valueOf(start: number, end: number, normalise: boolean): string {
    let raw = this.text.slice(start, end);
    if (normalise && raw.includes('\r')) raw = raw.replace(LINE_BREAKS, '\n');
    return decodeEntities(raw);
  }

  /** Value of the captured case's attribute in `slot`, or undefined. */
  private caseValue(slot: number, normalise: boolean): string | undefined {
    const s = this.caseValueStart[slot]!;
    if (s === -1) return undefined;
    const e = this.caseValueEnd[slot]!;
    if (this.caseValuePlain[slot] === 0) return this.valueOf(s, e, normalise);
    const raw = this.text.slice(s, e);
    return normalise && raw.includes('\r') ? raw.replace(LINE_BREAKS, '\n') : raw;
  }

  /** The captured case's time in seconds, 0 when absent or not a positive number. */
  private caseTime(normalise: boolean): number {
    const s = this.caseValueStart[A_TIME]!;
    if (s === -1) return 0;
    // The usual form, digits with a decimal point, read in place: the same number as parseFloat gives
    // (both integers are exact, and their quotient is rounded once).
    const text = this.text;
    const e = this.caseValueEnd[A_TIME]!;
    let whole = 0;
    let fraction = 0;
    let scale = 1;
    let k = s;
    // At most 15 characters: both integers stay below 2^53.
    while (e - s <= 15 && k < e) {
      const c = text.charCodeAt(k);
      if (c < 0x30 || c > 0x39) break;
      whole = whole * 10 + (c - 0x30);
      k++;
    }
    if (k > s && k < e && text.charCodeAt(k) === 0x2e /* . */) {
      k++;
      while (k < e) {
        const c = text.charCodeAt(k);
        if (c < 0x30 || c > 0x39) break;
        fraction = fraction * 10 + (c - 0x30);
        scale *= 10;
        k++;
      }
      if (k === e && scale > 1) return (whole * scale + fraction) / scale;
    } else if (k === e && k > s) {
      return whole;
    }
    const time = Number.parseFloat(this.caseValue(A_TIME, normalise) ?? '');
    return Number.isFinite(time) && time > 0 ? time : 0;
  }

  /** The character data of a record, as fast-xml-parser gives it: text decoded, CDATA as is, each run cut as for it. */
  private recordText(record: number): string {
    const text = this.text;
    const pieces = this.pieces;
    let out = '';
    for (let k = this.records[record + R_PIECES]!, end = this.records[record + R_PIECES_END]!; k < end; k += 3) {
      const type = pieces[k]!;
      const s = pieces[k + 1]!;
      let e = pieces[k + 2]!;
      if (e - s > MAX_CAPTURED_TEXT) e = cutPoint(text, s, e, type === TEXT);
      let raw = text.slice(s, e);
      if (raw.includes('\r')) raw = raw.replace(LINE_BREAKS, '\n');
      out += type === TEXT ? decodeEntities(raw) : raw;
    }
    return out;
  }

  /**
   * Requirement-carrying properties of the property records, in order: those of each `<properties>`
   * in turn, as a property record stands only straight inside one.
   */
  private recordProperties(): Property[] {
    const out: Property[] = [];
    const records = this.records;
    for (let r = 0; r < records.length; r += R_SIZE) {
      if (records[r + R_KIND] !== PROPERTY) continue;
      const nameStart = records[r + R_A_START]!;
      const name = nameStart === -1 ? '' : this.valueOf(nameStart, records[r + R_A_END]!, true).trim();
      if (!REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) continue;
      const valueStart = records[r + R_B_START]!;
      const value = valueStart === -1 ? this.recordText(r) : this.valueOf(valueStart, records[r + R_B_END]!, true);
      out.push({ name: detach(name), value: detach(value) });
    }
    return out;
  }

  /** The message of a result record: its message attribute, or else its text; shortened. */
  private recordMessage(record: number): string | undefined {
    if (record === -1) return undefined;
    const s = this.records[record + R_A_START]!;
    const fromAttr = s === -1 ? undefined : this.valueOf(s, this.records[record + R_A_END]!, true);
    return shortMessage(fromAttr !== undefined && fromAttr.trim() !== '' ? fromAttr : this.recordText(record));
  }

  /**
   * Whether the text of a system-out record may start with the JUnit Platform header: it does not
   * when its first character other than white space is plain text other than "u".
   */
  private mayStartWithHeader(record: number): boolean {
    const text = this.text;
    const pieces = this.pieces;
    for (let k = this.records[record + R_PIECES]!, end = this.records[record + R_PIECES_END]!; k < end; k += 3) {
      const s = pieces[k + 1]!;
      const e = pieces[k + 2]!;
      WHITE_SPACE.lastIndex = s;
      WHITE_SPACE.test(text);
      const first = WHITE_SPACE.lastIndex;
      if (first < e) {
        const c = text.charCodeAt(first);
        return c === 0x75 /* u */ || (c === 0x26 /* & */ && pieces[k] === TEXT);
      }
    }
    return false;
  }

  /** A test case whose content the scan has read: builds it as toTestCase does from fast-xml-parser's tree. */
  private caseFromScan(suite: SuiteFrame | undefined): TestCase {
    const normalise = this.captureHasChild;
    const records = this.records;
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
    // Reruns that failed say the test did not pass, also without the <failure> Surefire writes beside them.
    const status = statusOf(this.caseValue(A_STATUS, normalise), this.caseValue(A_RESULT, normalise), failures + reruns, errors + rerunErrors, skips);
    const flake = firstFlaky !== -1 ? firstFlaky : firstFlakyError;
    const errorFrom = firstError !== -1 ? firstError : firstRerunError;
    const failureFrom = firstFailure !== -1 ? firstFailure : firstRerun;
    const messageFrom = status === 'errored' ? errorFrom : status === 'failed' ? failureFrom : status === 'skipped' ? firstSkip : flake;
    const classname = this.caseClass(normalise);
    const name = detach(this.caseValue(A_NAME, normalise) ?? '');

    let own: Property[] | undefined;
    if (hasProperties) {
      const found = this.recordProperties();
      if (found.length > 0) own = found;
    }
    const required = this.caseRequirementAttrs;
    for (let k = 0; k < required.length; k += 4) {
      const name = this.text.slice(required[k], required[k + 1]);
      (own ??= []).push({ name: detach(name), value: detach(this.valueOf(required[k + 2]!, required[k + 3]!, normalise)) });
    }
    let displayName: string | undefined;
    if (firstOut !== -1 && suite?.console === true && this.mayStartWithHeader(firstOut)) {
      const outs: string[] = [];
      for (let r = firstOut; r < records.length; r += R_SIZE) if (records[r + R_KIND] === SYSTEM_OUT) outs.push(this.recordText(r));
      displayName = displayNameIn(outs[0]!, suite, classname, name);
      if (displayName !== undefined) {
        const entries = reportEntriesIn(outs.slice(1));
        if (entries.length > 0) own = own === undefined ? entries : own.concat(entries);
      }
    }

    const inherited = inheritedProperties(suite);
    const line = caseLine(this.caseValue(A_LINE, normalise), suite);
    const file = this.caseFile(normalise) ?? suite?.file;
    const hasFile = file !== undefined && file !== '';
    const test = newCase(
      this.file,
      suite?.path ?? NO_SUITES,
      classname,
      name,
      status,
      status === 'passed' && flake !== -1,
      this.caseTime(normalise),
      own === undefined ? inherited : [...inherited, ...own],
      hasFile ? file : undefined,
      line,
    );
    const message = this.recordMessage(messageFrom);
    if (message !== undefined) (test as { message?: string }).message = detach(message);
    if (displayName !== undefined) (test as { displayName?: string }).displayName = detach(displayName);
    return test;
  }

  /** The captured case's class name; cases of one class share one string. */
  private caseClass(normalise: boolean): string {
    let slot = A_CLASSNAME;
    if (this.caseValueStart[slot] === -1) slot = A_CLASS;
    const s = this.caseValueStart[slot]!;
    if (s === -1) return '';
    const e = this.caseValueEnd[slot]!;
    const last = this.lastClassStart;
    if (last !== -1 && e - s === this.lastClassEnd - last && normalise === this.lastClassNormalised && sameRange(this.text, last, s, e - s)) {
      return this.lastClass;
    }
    this.lastClassStart = s;
    this.lastClassEnd = e;
    this.lastClassNormalised = normalise;
    this.lastClass = detach(this.caseValue(slot, normalise)!);
    return this.lastClass;
  }

  /** The captured case's own file, or undefined; cases of one file share one string. */
  private caseFile(normalise: boolean): string | undefined {
    let slot = A_FILE;
    if (this.caseValueStart[slot] === -1) slot = A_FILEPATH;
    const s = this.caseValueStart[slot]!;
    if (s === -1) return undefined;
    const e = this.caseValueEnd[slot]!;
    const last = this.lastFileStart;
    if (last !== -1 && e - s === this.lastFileEnd - last && normalise === this.lastFileNormalised && sameRange(this.text, last, s, e - s)) {
      return this.lastFile;
    }
    this.lastFileStart = s;
    this.lastFileEnd = e;
    this.lastFileNormalised = normalise;
    this.lastFile = detach(this.caseValue(slot, normalise)!);
    return this.lastFile;
  }
}

/** Whether `text[a, a + length)` and `text[b, b + length)` are the same. */
function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Whether the attribute named `text[s, e)` carries requirement IDs (googletest RecordProperty). */
function isRequirementName(text: string, s: number, e: number): boolean {
  const length = e - s;
  if (length !== 6 && length !== 8 && length !== 11 && length !== 12) return false;
  return REQUIREMENT_PROPERTY_NAMES.has(text.slice(s, e).toLowerCase());
}

/**
 * Where a run of `text[from, to)` longer than MAX_CAPTURED_TEXT is cut; `safe` for text, which is
 * never cut inside a reference such as &amp;. Never between the halves of a surrogate pair.
 */
function cutPoint(text: string, from: number, to: number, safe: boolean): number {
  let at = from + MAX_CAPTURED_TEXT;
  if (safe) {
    const amp = text.lastIndexOf('&', at);
    if (amp > at - 13 && amp >= from && text.indexOf(';', amp) >= at) at = amp;
  }
  const c = text.charCodeAt(at - 1);
  if (c >= 0xd800 && c <= 0xdbff) at--;
  return at;
}

/** `text[from, to)` without the cut ranges (sorted, inside it). */
function withoutCuts(text: string, from: number, to: number, cuts: readonly number[]): string {
  if (cuts.length === 0) return text.slice(from, to);
  const parts: string[] = [];
  let at = from;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(text.slice(at, cuts[i]));
    at = cuts[i + 1]!;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/** How the JUnit Platform console's legacy XML begins its root `<testsuite>` (LegacyXmlReportWriter). */
const CONSOLE_SUITE_ATTRIBUTES = 'name tests skipped failures errors time';
/** How pytest begins its `<testsuite>`, whatever `junit_suite_name` calls it. */
const PYTEST_SUITE_ATTRIBUTES = 'name errors failures skipped tests time';

function addTotals(into: { tests: number; passed: number; failed: number; errored: number; skipped: number }, t: Totals): void {
  into.tests += t.tests;
  into.passed += t.passed;
  into.failed += t.failed;
  into.errored += t.errored;
  into.skipped += t.skipped;
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
