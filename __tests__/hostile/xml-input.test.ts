/**
 * Hostile XML: what a report file may contain when it was not written by a test runner, or was cut
 * short, or was written by one that does not speak UTF-8. Every case must end in a UserError that
 * names the file (and the line where one exists), in bounded time, and never in a crash.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { UserError } from '../../src/errors.js';
import { readInsideWorkspace } from '../../src/io/files.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { MAX_DEPTH, parseJunit } from '../../src/junit/parse-junit.js';
import type { Report } from '../../src/model/index.js';
import { makeWorkspace } from '../support/workspace.js';

const FILE = 'reports/hostile.xml';
const hostile = (name: string): Buffer => fs.readFileSync(path.join(repoRoot, '__fixtures__', 'hostile', name));

/** Decodes and parses as the action does; returns the report or the UserError, and rethrows anything else. */
function read(bytes: Uint8Array | string, file = FILE): Report | UserError {
  try {
    return parseJunit(file, decodeReport(file, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes));
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

/** The UserError a read ends in; fails the test when the input was accepted. */
function refusal(bytes: Uint8Array | string, file = FILE): UserError {
  const r = read(bytes, file);
  if (!(r instanceof UserError)) throw new Error(`expected a refusal, got a report with ${r.cases.length} cases`);
  expect(r.file).toBe(file);
  return r;
}

/** Milliseconds `fn` takes, measured with the high-resolution clock. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const requirementsMd = '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n';

describe('document type definitions', () => {
  it('never resolves an external entity: a DOCTYPE naming file:///etc/passwd is refused at its line, naming the file', () => {
    const { value: e, ms } = timed(() => refusal(hostile('xxe-passwd.xml')));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/DOCTYPE/);
    expect(ms).toBeLessThan(1000);
  });

  it('reads nothing the entity names, through the bundled action: no line of /etc/passwd reaches log, summary or evidence', async () => {
    const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8') : 'root:x:0:0:root:/root:/bin/bash\n';
    const firstLine = passwd.split('\n')[0]!;
    expect(firstLine).not.toBe('');
    const ws = makeWorkspace({ 'requirements.md': requirementsMd, 'reports/xxe.xml': hostile('xxe-passwd.xml') });
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toContain('reports/xxe.xml:2: the report has a DOCTYPE');
    const evidenceDir = run.outputs['evidence-dir']!;
    const evidence = fs.readdirSync(evidenceDir).map((f) => fs.readFileSync(path.join(evidenceDir, f), 'utf8'));
    for (const text of [run.stdout, run.stderr, run.summary, ...evidence]) expect(text).not.toContain(firstLine);
  });

  it('refuses the billion laughs at once, before any expansion', () => {
    const { value: e, ms } = timed(() => refusal(hostile('billion-laughs.xml')));
    expect(e.message).toMatch(/DOCTYPE/);
    expect(e.line).toBe(2);
    expect(ms).toBeLessThan(500);
  });

  it.each([
    ['an external DTD', '<?xml version="1.0"?>\n<!DOCTYPE testsuites SYSTEM "http://attacker.example/junit.dtd">\n<testsuites/>', 2],
    ['a parameter entity', '<!DOCTYPE t [<!ENTITY % p SYSTEM "file:///etc/shadow"> %p;]>\n<testsuites/>', 1],
    ['a DOCTYPE inside the root element', '<testsuites>\n<!DOCTYPE x>\n</testsuites>', 2],
    ['an entity declaration without DOCTYPE', '<testsuites>\n<!ENTITY x "y">\n</testsuites>', 2],
  ])('refuses %s', (_label, xml, line) => {
    const e = refusal(xml);
    expect(e.line).toBe(line);
  });

  it.each([
    ['an undeclared entity', '<testsuites><testsuite><testcase name="SRS-001 &x;"/></testsuite></testsuites>', /entity "&x;" is not defined/],
    ['an HTML entity', '<testsuites><testsuite><testcase name="SRS-001 &nbsp;"/></testsuite></testsuites>', /entity "&nbsp;" is not defined/],
    ['an entity in text', '<testsuites><testsuite><testcase name="a"><failure>&secret;</failure></testcase></testsuite></testsuites>', /entity "&secret;" is not defined/],
    ['a character reference to NUL', '<testsuites><testsuite><testcase name="a&#0;"/></testsuite></testsuites>', /does not allow/],
    ['a character reference beyond Unicode', '<testsuites><testsuite><testcase name="a&#x110000;"/></testsuite></testsuites>', /does not allow/],
    ['a character reference to a lone surrogate', '<testsuites><testsuite><testcase name="a&#xD800;"/></testsuite></testsuites>', /does not allow/],
    ['a character reference to U+FFFE', '<testsuites><testsuite><testcase name="a&#xFFFE;"/></testsuite></testsuites>', /does not allow/],
    ['a raw control character', '<testsuites><testsuite><testcase name="a\u001b[31m"/></testsuite></testsuites>', /control character U\+001B/],
  ])('refuses %s, naming file and line', (_label, xml, message) => {
    const e = refusal(xml);
    expect(e.line).toBe(1);
    expect(e.message).toMatch(message);
  });
});

describe('size and depth', () => {
  it('refuses 10,000 nested suites at the first element past the limit, in bounded time', () => {
    const xml = `<testsuites>\n${'<testsuite name="s">\n'.repeat(10_000)}${'</testsuite>\n'.repeat(10_000)}</testsuites>\n`;
    const { value: e, ms } = timed(() => refusal(xml));
    expect(e.message).toBe(`elements are nested more than ${MAX_DEPTH} deep`);
    expect(e.line).toBe(MAX_DEPTH + 1);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses 10,000 nested elements inside one test case, in bounded time', () => {
    const xml = `<testsuites><testsuite name="s"><testcase name="SRS-001 deep">${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</testcase></testsuite></testsuites>`;
    const { value: e, ms } = timed(() => refusal(xml));
    expect(e.message).toMatch(/nested more than/);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses an unclosed run of 10,000 start tags as truncated or too deep, never by recursion', () => {
    const e = refusal(`<testsuites>${'<testsuite>'.repeat(10_000)}`);
    expect(e.message).toMatch(/nested more than|truncated/);
  });

  /**
   * Runs in a child process with a 256 MB heap so that "bounded memory" is checked, not hoped for: a
   * reader that held several copies of each 20 MB value would run out of memory and fail the test.
   */
  it('reads a 20 MB attribute value and a 20 MB CDATA section in bounded time and memory', () => {
    const parser = path.join(repoRoot, 'src', 'junit', 'parse-junit.ts');
    const code = `
      import { parseJunit } from ${JSON.stringify(parser)};
      const big = 'A'.repeat(20 * 1024 * 1024);
      const docs = {
        'attribute of an empty case': '<testsuites><testsuite name="s"><testcase classname="c" name="SRS-001 ' + big + '"/></testsuite></testsuites>',
        'attribute of a case with a result': '<testsuites><testsuite name="s"><testcase classname="c" name="SRS-001 ' + big + '"><skipped/></testcase></testsuite></testsuites>',
        'attribute of a suite': '<testsuites><testsuite name="' + big + '"><testcase name="SRS-001 a"/></testsuite></testsuites>',
        'CDATA in system-out': '<testsuites><testsuite name="s"><testcase name="SRS-001 a"><system-out><![CDATA[' + big + ']]></system-out></testcase></testsuite></testsuites>',
        'CDATA in a failure': '<testsuites><testsuite name="s"><testcase name="SRS-001 a"><failure><![CDATA[' + big + ']]></failure></testcase></testsuite></testsuites>',
      };
      const out = {};
      for (const [label, xml] of Object.entries(docs)) {
        const start = process.hrtime.bigint();
        const r = parseJunit('big.xml', xml);
        out[label] = { ms: Number(process.hrtime.bigint() - start) / 1e6, cases: r.cases.length, status: r.cases[0].status, name: r.cases[0].name.length, suite: r.cases[0].suites[0].length, message: (r.cases[0].message ?? '').length };
      }
      console.log(JSON.stringify(out));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=256', '--input-type=module', '-e', code], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    });
    expect(child.status, child.stderr.slice(0, 2000)).toBe(0);
    const results = JSON.parse(child.stdout) as Record<string, { ms: number; cases: number; status: string; name: number; suite: number; message: number }>;
    const big = 20 * 1024 * 1024;
    expect(results['attribute of an empty case']).toMatchObject({ cases: 1, status: 'passed', name: big + 8 });
    expect(results['attribute of a case with a result']).toMatchObject({ cases: 1, status: 'skipped', name: big + 8 });
    expect(results['attribute of a suite']).toMatchObject({ cases: 1, suite: big });
    expect(results['CDATA in system-out']).toMatchObject({ cases: 1, status: 'passed' });
    // The message is cut to MAX_MESSAGE_LENGTH: the gate never keeps 20 MB of stack trace.
    expect(results['CDATA in a failure']).toMatchObject({ cases: 1, status: 'failed', message: 501 });
    for (const [label, r] of Object.entries(results)) expect(r.ms, label).toBeLessThan(5000);
  }, 90_000);
});

describe('truncated reports', () => {
  const reports = fs
    .readdirSync(path.join(repoRoot, '__fixtures__', 'junit'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(repoRoot, '__fixtures__', 'junit', d.name, 'report.xml')))
    .map((d) => d.name);

  it('has real reports to cut', () => expect(reports.length).toBeGreaterThanOrEqual(8));

  it.each(reports)('refuses the %s report cut at every byte offset, naming the file, without a crash', (producer) => {
    const bytes = fs.readFileSync(path.join(repoRoot, '__fixtures__', 'junit', producer, 'report.xml'));
    const whole = read(bytes);
    expect(whole).not.toBeInstanceOf(UserError);
    const end = bytes.length - Buffer.from(bytes.toString('latin1').match(/\s*$/)![0], 'latin1').length;
    const { ms } = timed(() => {
      for (let cut = 0; cut < end; cut++) {
        const r = read(bytes.subarray(0, cut));
        if (!(r instanceof UserError)) throw new Error(`${producer} cut at byte ${cut} of ${bytes.length} was accepted`);
        if (r.file !== FILE) throw new Error(`${producer} cut at ${cut}: the error does not name the file`);
        if (cut > 0 && r.line !== undefined && (r.line < 1 || !Number.isInteger(r.line))) throw new Error(`${producer} cut at ${cut}: line ${r.line}`);
      }
    });
    expect(ms).toBeLessThan(20_000);
  });

  // Regression: a report cut right after its XML declaration (the runner died after writing
  // `<?xml ...?>`) was refused as "this is not XML: no element found" with no line; every other cut
  // named one. src/junit/parse-junit.ts now names the last line and says the file is truncated.
  it('names a line for every non-empty cut, including a cut right after the XML declaration', () => {
    const bytes = fs.readFileSync(path.join(repoRoot, '__fixtures__', 'junit', 'vitest', 'report.xml'));
    const declEnd = bytes.indexOf('?>') + 2;
    for (const cut of [declEnd, declEnd + 1]) {
      const e = refusal(bytes.subarray(0, cut));
      expect(e.line, `cut at ${cut}: ${e.message}`).toBeDefined();
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.message).toMatch(/truncated|ends before/);
    }
  });
});

describe('encodings', () => {
  const utf8 = '<?xml version="1.0"?>\n<testsuites><testsuite name="s"><testcase name="SRS-001 µg"/></testsuite></testsuites>\n';

  const head = Buffer.from('<testsuites>\n<testsuite name="s">\n<testcase name="SRS-001 ');
  const tail = Buffer.from('"/>\n</testsuite>\n</testsuites>\n');
  const withBytes = (bad: readonly number[]): Buffer => Buffer.concat([head, Buffer.from(bad), tail]);

  it.each([
    ['a stray continuation byte', [0x80]],
    ['an overlong two-byte encoding of "/"', [0xc0, 0xaf]],
    ['a byte that never occurs in UTF-8', [0xff]],
    ['a three-byte sequence cut short', [0xe2, 0x82]],
  ])('refuses invalid UTF-8 (%s) with file, line and byte offset', (_label, bad) => {
    const e = refusal(withBytes(bad));
    expect(e.line).toBe(3);
    expect(e.message).toContain(`at byte offset ${head.length}`);
  });

  it.each([
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf]],
    ['an overlong four-byte encoding', [0xf0, 0x80, 0x80, 0xaf]],
  ])('refuses invalid UTF-8 that is well-formed in shape (%s), naming the file', (_label, bad) => {
    expect(refusal(withBytes(bad)).message).toMatch(/not valid UTF-8/);
  });

  // Regression: for byte sequences with the shape of UTF-8 that are not UTF-8 (surrogates ED A0..BF,
  // code points above U+10FFFF F4 90.., overlong E0 80.. / F0 80..) the error pointed at the last byte
  // of the file ("invalid byte 0x0a at byte offset 86", last line) instead of the bad sequence. The
  // file was refused all the same; firstInvalidUtf8() in src/junit/decode-report.ts now checks the
  // second byte's range.
  it.each([
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf]],
  ])('locates invalid UTF-8 that is well-formed in shape (%s) at its byte and line', (_label, bad) => {
    const e = refusal(withBytes(bad));
    expect(e.message).toContain(`at byte offset ${head.length}`);
    expect(e.line).toBe(3);
  });

  it('refuses invalid UTF-8 at the very end of the file', () => {
    const bytes = Buffer.concat([Buffer.from(utf8), Buffer.from([0xc3])]);
    expect(refusal(bytes).message).toMatch(/not valid UTF-8/);
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()])],
  ])('refuses %s, saying so, at line 1', (_label, bytes) => {
    const e = refusal(bytes);
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/UTF-16/);
  });

  it.each([
    ['UTF-16 LE without BOM', Buffer.from(utf8, 'utf16le')],
    ['UTF-16 BE without BOM', Buffer.from(utf8, 'utf16le').swap16()],
    ['UTF-32 BE with BOM', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from(utf8, 'latin1')])],
    ['a declared encoding the gate does not read', Buffer.from(utf8.replace('version="1.0"', 'version="1.0" encoding="EBCDIC-US"'))],
    ['UTF-8 bytes declared as UTF-16', Buffer.from(utf8.replace('version="1.0"', 'version="1.0" encoding="UTF-16"'))],
  ])('refuses %s, naming the file', (_label, bytes) => {
    expect(refusal(bytes).line).toBeGreaterThanOrEqual(1);
  });

  it('reads UTF-8 with a byte-order mark', () => {
    const r = read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]));
    expect(r).not.toBeInstanceOf(UserError);
    expect((r as Report).cases.map((c) => c.name)).toEqual(['SRS-001 µg']);
  });
});

describe('empty and non-JUnit files', () => {
  it.each([
    ['an empty file', ''],
    ['spaces only', '     '],
    ['line breaks and tabs only', '\n\r\n\t\n'],
    ['a UTF-8 byte-order mark only', '\ufeff'],
    ['a byte-order mark and white space', '\ufeff  \n'],
  ])('refuses %s as empty, naming the file', (_label, text) => {
    expect(refusal(text).message).toMatch(/the file is empty/);
  });

  it.each([
    ['pom.xml', /root element is <project>/],
    ['build.xml', /root element is <project>/],
    ['AndroidManifest.xml', /root element is <manifest>/],
    ['cobertura.xml', /root element is <coverage>/],
    ['logo.svg', /root element is <svg>/],
    ['logo-doctype.svg', /DOCTYPE/],
    ['jacoco.xml', /DOCTYPE/],
  ])('refuses %s, matched by a broad glob, as not a JUnit report', (name, message) => {
    const e = refusal(hostile(name), `reports/${name}`);
    expect(e.message).toMatch(message);
    expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['JSON', '{"testsuites": [{"name": "SRS-001", "tests": 1}]}'],
    ['plain text', 'SRS-001 passed\nSRS-002 passed\n'],
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['an HTML page', '<!doctype html><html><body><testsuite/></body></html>'],
    ['a comment only', '<!-- <testsuites><testsuite><testcase name="SRS-001"/></testsuite></testsuites> -->'],
    ['two root elements', '<testsuite name="a"><testcase name="SRS-001 x"/></testsuite><testsuite name="b"/>'],
  ])('refuses %s saved as .xml', (_label, content) => {
    refusal(typeof content === 'string' ? Buffer.from(content) : content);
  });

  it('refuses a folder named like a report when it is read, naming it', async () => {
    const ws = makeWorkspace({});
    fs.mkdirSync(path.join(ws, 'reports', 'x.xml'), { recursive: true });
    await expect(readInsideWorkspace('reports/x.xml', ws, 'the report')).rejects.toMatchObject({ name: 'UserError', file: 'reports/x.xml', message: 'the report is a folder, not a file' });
  });

  it('fails the gate when a match of the glob is a folder named x.xml, naming it', async () => {
    const ws = makeWorkspace({ 'requirements.md': requirementsMd });
    fs.mkdirSync(path.join(ws, 'reports', 'x.xml'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'reports', 'x.xml', 'inner.xml'), '<testsuite><testcase name="SRS-001 a"/></testsuite>');
    const run = await runAction({ workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toContain('reports/x.xml: matched by "reports/*.xml" of input "reports", but it is a folder, not a report file');
  });

  it('fails the gate when a glob matches a pom.xml beside a passing report, naming the pom', async () => {
    const ws = makeWorkspace({
      'requirements.md': requirementsMd,
      'target/surefire-reports/TEST-dose.xml': '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes"/></testsuite>',
      'target/pom.xml': hostile('pom.xml'),
    });
    const run = await runAction({ workspace: ws, inputs: { reports: 'target/**/*.xml', requirements: 'requirements.md' } });
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toContain('target/pom.xml:2: not a JUnit report: the root element is <project>');
  });
});
