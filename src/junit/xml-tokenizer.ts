/**
 * A strict XML 1.0 tokenizer over a text fed in pieces. It checks what XML requires (characters,
 * references, names, quoting, nesting, one root, no DTD) and hands back one item at a time as offsets
 * into a window of the text, never as substrings: the reader around it decides what to cut out.
 */
import { UserError } from '../errors.js';
import { MAX_DEPTH } from './limits.js';
import { checkReference, findForbiddenChar, lineAt, lineBreaksBefore, lineBreaksBetween } from './xml-text.js';

// What `next` found. The item lies in [start, end) of the window; for a tag, `start` is its `<`.
/** The item at hand runs past the text fed so far: feed more (or close), then call `next` again. */
export const MORE = 0;
/** The whole text is read. */
export const DONE = 1;
/** Character data inside the root, references checked; [start, end) is the text. */
export const TEXT = 2;
/** A CDATA section; [start, end - 3) is its content. */
export const CDATA = 3;
/** A comment; [start, end - 3) is its content. */
export const COMMENT = 4;
/** A processing instruction. */
export const INSTRUCTION = 5;
/** A start tag (see `nameEnd`, `selfClosing`, the attribute ranges), its element opened; `level` is its depth. */
export const START_TAG = 6;
/** An end tag, matched with its start tag; `level` is the depth of the element it closes. */
export const END_TAG = 7;

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

/**
 * Reads the items of a text fed in pieces (`feed`, then `close`), holding only a window of it: from
 * the first item not yet read, or from an earlier offset its reader keeps. Offsets are relative to the
 * window; `base` is where the window starts in the whole text. Fields are read in place by the reader
 * (no accessor per attribute on the hot path).
 */
export class XmlTokenizer {
  text = '';
  n = 0;
  /** Characters of the text before the window, and the line breaks among them. */
  base = 0;
  private linesBefore = 0;
  /**
   * The last offset of the window whose line was counted, and its line breaks: lines are asked for
   * in the order of the text, so each is counted on from the last, not from the window's start (a
   * report read whole is one window, and counting from its start made reading it quadratic).
   */
  private countedTo = 0;
  private countedBreaks = 0;
  /** Where the tokenizer stands in the window. */
  pos = 0;
  /** Whether the whole text has been fed. */
  final = false;
  /** Whether any markup has been read: a text of white space only is an empty file. */
  sawContent = false;
  /** Whether any markup has been read before the item at hand (for the place of the XML declaration). */
  private sawMarkup = false;
  rootClosed = false;

  // The item just read.
  start = 0;
  end = 0;
  level = 0;

  // Open elements: offset of `<` in the whole text, line of it once the window has moved past it
  // (else 0), name.
  depth = 0;
  private readonly openStart: number[] = [];
  private readonly openLine: number[] = [];
  private readonly openNames: string[] = [];

  // The start tag just read.
  nameEnd = 0;
  selfClosing = false;
  attrCount = 0;
  readonly attrNameStart: number[] = [];
  readonly attrNameEnd: number[] = [];
  readonly attrValueStart: number[] = [];
  readonly attrValueEnd: number[] = [];
  /** 1 when the value holds no reference (it reads as written), else 0. */
  readonly attrPlain: number[] = [];

  // Next `&` and `<` found by a search from `ampFrom` / `ltFrom` (n when none): every search starts
  // past the previous one, so the text is searched once for each, whatever the number of segments.
  private ampFrom = -1;
  private ampAt = -1;
  private ltFrom = -1;
  private ltAt = -1;

  constructor(readonly file: string) {}

  /** Line of the window's offset `at` in the whole text. */
  lineOf(at: number): number {
    if (at < this.countedTo) return this.linesBefore + lineAt(this.text, at);
    this.countedBreaks += lineBreaksBetween(this.text, this.countedTo, at);
    this.countedTo = at;
    return this.linesBefore + 1 + this.countedBreaks;
  }

  fail(at: number, message: string): never {
    throw new UserError(message, { file: this.file, line: this.lineOf(at) });
  }

  /** Characters fed and not yet read: the next piece should be at least as long, so that no item is scanned over and over. */
  get pending(): number {
    return this.n - this.pos;
  }

  /**
   * Adds the next piece of the text. The window lets go of what comes before the item at hand and
   * before `keepFrom` (-1 for none); returns how many characters it let go, by which the reader's
   * offsets move.
   */
  feed(piece: string, keepFrom: number): number {
    const forbidden = findForbiddenChar(piece);
    const drop = keepFrom === -1 ? this.pos : Math.min(this.pos, keepFrom);
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
    return drop;
  }

  /** The text has all been fed. */
  close(): void {
    this.final = true;
  }

  /** Name of the open element at `index` of the stack. */
  openName(index: number): string {
    return this.openNames[index]!;
  }

  /** Line of the open element at `index` of the stack. */
  openLineOf(index: number): number {
    const line = this.openLine[index]!;
    return line !== 0 ? line : this.lineOf(this.openStart[index]! - this.base);
  }

  /** Refuses a text that ends inside an element or before its root: call once the whole text is read. */
  checkComplete(): void {
    if (this.depth > 0) {
      const open = this.depth - 1;
      this.fail(this.n, `the file ends before <${this.openNames[open]!}> (opened at line ${this.openLineOf(open)}) is closed: the report is truncated`);
    }
    if (!this.rootClosed) this.fail(this.n, 'the file ends before its root element: the report is truncated, or it is not a test report');
  }

  private moveWindow(drop: number): void {
    const newBase = this.base + drop;
    for (let k = 0; k < this.depth; k++) {
      if (this.openLine[k] === 0 && this.openStart[k]! < newBase) this.openLine[k] = this.lineOf(this.openStart[k]! - this.base);
    }
    this.linesBefore += lineBreaksBefore(this.text, drop);
    this.countedTo = 0;
    this.countedBreaks = 0;
    this.base = newBase;
    this.text = this.text.slice(drop);
    this.n = this.text.length;
    this.pos -= drop;
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

  /** The item at `at` runs past the text fed so far: MORE, or, once all is fed, the file is cut short. */
  private truncated(at: number, message: string): number {
    if (!this.final) return MORE;
    return this.fail(at, message);
  }

  /** Reads the next item from `pos`; at an item not all fed yet, returns MORE and stays at its start. */
  next(): number {
    const text = this.text;
    const n = this.n;
    const pos = this.pos;
    const lt = this.nextLt(pos, n);
    // Text runs to the next "<": until it is fed, the text may go on.
    if (lt === -1 && !this.final) return MORE;
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) {
      this.pos = textEnd;
      if (this.depth > 0) {
        this.checkReferences(pos, textEnd, '');
        this.start = pos;
        this.end = textEnd;
        return TEXT;
      }
      WHITE_SPACE.lastIndex = pos;
      WHITE_SPACE.test(text);
      const stray = WHITE_SPACE.lastIndex;
      if (stray < textEnd) this.fail(stray, this.rootClosed ? 'text after the end of the root element' : 'this is not XML: text before the first element');
    }
    if (lt === -1) return DONE;
    // Enough of the item to tell what it is ("<![CDATA[" is the longest start).
    if (!this.final && n - lt < 9) return MORE;
    this.sawContent = true;
    this.start = lt;
    const next = text.charCodeAt(lt + 1);
    let found: number;
    if (next === 0x21 /* ! */) found = this.readMarkup(lt);
    else if (next === 0x3f /* ? */) found = this.readInstruction(lt);
    else if (next === 0x2f /* / */) found = this.readEndTag(lt);
    else found = this.readStartTag(lt);
    if (found === MORE) return MORE;
    this.sawMarkup = true;
    this.pos = this.end;
    return found;
  }

  private readInstruction(lt: number): number {
    const close = this.text.indexOf('?>', lt + 2);
    if (close === -1) return this.truncated(lt, 'malformed XML: a processing instruction is not closed with "?>"');
    if (/^<\?xml[\s?]/i.test(this.text.slice(lt, lt + 6)) && (this.depth > 0 || this.rootClosed || this.sawMarkup)) {
      this.fail(lt, 'malformed XML: the XML declaration is not at the start of the file');
    }
    this.end = close + 2;
    return INSTRUCTION;
  }

  /** Reads the comment, CDATA section or declaration at `lt`. */
  private readMarkup(lt: number): number {
    const text = this.text;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) return this.truncated(lt, 'the file ends inside a comment: the report is truncated');
      this.start = lt + 4;
      this.end = close + 3;
      return COMMENT;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail(lt, 'malformed XML: a CDATA section outside the root element');
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) return this.truncated(lt, 'the file ends inside a CDATA section: the report is truncated');
      this.start = lt + 9;
      this.end = close + 3;
      return CDATA;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      this.fail(lt, 'the report has a DOCTYPE; test reports need none, and the gate refuses document type definitions (they can read files or expand without bound)');
    }
    return this.fail(lt, 'malformed XML: unexpected "<!"');
  }

  /** Reads the end tag at `lt` and closes its element. */
  private readEndTag(lt: number): number {
    const text = this.text;
    const gt = text.indexOf('>', lt + 2);
    if (gt === -1) return this.truncated(lt, 'the file ends inside an end tag: the report is truncated');
    if (this.depth === 0) this.fail(lt, `malformed XML: the end tag </${text.slice(lt + 2, gt).trim()}> has no start tag`);
    const top = this.depth - 1;
    const open = this.openNames[top]!;
    if (gt !== lt + 2 + open.length || !text.startsWith(open, lt + 2)) {
      const name = text.slice(lt + 2, gt).trim();
      if (open !== name) this.fail(lt, `malformed XML: </${name}> closes <${open}>, which was opened at line ${this.openLineOf(top)}`);
    }
    this.depth = top;
    this.level = top;
    if (top === 0) this.rootClosed = true;
    this.end = gt + 1;
    return END_TAG;
  }

  /** Reads the start tag at `lt` and opens its element (unless it closes itself); `level` is its depth. */
  private readStartTag(lt: number): number {
    if (!this.readTag(lt)) return MORE;
    const depth = this.depth;
    if (depth === 0 && this.rootClosed) this.fail(lt, `malformed XML: a second root element <${this.tagName(lt)}> after the first one ended`);
    if (depth >= MAX_DEPTH) this.fail(lt, `elements are nested more than ${MAX_DEPTH} deep`);
    this.level = depth;
    if (!this.selfClosing) {
      this.openStart[depth] = this.base + lt;
      this.openLine[depth] = 0;
      this.openNames[depth] = this.text.slice(lt + 1, this.nameEnd);
      this.depth = depth + 1;
    } else if (depth === 0) {
      this.rootClosed = true;
    }
    return START_TAG;
  }

  /**
   * Reads `<name attr="value" ...>` at `lt`, checking what XML requires of it, into nameEnd, end,
   * selfClosing and the attribute ranges (values not decoded); false when it is not all fed yet.
   */
  private readTag(lt: number): boolean {
    const text = this.text;
    const n = this.n;
    const final = this.final;
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
      if (m === null) {
        if (!final) return false;
        this.fail(lt, 'the file ends inside a tag: the report is truncated');
      }
      const name = text.slice(lt + 1, m.index);
      if (!VALID_NAME.test(name)) this.fail(lt, `malformed XML: "<${name.slice(0, 40)}" is not a valid tag`);
      i = m.index;
    }
    this.nameEnd = i;
    let count = 0;
    let names: Set<string> | undefined;
    for (;;) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) return this.tagTruncated(lt, lt);
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        this.end = i + 1;
        this.selfClosing = false;
        break;
      }
      if (c === 0x2f /* / */) {
        if (i + 1 >= n) return this.tagTruncated(lt, lt);
        if (text.charCodeAt(i + 1) !== 0x3e) this.fail(i, `malformed XML: "/" inside the tag <${this.tagName(lt)}>`);
        this.end = i + 2;
        this.selfClosing = true;
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
        if (eq === -1) return this.tagTruncated(i, lt);
        const raw = text.slice(i, eq);
        const attr = raw.trim();
        if (!VALID_NAME.test(attr)) this.fail(i, `malformed XML: "${attr.slice(0, 40)}" in the tag <${this.tagName(lt)}> is not an attribute name`);
        nameStart = i + raw.length - raw.trimStart().length;
        nameEnd = nameStart + attr.length;
      }
      let q = eq + 1;
      while (q < n && isSpace(text.charCodeAt(q))) q++;
      if (q >= n) return this.tagTruncated(lt, lt);
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) {
        this.fail(q, `malformed XML: the value of attribute "${text.slice(nameStart, nameEnd)}" in <${this.tagName(lt)}> is not quoted`);
      }
      const close = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close === -1) {
        if (!final) return false;
        this.fail(q, `the file ends inside the value of attribute "${text.slice(nameStart, nameEnd)}": the report is truncated`);
      }
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
    return true;
  }

  /** The tag opened at `lt` runs past the text fed so far, at `at`: false, or, once all is fed, the file is cut short. */
  private tagTruncated(at: number, lt: number): boolean {
    if (!this.final) return false;
    return this.fail(at, `the file ends inside the tag <${this.tagName(lt)}>: the report is truncated`);
  }

  /** Name of the tag at `lt`, once its name is read. */
  tagName(lt: number): string {
    return this.text.slice(lt + 1, this.nameEnd);
  }

  /** The names of the attributes of the tag just read, in order. */
  attributeNames(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.attrCount; k++) out.push(this.text.slice(this.attrNameStart[k], this.attrNameEnd[k]));
    return out;
  }
}

/** Whether `text[a, a + length)` and `text[b, b + length)` are the same. */
export function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
