import { XMLParser } from 'fast-xml-parser';
import { UserError } from '../errors.js';
import { REQUIREMENT_PROPERTY_NAMES, type Property, type Report, type TestCase, type TestStatus, type Totals } from '../model.js';
import { decodeEntities, detach, findBadReference, findForbiddenChar, indexIn, lineAt } from './xml-text.js';

/** Longest failure message kept per test; the rest of a stack trace is not evidence the gate needs. */
export const MAX_MESSAGE_LENGTH = 500;
/**
 * Longest run of text, CDATA or comment inside a test case handed on to fast-xml-parser; the rest is
 * cut before that second parse (it needs some 36 bytes of memory per byte of text, and the gate keeps
 * 500 characters of a message). The scan has already checked the whole text.
 */
export const MAX_CAPTURED_TEXT = 64 * 1024;
/** Deepest element nesting accepted; real reports stay far below it. */
export const MAX_DEPTH = 256;

/** Root elements of a JUnit report; `<testrun>` is what Eclipse PDE and Pega write. */
const JUNIT_ROOTS = new Set(['testsuites', 'testsuite', 'testrun']);

/** Elements of a test case that fast-xml-parser must always give as arrays. */
const REPEATED = new Set([
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'property',
  'properties',
  'system-out',
  'testcase',
  'testsuite',
]);

const caseParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Decodes numeric character references; named entities other than XML's five were refused by the scan.
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

interface SuiteFrame {
  readonly path: readonly string[];
  readonly file: string | undefined;
  properties: readonly Property[];
  readonly declared: Totals;
  hasChildSuite: boolean;
  hasCase: boolean;
}

interface OpenElement {
  readonly name: string;
  readonly start: number;
}

type Node = Record<string, unknown>;

const NO_SUITES: readonly string[] = [];
const NO_PROPERTIES: readonly Property[] = [];

/**
 * Reads one JUnit XML report. The text is scanned once, strictly (what XML 1.0 refuses is refused here,
 * with file and line), and each `<testcase>` is cut out and parsed on its own, so memory stays bounded
 * by what the gate keeps, not by the size of the document.
 */
export function parseJunit(file: string, text: string): Report {
  const fail = (at: number, message: string): never => {
    throw new UserError(message, { file, line: lineAt(text, at) });
  };

  if (text.trim() === '') throw new UserError('the file is empty: a test report was expected', { file });
  const forbidden = findForbiddenChar(text);
  if (forbidden !== -1) {
    fail(forbidden, `the file contains the control character U+${hex4(text.charCodeAt(forbidden))}, which XML does not allow`);
  }

  const cases: TestCase[] = [];
  const stack: OpenElement[] = [];
  const suites: SuiteFrame[] = [];
  const declared = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  let suiteCount = 0;
  /** A suite counts when it holds cases or no other suite; its declared counts add up where it is a leaf. */
  const closeSuite = (frame: SuiteFrame): void => {
    if (!frame.hasChildSuite) addTotals(declared, frame.declared);
    if (!frame.hasChildSuite || frame.hasCase) suiteCount++;
  };
  let rootClosed = false;
  /** Offset and depth of the `<testcase>` or suite `<properties>` being cut out, or -1. */
  let captureStart = -1;
  let captureDepth = -1;
  let captureKind: 'case' | 'properties' = 'case';
  /** Attributes of the `<testcase>` being cut out, and whether any element stands inside it. */
  let captureAttributes: ReadonlyMap<string, string> = new Map();
  let captureHasChild = false;
  /** Ranges [start, end) inside the captured case that are left out of its second parse. */
  let cuts: number[] = [];
  const cutLong = (from: number, to: number, safe: boolean): void => {
    if (captureStart === -1 || to - from <= MAX_CAPTURED_TEXT) return;
    let at = from + MAX_CAPTURED_TEXT;
    if (safe) {
      // Never cut inside a reference such as &amp; or between the halves of a surrogate pair.
      const amp = text.lastIndexOf('&', at);
      if (amp > at - 13 && amp >= from && text.indexOf(';', amp) >= at) at = amp;
    }
    const c = text.charCodeAt(at - 1);
    if (c >= 0xd800 && c <= 0xdbff) at--;
    cuts.push(at, to);
  };
  let pos = 0;
  const n = text.length;

  const onCaptured = (chunk: string, at: number): void => {
    const suite = suites[suites.length - 1];
    if (captureKind === 'properties') {
      if (suite) suite.properties = [...suite.properties, ...requirementProperties([parseChunk(chunk, at, fail)])];
      return;
    }
    if (suite) suite.hasCase = true;
    // A case with no element inside (most passing tests) is all in its start tag, already read and
    // checked by the scan; only cases with results, output or properties go through fast-xml-parser.
    if (!captureHasChild) {
      cases.push(emptyTestCase(file, captureAttributes, suite));
      return;
    }
    const node = parseChunk(chunk, at, fail);
    cases.push(toTestCase(file, node, suite));
    // Test cases nested inside a test case (xunit-viewer writes sub-tests so) are test cases too:
    // their results must count, not vanish inside the outer one.
    for (const inner of nestedCases(node)) cases.push(toTestCase(file, inner, suite));
  };

  for (;;) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) {
      if (stack.length === 0) {
        const stray = text.slice(pos, textEnd).search(/\S/);
        if (stray !== -1) {
          fail(pos + stray, rootClosed ? 'text after the end of the root element' : 'this is not XML: text before the first element');
        }
      } else {
        const bad = findBadReference(text, pos, textEnd);
        if (bad) fail(bad.at, `malformed XML: ${bad.why}`);
        cutLong(pos, textEnd, true);
      }
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);

    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close === -1) fail(lt, 'the file ends inside a comment: the report is truncated');
        cutLong(lt + 4, close, false);
        pos = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail(lt, 'malformed XML: a CDATA section outside the root element');
        const close = text.indexOf(']]>', lt + 9);
        if (close === -1) fail(lt, 'the file ends inside a CDATA section: the report is truncated');
        cutLong(lt + 9, close, false);
        pos = close + 3;
      } else if (text.startsWith('<!DOCTYPE', lt)) {
        fail(lt, 'the report has a DOCTYPE; test reports need none, and the gate refuses document type definitions (they can read files or expand without bound)');
      } else {
        fail(lt, 'malformed XML: unexpected "<!"');
      }
      continue;
    }

    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) fail(lt, 'malformed XML: a processing instruction is not closed with "?>"');
      if (/^<\?xml[\s?]/i.test(text.slice(lt, lt + 6)) && (stack.length > 0 || rootClosed || cases.length > 0 || text.slice(0, lt).trim() !== '')) {
        fail(lt, 'malformed XML: the XML declaration is not at the start of the file');
      }
      pos = close + 2;
      continue;
    }

    if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', lt + 2);
      if (gt === -1) fail(lt, 'the file ends inside an end tag: the report is truncated');
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open === undefined) fail(lt, `malformed XML: the end tag </${name}> has no start tag`);
      else if (open.name !== name) {
        fail(lt, `malformed XML: </${name}> closes <${open.name}>, which was opened at line ${lineAt(text, open.start)}`);
      }
      pos = gt + 1;
      if (captureStart !== -1) {
        if (stack.length === captureDepth) {
          const start = captureStart;
          captureStart = -1;
          onCaptured(withoutCuts(text, start, pos, cuts), start);
          cuts = [];
        }
      } else if (name === 'testsuite') {
        closeSuite(suites.pop()!);
      }
      if (stack.length === 0) rootClosed = true;
      continue;
    }

    // A start tag.
    const tag = scanStartTag(text, lt, fail);
    pos = tag.end;
    if (stack.length === 0) {
      if (rootClosed) fail(lt, `malformed XML: a second root element <${tag.name}> after the first one ended`);
      if (!JUNIT_ROOTS.has(tag.name)) {
        fail(lt, `not a JUnit report: the root element is <${tag.name}>, expected <testsuites>, <testsuite> or <testrun>`);
      }
    }
    if (stack.length >= MAX_DEPTH) fail(lt, `elements are nested more than ${MAX_DEPTH} deep`);

    if (captureStart !== -1) {
      captureHasChild = true;
    } else {
      const parent = stack[stack.length - 1]?.name;
      if (tag.name === 'testsuite') {
        const outer = suites[suites.length - 1];
        if (outer) outer.hasChildSuite = true;
        const name = detach(tag.attributes.get('name') ?? '');
        const suiteFile = tag.attributes.get('file') ?? tag.attributes.get('filepath');
        suites.push({
          path: outer ? [...outer.path, name] : [name],
          file: suiteFile === undefined ? outer?.file : detach(suiteFile),
          properties: outer?.properties ?? [],
          declared: declaredTotals(tag.attributes),
          hasChildSuite: false,
          hasCase: false,
        });
        if (tag.selfClosing) closeSuite(suites.pop()!);
      } else if (tag.name === 'testcase' || (tag.name === 'properties' && parent === 'testsuite')) {
        captureKind = tag.name === 'testcase' ? 'case' : 'properties';
        captureAttributes = tag.attributes;
        captureHasChild = captureKind === 'properties';
        if (tag.selfClosing) {
          onCaptured(text.slice(lt, pos), lt);
        } else {
          captureStart = lt;
          captureDepth = stack.length;
        }
      }
    }
    if (!tag.selfClosing) stack.push({ name: tag.name, start: lt });
    else if (stack.length === 0) rootClosed = true;
  }

  const open = stack[stack.length - 1];
  if (open !== undefined) {
    throw new UserError(`the file ends before <${open.name}> (opened at line ${lineAt(text, open.start)}) is closed: the report is truncated`, {
      file,
      line: lineAt(text, n),
    });
  }
  if (!rootClosed) {
    throw new UserError('the file ends before its root element: the report is truncated, or it is not a test report', { file, line: lineAt(text, n) });
  }
  return { file, cases, suiteCount, declared };
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

interface StartTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
  /** Offset just past the closing `>`. */
  readonly end: number;
}

const NAME_END = /[\s/>]/g;

/** XML white space: space, tab, carriage return, line feed. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Reads `<name attr="value" ...>` at `lt`, checking what XML requires of it; values are decoded. */
function scanStartTag(text: string, lt: number, fail: (at: number, message: string) => never): StartTag {
  NAME_END.lastIndex = lt + 1;
  const m = NAME_END.exec(text);
  if (m === null) return fail(lt, 'the file ends inside a tag: the report is truncated');
  const name = text.slice(lt + 1, m.index);
  if (!/^[A-Za-z_][\w.:-]*$/.test(name)) fail(lt, `malformed XML: "<${name.slice(0, 40)}" is not a valid tag`);
  const attributes = new Map<string, string>();
  let i = m.index;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const c = text[i];
    if (c === undefined) return fail(lt, `the file ends inside the tag <${name}>: the report is truncated`);
    if (c === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    if (c === '/') {
      if (text[i + 1] !== '>') fail(i, `malformed XML: "/" inside the tag <${name}>`);
      return { name, attributes, selfClosing: true, end: i + 2 };
    }
    const eq = text.indexOf('=', i);
    if (eq === -1) return fail(i, `the file ends inside the tag <${name}>: the report is truncated`);
    const attr = text.slice(i, eq).trim();
    if (!/^[A-Za-z_][\w.:-]*$/.test(attr)) fail(i, `malformed XML: "${attr.slice(0, 40)}" in the tag <${name}> is not an attribute name`);
    let q = eq + 1;
    while (q < text.length && isSpace(text.charCodeAt(q))) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") return fail(q, `malformed XML: the value of attribute "${attr}" in <${name}> is not quoted`);
    const close = text.indexOf(quote, q + 1);
    if (close === -1) return fail(q, `the file ends inside the value of attribute "${attr}": the report is truncated`);
    const lessThan = indexIn(text, '<', q + 1, close);
    if (lessThan !== -1) {
      fail(lessThan, `malformed XML: a raw "<" inside the value of attribute "${attr}" of <${name}> (it must be written "&lt;")`);
    }
    const bad = findBadReference(text, q + 1, close);
    if (bad) fail(bad.at, `malformed XML: ${bad.why} in the value of attribute "${attr}"`);
    if (attributes.has(attr)) fail(i, `malformed XML: the attribute "${attr}" appears twice in <${name}>`);
    attributes.set(attr, decodeEntities(text.slice(q + 1, close)));
    i = close + 1;
    if (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') {
      fail(i, `malformed XML: no space between attributes of <${name}>`);
    }
  }
}

function parseChunk(chunk: string, at: number, fail: (at: number, message: string) => never): Node {
  try {
    const doc = caseParser.parse(chunk) as Node;
    // The chunk's one element; elements listed in REPEATED come back as one-item arrays.
    const first = Object.values(doc)[0];
    const root: unknown = Array.isArray(first) ? first[0] : first;
    return typeof root === 'object' && root !== null ? (root as Node) : {};
  } catch (e) {
    return fail(at, `malformed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A `<testcase>` with elements inside: results, output, properties, parsed by fast-xml-parser. */
function toTestCase(report: string, node: Node, suite: SuiteFrame | undefined): TestCase {
  const failures = elements(node, 'failure');
  const errors = elements(node, 'error');
  const skips = elements(node, 'skipped');
  const flakes = [...elements(node, 'flakyFailure'), ...elements(node, 'flakyError')];
  const get = (name: string): string | undefined => attr(node, name);
  const status = statusOf(get, failures.length, errors.length, skips.length);
  const own = [...requirementProperties(elements(node, 'properties')), ...attributeProperties(Object.entries(node)), ...reportEntryProperties(node)];
  const messageFrom = status === 'errored' ? errors : status === 'failed' ? failures : status === 'skipped' ? skips : flakes;
  return caseOf(report, get, suite, status, status === 'passed' && flakes.length > 0, own, messageOf(messageFrom[0]), displayNameOf(node));
}

/** A `<testcase>` with nothing inside: everything is in the attributes the scan already read. */
function emptyTestCase(report: string, attributes: ReadonlyMap<string, string>, suite: SuiteFrame | undefined): TestCase {
  const get = (name: string): string | undefined => attributes.get(name);
  return caseOf(report, get, suite, statusOf(get, 0, 0, 0), false, attributeProperties(attributes), undefined, undefined);
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
  const inherited = suite?.properties ?? NO_PROPERTIES;
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
function statusOf(get: (name: string) => string | undefined, failures: number, errors: number, skips: number): TestStatus {
  if (errors > 0) return 'errored';
  if (failures > 0) return 'failed';
  if (skips > 0) return 'skipped';
  const status = get('status');
  const result = get('result');
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
  const text = (fromAttr !== undefined && fromAttr.trim() !== '' ? fromAttr : textOf(el)).trim();
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
  const m = /^\s*unique-id: \[engine:[^\n]*\n(?:[ \t]*)display-name: ([^\n]*)/.exec(textOf(first));
  return m?.[1]?.trim();
}

/**
 * JUnit Platform `TestReporter` entries, which its console writes into a second `<system-out>` as
 * `Report Entry #1 (timestamp: ...)` followed by `\t- requirements: SRS-006, SRS-007` lines, in a
 * case whose first `<system-out>` is the console's unique-id / display-name header.
 */
function reportEntryProperties(node: Node): Property[] {
  const out: Property[] = [];
  // Only in a case the JUnit Platform console wrote (its first system-out is the unique-id header).
  if (displayNameOf(node) === undefined) return out;
  for (const el of elements(node, 'system-out').slice(1)) {
    // Only a system-out that is nothing but report entries, exactly as the console writes them:
    // printed text that merely looks like an entry must not link a test to a requirement.
    const text = textOf(el).trim();
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

/** Every `<testcase>` below a node, also inside nested `<testsuite>` elements. */
function nestedCases(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of elements(node, 'testcase')) {
    if (typeof c !== 'object' || c === null) continue;
    out.push(c as Node, ...nestedCases(c as Node));
  }
  for (const suite of elements(node, 'testsuite')) {
    if (typeof suite === 'object' && suite !== null) out.push(...nestedCases(suite as Node));
  }
  return out;
}

/** Requirement-carrying `<property>` elements of the given `<properties>` elements. */
function requirementProperties(groups: readonly unknown[]): Property[] {
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

function declaredTotals(attributes: ReadonlyMap<string, string>): Totals {
  const num = (k: string): number => {
    const v = Number.parseInt(attributes.get(k) ?? '', 10);
    return Number.isFinite(v) && v > 0 ? v : 0;
  };
  const tests = num('tests');
  const failed = num('failures');
  const errored = num('errors');
  const skipped = num('skipped') + num('disabled');
  return { tests, failed, errored, skipped, passed: Math.max(0, tests - failed - errored - skipped) };
}

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
