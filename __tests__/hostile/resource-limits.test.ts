/**
 * Bounded time and memory on inputs built to exhaust them. Each case that could hang or exhaust the
 * heap runs in a child process with a hard time limit (and where it matters a small heap), so that
 * a regression fails the test instead of stalling the suite, and the measured time comes from the
 * high-resolution clock inside the child.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const src = (file: string): string => JSON.stringify(path.join(repoRoot, 'src', file));

interface Isolated {
  /** What the child printed last, parsed as JSON; undefined when it printed none (killed, crashed). */
  readonly result: Record<string, unknown> | undefined;
  readonly timedOut: boolean;
  readonly crashed: boolean;
  readonly stderr: string;
}

/** Runs ES module code (which may import the TypeScript sources) in a child, killed after `timeoutMs`. */
function isolated(code: string, timeoutMs: number, heapMb?: number): Isolated {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...(heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`]), '--input-type=module', '-e', code], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  let result: Record<string, unknown> | undefined;
  try {
    result = last === '' ? undefined : (JSON.parse(last) as Record<string, unknown>);
  } catch {
    result = undefined;
  }
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { result, timedOut, crashed: !timedOut && r.status !== 0, stderr: r.stderr.slice(0, 2000) };
}

/** Code that builds a report of `n` passing test cases and prints how long parseJunit took. */
function bigReportCode(n: number, nameSuffix: string): string {
  return `
    import { parseJunit } from ${src('junit/parse-junit.ts')};
    const body = Array.from({ length: ${n} }, (_, i) => '  <testcase classname="dose" name="SRS-001 case ' + i + ${JSON.stringify(nameSuffix)} + '" time="0.001"/>').join('\\n');
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\\n<testsuites>\\n<testsuite name="dose" tests="${n}">\\n' + body + '\\n</testsuite>\\n</testsuites>\\n';
    const start = process.hrtime.bigint();
    const report = parseJunit('reports/big.xml', xml);
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, cases: report.cases.length, bytes: xml.length }));
  `;
}

describe('large reports', () => {
  it('control: 100,000 test cases (7 MB) whose names hold "&amp;" parse in well under 8 s', () => {
    const run = isolated(bigReportCode(100_000, ' &amp;'), 30_000);
    expect(run.timedOut).toBe(false);
    expect(run.result).toMatchObject({ cases: 100_000 });
    expect(run.result!['ms'] as number).toBeLessThan(8000);
  }, 40_000);

  // Regression: quadratic time in the scanner. findBadReference() (src/junit/xml-text.ts) looked for
  // the next "&" with text.indexOf('&', from) before comparing it with `to`; in a segment without "&"
  // indexOf ran to the next "&" of the whole document, or to its end, once per text segment and per
  // attribute value. 100,000 passing cases without "&" (6.3 MB) took ~18 s to parse, 43 s through the
  // bundled action instead of 4 s; 10 MB took ~50 s. The search is now bounded to the segment.
  it('100,000 passing test cases without "&" (6 MB) parse in under 8 s', () => {
    const run = isolated(bigReportCode(100_000, ''), 8000);
    expect(run.timedOut, 'killed after 8 s').toBe(false);
    expect(run.result).toMatchObject({ cases: 100_000 });
  }, 20_000);

  // Regression: memory ~36x the size of a test case's text. Every <testcase> with children went
  // through fast-xml-parser (parseChunk in src/junit/parse-junit.ts) whole, at ~36 bytes of heap per
  // byte of element text: 20 MB of <system-out> cost ~750 MB and ~6 s, and one case with ~120 MB of
  // output exhausted Node's default 4 GB heap ("FATAL ERROR: ... JavaScript heap out of memory", no
  // outputs, no message), though the gate accepts reports up to MAX_INPUT_BYTES (512 MB). Scaled
  // down here: 16 MB of system-out under a 384 MB heap must be read, in under 5 s.
  it('a test case with 16 MB of system-out is read in bounded memory (384 MB heap)', () => {
    const code = `
      import { parseJunit } from ${src('junit/parse-junit.ts')};
      const big = 'log line '.repeat(16 * 1024 * 1024 / 9);
      const start = process.hrtime.bigint();
      const report = parseJunit('reports/big.xml', '<testsuites><testsuite name="s"><testcase name="SRS-001 a"><system-out>' + big + '</system-out><failure>' + big.slice(0, 1000000) + '</failure></testcase></testsuite></testsuites>');
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: report.cases[0].status }));
    `;
    const run = isolated(code, 60_000, 384);
    expect(run.crashed, run.stderr).toBe(false);
    expect(run.result).toMatchObject({ status: 'failed' });
    expect(run.result!['ms'] as number).toBeLessThan(5000);
  }, 70_000);

  // Regression: quadratic time in the number of attributes of one start tag. scanStartTag() in
  // src/junit/parse-junit.ts checked each attribute value for a raw "<" with text.indexOf('<', q + 1),
  // which ran past the value's closing quote to the next "<" of the document, i.e. to the end of the
  // whole tag: O(attributes x tag length). One start tag with 200,000 attributes (2.3 MB) took 3.6 s,
  // with 300,000 about 8 s. The search now stops at the closing quote.
  it('one start tag with 300,000 attributes (3.5 MB) is read in under 5 s', () => {
    const code = `
      import { parseJunit } from ${src('junit/parse-junit.ts')};
      const attrs = Array.from({ length: 300000 }, (_, i) => 'a' + i + '="v"').join(' ');
      const start = process.hrtime.bigint();
      const report = parseJunit('reports/wide.xml', '<testsuite><testcase name="SRS-001 a" ' + attrs + '/></testsuite>');
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, cases: report.cases.length }));
    `;
    const run = isolated(code, 8000);
    expect(run.timedOut, 'killed after 8 s').toBe(false);
    expect(run.result).toMatchObject({ cases: 1 });
    expect(run.result!['ms'] as number).toBeLessThan(5000);
  }, 20_000);
});

describe('lists built to expand', () => {
  it('control: a YAML list that nests deeper than 100 is refused with a message', () => {
    const code = `
      import { readRequirements } from ${src('catalogue/read-requirements.ts')};
      import { yamlTableReader } from ${src('catalogue/data-table.ts')};
      const deep = 'requirements:\\n  - id: SRS-001\\n    title: ' + '['.repeat(150) + ']'.repeat(150) + '\\n';
      try { readRequirements({ file: 'requirements.yaml', text: deep, reader: yamlTableReader }); console.log(JSON.stringify({ read: true })); }
      catch (e) { console.log(JSON.stringify({ name: e.name, message: String(e) })); }
    `;
    const run = isolated(code, 20_000);
    expect(run.result).toMatchObject({ name: expect.stringMatching(/^UserErrors?$/), message: expect.stringMatching(/requirements\.yaml(:\d+)?: the YAML nests too deeply/) });
  }, 30_000);

  // Regression: YAML aliases were expanded without a limit. toData() in src/catalogue/data-table.ts
  // converted an alias's target again for every alias node (the depth check counts nesting, not
  // nodes), so the 11-line "billion laughs" in __fixtures__/hostile/requirements-alias-bomb.yaml
  // (10^7 scalars) took ~50 s and 1.7 GB, and one more line exhausted the heap. Aliases now add at
  // most MAX_ALIAS_VALUES values.
  it('refuses a YAML alias bomb in the requirements list within 5 s', () => {
    const code = `
      import fs from 'node:fs';
      import { readRequirements } from ${src('catalogue/read-requirements.ts')};
      import { yamlTableReader } from ${src('catalogue/data-table.ts')};
      const text = fs.readFileSync(${JSON.stringify(path.join(repoRoot, '__fixtures__', 'hostile', 'requirements-alias-bomb.yaml'))}, 'utf8');
      const start = process.hrtime.bigint();
      let outcome;
      try { readRequirements({ file: 'requirements.yaml', text, reader: yamlTableReader }); outcome = 'read'; } catch (e) { outcome = e.name; }
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, outcome }));
    `;
    const run = isolated(code, 8000, 512);
    expect(run.timedOut, 'killed after 8 s').toBe(false);
    expect(run.crashed, run.stderr).toBe(false);
    expect(run.result).toMatchObject({ outcome: expect.stringMatching(/^UserErrors?$/) });
    expect(run.result!['ms'] as number).toBeLessThan(5000);
  }, 20_000);

  // Regression: nesting was bounded only by the call stack. A list of 2,000 nested JSON arrays
  // overflowed the stack inside the yaml parser, shown as "not valid JSON: Maximum call stack size
  // exceeded" (the JSON is valid); on Node 20 a second such list in the same run (requirements and
  // anomalies) aborted the process with "FATAL ERROR: RegExpCompiler Allocation failed - process out
  // of memory": no outputs, no message. src/catalogue/data-table.ts now counts the nesting before
  // parsing.
  it('through the bundled action: lists nested 2,000 deep are refused as too deep, and the step ends with outputs', async () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    const ws = makeWorkspace({ 'requirements.json': deep, 'anomalies.json': deep, 'reports/a.xml': '<testsuite><testcase name="SRS-001 a"/></testsuite>' });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.json', anomalies: 'anomalies.json' } });
    expect(run.stderr).not.toMatch(/FATAL ERROR/);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toMatch(/requirements\.json(:\d+)?: the JSON nests too deeply/);
  });
});

describe('anomaly globs against long test names', () => {
  // Regression: super-linear glob matching. namesTest() in src/gate/anomalies.ts turned a Tests
  // entry with k "*" into ^a.*b.*c...$ and ran it on every candidate name of every failing test; V8
  // backtracks in O(n^k), so "test_dose[*-*-*-*]" against one failing parameterised test whose
  // generated name is 3,000 characters of "a-" took minutes. Globs are now matched by a linear
  // wildcard matcher (globMatches).
  it('matches a four-star Tests entry against a 3,000-character failing test name in under 5 s', () => {
    const code = `
      import { evaluate } from ${JSON.stringify(path.join(repoRoot, '__tests__', 'support', 'gate-run.ts'))};
      import { parseJunit } from ${src('junit/parse-junit.ts')};
      import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from ${src('trace/requirement-ids.ts')};
      const name = 'test_dose[' + 'a-'.repeat(1500);
      const report = parseJunit('reports/junit.xml', '<testsuite><testcase classname="test_dose" name="' + name + '"><properties><property name="requirements" value="SRS-001"/></properties><failure message="x"/></testcase></testsuite>');
      const anomaly = { id: 'ANOM-1', title: 'Parameterised dose', status: 'deferred', severity: 'Low', description: '', impact: '', relatedRisks: [], tests: ['test_dose[*-*-*-*]'], requirements: [], justification: 'known', acceptable: 'yes', assessedBy: 'J. Doe', assessmentDate: { valid: true, date: '2026-11-20' }, benefitRisk: '', line: 3, source: 'anomalies.md' };
      const start = process.hrtime.bigint();
      const outcome = await evaluate({ list: { file: 'requirements.md', requirements: [{ id: 'SRS-001', title: '' }] }, reports: [report], anomalyLists: [{ file: 'anomalies.md', anomalies: [anomaly], hasAcceptableColumn: true }], problems: [], pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN), idVariants: 'exact', policy: { untracedTests: 'fail' }, provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN }, workspace: '/ws' });
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, passed: outcome.verdict.passed }));
    `;
    const run = isolated(code, 8000);
    expect(run.timedOut, 'killed after 8 s').toBe(false);
    expect(run.result).toMatchObject({ passed: false });
    expect(run.result!['ms'] as number).toBeLessThan(5000);
  }, 20_000);

  it('control: the same entry against a 300-character name is decided at once', () => {
    const code = `
      import { namesTest } from ${src('gate/anomalies.ts')};
      const name = 'test_dose[' + 'a-'.repeat(150);
      const start = process.hrtime.bigint();
      const hit = namesTest('test_dose[*-*-*-*]', { name, classname: '', suites: [], properties: [], report: 'r.xml', status: 'failed', flaky: false, time: 0 }, name);
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, hit }));
    `;
    const run = isolated(code, 20_000);
    expect(run.result).toMatchObject({ hit: false });
    expect(run.result!['ms'] as number).toBeLessThan(2000);
  }, 30_000);
});

describe('fixtures', () => {
  it('the alias bomb fixture is small: the cost is in the reader, not the file', () => {
    expect(fs.statSync(path.join(repoRoot, '__fixtures__', 'hostile', 'requirements-alias-bomb.yaml')).size).toBeLessThan(1024);
  });
});
