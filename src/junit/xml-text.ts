/** Small, strict helpers for XML character data, shared by the report scanner. */

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Characters XML 1.0 forbids anywhere in a document, even inside CDATA and comments. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Offset of the first character XML 1.0 forbids, or -1. */
export function findForbiddenChar(text: string): number {
  const m = FORBIDDEN_CHAR.exec(text);
  return m === null ? -1 : m.index;
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
 * Checks every `&` in `text[from, to)` starts a well-formed reference to a predefined entity or an
 * allowed character. Returns the offset of the first bad `&` and why, or undefined.
 */
export function findBadReference(text: string, from: number, to: number): { at: number; why: string } | undefined {
  // Search only the segment: an indexOf over the whole text from each segment would be quadratic.
  let amp = indexIn(text, '&', from, to);
  while (amp !== -1) {
    const semi = indexIn(text, ';', amp, Math.min(to, amp + 13));
    if (semi === -1) {
      return { at: amp, why: 'a bare "&" (write it as "&amp;")' };
    }
    const ref = text.slice(amp + 1, semi);
    if (ref.startsWith('#')) {
      const cp = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (Number.isNaN(cp)) return { at: amp, why: `a malformed character reference "&${ref};"` };
      if (!isXmlChar(cp)) {
        return { at: amp, why: `the character reference "&${ref};" names a character XML 1.0 does not allow` };
      }
    } else if (!(ref in XML_ENTITIES)) {
      return { at: amp, why: `the entity "&${ref};" is not defined (a report may use only &lt; &gt; &amp; &quot; &apos;)` };
    }
    amp = indexIn(text, '&', semi + 1, to);
  }
  return undefined;
}

/** Offset of `c` in `text[from, to)`, or -1; the search never runs past `to`. */
export function indexIn(text: string, c: string, from: number, to: number): number {
  const code = c.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Replaces the predefined entities and character references (input already checked by findBadReference). */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return XML_ENTITIES[ref] ?? '';
  });
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  let i = text.indexOf('\n');
  while (i !== -1 && i < offset) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}

/**
 * A copy of a string that does not keep the text it was cut from alive. V8 represents a substring of
 * 13 or more characters as a view into its parent, so a test name kept after parsing would hold the
 * whole report in memory; the concatenation is flattened into a new string of the name's own size.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
