import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Requirement, TestCase } from '../../src/model.js';
import { REASONS_LISTED, renderSummary, SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
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
    const requirements = tables[0]!;
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
    const cut = new RegExp(`(\\d+) more requirements were cut from this summary`).exec(summary);
    expect(cut, 'the summary says how many requirements were cut').not.toBeNull();
    expect(Number(cut![1])).toBe(20_000 - shown);
    expect(summary).toContain(`the evidence file (${EVIDENCE_PATH}) has them all`);
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
    expect(items.at(-1)).toBe(`- … and 9 more: see the evidence file (${EVIDENCE_PATH})`);
    expect(summary).not.toContain(`SRS-${REASONS_LISTED + 2} \\(Requirement`);
  });
});
