/**
 * Hostile requirements and anomaly lists. The requirements list decides what the gate checks: a
 * row the reader silently leaves out is a requirement the gate never asks a test for. Each case
 * compares what the reader returns with what a reviewer sees in the file on GitHub.
 */
import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../../src/errors.js';
import { readAnomalies, readRequirements } from '../support/lists.js';

/** The IDs read, or the messages of the errors the reader threw (UserError/UserErrors only). */
function idsOrErrors(file: string, text: string, read: typeof readRequirements | typeof readAnomalies = readRequirements): string[] | { errors: string[] } {
  try {
    const list = read(file, text);
    return 'requirements' in list ? list.requirements.map((r) => r.id) : list.anomalies.map((a) => a.id);
  } catch (e) {
    if (e instanceof UserErrors) return { errors: e.errors.map((x) => x.toString()) };
    if (e instanceof UserError) return { errors: [e.toString()] };
    throw e;
  }
}

const TABLE = (rows: readonly string[]): string => `# Software requirements\n\n| ID | Title |\n| --- | --- |\n${rows.join('\n')}\n`;

describe('rows a reviewer sees but the reader might not', () => {
  it('control: three rows give three requirements', () => {
    expect(idsOrErrors('requirements.md', TABLE(['| SRS-001 | a |', '| SRS-002 | b |', '| SRS-003 | c |']))).toEqual(['SRS-001', 'SRS-002', 'SRS-003']);
  });

  // Regression: a U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR in a cell (pasted from Word,
  // Confluence or a JavaScript string) ended the table for `marked` (its table rule does not match
  // them with `.`): that row and all rows after it became a paragraph and the reader returned only
  // SRS-001, while GitHub (CommonMark: only \n, \r\n, \r end a line) shows the whole table. Handled
  // now in src/catalogue/markdown-table.ts; a refusal naming the line would satisfy this test too.
  it.each([
    ['U+2028 LINE SEPARATOR', '\u2028'],
    ['U+2029 PARAGRAPH SEPARATOR', '\u2029'],
  ])('a %s in a title does not drop the rows from there on', (_label, sep) => {
    const ids = idsOrErrors('requirements.md', TABLE(['| SRS-001 | a |', `| SRS-002 | first line${sep}second line |`, '| SRS-003 | c |']));
    expect(Array.isArray(ids) ? ids : 'refused').toEqual(expect.arrayContaining(['SRS-001', 'SRS-002', 'SRS-003']));
  });

  it.each([
    ['CSV', 'requirements.csv', 'ID,Title\nSRS-001,a\nSRS-002,first\u2028second\nSRS-003,c\n'],
    ['JSON', 'requirements.json', JSON.stringify([{ id: 'SRS-001' }, { id: 'SRS-002', title: 'first\u2028second' }, { id: 'SRS-003' }])],
    ['YAML', 'requirements.yaml', '- id: SRS-001\n- id: SRS-002\n  title: "first\u2028second"\n- id: SRS-003\n'],
  ])('control: %s keeps every row around a U+2028', (_label, file, text) => {
    expect(idsOrErrors(file, text)).toEqual(['SRS-001', 'SRS-002', 'SRS-003']);
  });

  // Regression: the reader used to take only the FIRST Markdown table with an ID column, so an SRS
  // with one table per section was gated on its first section only: SRS-101 was never checked and
  // the gate could pass without a test for it. src/catalogue/read-table.ts now reads (or refuses) the
  // further tables.
  it('a second table with an ID column is not silently ignored', () => {
    const text = `${TABLE(['| SRS-001 | a |'])}\n## Alarms\n\n| ID | Title |\n| --- | --- |\n| SRS-101 | Occlusion alarm |\n`;
    const ids = idsOrErrors('requirements.md', text);
    if (Array.isArray(ids)) expect(ids).toContain('SRS-101');
    else expect(ids.errors.join('\n')).toMatch(/table/);
  });

  // Regression: a blank line inside the table ends it (as on GitHub, which then shows the remaining
  // rows as a paragraph of pipes); the reader used to drop those rows without a word, so SRS-002 was
  // never checked and the gate could pass without a test for it. src/catalogue/markdown-table.ts now
  // deals with a line that looks like a row of the table outside any table.
  it('rows after a blank line inside the table are not silently dropped', () => {
    const ids = idsOrErrors('requirements.md', TABLE(['| SRS-001 | a |', '', '| SRS-002 | b |']));
    if (Array.isArray(ids)) expect(ids).toContain('SRS-002');
    else expect(ids.errors.join('\n')).toMatch(/requirements\.md:\d+/);
  });
});

describe('IDs that are empty or white space', () => {
  it.each([
    ['an empty cell', '|  | t |'],
    ['spaces', '|    | t |'],
    ['a no-break space', '| \u00a0 | t |'],
    ['an ideographic space', '| \u3000 | t |'],
    ['a byte-order mark', '| \ufeff | t |'],
    ['an ID with a space inside', '| SRS 001 | t |'],
    ['an ID with a no-break space inside', '| SRS-\u00a0001 | t |'],
  ])('refuses %s as an ID, naming the row', (_label, row) => {
    const r = idsOrErrors('requirements.md', TABLE(['| SRS-001 | a |', row]));
    expect(r).toHaveProperty('errors');
    expect((r as { errors: string[] }).errors.join('\n')).toMatch(/^requirements\.md:6: /m);
  });

  // Regression: U+0085 NEXT LINE is white space (Unicode White_Space) but neither trim() nor /\s/
  // knows it, so a cell holding only U+0085 was read as the requirement ID "\u0085", invisible in
  // every report, in all four formats. List cells are now trimmed and checked with Unicode
  // White_Space and format characters (src/catalogue/blank.ts).
  it.each([
    ['Markdown', 'requirements.md', TABLE(['| SRS-001 | a |', '| \u0085 | t |'])],
    ['CSV', 'requirements.csv', 'ID,Title\nSRS-001,a\n\u0085,t\n'],
    ['JSON', 'requirements.json', JSON.stringify([{ id: 'SRS-001' }, { id: '\u0085', title: 't' }])],
  ])('refuses an ID that is only U+0085 NEXT LINE (%s)', (_label, file, text) => {
    const r = idsOrErrors(file, text);
    expect(r).toHaveProperty('errors');
  });

  it('refuses an anomaly row whose ID is white space, naming the row', () => {
    const text = '| ID | Title | Status |\n| --- | --- | --- |\n| \u00a0 | Rounding | Open |\n';
    const r = idsOrErrors('anomalies.md', text, readAnomalies);
    expect(r).toEqual({ errors: [expect.stringMatching(/^anomalies\.md:3: the row "Rounding" has no ID/)] });
  });
});

/** The IDs with their lines, or the errors: where a reader puts each entry matters for the messages. */
function placed(file: string, text: string, read: typeof readRequirements | typeof readAnomalies = readRequirements): string[] | { errors: string[] } {
  try {
    const list = read(file, text);
    const entries: readonly { id: string; line?: number | undefined }[] = 'requirements' in list ? list.requirements : list.anomalies;
    return entries.map((e) => `${e.id}@${e.line ?? "?"}`);
  } catch (e) {
    if (e instanceof UserErrors) return { errors: e.errors.map((x) => x.toString()) };
    if (e instanceof UserError) return { errors: [e.toString()] };
    throw e;
  }
}

const HISTORY = '| Version | Date | Change |\n| --- | --- | --- |\n| 1.1 | 2024-03-01 | added SRS-002 |\n\n';

// Regression: a table whose ID column was headed otherwise than the few names the reader knew was
// skipped like a revision history, so its requirements never needed a test and its anomalies never
// needed an assessment. src/catalogue/read-table.ts now knows the common headers and finds a table of
// entries by its cells: a column in which every cell is exactly one ID.
describe('tables of entries whose ID column has another header', () => {
  it.each(['SRS No.', 'SRS #', 'Req #', 'Req#', 'Req. No.', 'Requirement Number', 'Requirement-ID', 'SW Req ID', 'Identifier', 'ID:', 'IDs', 'Requirement', 'Ref', ''])(
    'reads a requirements table headed "%s", also after a revision history',
    (header) => {
      const table = `| ${header} | Title |\n| --- | --- |\n| SRS-001 | a |\n| SRS-002 | b |\n`;
      expect(placed('requirements.md', table)).toEqual(['SRS-001@3', 'SRS-002@4']);
      expect(placed('requirements.md', `${HISTORY}${table}`)).toEqual(['SRS-001@7', 'SRS-002@8']);
    },
  );

  it.each(['Requirement', 'Req #', 'Thing'])('reads a later table headed "%s" next to a table with an ID column', (header) => {
    const text = `${TABLE(['| SRS-001 | a |'])}\n## Alarms\n\n| ${header} | Text |\n| --- | --- |\n| SRS-101 | Occlusion alarm |\n`;
    expect(placed('requirements.md', text)).toEqual(['SRS-001@5', 'SRS-101@11']);
  });

  it.each([
    ['CSV', 'requirements.csv', 'Req #;Title\nSRS-001;a\nSRS-002;b\n'],
    ['CSV, column of IDs without a known header', 'requirements.csv', 'Requirement,Text\nSRS-001,a\nSRS-002,b\n'],
    ['CSV, column without a header', 'requirements.csv', ',Text\nSRS-001,a\nSRS-002,b\n'],
    ['YAML', 'requirements.yaml', '- SRS No.: SRS-001\n- SRS No.: SRS-002\n'],
    ['JSON', 'requirements.json', '[\n{"requirement": "SRS-001", "text": "a"},\n{"requirement": "SRS-002"}\n]'],
  ])('reads the same in %s', (_label, file, text) => {
    expect(idsOrErrors(file, text)).toEqual(['SRS-001', 'SRS-002']);
  });

  it('finds the IDs by the requirement-pattern of the project', () => {
    const text = '| Requirement | Text |\n| --- | --- |\n| DOSE-1 | a |\n| DOSE-2 | b |\n';
    expect(readRequirements('requirements.md', text, { pattern: /DOSE-\d+/g }).requirements.map((r) => r.id)).toEqual(['DOSE-1', 'DOSE-2']);
    // The default pattern does not know DOSE-: without an ID column, the table is not one of requirements.
    expect(idsOrErrors('requirements.md', text)).toEqual({ errors: [expect.stringMatching(/^requirements\.md:1: the table has no column "id"/)] });
  });

  it('refuses a table that lists IDs of which some stand in no table that is read, naming its line and header', () => {
    const text = `${TABLE(['| SRS-001 | a |'])}\n| Requirement | Risk control |\n| --- | --- |\n| SRS-001 | RC-1 |\n| SRS-002 | RC-2 |\n`;
    const r = idsOrErrors('requirements.md', text);
    expect(r).toEqual({ errors: [expect.stringMatching(/^requirements\.md:7: the table \(columns "Requirement", "Risk control"\) has a column "Requirement" of requirement IDs but no ID column, and SRS-002 stands in no table/)] });
  });

  it('refuses a table with two columns of IDs and no ID column, naming both', () => {
    const text = '| Requirement | Refines |\n| --- | --- |\n| SRS-002 | SRS-001 |\n';
    const r = idsOrErrors('requirements.md', text);
    expect(r).toEqual({ errors: [expect.stringMatching(/^requirements\.md:1: .*2 columns of requirement IDs \("Requirement", "Refines"\)/)] });
  });

  it('allows IDs that only refer to listed requirements: a traceability matrix, a revision history, IDs inside text', () => {
    const text =
      `${HISTORY}${TABLE(['| SRS-001 | a |', '| SRS-002 | b |'])}\n` +
      '| Requirement | Test |\n| --- | --- |\n| SRS-001 | dose.test.js |\n| SRS-002 | alarm.test.js |\n\n' +
      '| Risk | Mitigated by |\n| --- | --- |\n| RISK-1 | SRS-001, SRS-002 |\n| RISK-2 | see SRS-002 |\n';
    expect(idsOrErrors('requirements.md', text)).toEqual(['SRS-001', 'SRS-002']);
  });

  it.each(['Defect', 'Defect #', 'Bug No.', 'Ticket', 'Issue #', 'Anomaly No.', 'Problem Report', 'Identifier', 'ID:', 'IDs', 'Ref'])(
    'reads an anomaly table without a title, its ID column headed "%s"',
    (header) => {
      const text = `${HISTORY}| ${header} | Severity | Status |\n| --- | --- | --- |\n| BUG-7 | High | Open |\n| #12 | Low | Open |\n`;
      expect(placed('anomalies.md', text, readAnomalies)).toEqual(['BUG-7@7', '#12@8']);
    },
  );

  it('reads a later anomaly table with an unknown ID header, not taking its requirement or risk columns for IDs', () => {
    const text =
      '| ID | Title | Status |\n| --- | --- | --- |\n| ANOM-1 | Rounding | Open |\n\n' +
      '| Ref | Requirements | Related Risk IDs | Status |\n| --- | --- | --- | --- |\n| BUG-2 | SRS-001 | RISK-3 | Open |\n';
    expect(placed('anomalies.md', text, readAnomalies)).toEqual(['ANOM-1@3', 'BUG-2@7']);
  });

  it('reads an anomaly list in CSV and YAML whose ID column has another header', () => {
    expect(idsOrErrors('anomalies.csv', 'Defect No.,Severity\nBUG-1,Low\n', readAnomalies)).toEqual(['BUG-1']);
    expect(idsOrErrors('anomalies.yaml', '- defect: BUG-1\n  severity: Low\n', readAnomalies)).toEqual(['BUG-1']);
  });

  it('still skips an anomaly file\'s revision history, whose versions are not IDs', () => {
    const text = `| Version | Date |\n| --- | --- |\n| v1.0 | 2024-01-01 |\n| 1.1 | 2024-02-01 |\n\n| ID | Title |\n| --- | --- |\n| ANOM-1 | x |\n`;
    expect(idsOrErrors('anomalies.md', text, readAnomalies)).toEqual(['ANOM-1']);
  });
});

// Regression: only a line starting and ending with a pipe, with three pipes or more, counted as a row
// cut off from its table. The rows of a table written without leading pipes, or a one-cell row
// `| SRS-003 |`, after a blank line were dropped without a word, and so were the cells of a row past
// the header's width. src/catalogue/markdown-table.ts now refuses every such line, naming it.
describe('rows that would be lost', () => {
  it.each([
    ['a table without leading pipes', 'ID | Title\n--- | ---\nSRS-001 | a\nSRS-002 | b\n\nSRS-003 | c\n', 6],
    ['a table without outer pipes, a one-column row', 'ID | Title\n--- | ---\nSRS-001 | a\n\nSRS-003 |\n', 5],
    ['a one-cell row', '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n\n| SRS-003 |\n', 5],
    ['a one-cell row without a closing pipe', '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n\n| SRS-003\n', 5],
    ['a row in a block quote', '> | ID | Title |\n> | --- | --- |\n> | SRS-001 | a |\n>\n> | SRS-003 | c |\n', 5],
    ['a row after a heading', '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n\n## More\n\n| SRS-003 | c |\n| SRS-004 | d |\n', 7],
    ['rows whose table has no delimiter row', '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n\n| ID | Title |\n| SRS-003 | c |\n', 5],
  ])('refuses the rows after %s, naming the line', (_label, text, line) => {
    const r = idsOrErrors('requirements.md', text);
    expect(r).toHaveProperty('errors');
    expect((r as { errors: string[] }).errors[0]).toMatch(new RegExp(`^requirements\\.md:${line}: this line looks like a table row`));
  });

  it('refuses a row with more cells than the header, whose cells GitHub does not show', () => {
    const r = idsOrErrors('requirements.md', TABLE(['| SRS-001 | a |', '| SRS-002 | b | SRS-003 | c |']));
    expect(r).toEqual({ errors: [expect.stringMatching(/^requirements\.md:6: the row has 4 cells but the header has 2/)] });
    // A blank cell past the header is nothing lost.
    expect(idsOrErrors('requirements.md', TABLE(['| SRS-001 | a | |', '| SRS-002 | b |  |  |']))).toEqual(['SRS-001', 'SRS-002']);
  });

  it('refuses an HTML table, which is not read', () => {
    const text = `${TABLE(['| SRS-001 | a |'])}\n<table>\n<tr><td>SRS-002</td><td>b</td></tr>\n</table>\n`;
    expect(idsOrErrors('requirements.md', text)).toEqual({ errors: [expect.stringMatching(/^requirements\.md:7: an HTML table is not read/)] });
  });

  it('keeps a one-cell row inside its table, and lets pipes in code, escaped pipes and text without pipes be', () => {
    const text =
      '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n| SRS-003 |\n\nUse `a | b` to join, or write A \\| B.\n\n```\n| SRS-009 | in code |\n```\n';
    expect(idsOrErrors('requirements.md', text)).toEqual(['SRS-001', 'SRS-003']);
  });
});

// Regression: a table kept in a multi-line HTML comment, which GitHub does not show, was reported as
// rows outside any table. Commented-out text is not content: src/catalogue/markdown-table.ts skips it.
describe('commented-out text', () => {
  it.each([
    ['a multi-line comment', '<!--\n| ID | Title |\n| --- | --- |\n| SRS-009 | retired |\n-->\n'],
    ['a comment that opens on a line of its own text', '<!-- retired requirements:\n\n| SRS-009 | retired |\n\n| SRS-010 | retired |\n-->\n'],
    ['a comment in a block quote', '> <!--\n> | SRS-009 | retired |\n> -->\n'],
    ['a one-line comment', '<!-- | SRS-009 | retired | -->\n'],
  ])('does not read or refuse a table in %s', (_label, comment) => {
    const text = `${TABLE(['| SRS-001 | a |'])}\n${comment}\n| ID | Title |\n| --- | --- |\n| SRS-002 | b |\n`;
    expect(idsOrErrors('requirements.md', text)).toEqual(['SRS-001', 'SRS-002']);
  });

  it('reads the anomaly list around a commented-out table', () => {
    const text = '<!--\n| ID | Title |\n| --- | --- |\n| ANOM-9 | old |\n-->\n\n| ID | Title |\n| --- | --- |\n| ANOM-1 | x |\n';
    expect(placed('anomalies.md', text, readAnomalies)).toEqual(['ANOM-1@9']);
  });

  it('still refuses rows after the comment ends, and a comment opened only inside a code block hides nothing', () => {
    const after = `${TABLE(['| SRS-001 | a |'])}\n<!--\nold\n--> | SRS-002 | b |\n`;
    expect((idsOrErrors('requirements.md', after) as { errors: string[] }).errors).toEqual([expect.stringMatching(/^requirements\.md:9: this line looks like a table row/)]);
    const fenced = `${TABLE(['| SRS-001 | a |'])}\n\`\`\`html\n<!--\n\`\`\`\n\n| SRS-002 | b |\n`;
    expect((idsOrErrors('requirements.md', fenced) as { errors: string[] }).errors).toEqual([expect.stringMatching(/^requirements\.md:11: this line looks like a table row/)]);
  });
});

// Regression: the YAML/JSON reader took only the entries of one list, so requirements nested in an
// entry (`children:`, sub-lists) were kept as a JSON text in a cell nobody reads and never needed a
// test. src/catalogue/data-table.ts now reads every list of entries, nested or grouped, as entries of
// their own on their lines, and a mapping keyed by IDs; it refuses, naming the line, an entry it would
// otherwise lose.
describe('YAML and JSON lists of other shapes', () => {
  it.each([
    ['YAML children', 'requirements.yaml', 'requirements:\n  - id: SRS-001\n    children:\n      - id: SRS-002\n      - id: SRS-003\n        children:\n          - id: SRS-004\n', ['SRS-001@2', 'SRS-002@4', 'SRS-003@5', 'SRS-004@7']],
    ['a group entry without an ID', 'requirements.yaml', '- group: Dosing\n  requirements:\n    - id: SRS-001\n    - id: SRS-002\n', ['SRS-001@3', 'SRS-002@4']],
    ['JSON sub-lists', 'requirements.json', '[\n {"id": "SRS-001", "sub": [\n  {"id": "SRS-002"}\n ]}\n]', ['SRS-001@2', 'SRS-002@3']],
    ['a mapping of groups', 'requirements.yaml', 'requirements:\n  dosing:\n    - id: SRS-001\n  alarms:\n    - id: SRS-002\nversion: 3\n', ['SRS-001@3', 'SRS-002@5']],
    ['groups at the top', 'requirements.json', '{\n "dosing": [{"id": "SRS-001"}],\n "alarms": [{"id": "SRS-002"}]\n}', ['SRS-001@2', 'SRS-002@3']],
    ['a YAML mapping keyed by ID', 'requirements.yaml', 'SRS-001:\n  title: Dose\nSRS-002: Alarm\nSRS-003:\n', ['SRS-001@1', 'SRS-002@3', 'SRS-003@4']],
    ['a JSON mapping keyed by ID under a key', 'requirements.json', '{"requirements": {\n "SRS-001": {"title": "a"},\n "SRS-002": {"title": "b"}\n}}', ['SRS-001@2', 'SRS-002@3']],
    ['children keyed by ID', 'requirements.yaml', '- id: SRS-001\n  children:\n    SRS-002:\n      title: b\n', ['SRS-001@1', 'SRS-002@3']],
    ['a list of IDs under a key', 'requirements.yaml', 'requirements:\n  - SRS-001\n  - SRS-002\n', ['SRS-001@2', 'SRS-002@3']],
  ])('reads %s', (_label, file, text, expected) => {
    expect(placed(file, text)).toEqual(expected);
  });

  it('refuses an entry nested alone, not in a list, naming its line', () => {
    expect(idsOrErrors('requirements.yaml', '- id: SRS-001\n  child:\n    id: SRS-002\n')).toEqual({ errors: [expect.stringMatching(/^requirements\.yaml:3: the field "child" holds one entry \(SRS-002\)/)] });
  });

  it('refuses an ID that holds a list instead of fields, naming its line', () => {
    expect(idsOrErrors('requirements.yaml', 'SRS-001:\n  title: a\nSRS-002:\n  - b\n')).toEqual({ errors: [expect.stringMatching(/^requirements\.yaml:3: the entry "SRS-002" holds a list/)] });
  });

  it('reads nested anomalies too', () => {
    expect(placed('anomalies.yaml', 'anomalies:\n  - id: ANOM-1\n    related:\n      - id: ANOM-2\n        title: x\n', readAnomalies)).toEqual(['ANOM-1@2', 'ANOM-2@4']);
  });

  it('leaves other lists and fields be: tests, references, a revision history, metadata', () => {
    const text =
      'document: { title: SRS, version: 3 }\nrevisions:\n  - version: 1\n    change: added SRS-002\n' +
      'requirements:\n  - id: SRS-001\n    tests: [a, b]\n    parents: [SYS-1]\n    verification: { method: test }\n  - id: SRS-002\n';
    expect(placed('requirements.yaml', text)).toEqual(['SRS-001@6', 'SRS-002@10']);
  });
});

describe('YAML and JSON lists nested in entries that are not entries', () => {
  it('does not take an anomaly\'s list of tests or of assessments for anomalies, nor a requirement\'s parents for requirements', () => {
    const anomalies = 'anomalies:\n  - id: ANOM-1\n    tests:\n      - name: rounds up\n    reviews:\n      - name: Dr. Who\n        date: 2024-01-01\n';
    expect(placed('anomalies.yaml', anomalies, readAnomalies)).toEqual(['ANOM-1@2']);
    const requirements = '- id: SRS-001\n  parents:\n    - id: SYS-1\n  tests:\n    - id: SRS-001-T1\n';
    expect(placed('requirements.yaml', requirements)).toEqual(['SRS-001@1']);
  });

  it('reads entries in a list of lists inside an entry', () => {
    expect(placed('requirements.json', '[{"id": "SRS-001", "children": [\n [{"id": "SRS-002"}]\n]}]')).toEqual(['SRS-001@1', 'SRS-002@2']);
  });
});

describe('tables found by their IDs, and the tables that refer to them', () => {
  it('skips a traceability matrix after a table read by its IDs, as after one with an ID column', () => {
    const text =
      '| Requirement | Text |\n| --- | --- |\n| SRS-001 | a |\n| SRS-002 | b |\n\n' +
      '| Requirement | Test |\n| --- | --- |\n| SRS-001 | dose.test.js |\n| SRS-002 | alarm.test.js |\n';
    expect(placed('requirements.md', text)).toEqual(['SRS-001@3', 'SRS-002@4']);
  });

  it('looks for code spans in a long line of backticks in linear time', () => {
    const line = `${'`'.repeat(200_000)}${'x'.repeat(200_000)}`;
    const started = performance.now();
    expect(idsOrErrors('requirements.md', `${TABLE(['| SRS-001 | a |'])}\n${line}\n`)).toEqual(['SRS-001']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
