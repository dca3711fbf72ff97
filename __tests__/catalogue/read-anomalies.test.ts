import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ANOMALY_COLUMN_ALIASES,
  ANOMALY_STATUS_WORDS,
  acceptableOf,
  anomalyStatusOf,
  isIsoDate,
  splitIds,
  splitTests,
} from '../../src/catalogue/read-anomalies.js';
import { readAnomalies } from '../support/lists.js';
import { evaluateAnomaly } from '../../src/gate/anomalies.js';
import type { Anomaly } from '../../src/model/index.js';
import { userError, userErrors } from '../support/user-errors.js';

const fixture = (name: string): string =>
  fs.readFileSync(new URL(`../../__fixtures__/lists/${name}`, import.meta.url), 'utf8');

const fromFixture = (name: string) => readAnomalies(name, fixture(name));




/** An anomaly with every field empty, to spell out only what a test is about. */
const blank = (id: string, line: number, source: string): Anomaly => ({
  id,
  title: '',
  status: 'open',
  severity: '',
  description: '',
  impact: '',
  relatedRisks: [],
  tests: [],
  requirements: [],
  justification: '',
  acceptable: 'unanswered',
  assessedBy: '',
  assessmentDate: { valid: false, text: '' },
  benefitRisk: '',
  line,
  source,
});

describe('readAnomalies: the project list in Markdown', () => {
  it('reads every field of every anomaly, with its line', () => {
    const list = fromFixture('anomalies.md');
    expect(list.file).toBe('anomalies.md');
    expect(list.anomalies).toEqual([
      {
        ...blank('ANOM-1', 8, 'anomalies.md'),
        title: 'Summary screen shows one extra digit of the dose',
        severity: 'Low',
        status: 'deferred',
        tests: ['SRS-003: rounds dose to 0.1 mg'],
        justification: 'Display only; the administered dose is rounded correctly',
        acceptable: 'yes',
        assessedBy: 'J. Doe',
        assessmentDate: { valid: true, date: '2024-05-02' },
        relatedRisks: ['R-002'],
      },
      {
        ...blank('ANOM-2', 9, 'anomalies.md'),
        title: 'Doses above 100 mg are rounded half down',
        severity: 'Medium',
        status: 'open',
        tests: ['*rounds dose*'],
        justification: 'Within the 0.5 mg tolerance of SRS-003; fix planned for 2.2',
        acceptable: 'yes',
        assessedBy: 'A. Roe',
        assessmentDate: { valid: true, date: '2024-05-03' },
        relatedRisks: ['R-002', 'R-004'],
      },
      {
        ...blank('ANOM-3', 10, 'anomalies.md'),
        title: 'Occlusion alarm sounds 200 ms late',
        severity: 'High',
        status: 'closed',
        justification: 'Fixed in 2.1.0, kept for the record',
        assessedBy: 'J. Doe',
        assessmentDate: { valid: true, date: '2024-04-18' },
        relatedRisks: ['R-011'],
        benefitRisk: 'BRA-2024-01',
      },
    ]);
  });

  it('splits a Markdown cell at <br> in list columns, and reads <br> as a space elsewhere', () => {
    const text =
      '| ID | Title | Tests | Requirements |\n|---|---|---|---|\n' +
      '| A-1 | Shown<br>late | `Dose.rounds(1, mg)`<br/>`Dose.limits` | SRS-001<br>SRS-002, SRS-003 |\n';
    const [anomaly] = readAnomalies('a.md', text).anomalies;
    expect(anomaly?.title).toBe('Shown late');
    expect(anomaly?.tests).toEqual(['Dose.rounds(1, mg)', 'Dose.limits']);
    expect(anomaly?.requirements).toEqual(['SRS-001', 'SRS-002', 'SRS-003']);
  });

  it('keeps the stars of a glob written in backticks or escaped; bare stars are emphasis', () => {
    const text = '| ID | Tests |\n|---|---|\n| A-1 | `*dose*` |\n| A-2 | \\*dose\\* |\n| A-3 | *dose* |\n';
    expect(readAnomalies('a.md', text).anomalies.map((a) => a.tests)).toEqual([['*dose*'], ['*dose*'], ['dose']]);
  });
});

describe('readAnomalies: the QMS template without an ID column', () => {
  it('numbers the anomalies ANOM-1, ANOM-2 ... in table order, blank rows not counted, all open', () => {
    const list = fromFixture('anomalies-qms-template.md');
    expect(list.anomalies).toEqual([
      {
        ...blank('ANOM-1', 13, 'anomalies-qms-template.md'),
        title: 'Rate limit display lags',
        discovered: 'System test ST-12',
        description: 'The infusion rate limit is shown up to 2 s after it was changed',
        impact: 'None: the limit itself is enforced at once',
        justification: 'Display only, no hazard',
      },
      {
        ...blank('ANOM-2', 15, 'anomalies-qms-template.md'),
        title: 'Log export drops the time zone',
        discovered: 'Customer feedback',
        description: 'Exported logs show local time without offset',
        impact: 'A reviewer may misread the time of a dose (R-009)',
        justification: 'The export is not used for therapy',
      },
    ]);
  });

  it('refuses a row without a title when there is no ID column', () => {
    const text = '| Title | Description |\n|---|---|\n| One | a |\n|  | only a description |\n';
    const errors = userErrors(() => readAnomalies('q.md', text));
    expect(errors.map((e) => [e.file, e.line])).toEqual([['q.md', 4]]);
    expect(errors[0]?.message).toMatch(/the row has no title/);
  });
});

describe('readAnomalies: CSV, YAML and JSON', () => {
  it('reads a CSV with other header names, keeping commas inside test names', () => {
    const list = fromFixture('anomalies.csv');
    expect(list.anomalies).toEqual([
      {
        ...blank('BUG-101', 2, 'anomalies.csv'),
        title: 'Summary screen shows one extra digit',
        severity: 'Low',
        status: 'deferred',
        tests: ['SRS-003: rounds dose to 0.1 mg', 'DoseTest.rounds(12.25, mg)'],
        requirements: ['SRS-003', 'SRS-001'],
        justification: 'Display only',
        acceptable: 'yes',
        assessedBy: 'J. Doe',
        assessmentDate: { valid: true, date: '2024-05-02' },
        relatedRisks: ['R-002', 'R-004'],
      },
      {
        ...blank('BUG-102', 3, 'anomalies.csv'),
        title: 'Occlusion alarm late, second pump',
        severity: 'High',
        status: 'accepted',
        tests: ['OcclusionTest.*'],
        requirements: ['SRS-004'],
        justification: 'Benefit outweighs the risk',
        acceptable: 'yes',
        assessedBy: 'Safety Board',
        assessmentDate: { valid: true, date: '2024-02-29' },
        relatedRisks: ['R-011'],
        benefitRisk: 'BRA-7',
      },
      {
        ...blank('BUG-103', 4, 'anomalies.csv'),
        title: 'Slow cold start',
        severity: 'Medium',
        status: 'open',
        tests: ['StartupTest.coldStart', 'StartupTest.warmStart'],
      },
    ]);
  });

  it('reads a YAML list under a key, with lists as YAML lists and text on one line', () => {
    const list = fromFixture('anomalies.yaml');
    expect(list.anomalies).toEqual([
      {
        ...blank('ANOM-1', 4, 'anomalies.yaml'),
        title: 'Summary screen shows one extra digit',
        severity: 'Low',
        status: 'deferred',
        description: 'The summary screen shows 12.35 mg where 12.3 mg is administered.',
        impact: 'None',
        tests: ['SRS-003: rounds dose to 0.1 mg', 'DoseTest.rounds(12.25, mg)'],
        requirements: ['SRS-003'],
        relatedRisks: ['R-002', 'R-004'],
        justification: 'Display only',
        acceptable: 'yes',
        assessedBy: 'J. Doe',
        assessmentDate: { valid: true, date: '2024-05-02' },
      },
      {
        // `assessor` is read although the first entry wrote `assessed by`.
        ...blank('ANOM-2', 22, 'anomalies.yaml'),
        title: 'Occlusion alarm sounds late',
        severity: 'High',
        status: 'fixed',
        tests: ['OcclusionTest.*'],
        acceptable: 'no',
        assessedBy: 'A. Roe',
        assessmentDate: { valid: false, text: '2024-13-01' },
        benefitRisk: 'BRA-2024-01',
      },
    ]);
  });

  it('reads JSON, numbers and booleans as written', () => {
    const text = '[\n  {"key": 17, "summary": "Late alarm", "acceptable": false, "risks": ["R-1", "R-2"], "failing tests": ["T.a(1, 2)"]}\n]\n';
    expect(readAnomalies('a.json', text).anomalies).toEqual([
      {
        ...blank('17', 2, 'a.json'),
        title: 'Late alarm',
        acceptable: 'no',
        relatedRisks: ['R-1', 'R-2'],
        tests: ['T.a(1, 2)'],
      },
    ]);
  });

  it('reads a field that YAML entries spell differently, lists included', () => {
    const text = '- id: A-1\n  tests: [a]\n  assessed by: X\n- id: A-2\n  failing tests: ["b(1, 2)", c]\n  reviewed by: Y\n';
    expect(readAnomalies('a.yaml', text).anomalies.map((a) => [a.id, a.tests, a.assessedBy])).toEqual([
      ['A-1', ['a'], 'X'],
      ['A-2', ['b(1, 2)', 'c'], 'Y'],
    ]);
  });

  it('numbers YAML entries without IDs', () => {
    const text = '- title: One\n- title: Two\n  status: done\n';
    expect(readAnomalies('a.yml', text).anomalies.map((a) => [a.id, a.title, a.status, a.line])).toEqual([
      ['ANOM-1', 'One', 'open', 1],
      ['ANOM-2', 'Two', 'closed', 2],
    ]);
  });
});

describe('readAnomalies: columns', () => {
  it('accepts the aliases of every column, in any case', () => {
    const headers = [
      'Bug ID', 'Name', 'DESCRIPTION', 'Risk Level', 'Resolution', 'Hazard', 'Related Risks', 'Test Cases',
      'SRS', 'Reason', 'Risk Accepted', 'Evaluated By', 'Evaluation Date', 'BRA',
    ];
    const values = ['B-1', 'Late', 'd', 'High', 'Later', 'h', 'R-1', 'T.a', 'SRS-1', 'r', 'N', 'E', '2024-01-31', 'BRA-1'];
    const [anomaly] = readAnomalies('a.csv', `${headers.join(';')}\n${values.join(';')}\n`).anomalies;
    expect(anomaly).toEqual({
      ...blank('B-1', 2, 'a.csv'),
      title: 'Late',
      description: 'd',
      severity: 'High',
      status: 'deferred',
      impact: 'h',
      relatedRisks: ['R-1'],
      tests: ['T.a'],
      requirements: ['SRS-1'],
      justification: 'r',
      acceptable: 'no',
      assessedBy: 'E',
      assessmentDate: { valid: true, date: '2024-01-31' },
      benefitRisk: 'BRA-1',
    });
  });

  it('reads "Impact/Hazard", "Defect ID" and "Acceptable?" headers', () => {
    const text = '| Defect ID | Impact/Hazard | Acceptable? | Criticality |\n|---|---|---|---|\n| D-1 | none | unacceptable | Low |\n';
    const [anomaly] = readAnomalies('a.md', text).anomalies;
    expect([anomaly?.id, anomaly?.impact, anomaly?.acceptable, anomaly?.severity]).toEqual(['D-1', 'none', 'no', 'Low']);
  });

  it('does not take Priority for severity', () => {
    const [anomaly] = readAnomalies('a.csv', 'ID,Priority\nA-1,High\n').anomalies;
    expect(anomaly?.severity).toBe('');
  });

  it('names both accepted columns when the table has neither', () => {
    const e = userError(() => readAnomalies('a.csv', 'Number,Text\n1,x\n'));
    expect([e.file, e.line]).toEqual(['a.csv', 1]);
    expect(e.message).toMatch(/no column "id" \(or "anomaly id", "anomaly", "bug id", \d+ more\) or "title" \(or "name", "summary"\)/);
    expect(e.message).toMatch(/columns found: "Number", "Text"/);
  });

  it('skips a Markdown table with neither an ID nor a title, and names every table when none fits', () => {
    const e = userError(() => readAnomalies('a.md', '| Version | Date |\n|---|---|\n| 1.0 | 2024-01-01 |\n'));
    expect([e.file, e.line]).toEqual(['a.md', 1]);
    expect(e.message).toMatch(/columns found: "Version", "Date"/);
  });

  it('exports its header aliases, lower-case and without priority', () => {
    expect(ANOMALY_COLUMN_ALIASES['impact']).toContain('impact / hazard');
    expect(ANOMALY_COLUMN_ALIASES['justification']).toContain('justification for delay');
    for (const names of Object.values(ANOMALY_COLUMN_ALIASES)) {
      for (const name of names) expect(name).toBe(name.toLowerCase());
      expect(names).not.toContain('priority');
    }
  });
});

describe('readAnomalies: the columns that decide the verdict, under any common header', () => {
  const table = (headers: readonly string[], values: readonly string[]) =>
    `| ${headers.join(' | ')} |\n|${' --- |'.repeat(headers.length)}\n| ${values.join(' | ')} |\n`;

  it.each([
    'Acceptable', 'Acceptability', 'Risk Acceptable?', 'Acceptable (Y/N)', 'Acceptable (yes/no)', 'Acceptable Y/N', 'Residual Risk Acceptable',
    'Residual risk acceptable?', 'Accept?', 'Accept', 'Accepted', 'Risk acceptability', 'Acceptance', 'Risk Acceptance', 'ACCEPTABLE:',
    'Risk-Acceptable', 'Is acceptable?', '**Acceptable**',
  ])('reads %j as the Acceptable column', (header) => {
    const list = readAnomalies('a.md', table(['ID', 'Title', header], ['A-1', 't', 'No']));
    expect(list.hasAcceptableColumn).toBe(true);
    expect(list.anomalies[0]?.acceptable).toBe('no');
  });

  it.each([
    'Requirements', 'Affected Requirements', 'Related Requirements', 'Req IDs', 'Req. IDs', 'Requirement(s)', 'Requirement (s)', 'SRS IDs',
    'Reqs', 'Req', 'Linked requirements', 'Requirements affected', 'Affected SRS', 'Related requirement IDs', 'SRS-IDs',
  ])('reads %j as the Requirements column', (header) => {
    const [anomaly] = readAnomalies('a.md', table(['ID', 'Title', header], ['A-1', 't', 'SRS-999, SRS-001'])).anomalies;
    expect(anomaly?.requirements).toEqual(['SRS-999', 'SRS-001']);
  });

  it.each([
    ['two Acceptable columns', ['Acceptable', 'Acceptable'], '"Acceptable", "Acceptable"'],
    ['Acceptable beside an alias', ['Acceptable', 'Risk Acceptable'], '"Acceptable", "Risk Acceptable"'],
    ['two aliases', ['Acceptability', 'Accept?'], '"Acceptability", "Accept?"'],
  ])('refuses %s, naming the table line and both headers', (_what, headers, named) => {
    const [e, ...more] = userErrors(() => readAnomalies('a.md', `# Anomalies\n\n${table(['ID', 'Title', ...headers], ['A-1', 't', 'yes', 'no'])}`));
    expect(more).toEqual([]);
    expect([e?.file, e?.line]).toEqual(['a.md', 3]);
    expect(e?.message).toBe(`the table has 2 columns for "acceptable" (${named}); which one holds the answer cannot be told, so keep one of them`);
  });

  it('refuses two Requirements columns, even when one is empty', () => {
    const [e] = userErrors(() => readAnomalies('a.csv', 'ID,Title,Requirements,Affected Requirements\nA-1,t,SRS-001,\n'));
    expect([e?.line, e?.message]).toEqual([1, 'the table has 2 columns for "requirements" ("Requirements", "Affected Requirements"); which one holds the answer cannot be told, so keep one of them']);
  });

  it('in YAML, refuses an entry that fills two keys of one field, and keeps entries that spell it differently', () => {
    const text = '- id: A-1\n  acceptable: yes\n- id: A-2\n  risk acceptable: no\n- id: A-3\n  acceptable: yes\n  acceptability: no\n';
    const errors = userErrors(() => readAnomalies('a.yaml', text));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [5, 'the entry has 2 fields for "acceptable" ("acceptable", "acceptability"); which one holds the answer cannot be told, so keep one of them'],
    ]);
  });

  it.each([
    ['Risk acceptability decision', 'acceptable'],
    ['Accepted by', 'acceptable'],
    ['Acceptance criteria met', 'acceptable'],
    ['Unacceptable?', 'acceptable'],
    ['Akzeptabel', 'acceptable'],
    ['Requirements impacted (IDs)', 'requirements'],
    ['Req refs affected', 'requirements'],
    ['SRS items touched', 'requirements'],
  ])('refuses the unknown header %j, which looks like the %s column', (header, column) => {
    const [e] = userErrors(() => readAnomalies('a.md', table(['ID', 'Title', header], ['A-1', 't', 'x'])));
    expect([e?.file, e?.line]).toEqual(['a.md', 1]);
    expect(e?.message).toContain(`has a column "${header}" that looks like the "${column}" column but is not a name the reader knows`);
  });

  it('leaves other unknown headers alone', () => {
    expect(readAnomalies('a.md', table(['ID', 'Title', 'Notes', 'Component'], ['A-1', 't', 'x', 'pump'])).anomalies).toHaveLength(1);
  });
});

describe('readAnomalies: values', () => {
  it('normalises every status word, ignoring case and spaces; an empty status is open', () => {
    const expected: [string, string][] = [
      ['open', 'open'], ['New', 'open'], ['ACTIVE', 'open'], ['known', 'open'], [' Investigating ', 'open'], ['', 'open'],
      ['deferred', 'deferred'], ['Postponed', 'deferred'], ["Won't Fix", 'deferred'], ['won\u2019t  fix', 'deferred'],
      ['wontfix', 'deferred'], ['later', 'deferred'],
      ['accepted', 'accepted'], ['Risk Accepted', 'accepted'], ['accepted risk', 'accepted'],
      ['closed', 'closed'], ['Resolved', 'closed'], ['done', 'closed'],
      ['fixed', 'fixed'], ['Verified', 'fixed'],
    ];
    for (const [word, status] of expected) expect(anomalyStatusOf(word), word).toBe(status);
    expect(anomalyStatusOf('blocked')).toBeUndefined();
    const all = Object.values(ANOMALY_STATUS_WORDS).flat();
    expect(all).toHaveLength(18);

    const rows = expected.map(([word], i) => `A-${i},${word}`).join('\n');
    const list = readAnomalies('s.csv', `ID,Status\n${rows}\n`);
    expect(list.anomalies.map((a) => a.status)).toEqual(expected.map(([, status]) => status));
  });

  it('reads yes and no answers for acceptable; empty is not assessed', () => {
    for (const word of ['yes', 'Y', 'TRUE', 'acceptable', 'Accepted', '1']) expect(acceptableOf(word), word).toBe('yes');
    for (const word of ['no', 'n', 'False', 'not acceptable', 'Unacceptable', '0']) expect(acceptableOf(word), word).toBe('no');
    expect(acceptableOf('  ')).toBe('unanswered');
    expect(acceptableOf('maybe')).toBeUndefined();
  });

  it('says whether the assessment date is a real calendar date, without changing it', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-12-31')).toBe(true);
    for (const text of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-5', '02.05.2024', '2024-05-02T10:00', '']) {
      expect(isIsoDate(text), text).toBe(false);
    }
    const list = readAnomalies('d.csv', 'ID,Assessment Date\nA-1,2024-02-30\nA-2,2.5.2024\nA-3,2024-02-29\n');
    expect(list.anomalies.map((a) => a.assessmentDate)).toEqual([
      { valid: false, text: '2024-02-30' },
      { valid: false, text: '2.5.2024' },
      { valid: true, date: '2024-02-29' },
    ]);
  });

  it('splits test lists only at line breaks and semicolons, ID lists also at commas', () => {
    expect(splitTests('a(1, 2); b\r\nc\n\n;')).toEqual(['a(1, 2)', 'b', 'c']);
    expect(splitIds('R-1, R-2;R-3\nR-4,,')).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });
});

describe('readAnomalies: problems', () => {
  it('reports an unknown status and an unknown answer with file and line, naming the allowed words', () => {
    const errors = userErrors(() => readAnomalies('p.csv', 'ID,Status,Acceptable\nA-1,open,yes\nA-2,blocked,perhaps\nA-3,,\n'));
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['p.csv', 3],
      ['p.csv', 3],
    ]);
    expect(errors[0]?.message).toMatch(/^unknown status "blocked"; write open, deferred, accepted, closed or fixed \(or one of: new, .*won't fix.*\); an empty status means open$/);
    expect(errors[1]?.message).toMatch(/^"perhaps" does not say whether the residual risk is acceptable; write yes, y, .* or no, n, .*unacceptable, 0/);
  });

  it('reports a duplicate ID naming both lines', () => {
    const errors = userErrors(() => readAnomalies('d.md', '| ID | Title |\n|---|---|\n| A-1 | one |\n| A-2 | two |\n| A-1 | three |\n'));
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['d.md', 5, 'duplicate ID A-1 on lines 3 and 5; every anomaly needs its own ID'],
    ]);
  });

  it('reports a missing ID and an ID with whitespace when the table has IDs', () => {
    const errors = userErrors(() => readAnomalies('i.csv', 'Issue,Title\n,Late alarm\nA 2,two\n'));
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['i.csv', 2],
      ['i.csv', 3],
    ]);
    expect(errors[0]?.message).toMatch(/the row "Late alarm" has no ID/);
    expect(errors[1]?.message).toMatch(/the ID "A 2" contains whitespace/);
  });

  it('collects the problems of the table and of the anomalies in one list, in line order', () => {
    const text = 'ID,Status\nA-1,nope\nA-1,open,extra\nA-3,closed\n';
    const errors = userErrors(() => readAnomalies('c.csv', text));
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['c.csv', 2],
      ['c.csv', 3],
      ['c.csv', 3],
    ]);
    expect(errors[1]?.message).toMatch(/the row has 3 cells/);
    expect(errors[2]?.message).toMatch(/duplicate ID A-1 on lines 2 and 3/);
  });

  it('reports every row of a YAML file with its own line', () => {
    const text = 'anomalies:\n  - id: A-1\n    status: stuck\n  - just text\n  - id: A-3\n    acceptable: sometimes\n';
    const errors = userErrors(() => readAnomalies('y.yaml', text));
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['y.yaml', 2],
      ['y.yaml', 4],
      ['y.yaml', 5],
    ]);
  });

  it('returns an empty list for a table with a header but no rows', () => {
    expect(readAnomalies('e.md', '# Known anomalies\n\n| ID | Title | Status |\n|---|---|---|\n').anomalies).toEqual([]);
    expect(readAnomalies('e.md', '| Title | Description |\n|---|---|\n|  |  |\n').anomalies).toEqual([]);
    expect(readAnomalies('e.csv', 'ID,Title\n').anomalies).toEqual([]);
    expect(readAnomalies('e.yaml', 'anomalies: []\n').anomalies).toEqual([]);
    expect(readAnomalies('e.json', '[]')).toEqual({ file: 'e.json', anomalies: [], hasAcceptableColumn: false });
  });

  it('refuses what readTable refuses: unknown extension, empty file, no table, syntax errors', () => {
    const txt = userError(() => readAnomalies('anomalies.txt', 'A-1 something'));
    expect([txt.file, txt.line]).toEqual(['anomalies.txt', undefined]);
    expect(txt.message).toMatch(/unsupported file type "\.txt"/);

    const empty = userError(() => readAnomalies('anomalies.md', '\n'));
    expect(empty.file).toBe('anomalies.md');
    expect(empty.message).toMatch(/the file is empty; it must hold a table with a column "id" or "title"/);

    const noTable = userError(() => readAnomalies('anomalies.md', '# Known anomalies\n\nNone.\n'));
    expect(noTable.message).toMatch(/no table found/);

    const yaml = userError(() => readAnomalies('a.yaml', 'anomalies:\n  - id: A-1\n    title: "open\n  - id: A-2\n'));
    expect([yaml.file, yaml.line]).toEqual(['a.yaml', 3]);

    const json = userError(() => readAnomalies('a.json', '[\n  {"id": "A-1"}\n  {"id": "A-2"}\n]'));
    expect([json.file, json.line]).toEqual(['a.json', 3]);

    const csv = userError(() => readAnomalies('a.csv', 'ID,Title\nA-1,"open\n'));
    expect([csv.file, csv.line]).toEqual(['a.csv', 2]);
  });
});

describe('readAnomalies then the gate: what a filled-in cell really says', () => {
  const judged = (file: string, text: string) =>
    readAnomalies(file, text).anomalies.map((a) => evaluateAnomaly(a, { hasAcceptableColumn: true, today: '2026-11-20', requirementIds: new Set(['SRS-003']) }));

  it('reads an empty JSON object, a dash and N/A in a JSON list as placeholders, not as an assessment', () => {
    const json = JSON.stringify([
      { id: 'ANOM-1', title: 'Rounding', severity: 'Low', status: 'open', justification: {}, acceptable: 'yes', 'assessed by': '-', 'assessment date': '2026-11-20' },
      { id: 'ANOM-2', title: 'Alarm', severity: 'N/A', status: 'open', justification: { text: '' }, acceptable: 'yes', 'assessed by': 'J. Doe', 'assessment date': '2026-11-20' },
    ]);
    expect(judged('anomalies.json', json).map((e) => e.missing)).toEqual([
      ['Justification ("{}" is a placeholder)', 'Assessed By ("-" is a placeholder)'],
      ['Severity ("N/A" is a placeholder)', 'Justification ("{"text":""}" is a placeholder)'],
    ]);
  });

  it('classifies qualified severities of a CSV list, and names what it cannot classify, a future date and an unknown requirement', () => {
    const csv = [
      'ID,Title,Severity,Status,Requirements,Justification,Acceptable,Assessed By,Assessment Date,Benefit-Risk',
      'ANOM-1,Rounding,High (S3),open,SRS-003,Below resolution,yes,J. Doe,2026-11-20,',
      'ANOM-2,Alarm,S3 - Serious,open,SRS-003,Below resolution,yes,J. Doe,2026-11-20,BRA-1',
      'ANOM-3,Display,S2,open,SRS-003,Below resolution,yes,J. Doe,2026-11-20,',
      'ANOM-4,Menu,Low,open,SRS-033,Below resolution,yes,J. Doe,2026-11-21,',
    ].join('\n');
    expect(judged('anomalies.csv', csv).map((e) => e.problems)).toEqual([
      ['its severity is High (S3) but it names no benefit-risk analysis'],
      [],
      [expect.stringMatching(/^its severity "S2" cannot be classified/)],
      ['its assessment is incomplete: missing Assessment Date (2026-11-21 is in the future)', 'its Requirements name SRS-033, which is not in the requirements list'],
    ]);
  });

  it('reads an HTML comment in a Markdown cell, which GitHub does not show, as no justification', () => {
    const md = '| ID | Title | Severity | Justification | Acceptable | Assessed By | Assessment Date |\n| --- | --- | --- | --- | --- | --- | --- |\n' +
      '| ANOM-1 | Rounding | Low | <!-- why is the risk acceptable? --> | yes | J. Doe | 2026-11-20 |\n';
    expect(judged('anomalies.md', md)[0]!.missing).toEqual(['Justification']);
  });
});
