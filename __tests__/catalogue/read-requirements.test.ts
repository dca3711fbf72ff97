import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REQUIREMENT_COLUMN_ALIASES } from '../../src/catalogue/read-requirements.js';
import { readRequirements } from '../support/lists.js';
import { UserError, UserErrors } from '../../src/errors.js';
import { thrown } from '../support/factories.js';

const fixture = (name: string): string =>
  fs.readFileSync(new URL(`../../__fixtures__/lists/${name}`, import.meta.url), 'utf8');

const fromFixture = (name: string) => readRequirements(name, fixture(name));


describe('readRequirements', () => {
  it('reads the dose calculator requirements with IDs, titles and lines', () => {
    const list = fromFixture('requirements.md');
    expect(list.file).toBe('requirements.md');
    expect(list.requirements).toEqual([
      { id: 'SRS-001', title: "Compute the dose from the patient's body weight", line: 7 },
      { id: 'SRS-002', title: 'Reject a negative or zero body weight', line: 8 },
      { id: 'SRS-003', title: 'Round the computed dose to 0.1 mg', line: 9 },
      { id: 'SRS-004', title: 'Raise an alarm on line occlusion', line: 10 },
      { id: 'SRS-005', title: 'Log every administered dose', line: 11 },
      { id: 'SRS-006', title: 'Limit the infusion rate to the configured maximum', line: 12 },
      { id: 'SRS-007', title: 'Display the infusion rate limit', line: 13 },
      { id: 'SRS-008', title: 'Limit the bolus volume', line: 14 },
    ]);
  });

  it('takes the title from the Description column of a QMS template and strips Markdown from IDs', () => {
    const list = fromFixture('srs-qms-template.md');
    expect(list.requirements.map((r) => [r.id, r.title, r.line])).toEqual([
      ['SRS-001', 'Compute the dose from body weight in kg', 15],
      ['SRS-002', 'Reject a negative body weight | show an error', 16],
      ['SRS-003', 'Round the dose to 0.1 mg (see rounding)', 17],
      ['SRS-004', 'Alarm on occlusion within 5 s', 19],
      ['SRS-005', 'Log every dose', 20],
      ['SRS-006', 'Limit the infusion rate', 21],
    ]);
  });

  it('accepts "Req. ID" and "Requirement" headers after a revision history table', () => {
    expect(fromFixture('revision-history-first.md').requirements).toEqual([
      { id: 'SRS-001', title: 'Compute the dose from body weight', line: 14 },
      { id: 'SRS-002', title: 'Reject a negative body weight', line: 15 },
      { id: 'SRS-003', title: 'Round the dose to 0.1 mg', line: 16 },
    ]);
  });

  it('reads the same requirements from CSV, YAML and JSON', () => {
    const ids = (name: string) => fromFixture(name).requirements.map((r) => [r.id, r.title, r.line]);
    expect(ids('requirements-comma.csv')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 2],
      ['SRS-002', 'Reject a negative weight, zero too', 3],
      ['SRS-003', 'Round the dose to 0.1 mg', 6],
      ['SRS-004', 'Alarm on "occlusion"', 8],
    ]);
    expect(ids('requirements-semicolon.csv')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 2],
      ['SRS-002', 'Reject a negative weight; zero too', 3],
      ['SRS-003', 'Round the dose to 0,1 mg', 4],
    ]);
    // SRS-003 has no title but a summary.
    expect(ids('requirements-array.yaml')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 2],
      ['SRS-002', 'Reject a negative body weight', 5],
      ['SRS-003', 'Round the dose to 0.1 mg', 9],
    ]);
    // SRS-003 has an empty title (~) and a description.
    expect(ids('requirements-key.yml')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 4],
      ['SRS-002', 'Reject a negative body weight', 7],
      ['SRS-003', 'Round the dose to 0.1 mg', 14],
    ]);
    expect(ids('requirements-array.json')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 2],
      ['SRS-002', 'Reject a negative body weight', 3],
      ['SRS-003', 'Round the dose to 0.1 mg', 4],
    ]);
    expect(ids('requirements-key.json')).toEqual([
      ['SRS-001', 'Compute the dose from body weight', 4],
      ['SRS-002', 'Reject a negative body weight', 8],
    ]);
  });

  it('keeps IDs exactly as written, without changing their case', () => {
    const list = readRequirements('r.csv', 'id,title\nsrs-1,a\nSRS-1,b\n  Req_7.2  ,c\n');
    expect(list.requirements.map((r) => r.id)).toEqual(['srs-1', 'SRS-1', 'Req_7.2']);
  });

  it('reports a duplicate ID, an empty ID and an ID with whitespace together', () => {
    const e = thrown(() => fromFixture('duplicate-id.md'));
    expect(e).toBeInstanceOf(UserErrors);
    const errors = (e as UserErrors).errors;
    expect(errors.map((x) => [x.file, x.line])).toEqual([
      ['duplicate-id.md', 7],
      ['duplicate-id.md', 8],
      ['duplicate-id.md', 9],
    ]);
    expect(errors[0]?.message).toBe('duplicate ID SRS-001 on lines 5 and 7; every requirement needs its own ID');
    expect(errors[1]?.message).toMatch(/the row "Alarm on occlusion" has no ID/);
    expect(errors[2]?.message).toMatch(/the ID "SRS 005" contains whitespace/);
  });

  it('reports problems of the table and of the requirements in one list, in line order', () => {
    const text = 'ID,Title\nA-1,one\nA-1,two,three\nA-2,four\n';
    const e = thrown(() => readRequirements('r.csv', text));
    expect(e).toBeInstanceOf(UserErrors);
    expect((e as UserErrors).errors.map((x) => x.line)).toEqual([3, 3]);
    expect((e as UserErrors).message).toMatch(/^r\.csv:3: the row has 3 cells[^\n]*\nr\.csv:3: duplicate ID A-1 on lines 2 and 3/);
  });

  it('names the columns found when there is no ID column', () => {
    const e = thrown(() => fromFixture('no-id-column.csv'));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).line).toBe(1);
    expect((e as UserError).message).toMatch(/no column "id" \(or "requirement id", "req id", "req\. id", \d+ more\)/);
    expect((e as UserError).message).toMatch(/columns found: "Number", "Title", "Category"/);
  });

  it('refuses an empty file and a file without a table', () => {
    for (const name of ['empty.md', 'no-table.md']) {
      const e = thrown(() => fromFixture(name));
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).file).toBe(name);
    }
  });

  it('refuses a list whose rows all lack an ID', () => {
    const e = thrown(() => readRequirements('r.yaml', 'requirements:\n  - title: one\n  - title: two\n'));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toMatch(/no entry has a field "id"/);
  });

  it('exports its header aliases, lower-case', () => {
    expect(REQUIREMENT_COLUMN_ALIASES.id).toContain('requirement id');
    for (const names of Object.values(REQUIREMENT_COLUMN_ALIASES)) {
      for (const name of names) expect(name).toBe(name.toLowerCase());
    }
  });
});
