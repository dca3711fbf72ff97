import { describe, expect, it } from 'vitest';
import { evaluateAnomaly } from '../../src/gate/anomalies.js';
import { judge } from '../../src/gate/judge.js';
import type { Anomaly, Evidence, Report, Requirement, TestCase, TestList, TestRef, TestRow } from '../../src/model/index.js';
import { buildEvidence } from '../../src/report/evidence.js';
import { CONTENT_SECURITY_POLICY, evidenceHtmlChunks, MAX_TEST_ROWS, MAX_TESTS_PER_CELL, MAX_UNTRACED_ROWS, renderEvidenceHtml } from '../../src/report/html.js';
import { PROVENANCE, report, requirement, runGate, testCase, traceReports, WARN_UNTRACED } from '../support/factories.js';
import { anomaly, failingRelease, HOSTILE, hostileRelease, liveEvidence, passingRelease, PUMP } from '../support/chromium-fixtures.js';

/** Every tag of the page, attributes included, in order: user text can add, drop or change none of them. */
function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

function countTags(html: string, name: string): number {
  return html.match(new RegExp(`<${name}[\\s>]`, 'gi'))?.length ?? 0;
}

/** The HTML of one section, from its heading to the end of the section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}"`);
  expect(start, `no section #${id}`).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

/** The same evidence with every piece of text replaced; status words and the verdict are kept. */
function rewriteText(value: unknown, f: (s: string) => string, key = ''): unknown {
  if (typeof value === 'string') return key === 'status' || key === 'verdict' ? value : f(value);
  if (Array.isArray(value)) return value.map((v) => rewriteText(v, f, key));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteText(v, f, k)]));
  return value;
}

describe('renderEvidenceHtml: golden files', () => {
  it('renders a failing release for an auditor', async () => {
    await expect(renderEvidenceHtml(failingRelease())).toMatchFileSnapshot('./__golden__/evidence-fail.html');
  });

  it('renders a passing release for an auditor', async () => {
    await expect(renderEvidenceHtml(passingRelease())).toMatchFileSnapshot('./__golden__/evidence-pass.html');
  });
});

describe('renderEvidenceHtml: what an auditor reads first', () => {
  it('opens the body with the verdict heading, then the coverage', () => {
    const html = renderEvidenceHtml(failingRelease());
    const body = html.slice(html.indexOf('<body'));
    expect(tags(body).slice(0, 2)).toEqual(['<body class="verdict-fail">', '<h1 id="verdict" class="verdict verdict-fail">']);
    expect(body).toContain('IEC 62304 release gate: FAILED</h1>\n<p class="headline"><strong>3 of 6 requirements verified (50 %), 1 failed but accepted by ANOM-7</strong>');
    expect(renderEvidenceHtml(passingRelease())).toContain('<h1 id="verdict" class="verdict verdict-pass">IEC 62304 release gate: PASSED</h1>');
  });

  it('puts the verdict and coverage in the window title', () => {
    expect(renderEvidenceHtml(failingRelease())).toContain('<title>IEC 62304 release gate FAILED · 50 % of requirements verified · acme/infusion-pump · refs/tags/v2.4.0</title>');
  });

  it('has the sections in the order an auditor checks them', () => {
    const html = renderEvidenceHtml(failingRelease());
    const order = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['provenance', 'totals', 'reasons', 'warnings', 'matrix', 'unknown-ids', 'untraced', 'anomalies', 'reports', 'tests']);
  });

  it('has one matrix row per requirement, in list order, with each test and its status', () => {
    const evidence = failingRelease();
    const matrix = section(renderEvidenceHtml(evidence), 'matrix');
    expect(countTags(matrix.slice(matrix.indexOf('<tbody>')), 'tr')).toBe(evidence.requirements.length);
    expect([...matrix.matchAll(/<th scope="row" class="id">([^<]*)</g)].map((m) => m[1])).toEqual(PUMP.map((r) => r.id));
    expect(matrix).toContain(
      '<span class="status status-failed">failed</span> <span class="accepted"><span class="status status-accepted">accepted</span> by <span class="id">ANOM-7</span></span>',
    );
    expect(matrix).toContain('<span class="status status-uncovered">uncovered</span></td><td><span class="none">no test names it</span>');
  });

  it('says every status in words as well as in a class', () => {
    const html = renderEvidenceHtml(failingRelease());
    const words: Record<string, string> = { problem: 'fails the gate', 'not-required': 'not required (not residual)' };
    const seen = new Set<string>();
    for (const m of html.matchAll(/<span class="status status-([a-z-]+)">([^<]*)<\/span>/g)) {
      expect(m[2]).toBe(words[m[1]!] ?? m[1]);
      seen.add(m[1]!);
    }
    expect([...seen].sort()).toEqual(['acceptable', 'accepted', 'failed', 'flaky', 'not-required', 'passed', 'problem', 'skipped', 'uncovered', 'verified']);
  });
});

describe('renderEvidenceHtml: self-contained and inert', () => {
  const pages = () => [renderEvidenceHtml(failingRelease()), renderEvidenceHtml(passingRelease()), renderEvidenceHtml(hostileRelease())];

  it('holds no script, no event handler and no inline style attribute', () => {
    for (const html of pages()) {
      expect(html).not.toMatch(/<script/i);
      expect(tags(html).filter((t) => /\son[a-z]+\s*=|\sstyle\s*=|javascript:/i.test(t))).toEqual([]);
    }
  });

  it('loads nothing: no src, no external link, no url() or @import in the CSS', () => {
    for (const html of pages()) {
      expect(tags(html).filter((t) => /\ssrc\s*=/i.test(t))).toEqual([]);
      expect([...html.matchAll(/\shref="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
      expect(html).not.toMatch(/url\(|@import|<link|<iframe|<object|<embed|<img|<form/i);
    }
  });

  it('declares UTF-8 and the content security policy before anything else in the head', () => {
    const html = renderEvidenceHtml(failingRelease());
    expect(tags(html).slice(0, 5)).toEqual([
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`,
    ]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'; style-src 'unsafe-inline'");
  });
});

describe('renderEvidenceHtml: hostile text', () => {
  it('shows each hostile string escaped, as text, wherever the evidence carries it', () => {
    const html = renderEvidenceHtml(hostileRelease());
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('&#34;&#62;&#60;b&#62;');
    expect(html).toContain('&#38;amp;');
    expect(html).toContain('&#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;');
    for (const raw of HOSTILE) expect(html).not.toContain(raw);
  });

  it('cannot add, drop or change a tag: the page has the tags of the same evidence with plain text', () => {
    const hostile = hostileRelease();
    const plain = rewriteText(hostile, (s) => s.replace(/[^A-Za-z0-9 -]/g, 'x')) as Evidence;
    expect(tags(renderEvidenceHtml(hostile))).toEqual(tags(renderEvidenceHtml(plain)));
  });

  it('has exactly the table rows the evidence calls for, and no script', () => {
    const evidence = hostileRelease();
    const html = renderEvidenceHtml(evidence);
    expect(evidence.requirements).toHaveLength(2);
    expect(evidence.unknownIds).toHaveLength(1);
    expect(evidence.untracedTests.count).toBe(1);
    expect(evidence.anomalies).toHaveLength(1);
    expect(evidence.reports).toHaveLength(1);
    expect(evidence.testRecord.count).toBe(4);
    // totals 2 + 2, matrix 1 + 2, unknown 1 + 1, untraced 1 + 1, anomalies 1 + 1, reports 1 + 1, record 1 + 4
    expect(countTags(html, 'tr')).toBe(4 + 3 + 2 + 2 + 2 + 2 + 5);
    expect(countTags(html, 'table')).toBe(8);
    const plain = renderEvidenceHtml(rewriteText(evidence, () => 'x') as Evidence);
    expect(countTags(html, 'td')).toBe(countTags(plain, 'td'));
    expect(countTags(html, 'th')).toBe(countTags(plain, 'th'));
    expect(countTags(html, 'script')).toBe(0);
    expect(countTags(html, 'img')).toBe(0);
    expect(countTags(html, 'b')).toBe(0);
  });

  it('keeps the structure for any text at all, control characters and lone surrogates included', () => {
    const base = hostileRelease();
    const want = tags(renderEvidenceHtml(base));
    let seed = 62304;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [...HOSTILE, '<', '>', '&', '"', "'", '<!--', '-->', ']]>', '<![CDATA[', '</style>', '<style>', '</title>', '\u0000', '\u001b[31m', '\r\n', '\u202e', '\ud800', '&#60;', '<svg/onload=alert(1)>'];
    for (let run = 0; run < 200; run++) {
      const rewrite = (): string => {
        let s = '';
        const n = 1 + Math.floor(random() * 6);
        for (let i = 0; i < n; i++) s += random() < 0.6 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(Math.floor(random() * 0x2fff));
        return s;
      };
      const html = renderEvidenceHtml(rewriteText(base, rewrite) as Evidence);
      expect(tags(html)).toEqual(want);
    }
  });

  it('shows control characters as visible control pictures', () => {
    const evidence = rewriteText(passingRelease(), (s) => s) as Evidence;
    const bell = { ...evidence, reasons: [{ code: 'untraced-tests' as const, message: 'name with a bell \u0007 and an escape \u001b[31m' }] };
    expect(renderEvidenceHtml(bell)).toContain('<li>name with a bell &#9223; and an escape &#9243;[31m</li>');
  });
});

/** A test of the record, in `reports/big.xml`, numbered. */
function bigRow(i: number, fields: Partial<TestRow> = {}): TestRow {
  return { index: i, name: `case ${String(i).padStart(6, '0')} SRS-001`, status: 'passed', report: 'reports/big.xml', classname: '', ids: ['SRS-001'], flaky: false, time: 0.001, ...fields };
}

/** A list of `count` tests whose sample is the given rows. */
function listOf(count: number, sample: readonly TestRef[]): TestList {
  return { count, positions: Array.from({ length: count }, (_, i) => i), sample };
}

/** What the gate keeps of a quarter of a million tests: a bounded sample, failures first. */
function bigEvidence(): Evidence {
  const total = 250_000;
  const rows = Array.from({ length: MAX_TEST_ROWS }, (_, i) => bigRow(i));
  rows[rows.length - 1] = bigRow(total - 1, { status: 'failed', message: 'last one failed' });
  rows[rows.length - 2] = bigRow(total - 2, { status: 'passed', flaky: true });
  const base = passingRelease();
  return {
    ...base,
    totals: { tests: total, passed: total - 1, failed: 1, errored: 0, skipped: 0, attempts: total },
    testRecord: { count: total, sample: rows },
    untracedTests: listOf(total, rows.slice(0, MAX_UNTRACED_ROWS)),
  };
}

describe('renderEvidenceHtml: a large suite', () => {
  it(`keeps the test record one table of at most ${MAX_TEST_ROWS} rows and says how many are left out`, () => {
    const html = renderEvidenceHtml(bigEvidence());
    const record = section(html, 'tests');
    expect(countTags(record, 'table')).toBe(1);
    expect(countTags(record.slice(record.indexOf('<tbody>')), 'tr')).toBe(MAX_TEST_ROWS);
    expect(record).toContain('<h2 id="tests">Test record (250,000)</h2>');
    expect(record).toContain(`245,000 of 250,000 tests are left out of this table (245,000 passed)`);
    expect(record).toContain('tests.csv and traceability.json list every test');
    expect(record).toContain('<td class="num">250,000</td><td>reports/big.xml</td><td class="name">case 249999 SRS-001</td><td class="state"><span class="status status-failed">failed</span>');
    expect(record).toContain('<td class="num">249,999</td>');
    expect(record).toContain('<td class="num">4,998</td>');
    expect(record).not.toContain('<td class="num">4,999</td>');
  });

  it('bounds the untraced tests list the same way', () => {
    const untraced = section(renderEvidenceHtml(bigEvidence()), 'untraced');
    expect(countTags(untraced.slice(untraced.indexOf('<tbody>')), 'tr')).toBe(MAX_UNTRACED_ROWS);
    expect(untraced).toContain(`The table shows the first 1,000 of 250,000 tests that name no requirement; 249,000 are left out here. tests.csv and traceability.json list them all.`);
  });

  it('keeps the page small whatever the number of tests', () => {
    expect(renderEvidenceHtml(bigEvidence()).length).toBeLessThan(4_000_000);
  });

  it(`lists at most ${MAX_TESTS_PER_CELL} tests in a matrix cell, those that did not pass first, and counts the rest`, () => {
    const gate = runGate(
      [requirement('SRS-001')],
      [
        report(
          'reports/big.xml',
          Array.from({ length: MAX_TESTS_PER_CELL + 30 }, (_, i) =>
            testCase({ name: `SRS-001 dose case ${String(i).padStart(3, '0')}`, status: i === MAX_TESTS_PER_CELL + 20 ? 'skipped' : i === MAX_TESTS_PER_CELL + 29 ? 'failed' : 'passed' }),
          ),
        ),
      ],
    );
    const matrix = section(renderEvidenceHtml(gate.evidence), 'matrix');
    const row = matrix.split('\n').find((l) => l.includes('>SRS-001<'))!;
    expect(countTags(row, 'li')).toBe(MAX_TESTS_PER_CELL + 1);
    expect(row).toContain('<li class="cut">… and 30 more; tests.csv and traceability.json list them all</li>');
    expect(row).toContain('<span class="status status-skipped">skipped</span> <span class="name">SRS-001 dose case 030</span>');
    expect(row).toContain('<span class="status status-failed">failed</span> <span class="name">SRS-001 dose case 039</span>');
    expect(row).toContain('dose case 007');
    expect(row).not.toContain('dose case 008');
    expect(row.indexOf('dose case 007')).toBeLessThan(row.indexOf('dose case 030'));
  });

  it('shows every test and no cut note when the suite fits', () => {
    const html = renderEvidenceHtml(failingRelease());
    expect(html).not.toContain('left out');
    const record = section(html, 'tests');
    expect(countTags(record.slice(record.indexOf('<tbody>')), 'tr')).toBe(failingRelease().testRecord.count);
  });
});

describe('renderEvidenceHtml: deterministic', () => {
  it('gives the same bytes for the same evidence, and for a copy of it', () => {
    const evidence = failingRelease();
    const html = renderEvidenceHtml(evidence);
    expect(renderEvidenceHtml(evidence)).toBe(html);
    expect(renderEvidenceHtml(failingRelease(liveEvidence))).toBe(html);
  });

  it('gives the same bytes whatever order the reports and their cases came in', () => {
    const list: Requirement[] = [requirement('SRS-001', 'One'), requirement('SRS-002', 'Two')];
    const a = report('reports/a.xml', [testCase({ name: 'SRS-001 x', time: 0.1 }), testCase({ name: 'SRS-002 y', status: 'failed', message: 'no' })]);
    const b = report('reports/b.xml', [testCase({ name: 'SRS-001 z' }), testCase({ name: 'untraced', status: 'skipped' })]);
    const reversed = (r: Report): Report => ({ ...r, cases: [...r.cases].reverse() });
    const one = renderEvidenceHtml(runGate(list, [a, b], WARN_UNTRACED).evidence);
    const two = renderEvidenceHtml(runGate(list, [reversed(b), reversed(a)], WARN_UNTRACED).evidence);
    expect(two).toBe(one);
  });

  it('formats durations to the millisecond, whatever float sums the runner left', () => {
    const evidence = failingRelease();
    const odd = { ...evidence, testRecord: { count: 2, sample: [bigRow(0, { time: 0.1 + 0.2 }), bigRow(1, { time: 12.3456 })] } };
    const record = section(renderEvidenceHtml(odd), 'tests');
    expect(record).toContain('<td class="num">0.300</td>');
    expect(record).toContain('<td class="num">12.346</td>');
  });
});

describe('renderEvidenceHtml: edge cases', () => {
  it('renders evidence without a trace (no requirements list) with every section saying so', () => {
    const t = traceReports(undefined, []);
    const verdict = judge(t, WARN_UNTRACED);
    const html = renderEvidenceHtml(buildEvidence(t, verdict, { requirementsFile: 'docs/missing.md', requirementPattern: 'SRS-[0-9]+' }));
    expect(html).toContain('IEC 62304 release gate: FAILED');
    expect(html).toContain('The requirements list holds no requirement.');
    expect(html).toContain('No test report was read.');
    expect(html).toContain('No test case was found.');
    expect(html).toContain('<dt>Repository</dt><dd><span class="none">not recorded</span></dd>');
    expect(countTags(html, 'tr')).toBe(4);
  });

  it('shows a closed anomaly as not residual', () => {
    const cases: TestCase[] = [testCase({ name: 'SRS-001 ok' })];
    const closed: Anomaly = {
      id: 'ANOM-2', title: 'Old', status: 'closed', severity: 'Low', description: '', impact: '', relatedRisks: [], tests: [], requirements: [],
      justification: '', acceptable: 'unanswered', assessedBy: '', assessmentDate: { valid: false, text: '' }, benefitRisk: '', source: 'anomalies.md',
    };
    const t = traceReports([requirement('SRS-001')], [report('r.xml', cases)]);
    const v = judge(t, WARN_UNTRACED, [], [evaluateAnomaly(closed, { hasAcceptableColumn: true })]);
    const anomalies = section(renderEvidenceHtml(buildEvidence(t, v, PROVENANCE)), 'anomalies');
    expect(anomalies).toContain('<h2 id="anomalies">Residual anomalies (0)</h2>');
    expect(anomalies).toContain('not residual');
    expect(anomalies).toContain('<span class="status status-not-required">not required (not residual)</span>');
  });
});

describe('evidenceHtmlChunks', () => {
  /**
   * The largest chunk allowed here: 16 KiB. A chunk is one part of the page (a tag, a list item, a table
   * row) and its line break; the longest is the `<style>` element, under 5,000 characters.
   */
  const MAX_CHUNK_CHARS = 16 * 1024;

  const chunks = (evidence: Evidence): string[] => [...evidenceHtmlChunks(evidence)];

  /** 2,000 requirements, 100,000 tests that name them (a few failing, a few naming unknown IDs), 3,000 untraced tests. */
  function manyRequirements(): Evidence {
    const requirements = Array.from({ length: 2000 }, (_, i) => requirement(`SRS-${String(i + 1).padStart(4, '0')}`, `Requirement ${i + 1}`));
    const traced = Array.from({ length: 100_000 }, (_, i) =>
      testCase({ name: `${requirements[i % requirements.length]!.id}${i % 500 === 0 ? ` SRS-9${i}` : ''} case ${i}`, status: i % 97 === 0 ? 'failed' : 'passed' }),
    );
    const untraced = Array.from({ length: 3000 }, (_, i) => testCase({ name: `untraced case ${i}`, status: i % 300 === 0 ? 'errored' : 'passed' }));
    return runGate(requirements, [report('reports/traced.xml', traced), report('reports/untraced.xml', untraced)], WARN_UNTRACED).evidence;
  }

  it('adds up to renderEvidenceHtml, byte for byte', () => {
    const empty = traceReports(undefined, []);
    const none = buildEvidence(empty, judge(empty, WARN_UNTRACED), { requirementsFile: 'docs/missing.md', requirementPattern: 'SRS-[0-9]+' });
    for (const evidence of [failingRelease(), failingRelease(liveEvidence), passingRelease(), hostileRelease(), none, bigEvidence(), manyRequirements()]) {
      expect(chunks(evidence).join('')).toBe(renderEvidenceHtml(evidence));
    }
  });

  it(`gives each table row a chunk of its own, none over ${MAX_CHUNK_CHARS / 1024} KiB`, () => {
    for (const evidence of [bigEvidence(), manyRequirements()]) {
      const all = chunks(evidence);
      expect(all.every((c) => c.endsWith('\n'))).toBe(true);
      expect(all.every((c) => countTags(c, 'tr') <= 1)).toBe(true);
      expect(Math.max(...all.map((c) => c.length))).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      const bodyRows =
        evidence.requirements.length + evidence.unknownIds.length + evidence.untracedTests.sample.length + evidence.anomalies.length + evidence.reports.length + evidence.testRecord.sample.length;
      expect(all.filter((c) => c.startsWith('<tr>'))).toHaveLength(bodyRows);
    }
  });
});

describe('renderEvidenceHtml: a passing gate', () => {
  it('says why it passed, with no section of reasons it failed, and names the anomaly that accepts a failure', () => {
    const evidence = liveEvidence(
      [requirement('SRS-001', 'Dose'), requirement('SRS-002', 'Weight')],
      [report('reports/unit.xml', [testCase({ name: 'SRS-001 dose' }), testCase({ name: 'SRS-002 weight', status: 'failed', message: 'off by 0.05' })])],
      [anomaly({ id: 'ANOM-7', tests: ['SRS-002 weight'] })],
    );
    expect(evidence.verdict).toBe('pass');
    const html = renderEvidenceHtml(evidence);
    expect(html).not.toContain('Why the gate failed');
    expect(html).toContain('<li><a href="#reasons">Why the gate passed</a></li>');
    const reasons = section(html, 'reasons');
    expect(reasons).toContain('<h2 id="reasons">Why the gate passed</h2>');
    expect(reasons).toContain('<span class="id">SRS-002</span> failed (1 failing test), accepted by <span class="id">ANOM-7</span>');
    expect(html).toContain('<strong>1 of 2 requirements verified (50 %), 1 failed but accepted by ANOM-7</strong>');
  });
});

describe('renderEvidenceHtml: one way of counting tests', () => {
  it('counts the attempts of one test once in every table, and says what the test cases are', () => {
    const attempts = [testCase({ name: 'SRS-001 dose', status: 'failed', message: 'flake', file: 'a.test.ts', line: 3 }), testCase({ name: 'SRS-001 dose', file: 'a.test.ts', line: 3 }), testCase({ name: 'SRS-001 rate' })];
    const evidence = liveEvidence([requirement('SRS-001', 'Dose')], [report('reports/unit.xml', attempts)], [anomaly({ id: 'ANOM-7', tests: ['SRS-001 dose'] })]);
    expect(evidence.totals).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0, attempts: 3 });
    expect(evidence.reports).toEqual([{ file: 'reports/unit.xml', tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0, attempts: 3 }]);
    const html = renderEvidenceHtml(evidence);
    expect(html).toContain('2 tests (from 3 test cases: the attempts of one test count as one): 1 passed, 1 failed');
    const reports = section(html, 'reports');
    expect(reports).toContain('<th class="num" scope="col">Test cases</th>');
    expect(reports).toContain('<tr><td>reports/unit.xml</td><td class="num">2</td><td class="num">1</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td class="num">3</td></tr>');
    expect(reports).toContain('test cases are what the reports hold, one for each attempt');
    expect(section(html, 'totals')).toContain('The reports hold 3 test cases for these 2 tests.');
    expect(html).not.toMatch(/<td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><\/tr>/);
  });

  it('shows no column of test cases when each test is one', () => {
    expect(section(renderEvidenceHtml(passingRelease()), 'reports')).not.toContain('Test cases');
  });
});
