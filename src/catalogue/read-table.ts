/**
 * Reads a list (requirements, anomalies, ...) kept as a table in Markdown, CSV, YAML or JSON,
 * and returns its rows with the line each row stands on. A Markdown file may hold the list in
 * several tables (one per section): every table with the required column is read.
 *
 * This module maps header names to canonical column names and builds the rows. The reader of the
 * file's format, which turns text into header names and cells (`markdown-table.ts`, `csv-table.ts`,
 * `data-table.ts` for YAML and JSON), comes with the text (`ListSource`, see `table-format.ts`).
 *
 * Pure: takes the file's name, text and format reader, returns data or throws user errors.
 */
import { UserError, UserErrors } from '../errors.js';
import { collapseBlank, trimBlank } from './blank.js';
import type { ListSource, RawCell, RawTable } from './table-format.js';

/** One data row of a table. */
export interface TableRow {
  /** 1-based line in the file where the row (or the YAML/JSON entry) starts. */
  readonly line: number;
  /**
   * Cell text by canonical column name (lower-case), trimmed of white space and invisible characters
   * (see `blank.ts`); every column of the table is present, '' when empty.
   */
  readonly cells: Readonly<Record<string, string>>;
}

export interface Table {
  readonly file: string;
  /**
   * Canonical (lower-case) column names, in the order the file has them; for a Markdown file with
   * several tables, the columns of the first one, then those the later ones add.
   */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

export interface ReadTableOptions {
  /**
   * Canonical name (lower-case) of the column the table must have, e.g. `id`; or several names, of
   * which the table must have at least one. Of a Markdown file every table with any of them is read,
   * the others (revision history, document control) are skipped.
   */
  readonly requiredColumn: string | readonly string[];
  /** Canonical column name (lower-case) -> other header names accepted for it. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /**
   * Canonical columns whose cells hold one item per line. In them a Markdown `<br>` and the items of a
   * YAML/JSON list become line breaks (`\n`). In other columns a `<br>` reads as a space and list items
   * are joined with ", ".
   */
  readonly lineBreakColumns?: readonly string[];
  /** Return a table with a header but no rows (or an empty YAML/JSON list) instead of refusing it. */
  readonly allowEmpty?: boolean;
  /**
   * Whether a cell is exactly one ID of the list's own kind (`SRS-004`; not `added SRS-004`). With it,
   * a table that has no column of a recognised name but a column of such IDs is still a table of
   * entries (see `pickTables`), and a YAML/JSON mapping keyed by such IDs is a list of entries.
   */
  readonly isId?: (text: string) => boolean;
  /** Canonical columns that name entries of other lists (an anomaly's requirements): never this list's IDs. */
  readonly referenceColumns?: readonly string[];
  /** What the IDs are called in messages, e.g. `requirement IDs`. */
  readonly idNoun?: string;
  /**
   * Refuse two columns of one table for the same canonical column (`Acceptable` beside `Risk
   * Acceptable`), naming the table's line and both headers: which one holds the answer cannot be told.
   * In YAML and JSON, where entries may use different keys, an entry that fills both is refused.
   */
  readonly oneColumnPerField?: boolean;
  /**
   * Headers the reader does not know but that look like one of its columns (`Risk acceptability
   * level`): a header whose loose spelling matches `pattern` and is not a known name is refused,
   * naming it and the `column` it looks like, since reading past it could change what the list says.
   */
  readonly suspectColumns?: readonly { readonly pattern: RegExp; readonly column: string }[];
}

/** A table together with the problems found in its rows (the file could be read, but some rows are wrong). */
export interface ParsedTable {
  readonly table: Table;
  readonly problems: readonly UserError[];
}

/**
 * Reads the table of a list file. Throws a `UserError` when the file cannot be read as a table at all
 * (syntax error, no table, required column missing, no rows), and a `UserErrors` listing every wrong
 * row otherwise.
 */
export function readTable(list: ListSource, options: ReadTableOptions): Table {
  const { table, problems } = parseTable(list, options);
  if (problems.length > 0) throw new UserErrors(problems);
  return table;
}

/**
 * Like `readTable`, but returns the problems found in single rows instead of throwing them, so a
 * caller can report them together with its own findings. Fatal problems are still thrown as a `UserError`.
 */
export function parseTable(list: ListSource, options: ReadTableOptions): ParsedTable {
  const { file, text, reader } = list;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const columns = new ColumnNames(options, reader.format === 'yaml' || reader.format === 'json');
  if (!/\S/.test(body)) {
    throw new UserError(`the file is empty; it must hold a table with a column ${columns.requiredNames()}`, { file });
  }
  switch (reader.format) {
    case 'markdown':
      return fromTables(file, reader.read(file, body), columns, (tables) => {
        const first = tables[0] as RawTable;
        if (tables.length === 1) return missingColumn(file, columns, quoteList(first.headers), first.line);
        const found = tables.map((t) => `${quoteList(t.headers)} (table on line ${t.line})`).join('; ');
        return missingColumn(file, columns, found, first.line, `none of the ${tables.length} tables has a column`);
      }, (raw) => noRows(file, raw.line));
    case 'csv': {
      const raw = reader.read(file, body);
      return fromTables(file, [raw], columns, () =>
        missingColumn(file, columns, quoteList(raw.headers), raw.line, 'the header row has no column'),
      (table) => noRows(file, table.line));
    }
    case 'yaml':
    case 'json': {
      const shape = {
        isEntryKey: (key: string) => columns.found(columns.map([key])),
        isReferenceKey: (key: string) => columns.isReference(columns.map([key])[0] ?? ''),
        isId: options.isId,
      };
      const tables = reader.read(file, body, shape);
      const noEntries = (raw: RawTable): UserError => new UserError('the list has no entries; add one entry per item', { file, line: raw.line });
      const [root] = tables;
      // Entries with no field at all (an empty list, a list of plain values): as one table, they say what is wrong.
      if (root !== undefined && !tables.some((t) => t.headers.length > 0)) return build(file, root, columns, noEntries(root));
      return fromTables(file, tables, columns, (found) => {
        const first = found.find((t) => t.rows.length > 0) ?? (found[0] as RawTable);
        const keys = [...new Set(found.flatMap((t) => t.headers))];
        return missingColumn(file, columns, quoteList(keys), first.rows[0]?.line ?? first.line, 'no entry has a field');
      }, noEntries);
    }
  }
}

/**
 * Every table of the file that lists entries, read as one: a document may list its entries per
 * section, one table each, and an entry left out of the check because it stands in a later table
 * would go unchecked. Each row keeps its own line, each table's cells are taken by its own header
 * (the tables may have different columns); see `pickTables` for which tables are read. `missing`
 * makes the error for a file in which no table is, `empty` the one for a file whose tables have no rows.
 */
function fromTables(
  file: string,
  tables: readonly RawTable[],
  columns: ColumnNames,
  missing: (tables: readonly RawTable[]) => UserError,
  empty: (first: RawTable) => UserError,
): ParsedTable {
  const { picked, problems: notRead } = pickTables(file, tables, columns);
  const [firstRead] = picked;
  if (firstRead === undefined) {
    if (notRead.length > 0) throw new UserErrors(notRead);
    throw missing(tables);
  }
  const parts = picked.map(({ raw, names }) => rowsOf(raw, columns, names));
  const names = [...new Set(parts.flatMap((part) => part.columns))];
  const rows = parts.flatMap((part) =>
    // A table with all the columns, in this order, has its rows as they are.
    sameNames(part.columns, names)
      ? part.rows
      : part.rows.map((row): TableRow => ({
          line: row.line,
          cells: Object.fromEntries(names.map((name) => [name, row.cells[name] ?? ''])),
        })),
  );
  const problems = [...notRead, ...picked.flatMap(({ raw }) => [...columns.doubtfulColumns(file, raw), ...raw.problems])];
  return finish({ file, columns: names, rows }, problems, columns, empty(firstRead.raw));
}

/** A table that is read, with the canonical name of each of its columns. */
interface PickedTable {
  readonly raw: RawTable;
  readonly names: readonly string[];
}

/**
 * The tables that list entries. A table with a required column (by its header) is read. A table
 * without one is a table of entries all the same when a column holds only IDs, one per cell (see
 * `ReadTableOptions.isId`): a header the reader does not know must not make its entries vanish. Such
 * a column is read as the ID column when none of its IDs stands in a table that is read by its header
 * or in an earlier one read by its IDs; when all of them do, the table only refers to those entries (a
 * traceability matrix) and is skipped;
 * anything between, or several such columns, is a problem naming the table. A table without either
 * (revision history, document control, IDs only inside other text) is skipped.
 */
function pickTables(file: string, tables: readonly RawTable[], columns: ColumnNames): { picked: PickedTable[]; problems: UserError[] } {
  const idColumn = columns.required[0] ?? 'id';
  const mapped = tables.map((raw) => {
    const names = columns.map(raw.headers);
    return { raw, names, byHeader: raw.nested === true ? names.includes(idColumn) : columns.found(names) };
  });
  const listed = new Set<string>();
  for (const { raw, names, byHeader } of mapped) {
    const at = names.indexOf(idColumn);
    if (!byHeader || at < 0) continue;
    for (const row of raw.rows) listed.add(cellText(row.cells[at] ?? '', ' '));
  }
  const picked: PickedTable[] = [];
  const problems: UserError[] = [];
  for (const table of mapped) {
    if (table.byHeader) {
      picked.push(table);
      continue;
    }
    const idColumns = columns.idColumns(table.raw, table.names);
    const ids = [...new Set(idColumns.flatMap((c) => c.ids))];
    const unlisted = ids.filter((id) => !listed.has(id));
    if (unlisted.length === 0) continue;
    const [only] = idColumns;
    if (only !== undefined && idColumns.length === 1 && unlisted.length === ids.length) {
      picked.push({ raw: table.raw, names: table.names.map((name, i) => (i === only.index ? idColumn : name)) });
      // A later table may refer to these entries as to those of a table with an ID column.
      for (const id of ids) listed.add(id);
      continue;
    }
    problems.push(notAnEntryTable(file, columns, table.raw, idColumns.map((c) => table.raw.headers[c.index] ?? ''), unlisted));
  }
  return { picked, problems };
}

function notAnEntryTable(file: string, columns: ColumnNames, raw: RawTable, headers: readonly string[], unlisted: readonly string[]): UserError {
  const noun = columns.idNoun;
  const shown = unlisted.slice(0, 3).join(', ') + (unlisted.length > 3 ? ` and ${unlisted.length - 3} more` : '');
  const what =
    headers.length === 1
      ? `has a column ${quoteList(headers)} of ${noun} but no ID column, and ${shown} ${unlisted.length === 1 ? 'stands' : 'stand'} in no table of the list`
      : `has ${headers.length} columns of ${noun} (${quoteList(headers)}) but no ID column, so which one lists the entries is not clear`;
  return new UserError(
    `the table (columns ${quoteList(raw.headers)}) ${what}; name the column that holds each row's own ID "${columns.required[0] ?? 'id'}"` +
      ' (or one of the accepted names) so that the table is read, or list these entries in a table that is',
    { file, line: raw.line },
  );
}

// ---------------------------------------------------------------------------------------------
// Column names

/** Trimmed, inner white space collapsed (invisible characters count as white space, see `blank.ts`), lower-case. */
export function normaliseColumnName(name: string): string {
  return collapseBlank(name).toLowerCase();
}

/**
 * A header name with its punctuation evened out, to match the ways one name is written: `Req. No.`,
 * `Req No`, `req-no`, `Req_No:` are all `req no`, `Req#` is `req #`, and `Acceptable (Y/N)` is
 * `acceptable y n`.
 */
export function looseColumnName(name: string): string {
  return normaliseColumnName(name)
    .replace(/[.:?*'"`’]/g, '')
    .replace(/[-_/()[\]{}|,;]/g, ' ')
    .replace(/#/g, ' # ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A column whose every non-blank cell is one ID: its position and its IDs. */
interface IdColumn {
  readonly index: number;
  readonly ids: readonly string[];
}

/** Maps the header names of a file to canonical column names. */
class ColumnNames {
  readonly required: readonly string[];
  readonly allowEmpty: boolean;
  readonly idNoun: string;
  private readonly lineBreaks: ReadonlySet<string>;
  private readonly aliasOf = new Map<string, string>();
  /** Loose spelling (see `looseColumnName`) of every canonical name and alias -> canonical name. */
  private readonly looseOf = new Map<string, string>();
  private readonly canonical = new Set<string>();
  private readonly isId: ((text: string) => boolean) | undefined;
  private readonly references: ReadonlySet<string>;
  private readonly oneColumnPerField: boolean;
  private readonly suspects: readonly { readonly pattern: RegExp; readonly column: string }[];

  /** The tables are YAML/JSON lists of entries, whose keys may differ from one entry to the next. */
  private readonly entries: boolean;

  constructor(options: ReadTableOptions, entries = false) {
    this.entries = entries;
    this.oneColumnPerField = options.oneColumnPerField ?? false;
    this.suspects = options.suspectColumns ?? [];
    const required = typeof options.requiredColumn === 'string' ? [options.requiredColumn] : options.requiredColumn;
    this.required = required.map(normaliseColumnName);
    this.allowEmpty = options.allowEmpty ?? false;
    this.idNoun = options.idNoun ?? 'IDs';
    this.isId = options.isId;
    this.references = new Set((options.referenceColumns ?? []).map(normaliseColumnName));
    this.lineBreaks = new Set((options.lineBreakColumns ?? []).map(normaliseColumnName));
    for (const name of [...this.required, ...Object.keys(options.aliases ?? {}).map(normaliseColumnName)]) {
      this.canonical.add(name);
      if (!this.looseOf.has(looseColumnName(name))) this.looseOf.set(looseColumnName(name), name);
    }
    for (const [canonical, names] of Object.entries(options.aliases ?? {})) {
      for (const name of names) {
        const alias = normaliseColumnName(name);
        if (alias !== normaliseColumnName(canonical) && !this.aliasOf.has(alias)) {
          this.aliasOf.set(alias, normaliseColumnName(canonical));
        }
        if (!this.looseOf.has(looseColumnName(alias))) this.looseOf.set(looseColumnName(alias), normaliseColumnName(canonical));
      }
    }
  }

  /** The canonical name a header stands for when it is not a canonical name itself: by alias, or by loose spelling. */
  private aliasFor(name: string): string | undefined {
    const alias = this.aliasOf.get(name);
    if (alias !== undefined || name === '' || this.canonical.has(name)) return alias;
    return this.looseOf.get(looseColumnName(name));
  }

  /** The canonical column a header stands for, by its own name, an alias or a loose spelling; undefined for an unknown one. */
  private fieldOf(header: string): string | undefined {
    const name = normaliseColumnName(header);
    return this.canonical.has(name) ? name : this.aliasFor(name);
  }

  /**
   * Headers of a table that make what it says unclear (see `ReadTableOptions.oneColumnPerField` and
   * `suspectColumns`), as problems naming the table's line (an entry's, in YAML/JSON) and the headers.
   */
  doubtfulColumns(file: string, raw: RawTable): UserError[] {
    const problems: UserError[] = [];
    if (!this.oneColumnPerField && this.suspects.length === 0) return problems;
    const byField = new Map<string, number[]>();
    raw.headers.forEach((header, i) => {
      const field = this.fieldOf(header);
      if (field === undefined) {
        const suspect = this.suspects.find((s) => s.pattern.test(looseColumnName(header)));
        if (suspect !== undefined) {
          problems.push(
            new UserError(
              `the table (columns ${quoteList(raw.headers)}) has a column "${header.trim()}" that looks like the "${suspect.column}" column ` +
                `but is not a name the reader knows; name it "${suspect.column}" or one of the accepted names, or rename it so that it does not look like one`,
              { file, line: raw.line },
            ),
          );
        }
        return;
      }
      byField.set(field, [...(byField.get(field) ?? []), i]);
    });
    if (!this.oneColumnPerField) return problems;
    for (const [field, at] of byField) {
      if (at.length < 2) continue;
      if (!this.entries) {
        problems.push(
          new UserError(
            `the table has ${at.length} columns for "${field}" (${quoteList(at.map((i) => raw.headers[i] ?? ''))}); ` +
              'which one holds the answer cannot be told, so keep one of them',
            { file, line: raw.line },
          ),
        );
        continue;
      }
      for (const row of raw.rows) {
        const filled = at.filter((i) => cellText(row.cells[i] ?? '', ' ') !== '');
        if (filled.length < 2) continue;
        problems.push(
          new UserError(
            `the entry has ${filled.length} fields for "${field}" (${quoteList(filled.map((i) => raw.headers[i] ?? ''))}); ` +
              'which one holds the answer cannot be told, so keep one of them',
            { file, line: row.line },
          ),
        );
      }
    }
    return problems;
  }

  /** Whether the (canonical) column names entries of other lists. */
  isReference(name: string): boolean {
    return this.references.has(name);
  }

  /**
   * The columns of a table (mapped to `names`) whose every non-blank cell is exactly one ID, at least
   * one of them; none without `isId`, and never a column that names entries of other lists.
   */
  idColumns(raw: RawTable, names: readonly string[]): IdColumn[] {
    const isId = this.isId;
    if (isId === undefined) return [];
    const out: IdColumn[] = [];
    names.forEach((name, index) => {
      if (this.references.has(name)) return;
      const ids: string[] = [];
      for (const row of raw.rows) {
        const text = cellText(row.cells[index] ?? '', ' ');
        if (text === '') continue;
        if (!isId(text)) return;
        ids.push(text);
      }
      if (ids.length > 0) out.push({ index, ids });
    });
    return out;
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
      if (name !== '' && this.aliasFor(name) === undefined) take(i, name);
    });
    names.forEach((name, i) => {
      const canonical = this.aliasFor(name);
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

  /** Whether the mapped column names include a required one. */
  found(names: readonly string[]): boolean {
    return this.required.some((r) => names.includes(r));
  }

  keepsLineBreaks(column: string): boolean {
    return this.lineBreaks.has(column);
  }

  /** `"id"`, or `"id" or "title"`. */
  requiredNames(): string {
    return this.required.map((r) => `"${r}"`).join(' or ');
  }

  /** `"id"`, or `"id" (or "requirement id", "req id", "req. id", 4 more)` when there are aliases; several joined by "or". */
  describeRequired(): string {
    return this.required
      .map((required) => {
        const aliases = [...this.aliasOf].filter(([, c]) => c === required).map(([a]) => a);
        const alternatives = aliases.slice(0, 3).map((a) => `"${a}"`);
        const more = aliases.length - alternatives.length;
        if (more > 0) alternatives.push(`${more} more`);
        return alternatives.length === 0 ? `"${required}"` : `"${required}" (or ${alternatives.join(', ')})`;
      })
      .join(' or ');
  }
}

function missingColumn(
  file: string,
  columns: ColumnNames,
  found: string,
  line?: number,
  subject = 'the table has no column',
): UserError {
  const advice =
    columns.required.length === 1
      ? `Name the column ${columns.requiredNames()} or use one of the accepted names`
      : `Name a column ${columns.requiredNames()}, or use one of the accepted names`;
  return new UserError(
    `${subject} ${columns.describeRequired()}; columns found: ${found}. ${advice}`,
    line === undefined ? { file } : { file, line },
  );
}

/** `"A", "B"`, or `none`. */
function quoteList(names: readonly string[]): string {
  const list = names.map((c) => c.trim()).filter((c) => c !== '').map((c) => `"${c}"`);
  return list.length === 0 ? 'none' : list.join(', ');
}

function noRows(file: string, line: number): UserError {
  return new UserError('the table has a header but no rows; add one row per entry', { file, line });
}

// ---------------------------------------------------------------------------------------------
// Rows

/** Builds the table of one raw table; see `rowsOf` and `finish`. */
function build(file: string, raw: RawTable, columns: ColumnNames, empty: UserError): ParsedTable {
  const { columns: names, rows } = rowsOf(raw, columns);
  return finish({ file, columns: names, rows }, raw.problems, columns, empty);
}

/**
 * The column names (`names`, by default those of its header) and rows of a raw table: every column
 * present in each row, rows whose cells are all blank skipped.
 */
function rowsOf(raw: RawTable, columns: ColumnNames, names: readonly string[] = columns.map(raw.headers)): { columns: string[]; rows: TableRow[] } {
  const separators = names.map((name) => (columns.keepsLineBreaks(name) ? '\n' : raw.itemSeparator));
  const rows: TableRow[] = [];
  const values: string[] = [];
  const viaEntries = names.includes('__proto__');
  for (const { line, cells } of raw.rows) {
    let blank = true;
    for (let i = 0; i < names.length; i++) {
      const value = cellText(cells[i] ?? '', separators[i] ?? '');
      values[i] = value;
      if (value !== '') blank = false;
    }
    if (!blank) rows.push({ line, cells: record(names, values, viaEntries) });
  }
  return { columns: [...names], rows };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * `{ [names[i]]: values[i] }` in the order of `names`. Made by assignment, which is quicker than
 * `Object.fromEntries` on many rows, unless a name is `__proto__` (`viaEntries`): assigned, it would
 * set the prototype instead of making a field.
 */
function record(names: readonly string[], values: readonly string[], viaEntries: boolean): Record<string, string> {
  if (viaEntries) return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  const out: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) out[names[i] as string] = values[i] ?? '';
  return out;
}

/** When no row is left and no row had a problem, throws `empty` unless empty tables are allowed. */
function finish(table: Table, problems: readonly UserError[], columns: ColumnNames, empty: UserError): ParsedTable {
  if (table.rows.length === 0 && problems.length === 0 && !columns.allowEmpty) throw empty;
  return { table, problems };
}

/** A cell's text, trimmed of white space and invisible characters; a list cell's items joined by `separator`. */
function cellText(cell: RawCell, separator: string): string {
  if (typeof cell === 'string') return trimBlank(cell);
  return cell.map(trimBlank).filter((item) => item !== '').join(separator);
}
