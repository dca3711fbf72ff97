/**
 * Markup in user text: test names, messages, requirement titles and anomaly fields that hold
 * Markdown, HTML, links, images, table pipes and spreadsheet formulas. The job summary and the
 * Markdown evidence are rendered with `marked` (GitHub Flavored Markdown) and the HTML evidence is
 * read as it is: nothing from user text may become an element, an attribute, a link, an image or an
 * extra table cell. Each check is differential: the hostile rendering may use only the elements
 * and attributes the same evidence with plain names uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { evaluate } from '../support/gate-run.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { Anomaly, AnomalyList } from '../../src/model/index.js';
import { renderAnomaliesCsv, renderAnomaliesMarkdown } from '../../src/report/anomaly-list.js';
import { renderEvidenceHtml } from '../../src/report/html.js';
import { renderMatrixCsv } from '../../src/report/matrix-csv.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../../src/trace/requirement-ids.js';
import { makeWorkspace } from '../support/workspace.js';

/** Markup that a renderer must show as text. */
const HOSTILE = [
  '[click me](https://evil.example/phish)',
  '![tracker](https://evil.example/pixel.png)',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">link</a>',
  '<iframe src="//evil.example"></iframe>',
  '<svg onload=alert(1)><circle/></svg>',
  '<details open><summary>hidden</summary>x</details>',
  '<style>body{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '</td><td>extra cell</td></tr><tr><td>',
  '| injected | columns | here |',
  'ends with a backslash \\',
  '\\| escaped pipe \\|',
  '`code` **bold** _em_ ~~strike~~ # heading',
  '<https://evil.example/autolink>',
  'https://evil.example/bare www.evil.example x@evil.example',
  'HTTPS://EVIL.EXAMPLE/upper WWW.EVIL.EXAMPLE',
  '[ref][1]\n\n[1]: https://evil.example/ref',
  'javascript:alert(1) data:text/html;base64,PHNjcmlwdD4=',
  '&lt;script&gt; &#60;img&#62; &amp;',
  '@octocat #123 acme/pump#7',
  '=HYPERLINK("https://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)',
];

const PLAIN = HOSTILE.map((_, i) => `plain name number ${i}`);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');

function reportXml(names: readonly string[]): string {
  const cases = names.flatMap((n, i) => [
    // A failing test of a requirement (in the matrix, the reasons, the annotations)...
    `<testcase classname="${esc(n)}" name="SRS-00${(i % 3) + 1} ${esc(n)}"><failure message="${esc(n)}"/></testcase>`,
    // ...a passing one, an untraced one and one naming an unknown ID.
    `<testcase classname="dose" name="SRS-004 ${esc(n)}"/>`,
    `<testcase classname="dose" name="${esc(n)}"/>`,
    `<testcase classname="dose" name="SRS-0${90 + i} ${esc(n)}"/>`,
  ]);
  return `<testsuites><testsuite name="${esc(names[0]!)}">${cases.join('')}</testsuite></testsuites>`;
}

function anomaly(i: number, text: string): Anomaly {
  return {
    id: `ANOM-${i}`,
    title: text,
    status: 'open',
    severity: text,
    description: text,
    impact: text,
    relatedRisks: [text],
    tests: [text, `*${text}*`],
    requirements: ['SRS-001'],
    justification: text,
    acceptable: 'yes',
    assessedBy: text,
    assessmentDate: { valid: false, text },
    benefitRisk: text,
    line: i + 3,
    source: 'anomalies.md',
  };
}

function gateFor(names: readonly string[]) {
  const report = parseJunit('reports/junit.xml', reportXml(names));
  const anomalies: AnomalyList = { file: 'anomalies.md', anomalies: names.map((n, i) => anomaly(i + 1, n)), hasAcceptableColumn: true };
  return evaluate({
    list: { file: 'requirements.md', requirements: ['SRS-001', 'SRS-002', 'SRS-003', 'SRS-004', 'SRS-005'].map((id, i) => ({ id, title: names[i] ?? '', line: i + 3 })) },
    reports: [report],
    anomalyLists: [anomalies],
    problems: [],
    pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
    idVariants: 'exact',
    policy: { untracedTests: 'fail' },
    provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN, repository: 'acme/pump', ref: 'refs/tags/v1.0.0' },
    workspace: '/home/runner/work/pump/pump',
  });
}

const HOSTILE_GATE = await gateFor(HOSTILE);
const PLAIN_GATE = await gateFor(PLAIN);

/** Element names, attribute names and link targets of an HTML text. */
function inventory(html: string): { elements: Set<string>; attributes: Set<string>; links: string[] } {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const links: string[] = [];
  for (const m of html.matchAll(/<\s*\/?\s*([A-Za-z][\w:-]*)([^>]*)>/g)) {
    const name = m[1]!.toLowerCase();
    elements.add(name);
    for (const a of m[2]!.matchAll(/([^\s"'=/<>]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
      attributes.add(`${name}.${a[1]!.toLowerCase()}`);
      if (/^(href|src|action|formaction|xlink:href|srcset|poster|data)$/i.test(a[1]!)) links.push((a[2] ?? '').replace(/^["']|["']$/g, ''));
    }
  }
  return { elements, attributes, links };
}

function render(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** Every table's rows have as many cells as its header. */
function tableShapes(html: string): { header: number; rows: number[] }[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const rows = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[hd][\s>]/g) ?? []).length);
    return { header: rows[0] ?? 0, rows: rows.slice(1) };
  });
}

function expectNoNewMarkup(hostileHtml: string, plainHtml: string): void {
  const hostile = inventory(hostileHtml);
  const plain = inventory(plainHtml);
  expect([...hostile.elements].filter((e) => !plain.elements.has(e))).toEqual([]);
  expect([...hostile.attributes].filter((a) => !plain.attributes.has(a))).toEqual([]);
  expect(hostile.links.filter((l) => !l.startsWith('#'))).toEqual([]);
  for (const forbidden of ['script', 'img', 'iframe', 'svg', 'style', 'meta', 'details', 'object', 'embed', 'form', 'a']) {
    if (!plain.elements.has(forbidden)) expect(hostile.elements.has(forbidden), `<${forbidden}>`).toBe(false);
  }
  expect([...hostile.attributes].filter((a) => /\.on[a-z]+$/.test(a))).toEqual([]);
}

describe('job summary and Markdown evidence', () => {
  const hostile = HOSTILE_GATE.evidence;
  const plain = PLAIN_GATE.evidence;

  it('renders no element, attribute, link or image from user text', () => {
    const html = render(renderSummary(hostile));
    expectNoNewMarkup(html, render(renderSummary(plain)));
    expect(inventory(html).elements.has('a')).toBe(false);
    expect(inventory(html).elements.has('img')).toBe(false);
  });

  it('keeps every table row as wide as its header: pipes in names add no cell', () => {
    const shapes = tableShapes(render(renderSummary(hostile)));
    expect(shapes.length).toBeGreaterThanOrEqual(3);
    for (const { header, rows } of shapes) for (const cells of rows) expect(cells).toBe(header);
    expect(tableShapes(render(renderSummary(hostile)))).toEqual(tableShapes(render(renderSummary(plain))));
  });

  it('still shows the names, as text', () => {
    const html = render(renderSummary(hostile));
    const text = html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const name of ['<script>alert(document.cookie)</script>', '[click me](https://evil.example/phish)', '| injected | columns | here |']) expect(text).toContain(name);
  });

  it('renders the uncut Markdown evidence and the anomaly list without markup from user text', () => {
    expectNoNewMarkup(render(renderSummary(hostile, { budgetBytes: Number.POSITIVE_INFINITY })), render(renderSummary(plain, { budgetBytes: Number.POSITIVE_INFINITY })));
    const anomaliesHtml = render(renderAnomaliesMarkdown(hostile));
    expectNoNewMarkup(anomaliesHtml, render(renderAnomaliesMarkdown(plain)));
    for (const { header, rows } of tableShapes(anomaliesHtml)) for (const cells of rows) expect(cells).toBe(header);
  });
});

describe('volume', () => {
  it('keeps the job summary under GitHub\'s 1 MiB and every annotation short, for 5,000 failing requirements with long hostile names', async () => {
    const payload = '|[x](https://evil.example)'.repeat(40);
    const ids = Array.from({ length: 5000 }, (_, i) => `SRS-${i + 1}`);
    const report = parseJunit('reports/junit.xml', `<testsuite>${ids.map((id) => `<testcase classname="c" name="${id} ${esc(payload)}"><failure message="${esc(payload)}"/></testcase>`).join('')}</testsuite>`);
    const outcome = await evaluate({
      list: { file: 'requirements.md', requirements: ids.map((id) => ({ id, title: `${payload}${'x'.repeat(2000)}` })) },
      reports: [report],
      problems: [],
      pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
      idVariants: 'exact',
      policy: { untracedTests: 'fail' },
      provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN },
      workspace: '/ws',
    });
    const summary = renderSummary(outcome.evidence, { evidencePath: 'release-gate-evidence/traceability.json' });
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/_\d+ of 5000 requirements are left out here \(\d+ failed\) to stay under GitHub's 1 MiB limit/);
    expect(outcome.annotations.length).toBeLessThanOrEqual(21);
    for (const a of outcome.annotations) expect(a.message.length + a.title.length).toBeLessThanOrEqual(2000);
    for (const { header, rows } of tableShapes(render(summary))) for (const cells of rows) expect(cells).toBe(header);
  });
});

describe('HTML evidence', () => {
  const hostile = renderEvidenceHtml(HOSTILE_GATE.evidence);
  const plain = renderEvidenceHtml(PLAIN_GATE.evidence);

  it('writes no element or attribute from user text, links only within the page, and keeps its script ban', () => {
    expectNoNewMarkup(hostile, plain);
    expect(hostile).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(hostile.match(/<meta http-equiv=/g)).toHaveLength(1);
  });

  it('keeps the tables of the page as wide as their headers', () => {
    expect(tableShapes(hostile)).toEqual(tableShapes(plain));
  });
});

describe('CSV evidence', () => {
  const evidence = HOSTILE_GATE.evidence;

  it('prefixes a cell that would start a formula with an apostrophe', () => {
    const rows = parseCsv(renderAnomaliesCsv(evidence)) as string[][];
    expect(rows.flat()).toContain('\'=HYPERLINK("https://evil.example","x")');
    expect(rows.flat()).toContain("'-2+3");
    expect(rows.flat()).toContain("'@SUM(1+1)");
  });

  it.each([
    ['the traceability matrix', renderMatrixCsv(evidence), 7, 5],
    ['the test record', HOSTILE_GATE.files.get('tests.csv') ?? '', 9, HOSTILE.length],
    ['the anomaly list', renderAnomaliesCsv(evidence), 15, HOSTILE.length],
  ])('%s: every row has the header\'s width and no cell starts a formula', (label, csv, width, named) => {
    const rows = parseCsv(csv, { relax_column_count: false }) as string[][];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    if (named < HOSTILE.length) {
      expect(rows.flat().some((cell) => cell.includes(HOSTILE[0]!)), label).toBe(true);
      return;
    }
    expect(rows.flat().some((cell) => cell.includes('=HYPERLINK("https://evil.example","x")'))).toBe(true);
  });
});

describe('through the bundled action', () => {
  it('the job summary, traceability.md and traceability.html carry no markup from test names', async () => {
    const runFor = async (names: readonly string[]) => {
      const ws = makeWorkspace({
        'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | a |\n| SRS-002 | b |\n| SRS-003 | c |\n| SRS-004 | d |\n',
        'reports/junit.xml': reportXml(names),
      });
      const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
      expect(run.outputs['passed']).toBe('false');
      const dir = run.outputs['evidence-dir']!;
      return {
        summary: render(run.summary),
        markdown: render(fs.readFileSync(path.join(dir, 'traceability.md'), 'utf8')),
        html: fs.readFileSync(path.join(dir, 'traceability.html'), 'utf8'),
      };
    };
    const [hostile, plain] = await Promise.all([runFor(HOSTILE), runFor(PLAIN)]);
    expectNoNewMarkup(hostile.summary, plain.summary);
    expectNoNewMarkup(hostile.markdown, plain.markdown);
    expectNoNewMarkup(hostile.html, plain.html);
    expect(tableShapes(hostile.summary)).toEqual(tableShapes(plain.summary));
  });
});
