import { describe, expect, it } from 'vitest';
import { readSoupList } from '../../src/catalogue/read-soup.js';
import { UserErrors, UserError } from '../../src/errors.js';
import { listSource } from '../support/lists.js';

const read = (file: string, text: string) => readSoupList(listSource(file, text));

describe('readSoupList', () => {
  it('reads the common QMS template in Markdown', () => {
    const list = read('docs/soup.md', [
      '# SOUP',
      '',
      '| ID | Software System | Package Name | Programming Language | Version | Website | Last verified at | Risk Level | Requirements | Verification Reasoning |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 1 | UI | is-number | JavaScript | 7.0.0 | https://github.com/jonschlinkert/is-number | 2026-11-01 | Low | Number checks | Unit tests |',
      '| 2 | UI | ms | JavaScript | 2.1.3 | https://github.com/vercel/ms | 2026-11-01 | Medium | Durations | Used in tests SRS-4 |',
    ].join('\n'));
    expect(list.rows).toEqual([
      { id: '1', name: 'is-number', ecosystem: 'JavaScript', version: '7.0.0', manufacturer: '', website: 'https://github.com/jonschlinkert/is-number', riskLevel: 'Low', requirements: 'Number checks', verification: 'Unit tests', lastVerified: '2026-11-01', line: 5 },
      { id: '2', name: 'ms', ecosystem: 'JavaScript', version: '2.1.3', manufacturer: '', website: 'https://github.com/vercel/ms', riskLevel: 'Medium', requirements: 'Durations', verification: 'Used in tests SRS-4', lastVerified: '2026-11-01', line: 6 },
    ]);
  });

  it('reads aliases in CSV and YAML', () => {
    const csv = read('soup.csv', 'Component,Vendor,Version,Risk Class,Language\nrequests,PSF,2.32.3,High,Python\n');
    expect(csv.rows[0]).toMatchObject({ name: 'requests', manufacturer: 'PSF', version: '2.32.3', riskLevel: 'High', ecosystem: 'Python', line: 2 });
    const yaml = read('soup.yaml', '- name: urllib3\n  version: 2.2.3\n  url: https://urllib3.readthedocs.io\n  risk: low\n');
    expect(yaml.rows[0]).toMatchObject({ name: 'urllib3', version: '2.2.3', website: 'https://urllib3.readthedocs.io', riskLevel: 'low', line: 1 });
  });

  it('an empty list is a list', () => {
    expect(read('soup.md', '| Package | Version |\n| --- | --- |\n').rows).toEqual([]);
  });

  it('refuses a row without a name and the same item twice, naming the lines', () => {
    let error: unknown;
    try {
      read('soup.md', '| Package | Version |\n| --- | --- |\n| | 1.0 |\n| ms | 2.1.3 |\n| ms | 2.1.3 |\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/no package name/)],
      [5, expect.stringMatching(/ms 2.1.3 is listed twice, on lines 4 and 5/)],
    ]);
  });

  it('refuses a header that looks like the version column but is not one', () => {
    expect(() => read('soup.md', '| Package | Version shipped |\n| --- | --- |\n| ms | 2.1.3 |\n')).toThrow(UserError);
  });
});
