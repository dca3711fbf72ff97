/**
 * Reads the software requirements list (IEC 62304 §5.2): one row per requirement with its ID.
 *
 * Pure: takes the file's name, text and format reader (`ListSource`), returns data or throws user errors.
 */
import { UserError, UserErrors } from '../errors.js';
import type { Requirement, RequirementList } from '../model/index.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../trace/requirement-ids.js';
import { blankName, hasBlank, trimBlank } from './blank.js';
import { parseTable } from './read-table.js';
import type { ListSource } from './table-format.js';

/** Words that name a requirement, and what may follow them in the header of its ID column (`SRS No.`, `Req #`). */
const ID_HEADER_WORDS = ['requirement', 'req', 'srs', 'swr', 'swrs', 'sw req', 'sw requirement', 'software requirement'] as const;
const ID_HEADER_SUFFIXES = ['id', 'ids', 'no', 'nr', 'number', '#', 'key', 'ref'] as const;

/**
 * Header names accepted for the columns a requirements list uses (canonical name -> other names).
 * Names match case-insensitively, after trimming and collapsing whitespace.
 */
export const REQUIREMENT_COLUMN_ALIASES = {
  id: [
    'requirement id',
    'req id',
    'req. id',
    'req-id',
    'requirement-id',
    'requirement no',
    'requirement no.',
    'requirement number',
    'req no',
    'req. no.',
    'srs id',
    'srs-id',
    'uid',
    'issue key',
    'ids',
    'identifier',
    'id #',
    'id no',
    ...ID_HEADER_WORDS.flatMap((word) => ID_HEADER_SUFFIXES.map((suffix) => `${word} ${suffix}`)),
  ],
  title: ['requirement title', 'req title', 'short title', 'heading'],
  name: ['requirement name'],
  description: ['requirement description', 'desc', 'desc.', 'details'],
  requirement: ['requirement text', 'requirement statement', 'text', 'statement'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * Columns that name other items (risks, parents, tests), never the requirement's own ID: a table
 * whose only column of IDs is one of them is not taken for a list of requirements.
 */
const REFERENCE_COLUMNS = ['related risk ids', 'related risks', 'risk ids', 'parent', 'parents', 'parent id', 'derived from', 'source', 'tests', 'test', 'verified by'];

/** Columns a requirement's title is taken from: the first non-empty one wins. */
export const REQUIREMENT_TITLE_COLUMNS = ['title', 'name', 'summary', 'description', 'requirement'] as const;

export interface ReadRequirementsOptions {
  /** The `requirement-pattern`: a cell that is exactly one match is a requirement ID. The default pattern when absent. */
  readonly pattern?: RegExp;
}

/**
 * Reads a requirements list in Markdown, CSV, YAML or JSON. Every problem of the file is reported at
 * once: a `UserErrors` for problems in rows, a `UserError` when the file cannot be read as a table.
 * An ID is one word: white space or an invisible character (U+200B ZERO WIDTH SPACE, U+FEFF ...)
 * around it is dropped, one inside it is refused, and an ID made only of them is no ID. A table whose
 * ID column has a header not known here is still found by its cells: see `parseTable`.
 */
export function readRequirements(list: ListSource, options: ReadRequirementsOptions = {}): RequirementList {
  const { file } = list;
  const { table, problems } = parseTable(list, {
    requiredColumn: 'id',
    aliases: REQUIREMENT_COLUMN_ALIASES,
    isId: wholeMatch(options.pattern ?? compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN)),
    referenceColumns: REFERENCE_COLUMNS,
    idNoun: 'requirement IDs',
  });
  const errors: UserError[] = [...problems];
  const requirements: Requirement[] = [];
  const firstLine = new Map<string, number>();

  for (const row of table.rows) {
    const id = trimBlank(row.cells['id'] ?? '');
    const title = titleOf(row.cells);
    if (id === '') {
      errors.push(
        new UserError(
          `the row${title === '' ? '' : ` "${shorten(title)}"`} has no ID; give every requirement an ID such as SRS-001, ` +
            'or delete the row',
          { file, line: row.line },
        ),
      );
      continue;
    }
    if (hasBlank(id)) {
      errors.push(
        new UserError(
          `the ID "${shorten(id)}" contains ${blankName(id)}; an ID is one word such as SRS-001` +
            ' (put each requirement on its own row)',
          { file, line: row.line },
        ),
      );
      continue;
    }
    const before = firstLine.get(id);
    if (before !== undefined) {
      errors.push(
        new UserError(
          `duplicate ID ${id} on lines ${before} and ${row.line}; every requirement needs its own ID`,
          { file, line: row.line },
        ),
      );
      continue;
    }
    firstLine.set(id, row.line);
    requirements.push({ id, title, line: row.line });
  }

  if (requirements.length === 0 && errors.length === 0) {
    errors.push(new UserError('the list holds no requirement; add one row per requirement with its ID', { file }));
  }
  if (errors.length > 0) {
    throw new UserErrors([...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return { file, requirements };
}

/** Whether a text is one match of `pattern` from its first character to its last. */
function wholeMatch(pattern: RegExp): (text: string) => boolean {
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gym]/g, ''));
  return (text) => whole.test(text);
}

/** The first non-empty cell of `REQUIREMENT_TITLE_COLUMNS`, or ''. */
function titleOf(cells: Readonly<Record<string, string>>): string {
  for (const column of REQUIREMENT_TITLE_COLUMNS) {
    const text = cells[column];
    if (text !== undefined && text !== '') return text;
  }
  return '';
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
