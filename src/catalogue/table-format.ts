/**
 * What the list reader (`read-table.ts`) and the reader of each format (`markdown-table.ts`,
 * `csv-table.ts`, `data-table.ts`) share: the table as a format reader finds it, the reader itself,
 * and which format a file is in.
 *
 * The format readers are handed to the list reader with the text (`ListSource`), never imported by
 * it: `io/` loads the yaml library and csv-parse only for a list in their format.
 *
 * Pure.
 */
import { UserError } from '../errors.js';

/** A cell as a format reader finds it: text, or the items of a list (YAML/JSON list, Markdown cell lines split by `<br>`). */
export type RawCell = string | readonly string[];

export interface RawRow {
  /** 1-based line where the row (or entry) starts. */
  readonly line: number;
  /** One cell per header, same order; missing cells at the end are empty. */
  readonly cells: readonly RawCell[];
}

/** A table as a format reader finds it: header names as written, before they are mapped to columns. */
export interface RawTable {
  /** 1-based line of the header row, or of the YAML/JSON list. */
  readonly line: number;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  /** Joins the items of a list cell in a column that does not keep line breaks. */
  readonly itemSeparator: string;
  /** Problems found in single rows. */
  readonly problems: readonly UserError[];
  /**
   * A YAML/JSON list inside an entry: it lists entries only when they have the first required field
   * (`id`); an anomaly's list of assessments with a `name` is not a list of anomalies.
   */
  readonly nested?: boolean;
}

/**
 * How to tell entries apart from the rest of a YAML/JSON file: `isEntryKey` says whether a field names a
 * required column (`id`); `isId`, whether a text is one ID of the list (to read a mapping keyed by IDs).
 */
export interface EntryShape {
  readonly isEntryKey: (key: string) => boolean;
  /** Whether a field names items of other lists (an anomaly's `tests`, a requirement's `parents`): what it holds is no entry. */
  readonly isReferenceKey?: (key: string) => boolean;
  readonly isId?: ((text: string) => boolean) | undefined;
}

export type TableFormat = 'markdown' | 'csv' | 'yaml' | 'json';

/**
 * The reader of one format: a Markdown file may hold several tables, a CSV file holds one, and a
 * YAML/JSON file one per list of entries (which `shape` tells apart).
 */
export type TableReader =
  | { readonly format: 'markdown'; readonly read: (file: string, text: string) => RawTable[] }
  | { readonly format: 'csv'; readonly read: (file: string, text: string) => RawTable }
  | { readonly format: 'yaml' | 'json'; readonly read: (file: string, text: string, shape: EntryShape) => RawTable[] };

/** A list file to read: its name as shown in messages, its text, and the reader of its format. */
export interface ListSource {
  readonly file: string;
  readonly text: string;
  readonly reader: TableReader;
}

/** File types the reader understands, as named in messages. */
export const SUPPORTED_TABLE_FORMATS = 'Markdown (.md, .markdown), CSV (.csv), YAML (.yml, .yaml) or JSON (.json)';

/** The format of a list file, by its extension; a `UserError` for any other file. */
export function tableFormatOf(file: string): TableFormat {
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
