/**
 * Hostile requirements and anomaly lists. The requirements list decides what the gate checks: a
 * row the reader silently leaves out is a requirement the gate never asks a test for. Each case
 * compares what the reader returns with what a reviewer sees in the file on GitHub.
 */
import { describe, expect, it } from 'vitest';
import { readAnomalies } from '../../src/catalogue/read-anomalies.js';
import { readRequirements } from '../../src/catalogue/read-requirements.js';
import { UserError, UserErrors } from '../../src/errors.js';

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
