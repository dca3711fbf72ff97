/**
 * The list readers of `src/catalogue` as tests call them: by a file's name and text, with the reader of
 * its format taken from the name. The action loads that reader on demand (`src/io/read-list.ts`);
 * here every format's reader is at hand. A name of no list format is refused as the action refuses it.
 */
import { csvTableReader } from '../../src/catalogue/csv-table.js';
import { jsonTableReader, yamlTableReader } from '../../src/catalogue/data-table.js';
import { markdownTableReader } from '../../src/catalogue/markdown-table.js';
import * as anomalies from '../../src/catalogue/read-anomalies.js';
import * as requirements from '../../src/catalogue/read-requirements.js';
import * as tables from '../../src/catalogue/read-table.js';
import { tableFormatOf, type ListSource, type TableFormat, type TableReader } from '../../src/catalogue/table-format.js';
import type { AnomalyList, RequirementList } from '../../src/model/index.js';

const TABLE_READERS: Readonly<Record<TableFormat, TableReader>> = {
  markdown: markdownTableReader,
  csv: csvTableReader,
  yaml: yamlTableReader,
  json: jsonTableReader,
};

/** A list file's name and text with the reader of its format, as `readListFile` gives them. */
export function listSource(file: string, text: string): ListSource {
  return { file, text, reader: TABLE_READERS[tableFormatOf(file)] };
}

export function readRequirements(file: string, text: string, options?: requirements.ReadRequirementsOptions): RequirementList {
  return requirements.readRequirements(listSource(file, text), options);
}

export function readAnomalies(file: string, text: string): AnomalyList {
  return anomalies.readAnomalies(listSource(file, text));
}

export function readTable(file: string, text: string, options: tables.ReadTableOptions): tables.Table {
  return tables.readTable(listSource(file, text), options);
}
