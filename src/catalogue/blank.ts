/**
 * White space and invisible characters in list cells. JavaScript's `trim()` and `\s` miss U+0085
 * NEXT LINE (Unicode White_Space) and the invisible format characters (Unicode category Cf, such as
 * U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF and the bidirectional controls), so a cell
 * holding only them would look empty to a reviewer but read as text. Here both count as blank.
 *
 * Pure.
 */

/**
 * One blank character: Unicode White_Space, an invisible format character (Cf), or another code point
 * a renderer skips (Default_Ignorable_Code_Point: variation selectors, Hangul fillers, U+034F).
 */
const BLANK = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const RUNS = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]+/gu;

/** Whether the code point is blank; ASCII is decided without a regular expression. */
function isBlankCode(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return BLANK.test(String.fromCodePoint(code));
}

/** `text` without blank characters at either end (a scan, not a regular expression: linear on any text). */
export function trimBlank(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end) {
    const code = text.codePointAt(start) ?? 0;
    if (!isBlankCode(code)) break;
    start += code > 0xffff ? 2 : 1;
  }
  while (end > start) {
    const low = text.charCodeAt(end - 1);
    const astral = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && (text.charCodeAt(end - 2) & 0xfc00) === 0xd800;
    const code = astral ? (text.codePointAt(end - 2) ?? 0) : low;
    if (!isBlankCode(code)) break;
    end -= astral ? 2 : 1;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Whether `text` holds a blank character anywhere. */
export function hasBlank(text: string): boolean {
  return BLANK.test(text);
}

/** `text` trimmed, every run of blank characters inside it made one space. */
export function collapseBlank(text: string): string {
  return trimBlank(text).replace(RUNS, ' ');
}

/**
 * What blank characters `text` holds, for a message: `whitespace` when they are all ASCII (space,
 * tab, line breaks), else the first other one by its code point, `an invisible or white-space
 * character (U+200B)`.
 */
export function blankName(text: string): string {
  for (const char of text) {
    if (char > '\u007f' && BLANK.test(char)) {
      const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      return `an invisible or white-space character (${code})`;
    }
  }
  return 'whitespace';
}
