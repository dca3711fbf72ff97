/** The traceability matrix as CSV: one row per requirement, then unknown IDs; tests by their numbers in tests.csv. */
import { describe, expect, it } from 'vitest';
import { renderMatrixCsv } from '../../src/report/matrix-csv.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';

const rows = (csv: string): string[] => csv.split('\r\n').filter((l) => l !== '');

describe('renderMatrixCsv', () => {
  it('lists each requirement of the list in order, then each unknown ID, with the 1-based numbers of their tests', () => {
    const { evidence } = runGate(
      [requirement('SRS-2', 'second'), requirement('SRS-1', 'first, "quoted"')],
      [report('r.xml', [testCase({ name: 'SRS-1 a' }), testCase({ name: 'SRS-1 and SRS-2 b', status: 'failed' }), testCase({ name: 'SRS-9 c' })])],
    );
    expect(rows(renderMatrixCsv(evidence))).toEqual([
      'requirement,title,status,tests,failed_or_errored,accepted_by,test_numbers',
      'SRS-2,second,failed,1,1,,2',
      'SRS-1,"first, ""quoted""",failed,2,1,,1 2',
      'SRS-9,,unknown,1,,,3',
    ]);
  });

  it('gives every number of a requirement with tens of thousands of tests, in order', () => {
    const cases = Array.from({ length: 25_001 }, (_, i) => testCase({ classname: 'c', name: `SRS-1 t${String(i).padStart(5, '0')}` }));
    const { evidence } = runGate([requirement('SRS-1')], [report('r.xml', cases)]);
    const numbers = rows(renderMatrixCsv(evidence))[1]!.split(',')[6]!;
    expect(numbers).toBe(Array.from({ length: 25_001 }, (_, i) => i + 1).join(' '));
  });
});
