/**
 * Lists written in ways the reader must not misread: every row a reviewer sees on GitHub is read or
 * refused with its file and line, and no list costs more than a bounded amount of time and memory.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapseBlank, hasBlank, trimBlank } from '../../src/catalogue/blank.js';
import { MAX_ALIAS_VALUES, MAX_NESTING } from '../../src/catalogue/data-table.js';
import { UserError } from '../../src/errors.js';
import { thrown } from '../support/factories.js';
import { readAnomalies, readRequirements, readTable } from '../support/lists.js';
import { userError, userErrors } from '../support/user-errors.js';

const fixture = (name: string): string =>
  fs.readFileSync(new URL(`../../__fixtures__/${name}`, import.meta.url), 'utf8');




/** Milliseconds `fn` takes. */
function timed(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const ids = (list: ReturnType<typeof readRequirements>): [string, string, number | undefined][] =>
  list.requirements.map((r) => [r.id, r.title, r.line]);

describe('U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR in a Markdown table', () => {
  // GitHub ends a line only at \n, \r\n and \r; `marked` ended the table at U+2028 and U+2029, and
  // every row from there on was lost without a word.
  it.each([
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ])('reads a %s in a cell as a space and keeps every row after it on its own line', (_label, separator) => {
    const text = `# SRS\n\n| ID | Title |\n|---|---|\n| SRS-001 | a |\n| SRS-002 | first${separator}second |\n| SRS-003 | c |\n`;
    expect(ids(readRequirements('requirements.md', text))).toEqual([
      ['SRS-001', 'a', 5],
      ['SRS-002', 'first second', 6],
      ['SRS-003', 'c', 7],
    ]);
  });

  it('keeps the lines right with Windows line endings and separators in several cells', () => {
    const text = '| ID | Title |\r\n|---|---|\r\n| SRS-001 | a\u2028b\u2029c |\r\n| SRS-002\u2028 | d |\r\n\r\n| ID |\r\n|---|\r\n| SRS-003 |\r\n';
    expect(ids(readRequirements('requirements.md', text))).toEqual([
      ['SRS-001', 'a b c', 3],
      ['SRS-002', 'd', 4],
      ['SRS-003', '', 8],
    ]);
  });

  it('keeps the anomaly rows after a separator too', () => {
    const text = '| ID | Title | Status |\n|---|---|---|\n| A-1 | x\u2028y | Open |\n| A-2 | z | Deferred |\n';
    expect(readAnomalies('anomalies.md', text).anomalies.map((a) => [a.id, a.title, a.status, a.line])).toEqual([
      ['A-1', 'x y', 'open', 3],
      ['A-2', 'z', 'deferred', 4],
    ]);
  });
});

describe('a Markdown list kept in several tables', () => {
  it('reads every table with an ID column, each row on its line, each table by its own header', () => {
    const list = readRequirements('requirements-per-section.md', fixture('lists/requirements-per-section.md'));
    expect(ids(list)).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 13],
      ['SRS-002', 'Reject a negative body weight', 14],
      ['SRS-101', 'Alarm on occlusion', 20],
      ['SRS-102', 'Alarm on air in line', 21],
    ]);
  });

  it('gives the rows of every table all columns, those of the first table first', () => {
    const table = readTable('requirements-per-section.md', fixture('lists/requirements-per-section.md'), {
      requiredColumn: 'id',
      aliases: { id: ['req. id'] },
    });
    expect(table.columns).toEqual(['id', 'title', 'risk ids']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      { id: 'SRS-001', title: 'Compute the dose from body weight', 'risk ids': '' },
      { id: 'SRS-002', title: 'Reject a negative body weight', 'risk ids': '' },
      { id: 'SRS-101', title: 'Alarm on occlusion', 'risk ids': 'R-011' },
      { id: 'SRS-102', title: 'Alarm on air in line', 'risk ids': 'R-012' },
    ]);
  });

  it('reports an ID that two tables both hold as a duplicate naming both lines', () => {
    const text = '| ID | Title |\n|---|---|\n| SRS-001 | a |\n\n## Alarms\n\n| ID | Title |\n|---|---|\n| SRS-001 | b |\n| SRS-002 | c |\n';
    const errors = userErrors(() => readRequirements('requirements.md', text));
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['requirements.md', 9, 'duplicate ID SRS-001 on lines 3 and 9; every requirement needs its own ID'],
    ]);
  });

  it('reports the problems of every table, each on its line', () => {
    const text = '| ID | Title |\n|---|---|\n|  | no id |\n\n| ID | Title |\n|---|---|\n| SRS 2 | spaced |\n';
    expect(userErrors(() => readRequirements('requirements.md', text)).map((e) => e.line)).toEqual([3, 7]);
  });

  it('accepts a table with a header but no rows next to one with rows, and refuses the file when all are empty', () => {
    const one = '| ID | Title |\n|---|---|\n\n| ID | Title |\n|---|---|\n| SRS-001 | a |\n';
    expect(ids(readRequirements('requirements.md', one))).toEqual([['SRS-001', 'a', 6]]);
    const none = 'Text\n\n| ID | Title |\n|---|---|\n\n| ID |\n|---|\n';
    const e = userError(() => readTable('requirements.md', none, { requiredColumn: 'id' }));
    expect([e.line, e.message]).toEqual([3, 'the table has a header but no rows; add one row per entry']);
  });

  it('still skips the tables without the required column, wherever they stand', () => {
    const text = '| Version | Date |\n|---|---|\n| 1.0 | 2024 |\n\n| ID |\n|---|\n| SRS-001 |\n\n| Role | Name |\n|---|---|\n| QA | A. Roe |\n';
    expect(ids(readRequirements('requirements.md', text))).toEqual([['SRS-001', '', 7]]);
  });

  it('numbers the anomalies of several QMS template tables on from one table to the next', () => {
    const table = '| Title | Impact / Hazard |\n|---|---|\n';
    const text = `## Display\n\n${table}| Lag | None |\n\n## Export\n\n${table}| Time zone | R-009 |\n| Rounding | R-002 |\n`;
    expect(readAnomalies('anomalies.md', text).anomalies.map((a) => [a.id, a.title, a.line])).toEqual([
      ['ANOM-1', 'Lag', 5],
      ['ANOM-2', 'Time zone', 11],
      ['ANOM-3', 'Rounding', 12],
    ]);
  });

  it('refuses the rows of an anomaly table without IDs when another table has them', () => {
    const text = '| ID | Title |\n|---|---|\n| A-1 | one |\n\n| Title | Status |\n|---|---|\n| two | Open |\n';
    const errors = userErrors(() => readAnomalies('anomalies.md', text));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [7, 'the row "two" has no ID; give every anomaly an ID such as ANOM-1, or delete the row'],
    ]);
  });
});

describe('IDs of white space and invisible characters', () => {
  const TABLE = (cell: string): string => `| ID | Title |\n|---|---|\n| SRS-001 | a |\n| ${cell} | t |\n`;

  it.each([
    ['U+0085 NEXT LINE', '\u0085'],
    ['U+200B ZERO WIDTH SPACE', '\u200b'],
    ['U+2060 WORD JOINER', '\u2060'],
    ['U+FEFF ZERO WIDTH NO-BREAK SPACE', '\ufeff'],
    ['U+200E LEFT-TO-RIGHT MARK', '\u200e'],
    ['U+00AD SOFT HYPHEN', '\u00ad'],
    ['U+E0020 TAG SPACE', '\u{e0020}'],
    ['a mix of them and spaces', ' \u0085\u200b \u3000'],
  ])('reads a cell of only %s as no ID, naming the row', (_label, cell) => {
    const errors = userErrors(() => readRequirements('requirements.md', TABLE(cell)));
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['requirements.md', 4, 'the row "t" has no ID; give every requirement an ID such as SRS-001, or delete the row'],
    ]);
  });

  it.each([
    ['CSV', 'requirements.csv', 'ID,Title\nSRS-001,a\n\u0085,t\n', 3],
    ['JSON', 'requirements.json', '[{"id": "SRS-001"},\n {"id": "\u0085", "title": "t"}]', 2],
    ['JSON with an escape', 'requirements.json', '[{"id": "SRS-001"},\n {"id": "\\u200b", "title": "t"}]', 2],
    ['YAML', 'requirements.yaml', '- id: SRS-001\n- id: "\\u2060"\n  title: t\n', 2],
  ])('reads an ID of only invisible characters as no ID in %s', (_label, file, text, line) => {
    const errors = userErrors(() => readRequirements(file, text));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [line, 'the row "t" has no ID; give every requirement an ID such as SRS-001, or delete the row'],
    ]);
  });

  it.each([
    ['U+200B', 'SRS\u200b-002', 'U+200B'],
    ['U+0085', 'SRS-\u0085002', 'U+0085'],
    ['U+202E RIGHT-TO-LEFT OVERRIDE', 'SRS-\u202e200', 'U+202E'],
    ['U+E0041 TAG LATIN CAPITAL LETTER A', 'SRS-\u{e0041}002', 'U+E0041'],
  ])('refuses an ID with %s inside, naming the row and the character', (_label, id, code) => {
    const errors = userErrors(() => readRequirements('requirements.md', TABLE(id)));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [4, expect.stringContaining(`contains an invisible or white-space character (${code}); an ID is one word such as SRS-001`)],
    ]);
  });

  it('drops white space and invisible characters around an ID, so that it matches the ID written plainly', () => {
    const errors = userErrors(() => readRequirements('requirements.md', TABLE('\u200bSRS-001\ufeff\u0085')));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [4, 'duplicate ID SRS-001 on lines 3 and 4; every requirement needs its own ID'],
    ]);
  });

  it('still says "whitespace" for an ID with a plain space', () => {
    const errors = userErrors(() => readRequirements('requirements.md', TABLE('SRS 002')));
    expect(errors[0]?.message).toMatch(/^the ID "SRS 002" contains whitespace; /);
  });

  it('skips a row whose cells hold only invisible characters, as a blank row', () => {
    const text = '| ID | Title |\n|---|---|\n| SRS-001 | a |\n| \u200b | \u0085 |\n| SRS-002 | b |\n';
    expect(ids(readRequirements('requirements.md', text)).map(([id]) => id)).toEqual(['SRS-001', 'SRS-002']);
  });

  it('refuses the same IDs in an anomaly list', () => {
    const text = '| ID | Title |\n|---|---|\n| \u0085 | one |\n| A\u200b1 | two |\n| A-3 | three |\n';
    const errors = userErrors(() => readAnomalies('anomalies.md', text));
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['anomalies.md', 3, 'the row "one" has no ID; give every anomaly an ID such as ANOM-1, or delete the row'],
      ['anomalies.md', 4, expect.stringContaining('contains an invisible or white-space character (U+200B)')],
    ]);
  });

  it('matches a header or a field name with an invisible character at its end', () => {
    expect(ids(readRequirements('requirements.csv', 'ID\u200b,Title\u0085\nSRS-001,a\n'))).toEqual([['SRS-001', 'a', 2]]);
    expect(ids(readRequirements('requirements.json', '[{"id\u200b": "SRS-001", "title": "a"}]'))).toEqual([['SRS-001', 'a', 1]]);
  });
});

describe('blank characters', () => {
  it('trims and finds Unicode white space and invisible format characters, not other characters', () => {
    expect(trimBlank('\u0085\u200b a b \ufeff\u{e0020}')).toBe('a b');
    expect(trimBlank('\u{1f600}\u200d\u{1f600}')).toBe('\u{1f600}\u200d\u{1f600}');
    expect(trimBlank('\u200b\u{1f600}')).toBe('\u{1f600}');
    expect(trimBlank('-_.x')).toBe('-_.x');
    expect(hasBlank('SRS-001')).toBe(false);
    expect(hasBlank('SRS\u00ad001')).toBe(true);
    expect(collapseBlank(' A\u200b\u0085 B ')).toBe('A B');
  });

  it('trims a cell of a million blank characters with text inside in linear time', () => {
    const cell = ' '.repeat(500_000) + 'x' + ' \u200b'.repeat(250_000) + 'y' + ' '.repeat(500_000);
    let result = '';
    expect(timed(() => (result = trimBlank(cell)))).toBeLessThan(1000);
    expect(result.length).toBe(500_002);
  });
});

describe('YAML aliases', () => {
  it(`refuses the "billion laughs" fixture at once, naming the file and the line (limit ${MAX_ALIAS_VALUES} values)`, () => {
    const text = fixture('hostile/requirements-alias-bomb.yaml');
    let e: unknown;
    expect(timed(() => (e = thrown(() => readRequirements('requirements.yaml', text))))).toBeLessThan(2000);
    expect(e).toBeInstanceOf(UserError);
    const error = e as UserError;
    expect([error.file, error.line]).toEqual(['requirements.yaml', 5]);
    expect(error.message).toBe(
      'the YAML aliases (such as *c here) repeat more than 10,000 values; a list needs no such repetition: ' +
        'write the values out instead of repeating them through aliases',
    );
  });

  it('refuses aliases in a JSON file the same way', () => {
    const text = '{"a": &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],\n "b": &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a],\n' +
      ' "c": &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b],\n "d": &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c],\n' +
      ' "requirements": [{"id": "SRS-001", "title": *d}]}';
    const e = userError(() => readRequirements('requirements.json', text));
    expect([e.line, e.message]).toEqual([4, expect.stringMatching(/^the JSON aliases \(such as \*c here\) repeat more than 10,000 values/)]);
  });

  it('reads aliases that repeat up to the limit, and refuses one value more', () => {
    const list = (n: number): string =>
      `tests: &t [${Array.from({ length: n }, (_, i) => `t${i}`).join(', ')}]\nanomalies:\n  - id: A-1\n    tests: *t\n`;
    // The list itself and its items: MAX_ALIAS_VALUES values.
    expect(readAnomalies('anomalies.yaml', list(MAX_ALIAS_VALUES - 1)).anomalies[0]?.tests).toHaveLength(MAX_ALIAS_VALUES - 1);
    const e = userError(() => readAnomalies('anomalies.yaml', list(MAX_ALIAS_VALUES)));
    expect([e.file, e.line]).toEqual(['anomalies.yaml', 4]);
  });

  it('reads an alias that repeats a list of tests, as before', () => {
    const text = 'anomalies:\n  - id: A-1\n    tests: &shared [test_a, test_b]\n  - id: A-2\n    tests: *shared\n';
    expect(readAnomalies('anomalies.yaml', text).anomalies.map((a) => [a.id, a.tests, a.line])).toEqual([
      ['A-1', ['test_a', 'test_b'], 2],
      ['A-2', ['test_a', 'test_b'], 4],
    ]);
  });

  it('takes the last anchor of a name before the alias, as YAML does', () => {
    const text = 'x: &n first\ny: &n second\nrequirements:\n  - id: SRS-001\n    title: *n\n';
    expect(ids(readRequirements('requirements.yaml', text))).toEqual([['SRS-001', 'second', 4]]);
  });

  it('refuses an alias inside its own anchor, naming its line', () => {
    const e = userError(() => readRequirements('requirements.yaml', 'requirements: &a\n  - id: SRS-001\n    title: *a\n'));
    expect([e.file, e.line, e.message]).toEqual(['requirements.yaml', 3, 'the YAML nests too deeply (or its aliases refer to each other)']);
  });
});

describe(`YAML and JSON nesting (limit ${MAX_NESTING} levels)`, () => {
  const tooDeep = (language: string): RegExp =>
    new RegExp(`^the ${language} nests too deeply: it nests more than ${MAX_NESTING} levels \\(lists and fields inside one another\\)`);

  it('refuses 2,000 nested JSON arrays at once with a message naming the file and line, twice in a row', () => {
    const deep = '\n' + '['.repeat(2000) + ']'.repeat(2000);
    for (const read of [readRequirements, readAnomalies]) {
      let e: unknown;
      expect(timed(() => (e = thrown(() => read('list.json', deep))))).toBeLessThan(1000);
      expect(e).toBeInstanceOf(UserError);
      expect([(e as UserError).file, (e as UserError).line]).toEqual(['list.json', 2]);
      expect((e as UserError).message).toMatch(tooDeep('JSON'));
    }
  });

  it('refuses 200,000 nested JSON objects without reading past the limit', () => {
    const deep = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    let e: unknown;
    expect(timed(() => (e = thrown(() => readRequirements('requirements.json', deep))))).toBeLessThan(1000);
    expect((e as UserError).message).toMatch(tooDeep('JSON'));
  });

  it.each([
    ['nested flow lists', 'requirements:\n  - id: SRS-001\n    title: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n', 3],
    ['compact sequences on one line', '- '.repeat(5000) + 'x\n', 1],
    ['one more space of indentation per line', Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', 65],
    ['a list under each key', Array.from({ length: 3000 }, (_, i) => ' '.repeat(2 * i) + 'a:\n' + ' '.repeat(2 * i) + '- ').join('') + 'x\n', 64],
    // Not valid YAML, but the parser nests such lines one in another all the same.
    ['keys written after keys', 'b: c:\n  c:'.repeat(3000) + '\n', 63],
  ])('refuses YAML of %s, naming the line where it gets too deep', (_label, text, line) => {
    let e: unknown;
    expect(timed(() => (e = thrown(() => readRequirements('requirements.yaml', text))))).toBeLessThan(1000);
    expect(e).toBeInstanceOf(UserError);
    expect([(e as UserError).file, (e as UserError).line]).toEqual(['requirements.yaml', line]);
    expect((e as UserError).message).toMatch(tooDeep('YAML'));
  });

  it(`reads a list nested exactly ${MAX_NESTING} levels deep, and refuses one level more`, () => {
    // The list (1), the entry (2) and the title nested in lists up to the limit.
    const list = (levels: number): string =>
      `[{"id": "SRS-001", "title": ${'['.repeat(levels - 2)}"x"${']'.repeat(levels - 2)}}]`;
    expect(ids(readRequirements('requirements.json', list(MAX_NESTING)))).toHaveLength(1);
    expect(userError(() => readRequirements('requirements.json', list(MAX_NESTING + 1))).message).toMatch(tooDeep('JSON'));
  });

  it('does not count brackets inside quotes, comments or block scalars', () => {
    const brackets = '['.repeat(500);
    const json = JSON.stringify([{ id: 'SRS-001', title: `${brackets}"${']'.repeat(500)}` }]);
    expect(ids(readRequirements('requirements.json', json))).toEqual([['SRS-001', `${brackets}"${']'.repeat(500)}`, 1]]);
    const yaml = `# ${brackets}\n- id: SRS-001\n  title: '${brackets}'\n  note: |\n    ${brackets}\n`;
    expect(ids(readRequirements('requirements.yaml', yaml))).toEqual([['SRS-001', brackets, 2]]);
  });

  it('counts the brackets after a quote the parser does not read as one', () => {
    // `it's` is a plain word: the brackets after it nest, though a quote seems to open before them.
    const text = `- id: SRS-001\n  title: [it's, ${'['.repeat(100)}${']'.repeat(101)}\n`;
    expect(userError(() => readRequirements('requirements.yaml', text)).message).toMatch(tooDeep('YAML'));
  });

  it('reads a large list in the time it took before the limits', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => `  - id: SRS-${i}\n    title: "Title ${i}"\n    risks: [R-${i}, R-${i + 1}]`);
    const text = `requirements:\n${entries.join('\n')}\n`;
    let count = 0;
    expect(timed(() => (count = readRequirements('requirements.yaml', text).requirements.length))).toBeLessThan(3000);
    expect(count).toBe(2000);
  });
});
