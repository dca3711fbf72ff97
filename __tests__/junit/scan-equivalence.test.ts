/**
 * The reader takes the usual test cases (results, output, properties) straight from its scan and hands
 * anything else to fast-xml-parser; both inputs go into the one case reader. Both readings must give
 * the same test: each body below is read once as written and once with `<properties>` that has an
 * attribute named like an element (which fast-xml-parser alone tells apart), which sends the case to
 * fast-xml-parser and adds nothing the gate keeps. The cases stand in a report
 * of the JUnit Platform console's shape, so that its header is read.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { MAX_CAPTURED_TEXT, parseJunit } from '../../src/junit/parse-junit.js';
import type { TestCase } from '../../src/model/index.js';

const header = 'unique-id: [engine:junit-jupiter]/[class:a.B]/[method:SRS-001 x %26 y]\ndisplay-name: SRS-001 shown\n';
const entry = 'Report Entry #1 (timestamp: 2026-11-25T01:24:24.129)\n\t- requirements: SRS-006, SRS-007\n';

const BODIES: [string, string][] = [
  ['a failure with a message', '<failure message="expected: &lt;1&gt; but was: &lt;2&gt;" type="AssertionError"><![CDATA[trace]]></failure>'],
  ['a failure with text only', '<failure>\n  x &amp; y &#x3bc; <![CDATA[ < raw & ]]>\n</failure>'],
  ['a failure with a blank message and a comment in its text', '<failure message="  ">a<!-- note -->b</failure>'],
  ['line breaks written as CR LF and CR', '<failure message="one\r\ntwo\rthree">x</failure>'],
  ['line breaks in text and CDATA', '<error>\r\nfirst\r<![CDATA[second\r\n]]></error>'],
  ['an error beating a failure and a skip', '<skipped message="s"/><failure message="f"/><error>e</error>'],
  ['a skip with an empty message', '<skipped message=""/>'],
  ['an empty skip', '<skipped/>'],
  ['flaky runs', '<flakyError message="second"/><flakyFailure>first</flakyFailure>'],
  ['reruns and system-err', '<rerunFailure message="r"><![CDATA[x]]></rerunFailure><system-err>err</system-err>'],
  ['properties with values in attributes and in text', '<properties><property name=" Requirements " value="SRS-002"/><property name="covers">SRS-003\r\n</property><property name="os" value="linux"/><property/></properties>'],
  ['two property groups', '<properties><property name="verifies" value="SRS-004"/></properties><properties><property name="requirement" value="SRS-005"/></properties>'],
  ['the JUnit Platform header and report entries', `<system-out><![CDATA[${header}]]></system-out><system-out><![CDATA[${entry}]]></system-out>`],
  ['the header behind white space and a reference', `<system-out>\n \u00a0&#117;nique-id: [engine:x]/[class:a.B]/[method:SRS-001 x &amp; y]\ndisplay-name: SRS-009 by reference\n</system-out>`],
  ['the header split across text and CDATA', '<system-out>uni<![CDATA[que-id: [engine:x]/[class:a.B]/[method:SRS-001 x & y]\ndisplay-name:  SRS-010 split ]]></system-out>'],
  ['printed output that is no header', '<system-out>log\nunique-id: [engine:x]/[class:a.B]/[method:SRS-001 x &amp; y]\ndisplay-name: SRS-011 printed\n</system-out>'],
  ['a header that names another test', '<system-out>unique-id: [engine:x]/[class:a.B]/[method:other()]\ndisplay-name: SRS-012 borrowed\n</system-out>'],
  ['a rerun failure alone', '<rerunFailure message="every rerun failed">trace</rerunFailure>'],
  ['a rerun error alone', '<rerunError>boom<![CDATA[ again]]></rerunError><skipped/>'],
  ['a long failure text', `<failure>${'trace &lt;x&gt;\n'.repeat(10_000)}</failure>`],
  ['a long CDATA message', `<failure><![CDATA[${' '.repeat(MAX_CAPTURED_TEXT + 10)}late]]></failure>`],
];

/** Sends a case to fast-xml-parser, saying nothing of its outcome. */
const TO_PARSER = '<properties testcase="x"/>';

const ATTRIBUTES = 'classname="a.B" name="SRS-001 x &amp; y" time="0.25" file="src/b.ts" line="7" Requirements="SRS-008"';

/** How the JUnit Platform console's legacy XML starts its root suite. */
const CONSOLE_ROOT = '<testsuite name="JUnit Jupiter" tests="1" skipped="0" failures="0" errors="0" time="0.1" hostname="ci" timestamp="2026-11-25T01:24:24">';

function read(xml: string): TestCase[] {
  return [...parseJunit('r.xml', `${CONSOLE_ROOT}${xml}</testsuite>`).cases];
}

describe('a test case read from the scan and through fast-xml-parser', () => {
  it.each(BODIES)('reads %s the same', (_label, body) => {
    const scanned = read(`<testcase ${ATTRIBUTES}>${body}</testcase>`);
    const parsed = read(`<testcase ${ATTRIBUTES}>${body}${TO_PARSER}</testcase>`);
    expect(scanned).toStrictEqual(parsed);
  });

  it('reads suite properties the same', () => {
    const props = '<properties><property name="covers" value="SRS-1"/><property name="requirements">SRS-2</property></properties>';
    const scanned = read(`<testsuite name="inner">${props}<testcase name="a"/></testsuite>`);
    const parsed = read(`<testsuite name="inner">${props.replace('<properties>', '<properties testcase="x">')}<testcase name="a"/></testsuite>`);
    expect(scanned).toStrictEqual(parsed);
    expect(scanned[0]!.properties).toEqual([
      { name: 'covers', value: 'SRS-1' },
      { name: 'requirements', value: 'SRS-2' },
    ]);
  });

  it('keeps what the header and the results say', () => {
    const [c] = read(`<testcase ${ATTRIBUTES}>${BODIES[12]![1]}<failure message="boom"/></testcase>`);
    expect(c).toMatchObject({ status: 'failed', message: 'boom', displayName: 'SRS-001 shown', properties: [{ name: 'Requirements', value: 'SRS-008' }, { name: 'requirements', value: 'SRS-006, SRS-007' }] });
  });

  it('takes the console header only where it names the case itself', () => {
    const shown = (label: string): string | undefined => read(`<testcase ${ATTRIBUTES}>${BODIES.find(([l]) => l === label)![1]}</testcase>`)[0]!.displayName;
    expect(shown('the header behind white space and a reference')).toBe('SRS-009 by reference');
    expect(shown('the header split across text and CDATA')).toBe('SRS-010 split');
    expect(shown('printed output that is no header')).toBeUndefined();
    expect(shown('a header that names another test')).toBeUndefined();
  });

  it('reads time as parseFloat does', () => {
    for (const time of ['0.1', '12.345', '007', '1.', '.5', '1e2', '-3', ' 2', '123456789012345', '1234567890123456', '0.30000000000000004']) {
      const parsed = Number.parseFloat(time);
      expect(read(`<testcase name="a" time="${time}"/>`)[0]!.time, time).toBe(Number.isFinite(parsed) && parsed > 0 ? parsed : 0);
    }
  });
});

describe('suite properties', () => {
  const props = (value: string): string => `<properties><property name="covers" value="${value}"/></properties>`;
  const values = (c: TestCase): string[] => c.properties.map((p) => p.value);

  it('give each test case those declared before it, in its suite and the suites around it', () => {
    const cases = read(`${props('1')}<testcase name="a"/>${props('2')}<testcase name="b"><failure/></testcase><testsuite name="i"><testcase name="c"/>${props('3')}<testcase name="d"/></testsuite>${props('4')}<testcase name="e"/>`);
    expect(cases.map(values)).toEqual([['1'], ['1', '2'], ['1', '2'], ['1', '2', '3'], ['1', '2', '4']]);
  });

  it('are read in time in proportion to their number', () => {
    const t0 = performance.now();
    const [c] = read(`${props('SRS-1').repeat(20_000)}<testcase name="a"/>`);
    expect(c!.properties).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('test cases inside a test case', () => {
  it('are read however many there are (a spread of 200,000 overflowed the stack)', () => {
    const cases = read(`<testcase name="outer"><testsuite>${'<testcase name="inner"/>'.repeat(200_000)}</testsuite></testcase>`);
    expect(cases).toHaveLength(200_001);
    expect(cases[1]!.name).toBe('inner');
  });
});

describe('strictness', () => {
  it.each(['&toString;', '&constructor;', '&valueOf;', '&__proto__;'])('refuses the undefined entity %s (a name only Object.prototype knows)', (ref) => {
    expect(() => read(`<testcase name="a ${ref}"/>`)).toThrow(UserError);
    expect(() => read(`<testcase name="a"><failure>${ref}</failure></testcase>`)).toThrow(/is not defined/);
  });
});

describe('decodeReport', () => {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  it.each([
    ['ASCII', Buffer.from('<testsuite><testcase name="a"/></testsuite>\n')],
    ['ASCII after a byte-order mark', Buffer.from('\ufeff<testsuite/>')],
    ['a second byte-order mark', Buffer.from('\ufeff\ufeff<testsuite/>')],
    ['Latin-1 characters', Buffer.from('<testsuite name="µg é"/>')],
    ['characters beyond Latin-1', Buffer.from('<testsuite name="≤ → 😀"/>')],
  ])('gives the text a UTF-8 decoder gives for %s', (_label, bytes) => {
    const start = bytes[0] === 0xef ? 3 : 0;
    expect(decodeReport('r.xml', bytes)).toBe(decoder.decode(bytes.subarray(start)));
  });

  it('reads a part of a larger buffer', () => {
    const whole = Buffer.from('xx<testsuite name="µ"/>yy');
    expect(decodeReport('r.xml', whole.subarray(2, whole.length - 2))).toBe('<testsuite name="µ"/>');
  });
});
