import { describe, expect, it } from 'vitest';
import { TESTS_CSV_HEADER } from '../../src/report/tests-csv.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';
import { testsCsv } from '../support/gate-run.js';

describe('tests.csv', () => {
  it('lists every test with its number, report, class, name, status, requirements, duration, flakiness and explanation', async () => {
    const gate = runGate(
      [requirement('SRS-001'), requirement('SRS-002')],
      [
        report('reports/b.xml', [testCase({ classname: 'x.Y', name: '=SRS-001 formula', status: 'failed', time: 2 })]),
        report('reports/a.xml', [testCase({ name: 'SRS-001 SRS-002 both, "quoted"', time: 1.5 }), testCase({ name: 'SRS-002 retried', flaky: true, time: 0.01 })]),
      ],
    );
    expect(await testsCsv(gate)).toBe(
      [
        'no,report,classname,name,status,requirements,duration,flaky,explained_by',
        '1,reports/a.xml,,"SRS-001 SRS-002 both, ""quoted""",passed,SRS-001 SRS-002,1.5,false,',
        '2,reports/a.xml,,SRS-002 retried,passed,SRS-002,0.01,true,',
        "3,reports/b.xml,x.Y,'=SRS-001 formula,failed,SRS-001,2,false,",
        '',
      ].join('\r\n'),
    );
  });

  it('has one row per test for a large suite, numbered as the evidence numbers them', async () => {
    const cases = Array.from({ length: 4500 }, (_, i) => testCase({ name: `SRS-001 case ${String(i).padStart(4, '0')}` }));
    const gate = runGate([requirement('SRS-001')], [report('reports/big.xml', cases)]);
    const rows = (await testsCsv(gate)).split('\r\n');
    expect(rows[0]).toBe(TESTS_CSV_HEADER.trimEnd());
    expect(rows).toHaveLength(4502);
    expect(rows[4500]).toBe('4500,reports/big.xml,,SRS-001 case 4499,passed,SRS-001,0,false,');
  });
});
