/** Small, strict helpers for XML character data, shared by the report scanner. */

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Control characters XML 1.0 forbids anywhere in a document, even inside CDATA and comments. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Offset of the first character XML 1.0 forbids, or -1. */
export function findForbiddenChar(text: string): number {
  // The two non-characters are searched for on their own: faster than one class with all of them.
  const m = FORBIDDEN_CONTROL.exec(text);
  let at = m === null ? -1 : m.index;
  for (const c of ['\ufffe', '\uffff']) {
    const i = text.indexOf(c);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  return at;
}

/** Whether a code point may appear in an XML 1.0 document. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Checks the reference that starts at the `&` at `amp` and must end before `to`: returns the offset just
 * past its `;`, or why it is not a well-formed reference to a predefined entity or an allowed character.
 */
export function checkReference(text: string, amp: number, to: number): number | string {
  const semi = indexIn(text, ';', amp, Math.min(to, amp + 13));
  if (semi === -1) return 'a bare "&" (write it as "&amp;")';
  // The five predefined entities, the common case, without cutting the name out.
  switch (semi - amp) {
    case 3:
      if (text.startsWith('lt', amp + 1) || text.startsWith('gt', amp + 1)) return semi + 1;
      break;
    case 4:
      if (text.startsWith('amp', amp + 1)) return semi + 1;
      break;
    case 5:
      if (text.startsWith('quot', amp + 1) || text.startsWith('apos', amp + 1)) return semi + 1;
      break;
  }
  const ref = text.slice(amp + 1, semi);
  if (ref.startsWith('#')) {
    const cp = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    if (Number.isNaN(cp)) return `a malformed character reference "&${ref};"`;
    if (!isXmlChar(cp)) return `the character reference "&${ref};" names a character XML 1.0 does not allow`;
  } else if (!Object.hasOwn(XML_ENTITIES, ref)) {
    return `the entity "&${ref};" is not defined (a report may use only &lt; &gt; &amp; &quot; &apos;)`;
  }
  return semi + 1;
}

/** Offset of `c` in `text[from, to)`, or -1; the search never runs past `to`. */
function indexIn(text: string, c: string, from: number, to: number): number {
  const code = c.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Replaces the predefined entities and character references (input already checked by checkReference). */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi === -1) break;
    const decoded = referenceValue(raw, amp + 1, semi);
    if (decoded === undefined) {
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    out += raw.slice(last, amp) + decoded;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return last === 0 ? raw : out + raw.slice(last);
}

/** What the reference named by `raw[from, to)` (between "&" and ";") stands for, or undefined. */
function referenceValue(raw: string, from: number, to: number): string | undefined {
  switch (to - from) {
    case 2:
      if (raw.startsWith('lt', from)) return '<';
      if (raw.startsWith('gt', from)) return '>';
      break;
    case 3:
      if (raw.startsWith('amp', from)) return '&';
      break;
    case 4:
      if (raw.startsWith('quot', from)) return '"';
      if (raw.startsWith('apos', from)) return "'";
      break;
  }
  const ref = raw.slice(from, to);
  if (/^#x[0-9a-fA-F]+$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
  if (/^#[0-9]+$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(1), 10));
  return undefined;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  return 1 + lineBreaksBefore(text, offset);
}

/** How many line breaks (LF) stand before `offset`: in the whole text when no offset is given. */
export function lineBreaksBefore(text: string, offset = text.length): number {
  return lineBreaksBetween(text, 0, offset);
}

/** Line breaks in [from, to) of the text. */
export function lineBreaksBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * A copy of a string that does not keep the text it was cut from alive. V8 represents a substring of
 * 13 or more characters as a view into its parent, so a test name kept after parsing would hold the
 * whole report in memory. decodeURIComponent builds a new flat string, and one of one byte per
 * character whenever every character fits, even when the report's text takes two (a report with one
 * "≤" in it): half the memory of a copy made by concatenation. A string without "%" decodes to itself.
 */
export function detach(s: string): string {
  if (s.length < 13) return s;
  return s.includes('%') ? ` ${s}`.slice(1) : decodeURIComponent(s);
}
