/**
 * Reads a list (requirements, anomalies, ...) kept as a table in Markdown, CSV, YAML or JSON,
 * and returns its rows with the line each row stands on.
 *
 * Pure: takes the file's name and text, returns data or throws user errors.
 */
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { Lexer, getDefaults, type Token, type Tokens } from 'marked';
import { LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { UserError, UserErrors } from '../errors.js';

/** One data row of a table. */
export interface TableRow {
  /** 1-based line in the file where the row (or the YAML/JSON entry) starts. */
  readonly line: number;
  /** Cell text by canonical column name (lower-case); every column of the table is present, '' when empty. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface Table {
  readonly file: string;
  /** Canonical (lower-case) column names, in the order the file has them. */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

export interface ReadTableOptions {
  /** Canonical name (lower-case) of the column the table must have, e.g. `id`. */
  readonly requiredColumn: string;
  /** Canonical column name (lower-case) -> other header names accepted for it. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

/** A table together with the problems found in its rows (the file could be read, but some rows are wrong). */
export interface ParsedTable {
  readonly table: Table;
  readonly problems: readonly UserError[];
}

/** File types the reader understands, as named in messages. */
export const SUPPORTED_TABLE_FORMATS = 'Markdown (.md, .markdown), CSV (.csv), YAML (.yml, .yaml) or JSON (.json)';

type Format = 'markdown' | 'csv' | 'yaml' | 'json';

/**
 * Reads the table in `text`. Throws a `UserError` when the file cannot be read as a table at all
 * (unknown extension, syntax error, no table, required column missing, no rows), and a `UserErrors`
 * listing every wrong row otherwise.
 */
export function readTable(file: string, text: string, options: ReadTableOptions): Table {
  const { table, problems } = parseTable(file, text, options);
  if (problems.length > 0) throw new UserErrors(problems);
  return table;
}

/**
 * Like `readTable`, but returns the problems found in single rows instead of throwing them, so a
 * caller can report them together with its own findings. Fatal problems are still thrown as a `UserError`.
 */
export function parseTable(file: string, text: string, options: ReadTableOptions): ParsedTable {
  const format = formatOf(file);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new UserError(`the file is empty; it must hold a table with a column "${options.requiredColumn}"`, { file });
  }
  const columns = new ColumnNames(options);
  switch (format) {
    case 'markdown':
      return readMarkdown(file, body, columns);
    case 'csv':
      return readCsv(file, body, columns);
    case 'yaml':
      return readData(file, yamlToData(file, body), columns);
    case 'json':
      return readData(file, jsonToData(file, body), columns);
  }
}

function formatOf(file: string): Format {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  switch (ext) {
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.csv':
      return 'csv';
    case '.yml':
    case '.yaml':
      return 'yaml';
    case '.json':
      return 'json';
    default:
      throw new UserError(
        `${ext === '' ? 'the file has no extension' : `unsupported file type "${ext}"`}; ` +
          `give the list as ${SUPPORTED_TABLE_FORMATS}`,
        { file },
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Column names

/** Trimmed, inner whitespace collapsed, lower-case. */
export function normaliseColumnName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Maps the header names of a file to canonical column names. */
class ColumnNames {
  readonly required: string;
  private readonly aliasOf = new Map<string, string>();
  private readonly aliasesOfRequired: string[];

  constructor(options: ReadTableOptions) {
    this.required = normaliseColumnName(options.requiredColumn);
    for (const [canonical, names] of Object.entries(options.aliases ?? {})) {
      for (const name of names) {
        const alias = normaliseColumnName(name);
        if (alias !== normaliseColumnName(canonical) && !this.aliasOf.has(alias)) {
          this.aliasOf.set(alias, normaliseColumnName(canonical));
        }
      }
    }
    this.aliasesOfRequired = [...this.aliasOf].filter(([, c]) => c === this.required).map(([a]) => a);
  }

  /**
   * Canonical names for the given headers, same order. A header written with the canonical name wins
   * over an alias of it; when two headers would get the same name, the later one keeps its own name
   * (or gets a ` (2)`, ` (3)` ... suffix) so that no cell is lost.
   */
  map(headers: readonly string[]): string[] {
    const names = headers.map(normaliseColumnName);
    const result: (string | undefined)[] = names.map(() => undefined);
    const used = new Set<string>();
    const take = (i: number, name: string): boolean => {
      if (used.has(name)) return false;
      used.add(name);
      result[i] = name;
      return true;
    };
    names.forEach((name, i) => {
      if (name !== '' && !this.aliasOf.has(name)) take(i, name);
    });
    names.forEach((name, i) => {
      const canonical = this.aliasOf.get(name);
      if (result[i] === undefined && canonical !== undefined && !take(i, canonical)) take(i, name);
    });
    names.forEach((name, i) => {
      if (result[i] !== undefined) return;
      const base = name === '' ? `column ${i + 1}` : name;
      if (take(i, base)) return;
      for (let n = 2; !take(i, `${base} (${n})`); n++);
    });
    return result.map((name) => name ?? '');
  }

  /** `"id"`, or `"id" (or "requirement id", "req id", "req. id", 4 more)` when there are aliases. */
  describeRequired(): string {
    const alternatives = this.aliasesOfRequired.slice(0, 3).map((a) => `"${a}"`);
    const more = this.aliasesOfRequired.length - alternatives.length;
    if (more > 0) alternatives.push(`${more} more`);
    return alternatives.length === 0 ? `"${this.required}"` : `"${this.required}" (or ${alternatives.join(', ')})`;
  }
}

function missingColumn(
  file: string,
  columns: ColumnNames,
  found: string,
  line?: number,
  subject = 'the table has no column',
): UserError {
  return new UserError(
    `${subject} ${columns.describeRequired()}; columns found: ${found}. ` +
      `Name the column "${columns.required}" or use one of the accepted names`,
    line === undefined ? { file } : { file, line },
  );
}

/** `"A", "B"`, or `none`. */
function quoteList(names: readonly string[]): string {
  const list = names.map((c) => c.trim()).filter((c) => c !== '').map((c) => `"${c}"`);
  return list.length === 0 ? 'none' : list.join(', ');
}

function noRows(file: string, line?: number): UserError {
  return new UserError(
    'the table has a header but no rows; add one row per entry',
    line === undefined ? { file } : { file, line },
  );
}

/** Builds rows with every column present; skips rows whose cells are all empty. */
function makeRow(line: number, columns: readonly string[], values: readonly string[]): TableRow | undefined {
  const cells = columns.map((c, i): [string, string] => [c, (values[i] ?? '').trim()]);
  if (cells.every(([, v]) => v === '')) return undefined;
  return { line, cells: Object.fromEntries(cells) };
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Finds the 1-based line of a character offset. `\r\n`, `\r` and `\n` each end a line. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown

interface FoundTable {
  readonly token: Tokens.Table;
  readonly line: number;
}

function readMarkdown(file: string, text: string, columns: ColumnNames): ParsedTable {
  const source = text.replace(/\r\n?/g, '\n');
  let tokens: Token[];
  try {
    tokens = Lexer.lex(source, { ...getDefaults(), gfm: true });
  } catch (e) {
    throw new UserError(`cannot read the Markdown: ${messageOf(e)}`, { file });
  }
  const tables = findTables(source, tokens);
  if (tables.length === 0) {
    throw new UserError(
      `no table found; write the list as a Markdown pipe table with a header row such as "| ID | Title |", ` +
        `a delimiter row "|---|---|" and one row per entry`,
      { file },
    );
  }
  for (const { token, line } of tables) {
    const names = columns.map(token.header.map((cell) => plainText(cell.tokens)));
    if (!names.includes(columns.required)) continue;
    const rows: TableRow[] = [];
    token.rows.forEach((cells, i) => {
      const row = makeRow(line + 2 + i, names, cells.map((cell) => plainText(cell.tokens)));
      if (row !== undefined) rows.push(row);
    });
    if (rows.length === 0) throw noRows(file, line);
    return { table: { file, columns: names, rows }, problems: [] };
  }
  const first = tables[0] as FoundTable;
  const headers = (t: FoundTable): string => quoteList(t.token.header.map((cell) => plainText(cell.tokens)));
  if (tables.length === 1) throw missingColumn(file, columns, headers(first), first.line);
  const found = tables.map((t) => `${headers(t)} (table on line ${t.line})`).join('; ');
  throw missingColumn(file, columns, found, first.line, `none of the ${tables.length} tables has a column`);
}

/** Every table in document order, including tables inside block quotes and lists, with its first line. */
function findTables(source: string, tokens: readonly Token[]): FoundTable[] {
  const lines = source.split('\n');
  const lineNumbers = new Lines(source);
  const found: FoundTable[] = [];
  let offset = 0;
  for (const token of tokens) {
    const at = source.indexOf(token.raw, offset);
    const start = at >= 0 ? at : offset;
    let cursor = lineNumbers.lineOf(start) - 1;
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

/** Plain text of inline Markdown: emphasis, code, links and escapes reduced to their text. */
function plainText(tokens: readonly Token[] | undefined): string {
  return inline(tokens ?? []).replace(/\s+/g, ' ').trim();
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
        out += ' ';
        break;
      case 'html':
        out += /^<br\s*\/?>$/i.test(String(token.raw).trim()) ? ' ' : '';
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

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly bytes: number };
}

function readCsv(file: string, text: string, columns: ColumnNames): ParsedTable {
  const delimiter = detectDelimiter(text);
  const offsets = new ByteOffsets(text);
  const lines = new Lines(text);
  let records: CsvRecord[];
  try {
    records = parseCsv(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (e) {
    throw csvError(file, e, offsets, lines);
  }
  // The line each record starts on: the first non-blank character after the previous record.
  let previousEnd = 0;
  const located = records.map(({ record, info }) => {
    const start = firstNonBlank(text, offsets.charAt(previousEnd));
    previousEnd = info.bytes;
    return { record, line: lines.lineOf(start) };
  });
  const header = located.find(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (header === undefined) throw new UserError('the file holds no table: the header row is missing', { file });
  const names = columns.map(header.record);
  if (!names.includes(columns.required)) {
    throw missingColumn(file, columns, quoteList(header.record), header.line, 'the header row has no column');
  }

  const rows: TableRow[] = [];
  const problems: UserError[] = [];
  const delimiterName = delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
  for (const { record, line } of located.slice(located.indexOf(header) + 1)) {
    if (record.slice(names.length).some((cell) => cell.trim() !== '')) {
      problems.push(
        new UserError(
          `the row has ${record.length} cells but the header has ${names.length}; ` +
            `enclose a cell that contains a ${delimiterName} in double quotes, or add the missing column to the header`,
          { file, line },
        ),
      );
    }
    const row = makeRow(line, names, record);
    if (row !== undefined) rows.push(row);
  }
  if (rows.length === 0 && problems.length === 0) throw noRows(file, header.line);
  return { table: { file, columns: names, rows }, problems };
}

/** Comma, unless the header line has no comma outside quotes but semicolons (Excel in some locales) or tabs. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const headerLine = firstLine.replace(/"[^"]*"/g, '');
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  return ',';
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return Math.min(i, Math.max(text.length - 1, 0));
}

function csvError(file: string, e: unknown, offsets: ByteOffsets, lines: Lines): UserError {
  if (!(e instanceof CsvError)) return new UserError(`cannot read the CSV: ${messageOf(e)}`, { file });
  const num = (key: string): number | undefined => (typeof e[key] === 'number' ? (e[key] as number) : undefined);
  const bytes = num('bytes');
  const recordStart = num('bytes_records');
  const hint =
    'a cell that contains the delimiter, a double quote or a line break must be enclosed in double quotes, ' +
    'with each double quote inside it written twice ("")';
  const text = offsets.text;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED' && recordStart !== undefined) {
    const line = lines.lineOf(firstNonBlank(text, offsets.charAt(recordStart)));
    return new UserError(`a quoted cell in this row is never closed; add the closing double quote (${hint})`, { file, line });
  }
  const line = bytes !== undefined ? lines.lineOf(Math.min(offsets.charAt(bytes), Math.max(text.length - 1, 0))) : num('lines');
  const reason = e.message.replace(/\s+at line \d+/, '').replace(/^[^:]*:\s*/, '');
  return new UserError(`not valid CSV: ${reason}; ${hint}`, line === undefined ? { file } : { file, line });
}

/** Converts the UTF-8 byte offsets csv-parse reports into character offsets of the text. */
class ByteOffsets {
  private byte = 0;
  private char = 0;
  constructor(readonly text: string) {}
  charAt(byteOffset: number): number {
    if (byteOffset < this.byte) {
      this.byte = 0;
      this.char = 0;
    }
    while (this.byte < byteOffset && this.char < this.text.length) {
      const code = this.text.codePointAt(this.char) ?? 0;
      this.byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      this.char += code >= 0x10000 ? 2 : 1;
    }
    return this.char;
  }
}

// ---------------------------------------------------------------------------------------------
// YAML and JSON: both are turned into the same small tree, with the line of every node.

type Data =
  | { readonly kind: 'scalar'; readonly value: string; readonly line: number }
  | { readonly kind: 'list'; readonly items: readonly Data[]; readonly line: number }
  | { readonly kind: 'map'; readonly entries: readonly Entry[]; readonly line: number };

interface Entry {
  readonly key: string;
  readonly value: Data;
}

function readData(file: string, root: Data, columns: ColumnNames): ParsedTable {
  const items = entriesOf(file, root);
  const problems: UserError[] = [];
  const maps: { line: number; entries: readonly Entry[] }[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'map') maps.push(item);
    else {
      problems.push(
        new UserError(
          `entry ${i + 1} is ${item.kind === 'list' ? 'a list' : item.value === '' ? 'empty' : `the value "${shorten(item.value)}"`}, ` +
            'not a set of named fields; write each entry as fields such as "id: SRS-001" and "title: ..."',
          { file, line: item.line },
        ),
      );
    }
  });
  // Keys as written (first spelling seen) and normalised, in order of first appearance.
  const keys = new Map<string, string>();
  for (const map of maps) {
    for (const { key } of map.entries) {
      const normal = normaliseColumnName(key);
      if (!keys.has(normal)) keys.set(normal, key);
    }
  }
  const normalKeys = [...keys.keys()];
  const columnOrder = columns.map(normalKeys);
  const nameOf = new Map(normalKeys.map((k, i) => [k, columnOrder[i] ?? k]));
  if (maps.length > 0 && !columnOrder.includes(columns.required)) {
    throw missingColumn(file, columns, quoteList([...keys.values()]), maps[0]?.line, 'no entry has a field');
  }

  const rows: TableRow[] = [];
  for (const map of maps) {
    const values = new Map<string, string>();
    for (const { key, value } of map.entries) {
      const name = nameOf.get(normaliseColumnName(key)) ?? key;
      const cell = cellText(value);
      const before = values.get(name);
      if (before !== undefined && before !== '' && cell !== '') {
        problems.push(
          new UserError(`the entry has two fields for column "${name}"; keep only one`, { file, line: value.line }),
        );
        continue;
      }
      if (before === undefined || before === '') values.set(name, cell);
    }
    const row = makeRow(map.line, columnOrder, columnOrder.map((c) => values.get(c) ?? ''));
    if (row !== undefined) rows.push(row);
  }
  if (rows.length === 0 && problems.length === 0) {
    throw new UserError('the list has no entries; add one entry per item', { file, line: root.line });
  }
  return { table: { file, columns: columnOrder, rows }, problems };
}

/** The list of entries: the root list, or the one list held by the root object (e.g. `requirements:`). */
function entriesOf(file: string, root: Data): readonly Data[] {
  const shape =
    'the file must hold a list of entries, either at the top level or under one key such as "requirements:"';
  if (root.kind === 'list') return root.items;
  if (root.kind === 'scalar') throw new UserError(`${shape}; it holds a single value`, { file, line: root.line });
  const lists = root.entries.filter((e) => e.value.kind === 'list');
  const withObjects = lists.filter((e) => e.value.kind === 'list' && e.value.items.some((i) => i.kind === 'map'));
  const chosen = lists.length === 1 ? lists : withObjects;
  const only = chosen[0];
  if (chosen.length === 1 && only !== undefined && only.value.kind === 'list') return only.value.items;
  const keys = (chosen.length > 1 ? chosen : root.entries).map((e) => `"${e.key}"`).join(', ');
  throw new UserError(
    chosen.length > 1
      ? `${shape}; it holds several lists (${keys}), keep only one`
      : `${shape}; none of its keys (${keys || 'none'}) holds a list`,
    { file, line: root.line },
  );
}

/** Scalars as written; a list of scalars joined with ", "; anything nested as compact JSON. */
function cellText(data: Data): string {
  if (data.kind === 'scalar') return data.value;
  if (data.kind === 'list' && data.items.every((i) => i.kind === 'scalar')) {
    return data.items.map((i) => (i.kind === 'scalar' ? i.value.trim() : '')).filter((v) => v !== '').join(', ');
  }
  return JSON.stringify(plain(data));
}

function plain(data: Data): unknown {
  switch (data.kind) {
    case 'scalar':
      return data.value;
    case 'list':
      return data.items.map(plain);
    case 'map':
      return Object.fromEntries(data.entries.map((e) => [e.key, plain(e.value)]));
  }
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

// YAML ----------------------------------------------------------------------------------------

function yamlToData(file: string, text: string): Data {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    throw new UserError(`cannot read the YAML: ${messageOf(e)}`, { file });
  }
  const lineAt = (offset: number | undefined): number => lineCounter.linePos(offset ?? 0).line;
  const error = doc.errors[0];
  if (error !== undefined) {
    const reason = error.message.split('\n')[0]?.replace(/\s+at line \d+, column \d+:?$/, '') ?? error.code;
    // A quoted value left open runs to the end of the file, where the error is reported: name its start.
    const open = error.code === 'MISSING_CHAR' ? unclosedQuote(text) : undefined;
    if (open !== undefined) {
      throw new UserError(`not valid YAML: ${reason}; this quoted value is never closed, add the closing quote`, {
        file,
        line: lineAt(open),
      });
    }
    throw new UserError(`not valid YAML: ${reason}; check the indentation and quoting on this line`, {
      file,
      line: lineAt(error.pos[0]),
    });
  }

  const convert = (node: unknown, depth: number, fallbackLine: number): Data => {
    if (depth > 100) throw new UserError('the YAML nests too deeply (or its aliases refer to each other)', { file });
    if (isAlias(node)) return convert(node.resolve(doc), depth + 1, fallbackLine);
    const range = (node as { range?: readonly number[] } | null)?.range;
    const line = range === undefined ? fallbackLine : lineAt(range[0]);
    if (isScalar(node)) return { kind: 'scalar', value: scalarText(node.value, node.source), line };
    if (isSeq(node)) return { kind: 'list', items: node.items.map((i) => convert(i, depth + 1, line)), line };
    if (isMap(node)) {
      const entries: Entry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const key = isScalar(keyNode)
          ? scalarText(keyNode.value, keyNode.source)
          : JSON.stringify(plain(convert(keyNode, depth + 1, line)));
        const keyLine = isScalar(keyNode) && keyNode.range ? lineAt(keyNode.range[0]) : line;
        entries.push({ key, value: convert(pair.value, depth + 1, keyLine) });
      }
      return { kind: 'map', entries, line };
    }
    if (isPair(node)) {
      const key = isScalar(node.key) ? scalarText(node.key.value, node.key.source) : String(node.key);
      return { kind: 'map', entries: [{ key, value: convert(node.value, depth + 1, line) }], line };
    }
    return { kind: 'scalar', value: '', line };
  };
  if (doc.contents === null) throw new UserError('the file holds no entries', { file });
  return convert(doc.contents, 0, 1);
}

/** Offset of the first quoted scalar that has no closing quote, found in the YAML syntax tree. */
function unclosedQuote(text: string): number | undefined {
  const closed = { 'double-quoted-scalar': /^"(?:[^"\\]|\\[\s\S])*"$/, 'single-quoted-scalar': /^'(?:[^']|'')*'$/ };
  let found: number | undefined;
  const walk = (x: unknown): void => {
    if (found !== undefined || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const token = x as { type?: unknown; source?: unknown; offset?: unknown };
    if (
      (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') &&
      typeof token.source === 'string' &&
      typeof token.offset === 'number' &&
      !closed[token.type].test(token.source.trimEnd())
    ) {
      found = token.offset;
      return;
    }
    Object.values(x).forEach(walk);
  };
  try {
    for (const token of new Parser().parse(text)) walk(token);
  } catch {
    return undefined;
  }
  return found;
}

/** A scalar as written: numbers keep their digits (`001`, `1.10`), null is empty. */
function scalarText(value: unknown, source: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return source ?? String(value);
}

// JSON ----------------------------------------------------------------------------------------

/**
 * A small strict JSON parser: same grammar as `JSON.parse`, but it keeps numbers as written, knows
 * the line of every value, reports duplicate keys, and names the line of a syntax error.
 */
function jsonToData(file: string, text: string): Data {
  const lines = new Lines(text);
  let pos = 0;
  const fail = (what: string, at = pos): never => {
    throw new UserError(`not valid JSON: ${what}`, { file, line: lines.lineOf(Math.min(at, Math.max(text.length - 1, 0))) });
  };
  const skip = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };
  const found = (): string => (pos >= text.length ? 'the end of the file' : `"${text.charAt(pos)}"`);
  // JSON forbids raw control characters in strings.
  // eslint-disable-next-line no-control-regex
  const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const LITERAL = /true|false|null/y;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) return undefined;
    pos += m[0].length;
    return m[0];
  };
  const string = (): string => {
    const raw = match(STRING);
    if (raw === undefined) {
      return fail(
        text.charAt(pos) === '"'
          ? 'a string is not closed on its line, or holds a control character or a bad escape'
          : `expected a string in double quotes, found ${found()}`,
      );
    }
    return JSON.parse(raw) as string;
  };
  const value = (depth: number): Data => {
    if (depth > 500) fail('the JSON nests too deeply');
    skip();
    const line = lines.lineOf(pos);
    const c = text.charAt(pos);
    if (c === '{') {
      pos++;
      const entries: Entry[] = [];
      const seen = new Map<string, number>();
      skip();
      if (text.charAt(pos) === '}') {
        pos++;
        return { kind: 'map', entries, line };
      }
      for (;;) {
        skip();
        const keyAt = pos;
        const key = string();
        const before = seen.get(key);
        if (before !== undefined) fail(`the key "${key}" appears twice in one object (first on line ${before}); keep only one`, keyAt);
        seen.set(key, lines.lineOf(keyAt));
        skip();
        if (text.charAt(pos) !== ':') fail(`expected ":" after the key "${key}", found ${found()}`);
        pos++;
        entries.push({ key, value: value(depth + 1) });
        skip();
        if (text.charAt(pos) === ',') {
          pos++;
          skip();
          if (text.charAt(pos) === '}') fail('a comma before "}" is not allowed in JSON; remove it');
          continue;
        }
        if (text.charAt(pos) === '}') {
          pos++;
          return { kind: 'map', entries, line };
        }
        fail(`expected "," or "}" after a value, found ${found()}`);
      }
    }
    if (c === '[') {
      pos++;
      const items: Data[] = [];
      skip();
      if (text.charAt(pos) === ']') {
        pos++;
        return { kind: 'list', items, line };
      }
      for (;;) {
        items.push(value(depth + 1));
        skip();
        if (text.charAt(pos) === ',') {
          pos++;
          skip();
          if (text.charAt(pos) === ']') fail('a comma before "]" is not allowed in JSON; remove it');
          continue;
        }
        if (text.charAt(pos) === ']') {
          pos++;
          return { kind: 'list', items, line };
        }
        fail(`expected "," or "]" after a list item, found ${found()}`);
      }
    }
    if (c === '"') return { kind: 'scalar', value: string(), line };
    const literal = match(LITERAL) ?? match(NUMBER);
    if (literal === undefined) return fail(`expected a value, found ${found()}`);
    return { kind: 'scalar', value: literal === 'null' ? '' : literal, line };
  };
  const root = value(0);
  skip();
  if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
  return root;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
