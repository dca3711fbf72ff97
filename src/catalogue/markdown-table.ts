/**
 * Finds the pipe tables of a Markdown file (GitHub Flavored Markdown, read with `marked`) and returns
 * their header names and cells as plain text, with the line of every row.
 *
 * Pure: takes the file's name and text, returns data or throws user errors.
 */
import { Lexer, getDefaults, type Token, type Tokens } from 'marked';
import { UserError, UserErrors } from '../errors.js';
import type { RawCell, RawTable } from './read-table.js';

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
  let tokens: Token[];
  try {
    tokens = Lexer.lex(source, { ...getDefaults(), gfm: true });
  } catch (e) {
    throw new UserError(`cannot read the Markdown: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const tables = findTables(source, tokens).map(({ token, line }): RawTable => ({
    line,
    headers: token.header.map((cell) => cellLines(cell.tokens).join(' ')),
    rows: token.rows.map((cells, i) => ({ line: line + 2 + i, cells: cells.map((cell) => cellOf(cell.tokens)) })),
    itemSeparator: ' ',
    problems: [],
  }));
  const stray = strayRows(source, tables);
  if (stray.length > 0) {
    throw new UserErrors(
      stray.map(
        (line) => new UserError('this line looks like a table row but stands outside any table (a blank line ends a Markdown table); join it to its table or remove it', { file, line }),
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

/**
 * Lines shaped like table rows (`| a | b |`) outside every table and code block: rows cut off from
 * their table by a blank line, which GitHub shows as a paragraph and which would otherwise be lost.
 */
function strayRows(source: string, tables: readonly RawTable[]): number[] {
  const inTable = new Set<number>();
  for (const t of tables) for (let l = t.line; l <= t.line + 1 + t.rows.length; l++) inTable.add(l);
  const out: number[] = [];
  let fence: string | undefined;
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence === undefined && !inTable.has(i + 1) && /^\|.*\|.*\|$/.test(line)) out.push(i + 1);
  });
  return out;
}

interface FoundTable {
  readonly token: Tokens.Table;
  readonly line: number;
}

/** Every table in document order, with the 1-based line of its header row. */
function findTables(source: string, tokens: readonly Token[]): FoundTable[] {
  const lines = source.split('\n');
  const found: FoundTable[] = [];
  let offset = 0;
  let counted = 0;
  let line = 0; // 0-based line of `counted`
  for (const token of tokens) {
    const at = source.indexOf(token.raw, offset);
    const start = at >= 0 ? at : offset;
    for (; counted < start; counted++) if (source.charCodeAt(counted) === 10) line++;
    let cursor = line;
    for (const table of tablesIn(token)) {
      const index = locate(lines, table.raw, cursor);
      found.push({ token: table, line: index + 1 });
      cursor = index + 1;
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

/** A cell's text, or its lines when `<br>` breaks it. */
function cellOf(tokens: readonly Token[] | undefined): RawCell {
  const lines = cellLines(tokens);
  return lines.length === 1 ? (lines[0] as string) : lines;
}

/**
 * Plain text of inline Markdown, emphasis, code, links and escapes reduced to their text, split at
 * `<br>`: each line with its whitespace collapsed, blank lines dropped; `['']` for an empty cell.
 */
function cellLines(tokens: readonly Token[] | undefined): string[] {
  const lines = inline(tokens ?? [])
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
