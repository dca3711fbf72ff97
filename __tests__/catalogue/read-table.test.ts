import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/catalogue/read-table.js';
import { readTable } from '../support/lists.js';
import { userError, userErrors } from '../support/user-errors.js';

const fixture = (name: string): string =>
  fs.readFileSync(new URL(`../../__fixtures__/lists/${name}`, import.meta.url), 'utf8');

const ALIASES = {
  id: ['requirement id', 'req id', 'req. id'],
  title: ['name', 'description', 'summary', 'requirement'],
} as const;

function read(name: string, text = fixture(name)): Table {
  return readTable(name, text, { requiredColumn: 'id', aliases: ALIASES });
}




describe('Markdown', () => {
  it('reads the requirements table of a QMS template, with the line of each row', () => {
    const table = read('srs-qms-template.md');
    expect(table.file).toBe('srs-qms-template.md');
    expect(table.columns).toEqual([
      'id',
      'software system',
      'category',
      'title',
      'risk control measure?',
      'related risk ids',
    ]);
    // The blank placeholder row on line 18 is skipped.
    expect(table.rows.map((r) => [r.line, r.cells['id']])).toEqual([
      [15, 'SRS-001'],
      [16, 'SRS-002'],
      [17, 'SRS-003'],
      [19, 'SRS-004'],
      [20, 'SRS-005'],
      [21, 'SRS-006'],
    ]);
    expect(table.rows[0]?.cells).toEqual({
      id: 'SRS-001',
      'software system': 'Dose Engine',
      category: 'Functional',
      title: 'Compute the dose from body weight in kg',
      'risk control measure?': 'No',
      'related risk ids': '',
    });
  });

  it('reduces Markdown in cells to plain text', () => {
    const rows = read('srs-qms-template.md').rows;
    expect(rows[1]?.cells['id']).toBe('SRS-002');
    expect(rows[1]?.cells['title']).toBe('Reject a negative body weight | show an error');
    expect(rows[1]?.cells['related risk ids']).toBe('R-004, R-007');
    expect(rows[2]?.cells['title']).toBe('Round the dose to 0.1 mg (see rounding)');
    expect(rows[3]?.cells['title']).toBe('Alarm on occlusion within 5 s');
  });

  it('skips a first table without the required column (revision history) and takes the next one', () => {
    const table = read('revision-history-first.md');
    expect(table.columns).toEqual(['id', 'title']);
    expect(table.rows.map((r) => [r.line, r.cells['id'], r.cells['title']])).toEqual([
      [14, 'SRS-001', 'Compute the dose from body weight'],
      [15, 'SRS-002', 'Reject a negative body weight'],
      [16, 'SRS-003', 'Round the dose to 0.1 mg'],
    ]);
  });

  it('counts lines the same with Windows line endings and a byte order mark', () => {
    const text = '\uFEFF' + fixture('revision-history-first.md').replace(/\n/g, '\r\n');
    expect(read('revision-history-first.md', text).rows.map((r) => r.line)).toEqual([14, 15, 16]);
  });

  it('finds a table inside a block quote, on its real line', () => {
    const text = 'Intro\n\n> | ID | Title |\n> |---|---|\n> | A-1 | One |\n';
    expect(read('quoted.md', text).rows).toEqual([{ line: 5, cells: { id: 'A-1', title: 'One' } }]);
  });

  it('does not take a table shown in a code block', () => {
    const text = '```\n| ID | Title |\n|---|---|\n| X-1 | Example |\n```\n\n| ID | Title |\n|---|---|\n| A-1 | One |\n';
    expect(read('code.md', text).rows).toEqual([{ line: 9, cells: { id: 'A-1', title: 'One' } }]);
  });

  it('accepts the .markdown extension in any case', () => {
    expect(read('LIST.MARKDOWN', '| id | x |\n|--|--|\n| A | b |\n').rows).toHaveLength(1);
  });

  it('refuses a file without a table', () => {
    const e = userError(() => read('no-table.md'));
    expect(e.file).toBe('no-table.md');
    expect(e.line).toBeUndefined();
    expect(e.message).toMatch(/no table found/);
    expect(e.message).toMatch(/\| ID \| Title \|/);
  });

  it('names the columns found when no table has the required column', () => {
    const text = '# Revisions\n\n| Version | Date |\n|---|---|\n| 1.0 | 2024-01-10 |\n';
    const e = userError(() => read('history.md', text));
    expect(e.file).toBe('history.md');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/no column "id" \(or "requirement id", "req id", "req\. id"\)/);
    expect(e.message).toMatch(/columns found: "Version", "Date"/);
  });

  it('names the columns of every table when none has the required column', () => {
    const text = '| Version | Date |\n|---|---|\n| 1.0 | 2024-01-10 |\n\n| Risk | Severity |\n|---|---|\n| R-1 | High |\n';
    const e = userError(() => read('two.md', text));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(
      /^none of the 2 tables has a column "id" .*; columns found: "Version", "Date" \(table on line 1\); "Risk", "Severity" \(table on line 5\)\./,
    );
  });

  it('refuses a table with a header but only blank rows', () => {
    const e = userError(() => read('blank.md', 'Text\n\n| ID | Title |\n|---|---|\n| | |\n'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/no rows/);
  });
});

describe('CSV', () => {
  it('reads comma-separated values with a byte order mark, Windows line endings and quoted cells', () => {
    const table = read('requirements-comma.csv');
    expect(table.columns).toEqual(['id', 'title', 'category', 'notes']);
    expect(table.rows.map((r) => [r.line, r.cells['id'], r.cells['title']])).toEqual([
      [2, 'SRS-001', 'Compute the dose from body weight'],
      [3, 'SRS-002', 'Reject a negative weight, zero too'],
      [6, 'SRS-003', 'Round the dose to 0.1 mg'],
      [8, 'SRS-004', 'Alarm on "occlusion"'],
    ]);
    expect(table.rows[1]?.cells['notes']).toBe('first line\r\nsecond line');
    expect(table.rows[0]?.cells['notes']).toBe('');
  });

  it('reads semicolon-separated values as Excel writes them in some locales', () => {
    const table = read('requirements-semicolon.csv');
    expect(table.columns).toEqual(['id', 'title', 'risk control measure?']);
    expect(table.rows.map((r) => [r.line, r.cells['id'], r.cells['title']])).toEqual([
      [2, 'SRS-001', 'Compute the dose from body weight'],
      [3, 'SRS-002', 'Reject a negative weight; zero too'],
      [4, 'SRS-003', 'Round the dose to 0,1 mg'],
    ]);
  });

  it('matches header names ignoring case and extra whitespace, and keeps unknown columns', () => {
    const table = read('x.csv', '  REQ   ID ,Owner  Team\nA-1,QA\nA-2\n');
    expect(table.columns).toEqual(['id', 'owner team']);
    expect(table.rows).toEqual([
      { line: 2, cells: { id: 'A-1', 'owner team': 'QA' } },
      { line: 3, cells: { id: 'A-2', 'owner team': '' } },
    ]);
  });

  it('detects the delimiter from the header line, ignoring quoted header names', () => {
    const semicolon = read('x.csv', '"Req. ID";"Title, short"\nA-1;one, two\n');
    expect(semicolon.rows).toEqual([{ line: 2, cells: { id: 'A-1', 'title, short': 'one, two' } }]);
    const tab = read('x.csv', 'ID\tTitle\nA-1\tone; two\n');
    expect(tab.rows).toEqual([{ line: 2, cells: { id: 'A-1', title: 'one; two' } }]);
  });

  it('keeps a double quote inside an unquoted cell', () => {
    expect(read('x.csv', 'ID,Title\nA-1,Show on the 5" screen\n').rows[0]?.cells['title']).toBe('Show on the 5" screen');
  });

  it('prefers a column named exactly over an alias, and keeps both', () => {
    const table = read('x.csv', 'Name,Title,ID\nn,t,A-1\n');
    expect(table.columns).toEqual(['name', 'title', 'id']);
    expect(table.rows[0]?.cells).toEqual({ name: 'n', title: 't', id: 'A-1' });
  });

  it('reports every row with more cells than the header, on its line', () => {
    const errors = userErrors(() => read('ragged.csv'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toBe('ragged.csv');
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/the row has 3 cells but the header has 2/);
    expect(errors[0]?.message).toMatch(/double quotes/);
  });

  it('names the columns found when the required column is missing', () => {
    const e = userError(() => read('no-id-column.csv'));
    expect(e.file).toBe('no-id-column.csv');
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/no column "id"/);
    expect(e.message).toMatch(/columns found: "Number", "Title", "Category"/);
  });

  it('turns a quoting error into a message with the line of the row', () => {
    const e = userError(() => read('q.csv', 'ID,Title\nA-1,one\nA-2,"never closed\nA-3,three\n'));
    expect(e.file).toBe('q.csv');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/never closed/);

    const e2 = userError(() => read('q.csv', 'ID,Title\r\nA-1,"a\r\nb"\r\nA-2,"x"y\r\n'));
    expect(e2.line).toBe(4);
    expect(e2.message).toMatch(/^not valid CSV/);
  });

  it('refuses a header without rows', () => {
    const e = userError(() => read('h.csv', 'ID,Title\n\n'));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/no rows/);
  });
});

describe('YAML', () => {
  it('reads a top-level list, with the line of each entry', () => {
    const table = read('requirements-array.yaml');
    // `summary` is an alias of `title`, but another entry has `title` itself: both are kept.
    expect(table.columns).toEqual(['id', 'title', 'risks', 'summary', 'version']);
    const empty = { title: '', risks: '', summary: '', version: '' };
    expect(table.rows).toEqual([
      { line: 2, cells: { ...empty, id: 'SRS-001', title: 'Compute the dose from body weight' } },
      { line: 5, cells: { ...empty, id: 'SRS-002', title: 'Reject a negative body weight', risks: 'R-004, R-007' } },
      // Numbers keep their digits as written.
      { line: 9, cells: { ...empty, id: 'SRS-003', summary: 'Round the dose to 0.1 mg', version: '1.10' } },
    ]);
  });

  it('reads the one list under a key, next to other keys', () => {
    const table = read('requirements-key.yml');
    expect(table.columns).toEqual(['id', 'title', 'related risk ids', 'description']);
    expect(table.rows.map((r) => [r.line, r.cells['id'], r.cells['title']])).toEqual([
      [4, 'SRS-001', 'Compute the dose from body weight'],
      [7, 'SRS-002', 'Reject a negative body weight'],
      [14, 'SRS-003', ''],
    ]);
    expect(table.rows[1]?.cells['related risk ids']).toBe('R-004, R-007');
    expect(table.rows[2]?.cells['description']).toBe('Round the dose to 0.1 mg');
  });

  it('reports a syntax error with its line', () => {
    const e = userError(() => read('syntax-error.yaml'));
    expect(e.file).toBe('syntax-error.yaml');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^not valid YAML: Missing closing "quote; this quoted value is never closed/);
  });

  it('reports every entry that is not a set of fields', () => {
    const errors = userErrors(() => read('x.yaml', '- id: A-1\n- just text\n- [a, b]\n'));
    expect(errors.map((e) => [e.line, e.file])).toEqual([
      [2, 'x.yaml'],
      [3, 'x.yaml'],
    ]);
    expect(errors[0]?.message).toMatch(/entry 2 is the value "just text", not a set of named fields/);
  });

  it('reports other syntax errors on the line the parser names', () => {
    const e = userError(() => read('x.yaml', 'requirements:\n  - id: A-1\n   title: One\n'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^not valid YAML: .*check the indentation/);
    expect(userError(() => read('x.yaml', '- id: A-1\n  id: A-2\n')).line).toBe(2);
  });

  it('refuses a mapping that holds no list, and reads every list of entries of one that holds several', () => {
    const none = userError(() => read('x.yaml', 'id: A-1\ntitle: One\n'));
    expect(none.message).toMatch(/none of its keys \("id", "title"\) holds a list/);
    const several = read('x.yaml', 'requirements:\n  - id: A\nmore:\n  - id: B\n');
    expect(several.rows.map((r) => [r.cells['id'], r.line])).toEqual([['A', 2], ['B', 4]]);
  });

  it('refuses an empty list and a file of comments only', () => {
    expect(userError(() => read('x.yaml', 'requirements: []\n')).message).toMatch(/no entries/);
    expect(userError(() => read('x.yaml', '# nothing yet\n')).message).toMatch(/no entries/);
  });

  it('names the keys found when no entry has the required field', () => {
    const e = userError(() => read('x.yml', '- Number: 1\n  Text: One\n'));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/no entry has a field "id".*columns found: "Number", "Text"/);
  });
});

describe('JSON', () => {
  it('reads a top-level array, with the line of each entry', () => {
    const table = read('requirements-array.json');
    expect(table.columns).toEqual(['id', 'title', 'risk', 'risks', 'precision', 'owner']);
    expect(table.rows.map((r) => [r.line, r.cells['id']])).toEqual([
      [2, 'SRS-001'],
      [3, 'SRS-002'],
      [4, 'SRS-003'],
    ]);
    expect(table.rows[0]?.cells['risk']).toBe('false');
    expect(table.rows[1]?.cells['risks']).toBe('R-004, R-007');
    expect(table.rows[2]?.cells).toMatchObject({ precision: '0.10', owner: '', risks: '' });
  });

  it('reads the one array under a key', () => {
    const table = read('requirements-key.json');
    expect(table.columns).toEqual(['id', 'title']);
    expect(table.rows).toEqual([
      { line: 4, cells: { id: 'SRS-001', title: 'Compute the dose from body weight' } },
      { line: 8, cells: { id: 'SRS-002', title: 'Reject a negative body weight' } },
    ]);
  });

  it('reports a syntax error with its line', () => {
    const e = userError(() => read('syntax-error.json'));
    expect(e.file).toBe('syntax-error.json');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^not valid JSON: Missing , or : between array items; check the commas/);
  });

  it('names the line of other JSON mistakes', () => {
    expect(userError(() => read('x.json', '[\n  {"id": "A",}\n]')).line).toBe(2);
    const open = userError(() => read('x.json', '[\n  {"id": "A"}\n'));
    expect([open.file, open.line]).toEqual(['x.json', 2]);
    expect(open.message).toMatch(/found the end of the file/);
    const dup = userError(() => read('x.json', '[\n {"id": "A",\n  "id": "B"}]'));
    expect(dup.line).toBe(3);
    expect(dup.message).toMatch(/"id" appears twice/);
  });

  it('reports an item that is not an object', () => {
    const errors = userErrors(() => read('x.json', '[\n  {"id": "A"},\n  "B"\n]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/entry 2 is the value "B"/);
  });
});

describe('any format', () => {
  it('refuses an unknown extension and names the supported ones', () => {
    const e = userError(() => read('requirements.txt'));
    expect(e.file).toBe('requirements.txt');
    expect(e.line).toBeUndefined();
    expect(e.message).toMatch(/unsupported file type "\.txt"/);
    expect(e.message).toMatch(/\.md.*\.csv.*\.yml.*\.json/);
  });

  it('refuses an empty file', () => {
    for (const name of ['empty.md', 'empty.csv', 'empty.yaml', 'empty.json']) {
      const e = userError(() => read(name, name === 'empty.md' ? fixture('empty.md') : '\uFEFF \n'));
      expect(e.file).toBe(name);
      expect(e.message).toMatch(/the file is empty/);
    }
  });
});

describe('options', () => {
  const ANY = { requiredColumn: ['id', 'title'], aliases: ALIASES } as const;

  it('takes a table with any of several required columns, and names them all when none is there', () => {
    const text = '| Version |\n|---|\n| 1.0 |\n\n| Summary | Note |\n|---|---|\n| One | x |\n';
    expect(readTable('a.md', text, ANY).rows).toEqual([{ line: 7, cells: { title: 'One', note: 'x' } }]);
    const e = userError(() => readTable('a.csv', 'Version,Date\n1.0,2024\n', ANY));
    expect([e.file, e.line]).toEqual(['a.csv', 1]);
    expect(e.message).toMatch(/^the header row has no column "id" \(or "requirement id", .*\) or "title" \(or "name", .*\); columns found: "Version", "Date"\. Name a column "id" or "title", or use/);
    expect(userError(() => readTable('a.yaml', ' \n', ANY)).message).toMatch(/a column "id" or "title"$/);
  });

  it('returns a table without rows when empty tables are allowed', () => {
    const options = { requiredColumn: 'id', allowEmpty: true } as const;
    expect(readTable('a.md', '| ID | Title |\n|---|---|\n', options)).toEqual({ file: 'a.md', columns: ['id', 'title'], rows: [] });
    expect(readTable('a.csv', 'ID,Title\n', options).rows).toEqual([]);
    expect(readTable('a.yaml', 'items: []\n', options).rows).toEqual([]);
    expect(readTable('a.json', '[]', options).rows).toEqual([]);
  });

  it('keeps <br> and list items as line breaks in the columns that ask for it', () => {
    const options = { requiredColumn: 'id', lineBreakColumns: ['Tests'] } as const;
    const md = readTable('a.md', '| ID | Tests | Title |\n|---|---|---|\n| A-1 | a<br>b  c<BR/> | one<br>two |\n', options);
    expect(md.rows[0]?.cells).toEqual({ id: 'A-1', tests: 'a\nb c', title: 'one two' });
    const yaml = readTable('a.yaml', '- id: A-1\n  tests: [a, "b, c"]\n  risks: [R-1, R-2]\n', options);
    expect(yaml.rows[0]?.cells).toEqual({ id: 'A-1', tests: 'a\nb, c', risks: 'R-1, R-2' });
    const json = readTable('a.json', '[{"id": "A-1", "tests": ["a", "b"]}]', options);
    expect(json.rows[0]?.cells['tests']).toBe('a\nb');
  });
});

describe('JSON read as YAML flow syntax', () => {
  it('refuses a comma before a closing bracket, which YAML would allow, on its line', () => {
    const e = userError(() => read('x.json', '[\n  {"id": "A"},\n  {"id": "B"},\n\n]'));
    expect([e.file, e.line]).toEqual(['x.json', 3]);
    expect(e.message).toMatch(/^not valid JSON: a comma before "\]" or "\}" is not allowed/);
  });

  it('refuses a word outside quotes that is not a number, true, false or null', () => {
    const e = userError(() => read('x.json', '[\n  {"id": "A",\n   "title": Dose}\n]'));
    expect([e.file, e.line]).toEqual(['x.json', 3]);
    expect(e.message).toMatch(/^not valid JSON: "Dose" is not a JSON value, write text in double quotes/);
    expect(userError(() => read('x.json', '[{"id": 007}]')).line).toBe(1);
  });

  it('names the line where a string is left open', () => {
    const e = userError(() => read('x.json', '[\n  {"id": "A"},\n  {"id": "B}\n]\n'));
    expect([e.file, e.line]).toEqual(['x.json', 3]);
    expect(e.message).toMatch(/never closed/);
  });

  it('keeps numbers, escapes and booleans as written', () => {
    const table = read('x.json', '[{"id": "A\\u00e9\\/", "n": 1.50, "e": 1E3, "b": true, "z": -0}]');
    expect(table.rows[0]?.cells).toEqual({ id: 'Aé/', n: '1.50', e: '1E3', b: 'true', z: '-0' });
  });
});

describe('YAML and JSON fields', () => {
  it('names the key that appears twice in one entry, and where it first stood', () => {
    const yaml = userError(() => read('x.yaml', '- id: A-1\n  title: One\n  id: A-2\n'));
    expect([yaml.file, yaml.line]).toEqual(['x.yaml', 3]);
    expect(yaml.message).toBe(
      'not valid YAML: the key "id" appears twice in one entry (first on line 1); keep only one, or start a new entry with "- "',
    );
    const json = userError(() => read('x.json', '[\n {"id": "A",\n  "id": "B"}]'));
    expect(json.message).toBe('not valid JSON: the key "id" appears twice in one object (first on line 2); keep only one');
  });

  it('reports two spellings of one field in an entry, and merges them when one is empty', () => {
    const errors = userErrors(() => read('x.yaml', '- id: A-1\n  Title: One\n  title: Two\n'));
    expect(errors.map((e) => [e.file, e.line])).toEqual([['x.yaml', 3]]);
    expect(errors[0]?.message).toBe('the entry has two fields "Title" and "title" for the same column; keep only one');
    expect(read('x.yaml', '- id: A-1\n  Title: ~\n  title: Two\n').rows[0]?.cells).toEqual({ id: 'A-1', title: 'Two' });
  });
});
