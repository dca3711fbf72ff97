/**
 * The capture of one `<testcase>` (or a suite's `<properties>`, or a result written straight inside a
 * suite) while the tokenizer reads it: offsets of its attributes, of the elements inside it the reader
 * understands and of their character data, in flat arrays reused from case to case. Whether it holds
 * a shape the reader does not read itself (then fast-xml-parser reads it) is decided here too.
 */
import {
  A_MESSAGE,
  A_NAME,
  A_TIME,
  A_VALUE,
  CASE_SLOTS,
  findSlots,
  isChildKind,
  isRequirementName,
  kindOf,
  PROPERTIES,
  PROPERTY,
  SLOTS,
  slotOf,
  SUITE_RESULT,
  SYSTEM_ERR,
  OTHER,
} from './junit-names.js';
import { MAX_CAPTURED_TEXT } from './limits.js';
import { decodeEntities } from './xml-text.js';
import type { XmlTokenizer } from './xml-tokenizer.js';

// Pieces of character data inside an element read from the scan.
const TEXT = 0;
const CDATA = 1;

// One element inside a capture: its kind, two attribute ranges (message; or name and value of a
// property) and its pieces.
export const R_KIND = 0;
export const R_A_START = 1;
export const R_A_END = 2;
export const R_B_START = 3;
export const R_B_END = 4;
const R_PIECES = 5;
const R_PIECES_END = 6;
export const R_SIZE = 7;

const WHITE_SPACE = /\s*/y;
const LINE_BREAKS = /\r\n?/g;

export class CaseCapture {
  /** Offset of the captured element's `<` in the window, or -1 when none is being read. */
  start = -1;
  /** Its depth, and what it is: TESTCASE, PROPERTIES or SUITE_RESULT. */
  depth = -1;
  kind = 0;
  /** Whether an element stands inside it (suite properties count as holding some from their start). */
  hasChild = false;
  /** Whether its content needs fast-xml-parser (an element or shape the scan does not read itself). */
  complex = false;
  /** Ranges [start, end) of long runs inside it that are left out of a parse by fast-xml-parser. */
  private cuts: number[] = [];
  /** Value ranges of a test case's start-tag attributes, by slot (-1 when absent). */
  readonly valueStart = new Int32Array(CASE_SLOTS);
  readonly valueEnd = new Int32Array(CASE_SLOTS);
  private readonly valuePlain = new Int8Array(CASE_SLOTS);
  /** Requirement-carrying attributes of its start tag: name start, name end, value start, value end. */
  requirementAttrs: number[] = [];
  /**
   * Its other attributes, which may say something of its outcome or show its producer (read by the
   * case reader, case-attributes.ts): name start, name end, value start, value end.
   */
  otherAttrs: number[] = [];
  /** Elements read inside it (R_SIZE numbers each), the record taking character data, its pieces. */
  records: number[] = [];
  private leaf = -1;
  private pieces: number[] = [];
  private readonly slots = new Int32Array(SLOTS);

  constructor(private readonly xml: XmlTokenizer) {}

  /** Starts to capture the element whose start tag was just read, at `level`, as `kind`. */
  begin(kind: number): void {
    const xml = this.xml;
    this.start = xml.start;
    this.depth = xml.level;
    this.kind = kind;
    this.hasChild = kind === PROPERTIES;
    this.complex = false;
    this.leaf = -1;
    if (this.cuts.length > 0) this.cuts = [];
    if (this.records.length > 0) this.records = [];
    if (this.pieces.length > 0) this.pieces = [];
    if (kind === PROPERTIES) {
      this.checkChildAttributes();
      return;
    }
    if (kind === SUITE_RESULT) {
      // Only its message and text are read.
      findSlots(xml, this.slots);
      const m = this.slots[A_MESSAGE]!;
      this.records.push(OTHER, m === -1 ? -1 : xml.attrValueStart[m]!, m === -1 ? -1 : xml.attrValueEnd[m]!, -1, -1, 0, 0);
      this.leaf = 0;
      return;
    }
    const text = xml.text;
    const starts = this.valueStart;
    const ends = this.valueEnd;
    starts.fill(-1);
    if (this.requirementAttrs.length > 0) this.requirementAttrs = [];
    if (this.otherAttrs.length > 0) this.otherAttrs = [];
    for (let k = 0; k < xml.attrCount; k++) {
      const s = xml.attrNameStart[k]!;
      const e = xml.attrNameEnd[k]!;
      const slot = slotOf(text, s, e);
      if (slot !== -1 && slot < CASE_SLOTS) {
        starts[slot] = xml.attrValueStart[k]!;
        ends[slot] = xml.attrValueEnd[k]!;
        this.valuePlain[slot] = xml.attrPlain[k]!;
      } else if (isRequirementName(text, s, e)) {
        this.requirementAttrs.push(s, e, xml.attrValueStart[k]!, xml.attrValueEnd[k]!);
      } else {
        if (isChildKind(kindOf(text, s, e))) this.complex = true;
        this.otherAttrs.push(s, e, xml.attrValueStart[k]!, xml.attrValueEnd[k]!);
      }
    }
  }

  /** An attribute that fast-xml-parser would mix up with the elements inside this one sends it there. */
  private checkChildAttributes(): void {
    const xml = this.xml;
    for (let k = 0; k < xml.attrCount; k++) {
      if (isChildKind(kindOf(xml.text, xml.attrNameStart[k]!, xml.attrNameEnd[k]!))) this.complex = true;
    }
  }

  setComplex(): void {
    this.complex = true;
    this.leaf = -1;
  }

  /**
   * Notes the element of `kind` just opened `level` deep inside the capture, whose parent is of
   * `parentKind`, when it is one the scan reads itself; anything else sends the whole capture to
   * fast-xml-parser. Returns its record or -1.
   */
  openRecord(kind: number, level: number, parentKind: number): number {
    this.hasChild = true;
    if (this.complex) return -1;
    if (this.kind === SUITE_RESULT) {
      // Only its message and text are read: anything inside it goes to fast-xml-parser.
      this.setComplex();
      return -1;
    } else if (this.kind === PROPERTIES) {
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
    } else if (level !== 2 || kind !== PROPERTY || parentKind !== PROPERTIES) {
      this.setComplex();
      return -1;
    }
    if (this.complex) return -1;
    const xml = this.xml;
    const slots = this.slots;
    findSlots(xml, slots);
    const a = kind === PROPERTY ? slots[A_NAME]! : slots[A_MESSAGE]!;
    const b = kind === PROPERTY ? slots[A_VALUE]! : -1;
    const record = this.records.length;
    this.records.push(
      kind,
      a === -1 ? -1 : xml.attrValueStart[a]!,
      a === -1 ? -1 : xml.attrValueEnd[a]!,
      b === -1 ? -1 : xml.attrValueStart[b]!,
      b === -1 ? -1 : xml.attrValueEnd[b]!,
      this.pieces.length,
      this.pieces.length,
    );
    // Character data is kept for the elements whose text the gate may read.
    if (kind !== PROPERTIES && kind !== SYSTEM_ERR) this.leaf = record;
    return record;
  }

  /** The captured element has been read: nothing is captured until the next `begin`. */
  finish(): void {
    this.start = -1;
    this.leaf = -1;
  }

  /** The element of `record` (or -1) ends. */
  closeRecord(record: number): void {
    if (record !== -1) this.records[record + R_PIECES_END] = this.pieces.length;
    this.leaf = -1;
  }

  /** Text [from, to) inside the capture. */
  text(from: number, to: number): void {
    this.cutLong(from, to, true);
    if (this.leaf !== -1) this.pieces.push(TEXT, from, to);
  }

  /** The content [from, to) of a CDATA section inside the capture. */
  cdata(from: number, to: number): void {
    this.cutLong(from, to, false);
    if (this.leaf !== -1) this.pieces.push(CDATA, from, to);
  }

  /** A run [from, to) that fast-xml-parser would read in full (a comment, text, CDATA): a long one is cut. */
  cutLong(from: number, to: number, safe: boolean): void {
    if (to - from <= MAX_CAPTURED_TEXT) return;
    this.cuts.push(cutPoint(this.xml.text, from, to, safe), to);
  }

  /**
   * Whether fast-xml-parser reads the captured element: it holds an element or shape the scan does not
   * read itself (suite properties count as holding elements from their start).
   */
  goesToParser(): boolean {
    return this.complex && this.hasChild;
  }

  /** The capture's text up to `end`, without the long runs cut out of it, for fast-xml-parser. */
  chunk(end: number): string {
    return withoutCuts(this.xml.text, this.start, end, this.cuts);
  }

  /** The window let go of its first `drop` characters: every range kept moves with it (-1 marks an absent one). */
  moveBy(drop: number): void {
    if (this.start === -1) return;
    this.start -= drop;
    const move = (a: number[] | Int32Array, from = 0, step = 1): void => {
      for (let k = from; k < a.length; k += step) if (a[k] !== -1) a[k]! -= drop;
    };
    move(this.cuts);
    move(this.valueStart);
    move(this.valueEnd);
    move(this.requirementAttrs);
    move(this.otherAttrs);
    for (let r = 0; r < this.records.length; r += R_SIZE) {
      for (const f of [R_A_START, R_A_END, R_B_START, R_B_END]) if (this.records[r + f] !== -1) this.records[r + f]! -= drop;
    }
    move(this.pieces, 1, 3);
    move(this.pieces, 2, 3);
  }

  /**
   * A value from the text, decoded. Inside a test case with elements, and inside suite properties, line
   * breaks are normalised as fast-xml-parser does (CR LF and CR become LF), as they always were there.
   */
  valueOf(start: number, end: number, normalise: boolean): string {
    let raw = this.xml.text.slice(start, end);
    if (normalise && raw.includes('\r')) raw = raw.replace(LINE_BREAKS, '\n');
    return decodeEntities(raw);
  }

  /** Value of the captured case's attribute in `slot`, or undefined. */
  caseValue(slot: number, normalise: boolean): string | undefined {
    const s = this.valueStart[slot]!;
    if (s === -1) return undefined;
    const e = this.valueEnd[slot]!;
    if (this.valuePlain[slot] === 0) return this.valueOf(s, e, normalise);
    const raw = this.xml.text.slice(s, e);
    return normalise && raw.includes('\r') ? raw.replace(LINE_BREAKS, '\n') : raw;
  }

  /** The captured case's time in seconds, 0 when absent or not a positive number. */
  caseTime(normalise: boolean): number {
    const s = this.valueStart[A_TIME]!;
    if (s === -1) return 0;
    // The usual form, digits with a decimal point, read in place: the same number as parseFloat gives
    // (both integers are exact, and their quotient is rounded once).
    const text = this.xml.text;
    const e = this.valueEnd[A_TIME]!;
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
  recordText(record: number): string {
    const text = this.xml.text;
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

  /** The attribute value of a record in [R_A_START, R_A_END) or [R_B_START, R_B_END), decoded, or undefined. */
  recordValue(record: number, startField: number, normalise: boolean): string | undefined {
    const s = this.records[record + startField]!;
    return s === -1 ? undefined : this.valueOf(s, this.records[record + startField + 1]!, normalise);
  }

  /**
   * Whether the text of a record may start with "unique-id" (the JUnit Platform header): it does not
   * when its first character other than white space is plain text other than "u".
   */
  mayStartWithHeader(record: number): boolean {
    const text = this.xml.text;
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
