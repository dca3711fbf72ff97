/**
 * Finds the pipe tables of a Markdown file (GitHub Flavored Markdown, read with `marked`) and returns
 * their header names and cells as plain text, with the line of every row.
 *
 * `marked` lexes in two steps: the blocks (headings, code, quotes, lists, tables), then the inline
 * Markdown in each of them. Here the first step is run on the whole file (`Lexer.blockTokens`, which
 * gives each table token with its header, its rows split into cells and its `raw` text) and the
 * second on the table cells alone, and only on those that hold a character with which inline Markdown
 * can begin (see `INLINE_MARKDOWN`): every other cell is plain text already. In a list of thousands of
 * rows the inline step, meant to render HTML, took most of the time;
 * `__tests__/catalogue/markdown-table.test.ts` checks that the result is the same as with `marked`'s
 * whole lexer. Only `marked`'s public API is used: the tokens, and the positions computed from their
 * `raw` text.
 *
 * Pure: takes the file's name and text, returns data or throws user errors.
 */
import { Lexer, getDefaults, type Token, type Tokens } from 'marked';
import { UserError, UserErrors } from '../errors.js';
import type { RawCell, RawTable, TableReader } from './table-format.js';

/**
 * Every table of the file in document order, including tables inside block quotes and lists. A cell
 * with `<br>` line breaks is given as its lines; U+2028 and U+2029 read as spaces. Throws a
 * `UserError` when the file has no table.
 */
export function readMarkdownTables(file: string, text: string): RawTable[] {
  // Only \n, \r\n and \r end a line, for GitHub (CommonMark) as for the line numbers here. U+2028
  // LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (pasted from a word processor) do not, but
  // `marked` ends a table row at them, and every row from there on would be lost: they become a
  // space, one character for one, so the lines stay where they are.
  const source = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, ' ');
  const cells = new CellReader(file);
  // Markdown has no syntax errors: marked reads any text, so whatever it throws is a bug.
  const tokens: Token[] = cells.lexer.blockTokens(source, []);
  const lines = source.split('\n');
  const tables = findTables(source, lines, tokens).map(({ token, line }): RawTable => ({
    line,
    headers: token.header.map((cell) => cells.lines(cell.text).join(' ')),
    rows: token.rows.map((row, i) => ({ line: line + 2 + i, cells: row.map((cell) => cells.cell(cell.text)) })),
    itemSeparator: ' ',
    problems: overflowRows(token).map(
      ({ row, cells: count }) =>
        new UserError(
          `the row has ${count} cells but the header has ${token.header.length}: GitHub does not show the cells past the header's, ` +
            'and they are not read; add the missing columns to the header, or write a | inside a cell as \\|',
          { file, line: line + 2 + row },
        ),
    ),
  }));
  const stray = strayLines(lines, tables);
  if (stray.length > 0) {
    throw new UserErrors(
      stray.map(({ line, html }) =>
        html
          ? new UserError('an HTML table is not read as a list; write the list as a Markdown pipe table', { file, line })
          : new UserError(
              'this line looks like a table row but stands outside any table (a blank line ends a Markdown table, and a table ' +
                'starts with a header row and a delimiter row such as "|---|---|"); join it to its table or remove it, or write a | that is ' +
                'text as \\|',
              { file, line },
            ),
      ),
    );
  }
  if (tables.length === 0) {
    throw new UserError(
      `no table found; write the list as a Markdown pipe table with a header row such as "| ID | Title |", ` +
        `a delimiter row "|---|---|" and one row per entry`,
      { file },
    );
  }
  return tables;
}

/** The reader of Markdown lists, for `read-table.ts`. */
export const markdownTableReader = { format: 'markdown', read: readMarkdownTables } as const satisfies TableReader;

/** A body row (0-based) with cells past the header's width that are not blank, and how many cells it has. */
interface Overflow {
  readonly row: number;
  readonly cells: number;
}

/**
 * The body rows with more cells than the header. `marked` drops the cells past the header's width
 * from `rows`, but they must be refused, not lost: they are found in the table's `raw` text, which is
 * the header row, the delimiter row, then one line for each of `rows`. Most rows fit, and are only
 * counted (see `cellCount`); only a row that does not is split again.
 */
function overflowRows(token: Tokens.Table): Overflow[] {
  const { raw } = token;
  const width = token.header.length;
  const overflow: Overflow[] = [];
  const cut: string[] = [];
  let start = raw.indexOf('\n', raw.indexOf('\n') + 1) + 1;
  for (let row = 0; row < token.rows.length; row++) {
    const newline = raw.indexOf('\n', start);
    const stop = newline >= 0 ? newline : raw.length;
    if (cellCount(raw, start, stop) > width) {
      splitRow(raw, width, start, stop, cut);
      if (cut.some((cell) => /\S/.test(cell))) overflow.push({ row, cells: width + cut.length });
      cut.length = 0;
    }
    start = stop + 1;
  }
  return overflow;
}

/** How many cells `splitRow` finds in the row from `start` to `end`, before it fits them to the header's width. */
function cellCount(text: string, start: number, end: number): number {
  const escapes = hasBackslash(text, start, end);
  let cells = 1;
  let first = -1;
  let last = -1;
  for (let bar = text.indexOf('|', start); bar >= 0 && bar < end; bar = text.indexOf('|', bar + 1)) {
    if (escapes && escaped(text, bar, start)) continue;
    if (first < 0) first = bar;
    last = bar;
    cells++;
  }
  if (first < 0) return 1;
  if (text.slice(start, first).trim() === '') cells--;
  if (text.slice(last + 1, end).trim() === '') cells--;
  return cells;
}

/**
 * The cells of a table's body row (`text` from `start` to `end`), split as `marked` splits them
 * (GitHub's rule): at every `|` that an odd number of backslashes does not escape; without the text
 * before a leading and after a trailing `|` when it is blank; as many cells as the header has
 * (`width`), cut or filled with empty ones; each trimmed, with `\|` read as `|`. The cells cut off
 * are added to `cut`, when given.
 */
export function splitRow(text: string, width: number, start = 0, end = text.length, cut?: string[]): string[] {
  const escapes = hasBackslash(text, start, end);
  const cells: string[] = [];
  let from = start;
  for (let bar = text.indexOf('|', start); bar >= 0 && bar < end; bar = text.indexOf('|', bar + 1)) {
    if (escapes && escaped(text, bar, start)) continue;
    cells.push(trimmed(text, from, bar));
    from = bar + 1;
  }
  cells.push(trimmed(text, from, end));
  if (cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  if (cells.length > width) {
    if (cut !== undefined) for (let i = width; i < cells.length; i++) cut.push(cells[i] as string);
    cells.length = width;
  }
  while (cells.length < width) cells.push('');
  if (escapes) for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as string).replace(/\\\|/g, '|');
  return cells;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x5c) return true;
  return false;
}

/** Whether an odd number of backslashes, after `start`, stands before `at`. */
function escaped(text: string, at: number, start: number): boolean {
  let backslashes = 0;
  while (at - backslashes > start && text.charCodeAt(at - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/** `text.slice(start, end).trim()`, without the second string when spaces are all there is to trim. */
function trimmed(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && text.charCodeAt(from) === 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  const cell = text.slice(from, to);
  return cell !== '' && (mayBeSpace(cell.charCodeAt(0)) || mayBeSpace(cell.charCodeAt(cell.length - 1))) ? cell.trim() : cell;
}

/** Whether the character may be white space: printable ASCII (`!` to `~`) is not. */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code >= 0x7f;
}

/**
 * The characters that can begin inline Markdown in a table cell, and `www.`: escapes, HTML and
 * autolinks (`<`), links and images, emphasis, code spans, strikethrough, and GitHub's extended
 * autolinks (`www.`, `https://`, `user@host`). The inline lexer of `marked` gives a cell without any
 * of them as one text token holding the cell's text: a cell never holds a line break, which would end
 * its row. `>`, `!` and `]` begin nothing on their own but are listed too: when in doubt, the cell is
 * lexed.
 */
const INLINE_MARKDOWN = /[\\<>![\]`*_~@:]|www\./i;

/**
 * What makes the text of a cell differ from what it reads as: inline Markdown (see `INLINE_MARKDOWN`),
 * an entity (`&amp;`), or white space other than single spaces (a cell is trimmed).
 */
const NOT_PLAIN = /[\\<>![\]`*_~@:&]|www\.|[^\S ]| {2}/i;

/** Reads the text of table cells as the inline lexer of `marked` gives it, lexing only the cells that need it. */
class CellReader {
  readonly lexer = new Lexer({ ...getDefaults(), gfm: true });

  constructor(private readonly file: string) {}

  /** A cell's text, or its lines when `<br>` breaks it. */
  cell(text: string): RawCell {
    if (!NOT_PLAIN.test(text)) return text;
    const lines = this.lines(text);
    return lines.length === 1 ? (lines[0] as string) : lines;
  }

  /** The lines of a cell's text: see `cellLines`. */
  lines(text: string): string[] {
    return INLINE_MARKDOWN.test(text) ? cellLines(this.tokens(text)) : textLines(decodeEntities(text));
  }

  /** The inline tokens of a cell's text, read with the links the file defines (`[name]: url`). */
  private tokens(text: string): Token[] {
    return this.lexer.inlineTokens(text);
  }
}

/**
 * Lines outside every table, code block and HTML comment that hold a table's pipe (`|` neither escaped
 * nor in a code span): rows cut off from their table by a blank line, rows of a table written without
 * leading pipes, a one-cell row `| SRS-003 |`, rows whose table lost its delimiter row. GitHub shows
 * them as a paragraph, and they would otherwise be lost. And lines that open an HTML table, which is
 * not read either. Commented-out text (`<!-- ... -->`, as CommonMark ends an HTML comment block) is
 * not content: GitHub does not show it.
 */
function strayLines(lines: readonly string[], tables: readonly RawTable[]): { line: number; html: boolean }[] {
  const inTable = new Uint8Array(lines.length + 1); // by 1-based line
  for (const t of tables) inTable.fill(1, t.line, t.line + 2 + t.rows.length);
  const out: { line: number; html: boolean }[] = [];
  const check = (text: string, line: number): void => {
    const code = withoutCodeSpans(text);
    if (/<table\b/i.test(code)) out.push({ line, html: true });
    else if (hasPipe(code)) out.push({ line, html: false });
  };
  let fence: string | undefined;
  let comment = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (comment) {
      const close = line.indexOf('-->');
      if (close < 0) return;
      comment = false;
      check(line.slice(close + 3), i + 1);
      return;
    }
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence !== undefined || inTable[i + 1] === 1) return;
    const open = /^(?:>[ \t]*)*<!--/.exec(line);
    if (open !== null) {
      const close = line.indexOf('-->', open[0].length);
      if (close < 0) comment = true;
      else check(line.slice(close + 3), i + 1);
      return;
    }
    check(line, i + 1);
  });
  return out;
}

/**
 * `text` without its code spans (`` `a | b` ``), in which a pipe is text: a run of backticks opens a
 * span that the next run of the same length closes; one that nothing closes is text. Linear in the
 * length of the line (a line of a pull request's list may be long): every run is looked at once.
 */
function withoutCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  const runs: { readonly start: number; readonly end: number }[] = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    const start = i;
    while (i < text.length && text.charCodeAt(i) === 0x60) i++;
    runs.push({ start, end: i });
  }
  // The runs of each length, in order, and how far each list has been used.
  const ofLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const length = run.end - run.start;
    const list = ofLength.get(length);
    if (list === undefined) ofLength.set(length, [k]);
    else list.push(k);
  });
  const used = new Map<number, number>();
  let out = '';
  let from = 0;
  for (let k = 0; k < runs.length; k++) {
    const open = runs[k] as { start: number; end: number };
    const length = open.end - open.start;
    const list = ofLength.get(length) ?? [];
    let next = used.get(length) ?? 0;
    while (next < list.length && (list[next] as number) <= k) next++;
    used.set(length, next);
    const closing = list[next];
    if (closing === undefined) continue;
    out += text.slice(from, open.start);
    from = (runs[closing] as { end: number }).end;
    k = closing;
  }
  return out + text.slice(from);
}

/** Whether `text` holds a `|` that no backslash escapes. */
function hasPipe(text: string): boolean {
  for (let bar = text.indexOf('|'); bar >= 0; bar = text.indexOf('|', bar + 1)) if (!escaped(text, bar, 0)) return true;
  return false;
}

interface FoundTable {
  readonly token: Tokens.Table;
  readonly line: number;
}

/** Every table in document order, with the 1-based line of its header row. */
function findTables(source: string, lines: readonly string[], tokens: readonly Token[]): FoundTable[] {
  const found: FoundTable[] = [];
  let offset = 0;
  let counted = 0;
  let line = 0; // 0-based line of `counted`
  for (const token of tokens) {
    const at = source.indexOf(token.raw, offset);
    const start = at >= 0 ? at : offset;
    for (; counted < start; counted++) if (source.charCodeAt(counted) === 10) line++;
    if (token.type === 'table' && at >= 0 && (at === 0 || source.charCodeAt(at - 1) === 10)) {
      // A table outside quotes and lists stands in the file as it is in `raw`: from the line it starts on.
      found.push({ token: token as Tokens.Table, line: line + 1 });
    } else {
      let cursor = line;
      for (const table of tablesIn(token)) {
        const index = locate(lines, table.raw, cursor);
        found.push({ token: table, line: index + 1 });
        cursor = index + 1;
      }
    }
    offset = at >= 0 ? at + token.raw.length : offset;
  }
  return found;
}

function tablesIn(token: Token): Tokens.Table[] {
  if (token.type === 'table') return [token as Tokens.Table];
  const children: Token[] = [];
  if ('items' in token && Array.isArray(token.items)) children.push(...(token.items as Token[]));
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...(token.tokens as Token[]));
  return children.flatMap(tablesIn);
}

/**
 * 0-based index of the source line where the table's raw text starts, at or after `from`. A table
 * nested in a block quote or list item has its `> ` or indentation removed in `raw`, so each source
 * line is matched by its ending.
 */
function locate(lines: readonly string[], raw: string, from: number): number {
  const rawLines = raw.replace(/\n+$/, '').split('\n').map((l) => l.trim());
  for (let i = from; i + rawLines.length <= lines.length; i++) {
    if (rawLines.every((r, k) => (lines[i + k] ?? '').trimEnd().endsWith(r))) return i;
  }
  return from;
}

/**
 * Plain text of inline Markdown, emphasis, code, links and escapes reduced to their text, split at
 * `<br>`: each line with its whitespace collapsed, blank lines dropped; `['']` for an empty cell.
 */
export function cellLines(tokens: readonly Token[] | undefined): string[] {
  return textLines(inline(tokens ?? []));
}

/** `text` split at line breaks, each line with its whitespace collapsed, blank lines dropped; `['']` when none is left. */
function textLines(text: string): string[] {
  if (!text.includes('\n')) return [text.replace(/\s+/g, ' ').trim()];
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return lines.length === 0 ? [''] : lines;
}

function inline(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0
          ? inline(token.tokens as Token[])
          : decodeEntities(String(token.text ?? ''));
        break;
      case 'escape':
      case 'codespan':
        out += String(token.text ?? '');
        break;
      case 'image':
        out += String(token.text ?? '');
        break;
      case 'br':
        out += '\n';
        break;
      case 'html':
        out += /^<br\s*\/?>$/i.test(String(token.raw).trim()) ? '\n' : '';
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) out += inline(token.tokens as Token[]);
        else if ('text' in token && typeof token.text === 'string') out += token.text;
    }
  }
  return out;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
