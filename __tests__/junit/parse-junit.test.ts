import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { MAX_CAPTURED_TEXT, MAX_DEPTH, MAX_MESSAGE_LENGTH, parseJunit } from '../../src/junit/parse-junit.js';

const parse = (xml: string) => parseJunit('r.xml', xml);
/** How the JUnit Platform console's legacy XML starts its root suite. */
const CONSOLE_ROOT = '<testsuite name="JUnit Jupiter" tests="1" skipped="0" failures="0" errors="0" time="0.1" hostname="ci" timestamp="2026-11-25T01:24:24">';
function refusal(xml: string): UserError {
  try {
    parse(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('the report was accepted');
}

describe('parseJunit: shapes real runners write', () => {
  it('reads nested suites with their path, and counts from the cases, not the attributes', () => {
    const r = parse(`<testsuites tests="99"><testsuite name="outer" tests="42">
      <testsuite name="SRS-008 bolus"><testsuite name="limits"><testcase classname="c" name="caps at max" time="0.25"/></testsuite></testsuite>
      <testcase classname="c" name="direct"/></testsuite></testsuites>`);
    expect(r.cases.map((c) => [c.suites, c.name])).toEqual([
      [['outer', 'SRS-008 bolus', 'limits'], 'caps at max'],
      [['outer'], 'direct'],
    ]);
    expect(r.cases[0]!.time).toBe(0.25);
    expect(r.suiteCount).toBe(2);
  });

  it('reads test cases directly under <testsuites> (node:test)', () => {
    const r = parse('<testsuites><testcase name="top level" classname="test"/></testsuites>');
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]!.suites).toEqual([]);
  });

  it('takes the worst of several result elements and keeps the first message', () => {
    const r = parse(`<testsuite><testcase name="a"><failure message="first">x</failure><failure message="second"/></testcase>
      <testcase name="b"><skipped/><failure message="f"/><error message="e"/></testcase>
      <testcase name="c"><skipped message="not today"/></testcase></testsuite>`);
    expect(r.cases.map((c) => [c.status, c.message])).toEqual([
      ['failed', 'first'],
      ['errored', 'e'],
      ['skipped', 'not today'],
    ]);
  });

  it('reads googletest notrun and suppressed as skipped, never passed', () => {
    const r = parse(`<testsuites><testsuite name="Dose">
      <testcase name="DISABLED_x" status="notrun" result="suppressed" classname="Dose"/>
      <testcase name="y" status="run" result="skipped" classname="Dose"><skipped message="GTEST_SKIP"/></testcase>
      <testcase name="z" status="run" result="completed" classname="Dose"/></testsuite></testsuites>`);
    expect(r.cases.map((c) => c.status)).toEqual(['skipped', 'skipped', 'passed']);
  });

  it('reads a status word it does not know as errored, never as passed', () => {
    expect(parse('<testsuite><testcase name="n" status="timeout"/></testsuite>').cases[0]!.status).toBe('errored');
    expect(parse('<testsuite><testcase name="n" status="run" result="completed"/></testsuite>').cases[0]!.status).toBe('passed');
  });

  it('reads a status attribute that says failed, without a failure element, as failed', () => {
    expect(parse('<testsuite><testcase name="n" status="Failed"/></testsuite>').cases[0]!.status).toBe('failed');
    expect(parse('<testsuite><testcase name="n" status="Error"/></testsuite>').cases[0]!.status).toBe('errored');
  });

  it('marks Surefire flakyFailure as passed and flaky, and rerunFailure as failed', () => {
    const r = parse(`<testsuite name="s">
      <testcase name="flaky" classname="T"><flakyFailure message="first run"/><flakyError message="second"/></testcase>
      <testcase name="always" classname="T"><failure message="1"/><rerunFailure message="2"/></testcase></testsuite>`);
    expect(r.cases.map((c) => [c.status, c.flaky])).toEqual([
      ['passed', true],
      ['failed', false],
    ]);
  });

  it('keeps requirement properties of cases and of enclosing suites, and ignores other properties', () => {
    const r = parse(`<testsuite name="s"><properties><property name="covers" value="SRS-010"/><property name="os" value="linux"/></properties>
      <testcase name="a"><properties><property name="requirements" value="SRS-006, SRS-007"/><property name="Verifies">SRS-009</property></properties></testcase>
      <testcase name="b"/></testsuite>`);
    expect(r.cases[0]!.properties).toEqual([
      { name: 'covers', value: 'SRS-010' },
      { name: 'requirements', value: 'SRS-006, SRS-007' },
      { name: 'Verifies', value: 'SRS-009' },
    ]);
    expect(r.cases[1]!.properties).toEqual([{ name: 'covers', value: 'SRS-010' }]);
  });

  it('reads googletest RecordProperty written as a testcase attribute', () => {
    const r = parse('<testsuite><testcase name="a" requirements="SRS-006"/></testsuite>');
    expect(r.cases[0]!.properties).toEqual([{ name: 'requirements', value: 'SRS-006' }]);
  });

  it('reads the JUnit Platform display name from system-out', () => {
    const r = parse(`${CONSOLE_ROOT}<testcase name="computesDose()" classname="DoseTest"><system-out><![CDATA[
unique-id: [engine:junit-jupiter]/[class:DoseTest]/[method:computesDose()]
display-name: SRS-001: computes dose from weight
]]></system-out></testcase></testsuite>`);
    expect(r.cases[0]!.displayName).toBe('SRS-001: computes dose from weight');
  });

  it('decodes entities and character references, and keeps CDATA as written', () => {
    const r = parse(`<testsuite name="a &amp; b"><testcase name="&lt;b&gt; &#181;g &#x3bc;g &quot;q&quot;"><failure><![CDATA[x < y & z]]></failure></testcase></testsuite>`);
    expect(r.cases[0]!.suites).toEqual(['a & b']);
    expect(r.cases[0]!.name).toBe('<b> µg μg "q"');
    expect(r.cases[0]!.message).toBe('x < y & z');
  });

  it('takes file and line from the case, or the file from its suite (jest-junit, vitest)', () => {
    const r = parse(`<testsuite name="s" file="src/a.test.ts"><testcase name="a" file="/ws/src/b.test.ts" line="12"/><testcase name="b"/></testsuite>`);
    expect(r.cases.map((c) => [c.file, c.line])).toEqual([
      ['/ws/src/b.test.ts', 12],
      ['src/a.test.ts', undefined],
    ]);
  });

  it('shortens long failure messages', () => {
    const r = parse(`<testsuite><testcase name="a"><failure message="${'x'.repeat(5000)}"/></testcase></testsuite>`);
    expect(r.cases[0]!.message!.length).toBe(MAX_MESSAGE_LENGTH + 1);
  });

  it('sums the declared counts of leaf suites, for the cross-check of empty reports', () => {
    const r = parse('<testsuites><testsuite name="p" tests="6" failures="1" skipped="2"/></testsuites>');
    expect(r.cases).toHaveLength(0);
    expect(r.declared).toEqual({ tests: 6, passed: 3, failed: 1, errored: 0, skipped: 2 });
  });

  it('reads a UTF-8 byte-order mark and a Latin-1 declaration', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<testsuite><testcase name="é"/></testsuite>')]);
    expect(parseJunit('r.xml', decodeReport('r.xml', bom)).cases[0]!.name).toBe('é');
    const latin = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="'), 0xb5, ...new TextEncoder().encode('g"/></testsuite>')]);
    expect(parseJunit('r.xml', decodeReport('r.xml', latin)).cases[0]!.name).toBe('µg');
  });
});

describe('parseJunit: refuses what is not a well-formed JUnit report, with file and line', () => {
  it.each([
    ['', /the file is empty/, undefined],
    ['   \n', /the file is empty/, undefined],
    ['bacon', /this is not XML/, 1],
    ['<?xml version="1.0"?>\n<catalog/>', /not a JUnit report: the root element is <catalog>/, 2],
    ['<testsuite>\n<testcase name="a">\n', /the file ends before <testcase> \(opened at line 2\) is closed/, 3],
    ['<testsuite>\n<testcase name="a"></testsuite>', /<\/testsuite> closes <testcase>, which was opened at line 2/, 2],
    ['<testsuite><testcase name="<b>"/></testsuite>', /raw "<" inside the value of attribute "name"/, 1],
    ['<testsuite><testcase name="a & b"/></testsuite>', /bare "&"/, 1],
    ['<testsuite><testcase name="&nbsp;"/></testsuite>', /entity "&nbsp;" is not defined/, 1],
    ['<testsuite>\n<testcase name="a"><failure>&#8;</failure></testcase></testsuite>', /"&#8;" names a character XML 1.0 does not allow/, 2],
    ['<testsuite><testcase name="a">\u0007</testcase></testsuite>', /control character U\+0007/, 1],
    ['<testsuite><testcase name="a" name="b"/></testsuite>', /attribute "name" appears twice/, 1],
    ['<testsuite/><testsuite/>', /a second root element/, 1],
    ['<testsuite><![CDATA[ never closed', /ends inside a CDATA section/, 1],
    ['<testsuite><!-- never closed', /ends inside a comment/, 1],
    ['<!DOCTYPE x [<!ENTITY a "b">]><testsuite/>', /DOCTYPE/, 1],
    ['<testsuite>\n</testsuite>\ntrailing', /text after the end of the root element/, 3],
  ])('%j', (xml, message, line) => {
    const e = refusal(xml);
    expect(e.message).toMatch(message);
    expect(e.file).toBe('r.xml');
    expect(e.line).toBe(line);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH}`, () => {
    const deep = `<testsuites>${'<x>'.repeat(MAX_DEPTH + 5)}${'</x>'.repeat(MAX_DEPTH + 5)}</testsuites>`;
    expect(refusal(deep).message).toMatch(/nested more than/);
  });

  it('refuses UTF-16 and invalid UTF-8 with the byte that is wrong', () => {
    expect(() => decodeReport('r.xml', new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toThrow(/UTF-16/);
    try {
      decodeReport('r.xml', new Uint8Array([0x3c, 0x61, 0x0a, 0xc3, 0x28]));
      throw new Error('accepted');
    } catch (e) {
      expect((e as UserError).message).toMatch(/not valid UTF-8 \(invalid byte 0xc3 at byte offset 3\)/);
      expect((e as UserError).line).toBe(2);
    }
  });
});

describe('parseJunit: the same case read with and without elements inside', () => {
  it('gives the same test for a case with no element inside as for one parsed in full', () => {
    const attrs = 'classname="a.B" name="SRS-001 x &amp; y" time="0.5" file="src/b.ts" line="7" Requirements="SRS-002" status="notrun"';
    const [empty, full] = parseJunit('r.xml', `<testsuite name="s"><testcase ${attrs}/><testcase ${attrs}><system-out>log</system-out></testcase></testsuite>`).cases;
    expect(empty).toEqual(full);
    expect(empty).toMatchObject({ name: 'SRS-001 x & y', status: 'skipped', line: 7, properties: [{ name: 'Requirements', value: 'SRS-002' }] });
  });
});

describe('parseJunit: what printed output or odd nesting cannot do', () => {
  it('counts a test case nested inside another (a sub-test) as a test of its own, failure included', () => {
    const r = parse(`<testsuite name="s"><testcase name="SRS-001 outer"><testcase name="SRS-001 inner"><failure message="boom"/></testcase>
      <testsuite name="x"><testcase name="deeper" status="Failed"/></testsuite></testcase></testsuite>`);
    expect(r.cases.map((c) => [c.name, c.status])).toEqual([
      ['SRS-001 outer', 'passed'],
      ['SRS-001 inner', 'failed'],
      ['deeper', 'failed'],
    ]);
  });

  it('reads a display name only from the JUnit Platform header, never from printed output', () => {
    const printed = parse(`<testsuite><testcase name="t()"><system-out><![CDATA[log\ndisplay-name: SRS-002 x\n]]></system-out></testcase></testsuite>`);
    expect(printed.cases[0]!.displayName).toBeUndefined();
    const second = parse(`${CONSOLE_ROOT}<testcase name="t()" classname="a.B"><system-out><![CDATA[
unique-id: [engine:junit-jupiter]/[class:a.B]/[method:t()]
display-name: SRS-001 real
]]></system-out><system-out><![CDATA[unique-id: [engine:x]
display-name: SRS-002 printed]]></system-out></testcase></testsuite>`);
    expect(second.cases[0]!.displayName).toBe('SRS-001 real');
  });

  it('reads report entries only from a system-out that is nothing but report entries', () => {
    const entry = 'Report Entry #1 (timestamp: 2026-11-25T01:24:24.129)\n\t- requirements: SRS-006, SRS-007\n';
    const header = '<system-out><![CDATA[unique-id: [engine:junit-jupiter]/[class:a.B]/[method:t()]\ndisplay-name: limits the rate\n]]></system-out>';
    const real = parse(`${CONSOLE_ROOT}<testcase name="t()" classname="a.B">${header}<system-out><![CDATA[${entry}]]></system-out></testcase></testsuite>`);
    expect(real.cases[0]!.properties).toEqual([{ name: 'requirements', value: 'SRS-006, SRS-007' }]);
    const printed = parse(`${CONSOLE_ROOT}<testcase name="t()" classname="a.B">${header}<system-out><![CDATA[app log\n${entry}]]></system-out></testcase></testsuite>`);
    expect(printed.cases[0]!.properties).toEqual([]);
    const notJunitPlatform = parse(`<testsuite><testcase name="t()"><system-out><![CDATA[${entry}]]></system-out></testcase></testsuite>`);
    expect(notJunitPlatform.cases[0]!.properties).toEqual([]);
  });

  it('names the line when a report ends right after its XML declaration', () => {
    const e = refusal('<?xml version="1.0"?>\n');
    expect(e.message).toMatch(/ends before its root element/);
    expect(e.line).toBe(2);
  });
});

describe('parseJunit: huge output inside a test case', () => {
  it(`keeps at most ${MAX_CAPTURED_TEXT} characters of a text run for the second parse, and still reads the case`, () => {
    const out = `${'log line &amp; more\n'.repeat(200_000)}`;
    const xml = `<testsuite><testcase name="SRS-001 verbose"><failure message="boom">${'trace &lt;x&gt;\n'.repeat(100_000)}</failure><system-out>${out}</system-out><system-out><![CDATA[${'y'.repeat(4_000_000)}]]></system-out></testcase></testsuite>`;
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const [c] = parse(xml).cases;
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(c).toMatchObject({ name: 'SRS-001 verbose', status: 'failed', message: 'boom' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('never cuts inside a character reference', () => {
    const pad = 'x'.repeat(MAX_CAPTURED_TEXT - 3);
    const [c] = parse(`<testsuite><testcase name="n"><failure>${pad}&amp;${'z'.repeat(100)}</failure></testcase></testsuite>`).cases;
    expect(c!.status).toBe('failed');
  });
});
