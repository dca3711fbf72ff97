import path from 'node:path';
import { markdownTableReader } from '../catalogue/markdown-table.js';
import { tableFormatOf, type ListSource, type TableFormat, type TableReader } from '../catalogue/table-format.js';
import { displayPath, readInsideWorkspace } from './files.js';

/**
 * The reader of each list format. The yaml library (YAML and JSON) and csv-parse (CSV) load only for a
 * list in their format: the action starts faster without them.
 */
const TABLE_READERS: Readonly<Record<TableFormat, () => Promise<TableReader>>> = {
  markdown: () => Promise.resolve(markdownTableReader),
  csv: async () => (await import('../catalogue/csv-table.js')).csvTableReader,
  yaml: async () => (await import('../catalogue/data-table.js')).yamlTableReader,
  json: async () => (await import('../catalogue/data-table.js')).jsonTableReader,
};

/** The reader of the file's format, loaded; a `UserError` naming `file` for a file of no list format. */
export async function loadTableReader(file: string): Promise<TableReader> {
  return await TABLE_READERS[tableFormatOf(file)]();
}

/**
 * A list file named by an input (`what` names it in messages: "the requirements list"), ready for the
 * catalogue's readers: the reader of its format, its text, and its path as shown in messages. A file
 * of no list format is refused before it is opened.
 */
export async function readListFile(file: string, workspace: string, what: string): Promise<ListSource> {
  const reader = await loadTableReader(file);
  const bytes = await readInsideWorkspace(file, workspace, what);
  return { file: displayPath(path.resolve(workspace, file), workspace), text: new TextDecoder().decode(bytes), reader };
}
