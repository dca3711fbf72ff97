/**
 * Reads the list of known residual anomalies (IEC 62304 §5.8.2, §5.8.3): every known anomaly of the
 * release, documented and evaluated, one row each.
 *
 * Two layouts are understood:
 * - the project's own, with an ID column: `ID | Title | Severity | Status | Tests | Justification |
 *   Acceptable | Assessed By | Assessment Date | Related Risk IDs | Benefit-Risk`;
 * - the common QMS template "List of Known Anomalies", which has no ID column: `Title | Description |
 *   Impact / Hazard | Discovery | Proposed Correction | Justification for Delay | Timeline`. There each
 *   anomaly gets the ID `ANOM-<n>`, n being its 1-based position among the table's rows (blank rows
 *   not counted; in a Markdown file with several such tables, among the rows of all of them in
 *   order), and its status is open: every anomaly the template lists is residual.
 *
 * Pure: takes the file's name, text and format reader (`ListSource`), returns data or throws user errors.
 */
import { UserError, UserErrors } from '../errors.js';
import type { AcceptableAnswer, Anomaly, AnomalyList, AnomalyStatus } from '../model/index.js';
import { blankName, hasBlank, trimBlank } from './blank.js';
import { parseTable } from './read-table.js';
import type { ListSource } from './table-format.js';

/**
 * Header names accepted for the columns of an anomaly list (canonical name -> other names). Names
 * match case-insensitively, after trimming and collapsing whitespace. `Priority` is not a severity
 * and is not read.
 */
export const ANOMALY_COLUMN_ALIASES = {
  id: [
    'anomaly id',
    'anomaly',
    'bug id',
    'issue',
    'issue id',
    'defect id',
    'key',
    'ids',
    'identifier',
    'id #',
    'id no',
    'defect',
    'bug',
    'ticket',
    'problem report',
    ...['anomaly', 'bug', 'defect', 'issue', 'ticket', 'problem', 'problem report', 'incident'].flatMap((word) =>
      ['id', 'no', 'nr', 'number', '#', 'key', 'ref'].map((suffix) => `${word} ${suffix}`),
    ),
  ],
  title: ['name', 'summary'],
  description: [],
  severity: ['criticality', 'risk level'],
  status: ['state', 'resolution'],
  impact: ['hazard', 'impact / hazard', 'impact/hazard', 'hazard impact', 'effect'],
  'related risk ids': ['risk ids', 'related risks', 'risk', 'risks'],
  tests: ['test', 'failing tests', 'test cases', 'explains'],
  requirements: [
    'requirement', 'requirement ids', 'srs', 'requirement(s)', 'requirements ids', 'requirement id', 'requirement refs', 'requirement references',
    'req', 'reqs', 'req id', 'req ids', 'req refs', 'srs id', 'srs ids', 'srs refs', 'srs items', 'srs requirements',
    ...['affected', 'related', 'linked', 'traced', 'impacted'].flatMap((word) => [`${word} requirements`, `${word} requirement`, `${word} requirement ids`, `${word} reqs`, `${word} srs`]),
    'requirements affected',
  ],
  justification: ['rationale', 'justification for delay', 'reason'],
  acceptable: [
    'accepted risk', 'risk acceptable', 'acceptable?', 'risk accepted', 'acceptability', 'risk acceptability', 'acceptable (y/n)',
    'acceptable (yes/no)', 'acceptance', 'risk acceptance', 'accept', 'accept?', 'accepted', 'accepted?', 'is acceptable', 'acceptable risk',
    'residual risk acceptable', 'residual risk acceptability', 'residual risk accepted', 'residual risk acceptance', 'risk is acceptable',
  ],
  'assessed by': ['assessor', 'reviewed by', 'evaluated by'],
  'assessment date': ['assessed on', 'date assessed', 'review date', 'evaluation date'],
  'benefit-risk': ['benefit risk', 'benefit-risk analysis', 'benefit/risk', 'bra'],
  // What a premarket submission lists for an unresolved anomaly; shown in the release notes when given.
  discovered: ['how discovered', 'found by', 'detected by', 'discovery', 'detection'],
  'root cause': ['cause'],
  mitigation: ['workaround', 'mitigation or workaround', 'mitigation / workaround', 'mitigation/workaround'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * Columns that hold lists, one item per line. Items are also separated by `;`, and in the ID lists
 * (`requirements`, `related risk ids`) by `,`. Test names often contain commas (parameterised tests),
 * so `tests` is split only at line breaks and `;`. In Markdown a `<br>` is a line break; in YAML and
 * JSON a list gives one item per element.
 */
export const ANOMALY_LIST_COLUMNS = ['tests', 'requirements', 'related risk ids'] as const;

/** Status words accepted (case-insensitive, trimmed) for each status. An empty status means open. */
export const ANOMALY_STATUS_WORDS: Readonly<Record<AnomalyStatus, readonly string[]>> = {
  open: ['open', 'new', 'active', 'known', 'investigating'],
  deferred: ['deferred', 'postponed', "won't fix", 'wontfix', 'later'],
  accepted: ['accepted', 'risk accepted', 'accepted risk'],
  closed: ['closed', 'resolved', 'done'],
  fixed: ['fixed', 'verified'],
};

/** Answers accepted (case-insensitive, trimmed) in the `acceptable` column. */
export const ACCEPTABLE_WORDS = {
  yes: ['yes', 'y', 'true', 'acceptable', 'accepted', '1'],
  no: ['no', 'n', 'false', 'not acceptable', 'unacceptable', '0'],
} as const;

const STATUS_OF = new Map<string, AnomalyStatus>(
  Object.entries(ANOMALY_STATUS_WORDS).flatMap(([status, words]) =>
    words.map((word): [string, AnomalyStatus] => [word, status as AnomalyStatus]),
  ),
);

const STATUS_ADVICE = (() => {
  const names = Object.keys(ANOMALY_STATUS_WORDS);
  const others = Object.entries(ANOMALY_STATUS_WORDS).flatMap(([status, words]) => words.filter((w) => w !== status));
  return `write ${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''} (or one of: ${others.join(', ')}); an empty status means open`;
})();

/** Lower-case, whitespace collapsed, typographic apostrophes made plain (`Won’t Fix` -> `won't fix`). */
function normaliseWord(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").toLowerCase();
}

/** The status a word stands for; `open` for an empty text; `undefined` for an unknown word. */
export function anomalyStatusOf(text: string): AnomalyStatus | undefined {
  const word = normaliseWord(text);
  return word === '' ? 'open' : STATUS_OF.get(word);
}

/** The answer of an `acceptable` cell: `unanswered` for an empty cell; `undefined` for a word that is neither yes nor no. */
export function acceptableOf(text: string): AcceptableAnswer | undefined {
  const word = normaliseWord(text);
  if (word === '') return 'unanswered';
  if ((ACCEPTABLE_WORDS.yes as readonly string[]).includes(word)) return 'yes';
  if ((ACCEPTABLE_WORDS.no as readonly string[]).includes(word)) return 'no';
  return undefined;
}

/** Whether `text` is a calendar date written `YYYY-MM-DD` (2024-02-29 is, 2023-02-29 and 2024-02-30 are not). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

type AnomalyColumn = keyof typeof ANOMALY_COLUMN_ALIASES;

/**
 * The shape of an anomaly ID, to find a table of anomalies by its cells when its ID column has a header
 * not known here: a tracker key (`ANOM-7`, `BUG-12`, `PROJ-123`, `KA-2024-003`) or an issue number (`#12`).
 */
export function isAnomalyId(text: string): boolean {
  return /^(?:#[0-9]+|[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*[-_][0-9]+)$/.test(text);
}

/**
 * Headers that look like the columns which decide the verdict: an unknown one (`Risk acceptability
 * decision`, `Requirement refs affected`) is refused rather than skipped, since skipping an Acceptable
 * column turns its "no" into a default yes, and skipping a Requirements column leaves its IDs unchecked.
 */
export const SUSPECT_COLUMNS = [
  { pattern: /accept|akzept|acept|accett/, column: 'acceptable' },
  { pattern: /(?:^| )(?:reqs?|requirements?|anforderung\S*|sw?rs|urs|prs)(?: |$)/, column: 'requirements' },
] as const;

/** Columns whose IDs name other items (requirements, risks, tests, analyses), never the anomaly's own. */
const REFERENCE_COLUMNS = ['requirements', 'related risk ids', 'tests', 'benefit-risk'];

/**
 * The fields every source of anomalies (a list file, GitHub issues) reads the same way from the raw
 * text of a column: texts with white space collapsed, ID lists split, the assessment date checked.
 */
export function describedFields(
  raw: (column: AnomalyColumn) => string,
): Pick<Anomaly, 'description' | 'impact' | 'relatedRisks' | 'requirements' | 'justification' | 'assessedBy' | 'assessmentDate' | 'benefitRisk' | 'discovered' | 'rootCause' | 'mitigation'> {
  const text = (column: AnomalyColumn): string => raw(column).replace(/\s+/g, ' ').trim();
  const assessmentDate = text('assessment date');
  const [discovered, rootCause, mitigation] = [text('discovered'), text('root cause'), text('mitigation')];
  return {
    ...(discovered === '' ? {} : { discovered }),
    ...(rootCause === '' ? {} : { rootCause }),
    ...(mitigation === '' ? {} : { mitigation }),
    description: text('description'),
    impact: text('impact'),
    relatedRisks: splitIds(raw('related risk ids')),
    requirements: splitIds(raw('requirements')),
    justification: text('justification'),
    assessedBy: text('assessed by'),
    assessmentDate: isIsoDate(assessmentDate) ? { valid: true, date: assessmentDate } : { valid: false, text: assessmentDate },
    benefitRisk: text('benefit-risk'),
  };
}

/** Test names or globs: split at line breaks and `;` only, since test names may contain commas. */
export function splitTests(text: string): string[] {
  return splitAt(text, /\r\n|\r|\n|;/);
}

/** Requirement or risk IDs: split at line breaks, `;` and `,`. */
export function splitIds(text: string): string[] {
  return splitAt(text, /\r\n|\r|\n|[;,]/);
}

function splitAt(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Reads a list of known anomalies in Markdown, CSV, YAML or JSON. The table needs an ID column or,
 * without one, a Title column (IDs are then `ANOM-<n>`, see above). A list with a header but no rows
 * is an empty list: a release may have no known anomaly. Every problem of the file is reported at
 * once: a `UserErrors` for problems in rows, a `UserError` when the file cannot be read as a table.
 */
export function readAnomalies(list: ListSource): AnomalyList {
  const { file } = list;
  const { table, problems } = parseTable(list, {
    requiredColumn: ['id', 'title'],
    aliases: ANOMALY_COLUMN_ALIASES,
    // Aliases too: a column named by an alias keeps that name when another column has the canonical one.
    lineBreakColumns: ANOMALY_LIST_COLUMNS.flatMap((c) => [c, ...ANOMALY_COLUMN_ALIASES[c]]),
    allowEmpty: true,
    isId: isAnomalyId,
    referenceColumns: REFERENCE_COLUMNS,
    idNoun: 'anomaly IDs',
    oneColumnPerField: true,
    suspectColumns: SUSPECT_COLUMNS,
  });
  const errors: UserError[] = [...problems];
  const anomalies: Anomaly[] = [];
  // A field is read from the column with its canonical name, else from a column named by an alias: in
  // YAML and JSON one entry may write `assessed by` and the next `assessor`, and each keeps its column.
  const sources = new Map(
    Object.entries(ANOMALY_COLUMN_ALIASES).map(([canonical, aliases]) => [
      canonical,
      [canonical, ...aliases].filter((name) => table.columns.includes(name)),
    ]),
  );
  const hasIds = (sources.get('id') ?? []).length > 0;
  const firstLine = new Map<string, number>();

  table.rows.forEach((row, index) => {
    const at = { file, line: row.line };
    const cell = (column: AnomalyColumn): string =>
      (sources.get(column) ?? []).map((name) => row.cells[name] ?? '').find((value) => trimBlank(value) !== '') ?? '';
    const text = (column: AnomalyColumn): string => cell(column).replace(/\s+/g, ' ').trim();
    const title = text('title');
    const rowErrors: UserError[] = [];

    let id = `ANOM-${index + 1}`;
    if (hasIds) {
      id = trimBlank(cell('id'));
      const before = firstLine.get(id);
      if (id === '') {
        rowErrors.push(
          new UserError(
            `the row${title === '' ? '' : ` "${shorten(title)}"`} has no ID; give every anomaly an ID such as ANOM-1, ` +
              'or delete the row',
            at,
          ),
        );
      } else if (hasBlank(id)) {
        rowErrors.push(
          new UserError(
            `the ID "${shorten(id)}" contains ${blankName(id)}; an ID is one word such as ANOM-1 (put each anomaly on its own row)`,
            at,
          ),
        );
      } else if (before !== undefined) {
        rowErrors.push(new UserError(`duplicate ID ${id} on lines ${before} and ${row.line}; every anomaly needs its own ID`, at));
      } else {
        firstLine.set(id, row.line);
      }
    } else if (title === '') {
      rowErrors.push(
        new UserError(
          'the row has no title; give every anomaly a title (or add an ID column), or delete the row',
          at,
        ),
      );
    }

    const status = anomalyStatusOf(cell('status'));
    if (status === undefined) {
      rowErrors.push(new UserError(`unknown status "${shorten(text('status'))}"; ${STATUS_ADVICE}`, at));
    }
    const acceptable = acceptableOf(cell('acceptable'));
    if (acceptable === undefined) {
      rowErrors.push(
        new UserError(
          `"${shorten(text('acceptable'))}" does not say whether the residual risk is acceptable; ` +
            `write ${ACCEPTABLE_WORDS.yes.join(', ')} or ${ACCEPTABLE_WORDS.no.join(', ')}, ` +
            'or leave the cell empty when the anomaly is not yet assessed',
          at,
        ),
      );
    }

    errors.push(...rowErrors);
    if (rowErrors.length > 0 || status === undefined || acceptable === undefined) return;
    anomalies.push({
      id,
      title,
      status,
      severity: text('severity'),
      tests: splitTests(cell('tests')),
      acceptable,
      ...describedFields(cell),
      line: row.line,
      source: file,
    });
  });

  if (errors.length > 0) {
    throw new UserErrors([...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return { file, anomalies, hasAcceptableColumn: (sources.get('acceptable') ?? []).length > 0 };
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
