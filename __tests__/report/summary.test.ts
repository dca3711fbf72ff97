import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Requirement, TestCase } from '../../src/model/index.js';
import { REASONS_LISTED, renderSummary, SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
import { anomaly, liveEvidence } from '../support/chromium-fixtures.js';
import { report, requirement, runGate, testCase, WARN_UNTRACED } from '../support/factories.js';

const EVIDENCE_PATH = 'release-gate-evidence/traceability.json';

/** The requirements list of the example infusion pump, as its Markdown table gives it. */
const PUMP: readonly Requirement[] = [
  requirement('SRS-001', "Compute the dose from the patient's body weight", 7),
  requirement('SRS-002', 'Reject a negative or zero body weight', 8),
  requirement('SRS-003', 'Round the computed dose to 0.1 mg', 9),
  requirement('SRS-004', 'Raise an alarm on line occlusion', 10),
  requirement('SRS-005', 'Log every administered dose', 11),
];

const py = (name: string, fields: Partial<TestCase> = {}) => testCase({ classname: 'tests.test_dose', name, file: 'tests/test_dose.py', ...fields });
const vt = (name: string, fields: Partial<TestCase> = {}) => testCase({ classname: 'src/alarm.test.ts', name: `alarm > ${name}`, file: 'src/alarm.test.ts', ...fields });

/** A release with one failing, one skipped and one uncovered requirement, an unknown ID and an untraced test. */
function failingRelease() {
  return runGate(PUMP, [
    report('reports/pytest.xml', [
      py('test_dose_for_70_kg[SRS-001]', { line: 12, time: 0.01 }),
      py('test_rejects_negative_weight[SRS-002]', { line: 20 }),
      py('test_rounds_to_a_tenth[SRS-003]', { line: 31, status: 'failed', message: 'AssertionError: assert 1.25 == 1.3' }),
    ]),
    report('reports/vitest.xml', [
      vt('SRS-004 sounds on occlusion', { status: 'skipped', message: 'needs the pump simulator' }),
      vt('SRS-012 logs the dose'),
      vt('starts up'),
    ]),
  ]);
}

/** A release where every requirement is verified; one untraced test only warns. */
function passingRelease() {
  return runGate(
    PUMP,
    [
      report('reports/pytest.xml', [
        py('test_dose_for_70_kg[SRS-001]'),
        py('test_dose_for_3_kg[SRS-001]'),
        py('test_rejects_negative_weight[SRS-002]'),
        py('test_rounds_to_a_tenth[SRS-003]'),
      ]),
      report('reports/vitest.xml', [vt('SRS-004 sounds on occlusion'), vt('SRS-005 logs every dose'), vt('starts up')]),
    ],
    WARN_UNTRACED,
  );
}

/** Pipes that a GFM table takes as cell borders: not preceded by a backslash. */
const unescapedPipes = (line: string): number => [...line.matchAll(/(?<!\\)\|/g)].length;

/** The lines of the table under a `### heading`. */
function tableUnder(summary: string, heading: string): string[] {
  const lines = summary.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${heading}`));
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line);
    else if (rows.length > 0) break;
  }
  return rows;
}

describe('renderSummary: golden files', () => {
  it('renders a failing release for a reviewer', async () => {
    const { evidence } = failingRelease();
    await expect(renderSummary(evidence, { evidencePath: EVIDENCE_PATH })).toMatchFileSnapshot('./__golden__/summary-fail.md');
  });

  it('renders a passing release for a reviewer', async () => {
    const { evidence } = passingRelease();
    await expect(renderSummary(evidence, { evidencePath: EVIDENCE_PATH })).toMatchFileSnapshot('./__golden__/summary-pass.md');
  });
});

describe('renderSummary: what a reviewer reads first', () => {
  it('starts with the failing verdict', () => {
    expect(renderSummary(failingRelease().evidence).split('\n')[0]).toBe('## ❌ IEC 62304 release gate failed');
  });

  it('starts with the passing verdict', () => {
    expect(renderSummary(passingRelease().evidence).split('\n')[0]).toBe('## ✅ IEC 62304 release gate passed');
  });

  it('gives the counts of requirements, tests and reports right after the verdict', () => {
    const line = renderSummary(failingRelease().evidence).split('\n')[2]!;
    expect(line).toContain('2 of 5 requirements verified');
    expect(line).toContain('(40 %)');
    expect(line).toContain('6 tests: 4 passed, 1 failed, 0 errored, 1 skipped');
    expect(line).toContain('2 reports');
  });

  it('lists each reason and each warning under its own heading', () => {
    const pass = renderSummary(passingRelease().evidence);
    expect(pass).not.toContain('### Why the gate failed');
    expect(pass).toContain('### Warnings (1)');
    const fail = renderSummary(failingRelease().evidence);
    expect(fail).toContain('### Why the gate failed (5)');
  });
});

describe('renderSummary: hostile test names', () => {
  const hostile = 'SRS-001 weird | name ] ( <b> **x** `y` [z](http://e.com)';

  function hostileSummary(): string {
    const { evidence } = runGate(
      [requirement('SRS-001', 'Dose | rate ] ( <b>'), requirement('SRS-002', 'A|B|C')],
      [report('reports/unit.xml', [testCase({ classname: 'A|B', name: hostile }), testCase({ name: `${hostile} SRS-404 |` }), testCase({ name: 'SRS-002 | ok |' })])],
    );
    return renderSummary(evidence);
  }

  it('cannot break the requirements table: each row has exactly 4 unescaped pipes', () => {
    const rows = tableUnder(hostileSummary(), 'Requirements');
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(unescapedPipes(row), row).toBe(4);
  });

  it('cannot break the table of unknown IDs: each row has exactly 3 unescaped pipes', () => {
    const rows = tableUnder(hostileSummary(), 'IDs named by tests but not in the requirements list');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(unescapedPipes(row), row).toBe(3);
  });

  it('shows the name as written, in its cell, with no markup', () => {
    const tables = marked.lexer(hostileSummary()).filter((t): t is Tokens.Table => t.type === 'table');
    const requirements = tables.find((t) => t.header[0]?.text === 'Requirement')!;
    expect(requirements.rows.map((r) => r.length)).toEqual([3, 3]);
    const html = marked.parse(hostileSummary(), { async: false, gfm: true });
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!).filter((c) => c.includes('weird'));
    expect(cells).toHaveLength(2);
    for (const cell of cells) {
      expect(cell).toContain('SRS-001 weird | name ] ( &lt;b&gt; **x** `y` [z](http://e.com)');
      expect(cell.replace(/<br>/g, ' '), 'only <br> separates the tests of a cell').not.toMatch(/<[a-z]/);
    }
  });
});

describe('renderSummary: size', () => {
  it('stays under the budget with 20,000 long requirements, and says how many were cut and where they all are', () => {
    const title = 'Die Infusionsrate für Säuglinge wird auf das konfigurierte Maximum begrenzt — ✅ | ';
    const list = Array.from({ length: 20_000 }, (_, i) => requirement(`SRS-${i + 1}`, title.repeat(5), i + 7));
    const cases = list.map((r, i) =>
      testCase({ classname: 'pump.RateLimitTest', name: `${r.id} ${'limits the rate of a very long parameterised case '.repeat(4)}`, status: i % 10 === 0 ? 'failed' : 'passed' }),
    );
    const { evidence } = runGate(list, [report('reports/huge.xml', cases)]);
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });

    const bytes = Buffer.byteLength(summary, 'utf8');
    expect(bytes).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(bytes).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(summary.split('\n')[0]).toBe('## ❌ IEC 62304 release gate failed');

    const shown = summary.split('\n').filter((l) => l.startsWith('| **SRS-')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(20_000);
    const cut = /_(\d+) of 20000 requirements are left out here \((\d+) verified\)/.exec(summary);
    expect(cut, 'the summary says how many requirements were cut').not.toBeNull();
    expect(Number(cut![1])).toBe(20_000 - shown);
    expect(summary).toContain('`release-gate-evidence/traceability.md` and `release-gate-evidence/traceability.csv` list every requirement');
    // The failed requirements are kept first; only verified ones are left out.
    expect(summary.split('\n').filter((l) => l.startsWith('| **SRS-') && l.includes('❌ failed'))).toHaveLength(2_000);
  });

  it(`lists ${REASONS_LISTED} reasons and counts the rest, pointing to the evidence`, () => {
    const list = Array.from({ length: REASONS_LISTED + 10 }, (_, i) => requirement(`SRS-${i + 1}`, `Requirement ${i + 1}`));
    const { evidence } = runGate(list, [report('reports/unit.xml', [testCase({ name: 'SRS-1 passes' })])]);
    expect(evidence.reasons).toHaveLength(REASONS_LISTED + 9);
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });
    const lines = summary.split('\n');
    const start = lines.indexOf(`### Why the gate failed (${REASONS_LISTED + 9})`);
    expect(start).toBeGreaterThan(0);
    const items: string[] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('- ')) break;
      items.push(line);
    }
    expect(items).toHaveLength(REASONS_LISTED + 1);
    expect(items.at(-2)).toContain(`SRS-${REASONS_LISTED + 1} \\(Requirement ${REASONS_LISTED + 1}\\)`);
    expect(items.at(-1)).toBe('- … and 9 more (uncovered requirements: 9): `release-gate-evidence/traceability.md` and `release-gate-evidence/traceability.json` list them all');
    expect(summary).not.toContain(`SRS-${REASONS_LISTED + 2} \\(Requirement`);
  });
});

describe('renderSummary: what a cut keeps', () => {
  const long = 'Die Infusionsrate für Säuglinge wird auf das konfigurierte Maximum begrenzt — ✅ | '.repeat(5);
  const bulky = (n: number, fail: (i: number) => boolean = () => false) => {
    const list = Array.from({ length: n }, (_, i) => requirement(`SRS-${i + 1}`, long, i + 7));
    const cases = list.map((r, i) => testCase({ classname: 'pump.RateLimitTest', name: `${r.id} ${'limits the rate '.repeat(12)}`, status: fail(i) ? 'failed' : 'passed' }));
    return { list, cases };
  };
  const within = (summary: string) => expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);

  it('keeps the anomaly that accepts a failure on a passing gate, and the accepted requirement, when thousands of rows are cut', () => {
    const { list, cases } = bulky(20_000, (i) => i === 19_999);
    const closed = Array.from({ length: 30 }, (_, i) => anomaly({ id: `ANOM-${100 + i}`, status: 'closed', tests: [] }));
    const evidence = liveEvidence(list, [report('reports/huge.xml', cases)], [...closed, anomaly({ id: 'ANOM-7', tests: ['SRS-20000 *'] })]);
    expect(evidence.verdict).toBe('pass');
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });
    within(summary);
    expect(summary.split('\n')[2]).toContain('19999 of 20000 requirements verified (99.9 %), 1 failed but accepted by ANOM-7');
    expect(summary).toMatch(/^\| \*\*ANOM-7\*\* .*✅ acceptable/m);
    expect(summary).toMatch(/^\| \*\*SRS-20000\*\* .*⚠️ failed, accepted by ANOM-7/m);
    expect(summary).toMatch(/_\d+ of 20000 requirements are left out here \(\d+ verified\)/);
  });

  it('keeps one reason of each kind, the failing anomaly and the unknown IDs on a failing gate, and says what it left out', () => {
    const { list, cases } = bulky(20_000, (i) => i % 10 === 0);
    cases.push(testCase({ name: 'SRS-999999 typo' }), testCase({ name: 'names nothing' }));
    const evidence = liveEvidence(list, [report('reports/huge.xml', cases)], [anomaly({ id: 'ANOM-9', assessedBy: '', tests: [] })]);
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });
    within(summary);
    // The reasons' lines, ahead of the section that names the release record's files.
    const listed = summary.split('### Release record')[0]!.split('\n').filter((l) => l.startsWith('- '));
    expect([...new Set(evidence.reasons.map((r) => r.code))].sort()).toEqual(['anomaly', 'requirement-failed', 'unknown-id', 'untraced-tests']);
    expect(listed.filter((l) => /^- SRS-\d+ \\\(/.test(l)).length).toBeGreaterThan(0);
    expect(listed.some((l) => l.startsWith('- SRS-999999 is not in the requirements list')), 'unknown ID').toBe(true);
    expect(listed.some((l) => l.startsWith('- residual anomaly ANOM-9')), 'anomaly').toBe(true);
    expect(listed.some((l) => l.startsWith('- 1 test names no requirement ID')), 'untraced').toBe(true);
    expect(listed.at(-1)).toMatch(/^- … and \d+ more \(failed requirements: \d+\): `release-gate-evidence\/traceability\.md` and `release-gate-evidence\/traceability\.json` list them all$/);
    expect(summary).toMatch(/^\| \*\*ANOM-9\*\* .*❌/m);
    expect(summary).toMatch(/^\| SRS-999999 \| /m);
  });

  it('counts the unknown IDs it cannot show, and names the file that has them', () => {
    const cases = Array.from({ length: 40_000 }, (_, i) => testCase({ name: `SRS-${100_000 + i} ${'x'.repeat(40)}` }));
    const evidence = liveEvidence([requirement('SRS-1', 'one')], [report('reports/unit.xml', cases)], [anomaly({ id: 'ANOM-9', assessedBy: '', tests: [] })]);
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });
    within(summary);
    const shown = summary.split('\n').filter((l) => /^\| SRS-1\d{5} \|/.test(l)).length;
    expect(shown).toBeLessThan(40_000);
    expect(summary).toContain(`_${40_000 - shown} of 40000 unknown IDs are left out here: \`release-gate-evidence/traceability.csv\``);
    expect(summary).toMatch(/^\| \*\*ANOM-9\*\* /m);
    expect(summary).toMatch(/residual anomaly ANOM-9/);
  });
});

describe('renderSummary: traceability.md is the summary uncut', () => {
  const uncut = { budgetBytes: Number.POSITIVE_INFINITY };

  it('lists every reason, however many, with no pointer elsewhere', () => {
    const list = Array.from({ length: 62 }, (_, i) => requirement(`SRS-${i + 1}`, `Requirement ${i + 1}`));
    const { evidence } = runGate(list, [report('reports/unit.xml', [testCase({ name: 'SRS-1 passes' })])]);
    const summary = renderSummary(evidence, uncut);
    expect(summary.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(61);
    for (let i = 2; i <= 62; i++) expect(summary).toContain(`SRS-${i} \\(Requirement ${i}\\) is not verified`);
    expect(summary).not.toMatch(/… and \d+ more/);
  });

  it('keeps every requirement, unknown ID and anomaly row of a suite far above the job summary budget', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => requirement(`SRS-${i + 1}`, 'A long title, '.repeat(10)));
    const cases = [...list.map((r) => testCase({ name: `${r.id} ${'passes '.repeat(20)}` })), ...Array.from({ length: 3000 }, (_, i) => testCase({ name: `SRS-${900_000 + i}` }))];
    const anomalies = Array.from({ length: 500 }, (_, i) => anomaly({ id: `ANOM-${i}`, status: 'closed' }));
    const evidence = liveEvidence(list, [report('reports/unit.xml', cases)], anomalies);
    const summary = renderSummary(evidence, uncut);
    expect(Buffer.byteLength(summary)).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
    expect(summary.split('\n').filter((l) => l.startsWith('| **SRS-'))).toHaveLength(20_000);
    expect(summary.split('\n').filter((l) => /^\| SRS-9\d{5} \|/.test(l))).toHaveLength(3000);
    expect(summary.split('\n').filter((l) => l.startsWith('| **ANOM-'))).toHaveLength(500);
    expect(summary).not.toMatch(/left out here/);
  });

  it('names every test the evidence keeps by name in a cell, and says which file numbers the rest', () => {
    const cases = Array.from({ length: 15 }, (_, i) => testCase({ name: `SRS-1 case ${i}` }));
    const { evidence } = runGate([requirement('SRS-1')], [report('reports/unit.xml', cases)]);
    const row = renderSummary(evidence, uncut).split('\n').find((l) => l.startsWith('| **SRS-1**'))!;
    expect(row.split('<br>')).toHaveLength(11);
    expect(row).toContain('… and 5 more (numbered in traceability.csv)');
  });
});

describe('renderSummary: the release record', () => {
  it('charts the requirement statuses in Mermaid ahead of the tables, and names the three record files; traceability.md has neither', () => {
    const evidence = liveEvidence(
      [{ id: 'SRS-001', title: 'a' }, { id: 'SRS-002', title: 'b' }, { id: 'SRS-003', title: 'c' }],
      [report('r.xml', [testCase({ name: 'SRS-001 ok' }), testCase({ name: 'SRS-002 bad', status: 'failed' })])],
      [],
    );
    const summary = renderSummary(evidence, { evidencePath: EVIDENCE_PATH });
    expect(summary).toContain('```mermaid\npie showData\n    title Requirements (3)\n    "verified" : 1\n    "failed" : 1\n    "uncovered" : 1\n```');
    expect(summary.indexOf('```mermaid')).toBeLessThan(summary.indexOf('### Requirements'));
    expect(summary).toContain('- Release notes: `release-gate-evidence/release-notes.md`');
    const uncut = renderSummary(evidence, { budgetBytes: Number.POSITIVE_INFINITY });
    expect(uncut).not.toContain('mermaid');
    expect(uncut).not.toContain('Release record');
  });
});
