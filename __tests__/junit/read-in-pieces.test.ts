/**
 * A report read in pieces, as the action reads a file, must give exactly what the whole text gives: the
 * same report, or the same refusal with the same file and line. Every report of the corpus and of the
 * real producers, well-formed or not, and mutations of them (cut short, a broken tag, a control
 * character late in the file) are read whole and in pieces of many sizes, down to one character, so
 * that every kind of item is cut at every place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeReport, ReportDecoder } from '../../src/junit/decode-report.js';
import { newCaseParser } from '../../src/junit/case-parser.js';
import { JunitReader, parseJunit } from '../../src/junit/parse-junit.js';
import type { Report } from '../../src/model/index.js';
import { corpusDir, corpusOrSkip, corpusPresent, repoRoot } from '../support/corpus.js';

type Outcome = { report: Report } | { error: { message: string; file?: string; line?: number } };

async function outcome(read: () => Report | Promise<Report>): Promise<Outcome> {
  try {
    return { report: await read() };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { error: { message: e.message, ...(e.file === undefined ? {} : { file: e.file }), ...(e.line === undefined ? {} : { line: e.line }) } };
  }
}

/** Feeds a piece as the action does (io/read-report.ts): fast-xml-parser is handed in when the reader waits for it. */
function feed(reader: JunitReader, piece: string): void {
  reader.feed(piece);
  if (reader.waitsForCaseParser) reader.useCaseParser(newCaseParser());
}

function end(reader: JunitReader): Report {
  reader.close();
  if (reader.waitsForCaseParser) reader.useCaseParser(newCaseParser());
  return reader.end();
}

function inPieces(text: string, size: number): Report {
  const reader = new JunitReader('r.xml');
  for (let at = 0; at < text.length; at += size) feed(reader, text.slice(at, at + size));
  return end(reader);
}

/** Pieces that grow as the reader waits, as the action makes them: at least what is pending. */
function asTheActionReads(text: string, size: number): Report {
  const reader = new JunitReader('r.xml');
  for (let at = 0; at < text.length; ) {
    const take = Math.max(size, reader.pending);
    feed(reader, text.slice(at, at + take));
    at += take;
  }
  return end(reader);
}

const SIZES = [1, 2, 3, 7, 64, 1000];

async function expectSame(text: string, sizes: readonly number[] = SIZES): Promise<void> {
  if (text.trim() === '') return;
  const whole = await outcome(() => parseJunit('r.xml', text));
  for (const size of sizes) {
    expect(await outcome(() => inPieces(text, size)), `pieces of ${size}`).toStrictEqual(whole);
  }
  expect(await outcome(() => asTheActionReads(text, 5)), 'growing pieces').toStrictEqual(whole);
}

/** Pieces pushed as a file is read: each in one Buffer, filled anew for the next, so that nothing may keep it. */
function decodeInPieces(bytes: Uint8Array, size: number): string {
  const decoder = new ReportDecoder('r.xml');
  const buffer = Buffer.alloc(size);
  let text = '';
  for (let at = 0; at < bytes.length; at += size) {
    const n = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).copy(buffer, 0, at, at + size);
    text += decoder.push(buffer.subarray(0, n), false);
    buffer.fill(0xff);
  }
  return text + decoder.push(new Uint8Array(0), true);
}

function decoded(read: () => string): { text: string } | { error: { message: string; line?: number } } {
  try {
    return { text: read() };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { error: { message: e.message, ...(e.line === undefined ? {} : { line: e.line }) } };
  }
}

function expectSameText(bytes: Uint8Array, sizes: readonly number[] = [1, 2, 3, 5, 199, 4096]): void {
  const whole = decoded(() => decodeReport('r.xml', bytes));
  for (const size of sizes) expect(decoded(() => decodeInPieces(bytes, size)), `bytes in pieces of ${size}`).toStrictEqual(whole);
}

function rawFiles(dir: string): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) out.push([path.relative(dir, p), fs.readFileSync(p)]);
    }
  };
  walk(dir);
  return out;
}

/** The reports below `dir` as text; those refused before their text is read (encoding) are left out. */
function texts(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, bytes] of rawFiles(dir)) {
    try {
      out.push([name, decodeReport(name, bytes)]);
    } catch {
      // Nothing to read in pieces.
    }
  }
  return out;
}

const corpus = corpusOrSkip('the reads in pieces of every corpus report') ? texts(path.join(corpusDir, 'junit')) : [];
const producers = texts(path.join(repoRoot, '__fixtures__', 'junit'));
const small = [...corpus, ...producers].filter(([, t]) => t.length < 200_000);

describe('a report read in pieces', () => {
  it.skipIf(!corpusPresent).each(corpus)('corpus %s', async (_name, text) => {
    await expectSame(text, text.length > 200_000 ? [1000, 65_536] : SIZES);
  });

  it.each(producers)('real producer %s', async (_name, text) => {
    await expectSame(text, text.length > 200_000 ? [1000, 65_536] : SIZES);
  });

  it('gives the same refusal for reports cut short anywhere, or broken', async () => {
    let checked = 0;
    for (const [, text] of small.slice(0, 60)) {
      for (const cut of [0.1, 0.37, 0.5, 0.83, 0.99]) {
        const at = Math.floor(text.length * cut);
        await expectSame(text.slice(0, at), [1, 7, 64]);
        await expectSame(`${text.slice(0, at)}<a b="c"d="e">${text.slice(at)}`, [3, 64]);
        await expectSame(`${text.slice(0, at)}\u0001${text.slice(at)}`, [7, 1000]);
        checked++;
      }
    }
    expect(checked).toBe(Math.min(small.length, 60) * 5);
    // With the corpus, its reports are among those cut.
    if (corpusPresent) expect(checked).toBeGreaterThan(100);
  });

  it('keeps lines right across pieces, for an error far into the file', async () => {
    const body = Array.from({ length: 500 }, (_, i) => `  <testcase name="t${i}" classname="c"><system-out><![CDATA[a\nb\r\nc]]></system-out></testcase>`).join('\n');
    const text = `<?xml version="1.0"?>\n<testsuites>\n<testsuite name="s">\n${body}\n  <testcase name="bad" classname="c"></testsuite>\n</testsuites>\n`;
    const whole = await outcome(() => parseJunit('r.xml', text));
    expect(whole).toMatchObject({ error: { line: 1504 } });
    await expectSame(text, [1, 13, 4096]);
  });

  it('tells a file of white space only from a truncated one', async () => {
    const reader = new JunitReader('r.xml');
    reader.feed('   \n');
    expect(() => reader.end()).toThrow('the file is empty');
    await expectSame('<testsuite name="s"><testcase name="a"/>');
  });

  it('holds only a window of the text: what waits is the unfinished item, not the report', async () => {
    const reader = new JunitReader('r.xml');
    reader.feed('<testsuites>');
    for (let i = 0; i < 1000; i++) reader.feed(`<testsuite name="s${i}"><testcase name="SRS-1 t${i}" classname="c"/></testsuite>\n`);
    reader.feed('<testsuite name="last"><testcase name="cut');
    expect(reader.pending).toBeLessThan(100);
    reader.feed(' here" classname="c"/></testsuite></testsuites>');
    const report = reader.end();
    expect(report.cases).toHaveLength(1001);
    expect(report.cases[1000]!.name).toBe('cut here');
  });

});

describe('fast-xml-parser, handed in on demand', () => {
  const complex = '<testsuite name="s"><testcase name="SRS-1 a" classname="c"><failure message="m"/><unknown/></testcase><testcase name="b"/></testsuite>';

  it('is asked for by a reader that meets a test case for it, which then reads on as if it had been given', () => {
    for (const size of [1, 10, complex.length]) {
      const reader = new JunitReader('r.xml');
      let asked = 0;
      for (let at = 0; at < complex.length; at += size) {
        reader.feed(complex.slice(at, at + size));
        if (reader.waitsForCaseParser) {
          asked++;
          // Waiting, the reader reads no further, whatever it is fed.
          expect(reader.waitsForCaseParser).toBe(true);
          reader.useCaseParser(newCaseParser());
        }
      }
      reader.close();
      expect(reader.waitsForCaseParser).toBe(false);
      expect(asked).toBe(1);
      expect(reader.end()).toStrictEqual(parseJunit('r.xml', complex));
    }
  });

  it('is a fault of the caller, not of the report, when it is never handed in', () => {
    const reader = new JunitReader('r.xml');
    reader.feed(complex);
    expect(reader.waitsForCaseParser).toBe(true);
    expect(() => reader.end()).toThrow('none was handed in (useCaseParser)');
    expect(() => reader.end()).not.toThrow(UserError);
  });

  it('is not needed for the usual shapes, nor for a report with a broken tag inside an unusual case', () => {
    const usual = '<testsuite name="s"><testcase name="a"><failure message="m">trace</failure><system-out>x</system-out></testcase></testsuite>';
    const reader = new JunitReader('r.xml');
    reader.feed(usual);
    expect(reader.waitsForCaseParser).toBe(false);
    expect(reader.end()).toStrictEqual(parseJunit('r.xml', usual));
    const broken = new JunitReader('r.xml');
    expect(() => broken.feed('<testsuite><testcase name="a"><unknown></testcase></testsuite>')).toThrow('</testcase> closes <unknown>');
  });
});

describe('a report decoded in pieces of bytes', () => {
  const raw = [...(corpusPresent ? rawFiles(path.join(corpusDir, 'junit')) : []), ...rawFiles(path.join(repoRoot, '__fixtures__', 'junit'))].filter(([, b]) => b.length < 300_000);

  it('gives the text of the whole file for every report of the corpus and the real producers', () => {
    for (const [, bytes] of raw) expectSameText(bytes, [1, 3, 4096]);
    // Every real producer's report at least, and with the corpus its reports too.
    expect(raw.length).toBeGreaterThan(corpusPresent ? 100 : 10);
  });

  it('cuts no character in two: every width of UTF-8, at every place', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?><testsuite name="é ✓ 𝄞 ${'a€b😀c'.repeat(200)}"/>`;
    expectSameText(Buffer.from(text));
    expectSameText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  });

  it('gives the same refusal, offset and line for a bad byte far into the file, a cut character at its end, UTF-16 and an unknown encoding', () => {
    const lines = Buffer.from(`<testsuite name="s">\n${'<testcase name="ü"/>\n'.repeat(300)}`);
    expectSameText(Buffer.concat([lines, Buffer.from([0xc3, 0x28]), Buffer.from('</testsuite>')]));
    expectSameText(Buffer.concat([lines, Buffer.from([0xe2, 0x82])]));
    expectSameText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]));
    expectSameText(Buffer.from('<?xml version="1.0" encoding="EBCDIC"?><testsuite/>'));
  });

  it('reads a report that declares windows-1252 the same in pieces', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><testsuite name="'), Buffer.from([0xe9, 0x80, 0x93]), Buffer.from('"/>')]);
    expectSameText(bytes);
    expect(decodeReport('r.xml', bytes)).toContain('name="é');
  });
});
