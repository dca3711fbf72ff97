/**
 * The element and attribute names of a JUnit report that the reader tells apart, as small numbers
 * found from the text in place: no name is cut out to be looked up.
 */
import { REQUIREMENT_PROPERTY_NAMES } from '../model/index.js';
import type { XmlTokenizer } from './xml-tokenizer.js';

// Kinds of element.
export const OTHER = 0;
export const TESTSUITES = 1;
export const TESTSUITE = 2;
export const TESTRUN = 3;
export const TESTCASE = 4;
export const PROPERTIES = 5;
export const PROPERTY = 6;
export const FAILURE = 7;
export const ERROR = 8;
export const SKIPPED = 9;
export const FLAKY_FAILURE = 10;
export const FLAKY_ERROR = 11;
export const RERUN_FAILURE = 12;
export const RERUN_ERROR = 13;
export const SYSTEM_OUT = 14;
export const SYSTEM_ERR = 15;
/** Not an element name: what is captured when a result stands straight inside a suite. */
export const SUITE_RESULT = 16;

// Attributes the gate reads, by slot.
export const A_NAME = 0;
export const A_CLASSNAME = 1;
export const A_CLASS = 2;
export const A_TIME = 3;
export const A_FILE = 4;
export const A_FILEPATH = 5;
export const A_LINE = 6;
export const A_STATUS = 7;
export const A_RESULT = 8;
export const A_TESTS = 9;
export const A_FAILURES = 10;
export const A_ERRORS = 11;
export const A_SKIPPED = 12;
export const A_DISABLED = 13;
export const A_MESSAGE = 14;
export const A_VALUE = 15;
export const SLOTS = 16;
/** Slots of a `<testcase>` kept from its start tag until its end. */
export const CASE_SLOTS = A_RESULT + 1;

/** The kind of the element named `text[s, e)`: one candidate by length and first letter, then compared. */
export function kindOf(text: string, s: number, e: number): number {
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
export function slotOf(text: string, s: number, e: number): number {
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
export function isChildKind(kind: number): boolean {
  return kind === TESTSUITE || kind === TESTCASE || kind >= PROPERTIES;
}

/** Whether the attribute named `text[s, e)` carries requirement IDs (googletest RecordProperty). */
export function isRequirementName(text: string, s: number, e: number): boolean {
  const length = e - s;
  if (length !== 6 && length !== 8 && length !== 11 && length !== 12) return false;
  return REQUIREMENT_PROPERTY_NAMES.has(text.slice(s, e).toLowerCase());
}

/** Fills `slots` with the index of each attribute of the tag just read that the gate reads (-1 when absent). */
export function findSlots(xml: XmlTokenizer, slots: Int32Array): void {
  slots.fill(-1);
  const text = xml.text;
  for (let k = 0; k < xml.attrCount; k++) {
    const slot = slotOf(text, xml.attrNameStart[k]!, xml.attrNameEnd[k]!);
    if (slot !== -1) slots[slot] = k;
  }
}
