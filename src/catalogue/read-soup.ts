/**
 * Reads the SOUP list (IEC 62304 §8.1.2): one row per third-party component the software ships, with
 * the columns of the common QMS template `ID | Software System | Package Name | Programming Language |
 * Version | Website | Last verified at | Risk Level | Requirements | Verification Reasoning`, or
 * their aliases below. `Software System` (which part uses it) is not checked.
 *
 * Pure: takes the file's name, text and format reader (`ListSource`), returns data or throws user errors.
 */
import { UserError, UserErrors } from '../errors.js';
import type { SoupList, SoupRow } from '../model/index.js';
import { trimBlank } from './blank.js';
import { parseTable } from './read-table.js';
import type { ListSource } from './table-format.js';

/**
 * Header names accepted for the columns of a SOUP list (canonical name -> other names), matched
 * case-insensitively after trimming and collapsing white space.
 */
export const SOUP_COLUMN_ALIASES = {
  id: ['soup id', 'item id', 'soup no', 'soup #'],
  name: ['package name', 'package', 'component', 'component name', 'soup', 'soup name', 'soup item', 'library', 'library name', 'dependency', 'software', 'software name', 'title'],
  ecosystem: ['programming language', 'language', 'package manager', 'package type', 'registry'],
  version: ['version number', 'soup version', 'designator', 'unique designator', 'release'],
  manufacturer: ['vendor', 'supplier', 'author', 'publisher', 'maintainer', 'maintainers'],
  website: ['url', 'link', 'homepage', 'home page', 'web site', 'project url', 'source', 'repository'],
  'risk level': ['risk', 'risk class', 'risk classification', 'soup risk', 'soup risk level', 'risk rating', 'risk category'],
  requirements: ['soup requirements', 'requirement', 'functional requirements', 'functional and performance requirements', 'requirements (functional, performance)'],
  'verification reasoning': ['verification', 'verification rationale', 'verification reason', 'rationale', 'verification method'],
  'last verified at': ['last verified', 'last verified on', 'verified at', 'verified on', 'last checked', 'last reviewed'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

type SoupColumn = keyof typeof SOUP_COLUMN_ALIASES;

/**
 * Reads a SOUP list in Markdown, CSV, YAML or JSON. The table needs a name column (`Package Name`,
 * `Name`, `Component`, ...). A list with a header and no rows is an empty list: the SBOMs then say
 * whether that is right. A row without a name is refused, and so is the same component (name,
 * ecosystem, version) twice.
 */
export function readSoupList(list: ListSource): SoupList {
  const { file } = list;
  const { table, problems } = parseTable(list, {
    requiredColumn: 'name',
    aliases: SOUP_COLUMN_ALIASES,
    allowEmpty: true,
    oneColumnPerField: true,
    suspectColumns: [
      { pattern: /(?:^| )versions?(?: |$)/, column: 'version' },
      { pattern: /(?:^| )risk (?:levels?|class\S*)(?: |$)/, column: 'risk level' },
    ],
  });
  const errors: UserError[] = [...problems];
  const sources = new Map(
    Object.entries(SOUP_COLUMN_ALIASES).map(([canonical, aliases]) => [canonical, [canonical, ...aliases].filter((name) => table.columns.includes(name))]),
  );
  const rows: SoupRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (column: SoupColumn): string =>
      trimBlank((sources.get(column) ?? []).map((name) => row.cells[name] ?? '').find((value) => trimBlank(value) !== '') ?? '').replace(/\s+/g, ' ');
    const at = { file, line: row.line };
    const name = cell('name');
    if (name === '') {
      errors.push(new UserError('the row has no package name; give every SOUP item its name as the SBOM writes it, or delete the row', at));
      continue;
    }
    const item: SoupRow = {
      id: cell('id'),
      name,
      ecosystem: cell('ecosystem'),
      version: cell('version'),
      manufacturer: cell('manufacturer'),
      website: cell('website'),
      riskLevel: cell('risk level'),
      requirements: cell('requirements'),
      verification: cell('verification reasoning'),
      lastVerified: cell('last verified at'),
      line: row.line,
    };
    const key = `${name.toLowerCase()}\n${item.ecosystem.toLowerCase()}\n${item.version}`;
    const before = firstLine.get(key);
    if (before !== undefined) {
      errors.push(new UserError(`${name} ${item.version} is listed twice, on lines ${before} and ${row.line}; keep one row per SOUP item and version`, at));
      continue;
    }
    firstLine.set(key, row.line);
    rows.push(item);
  }
  if (errors.length > 0) throw new UserErrors([...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { file, rows };
}
