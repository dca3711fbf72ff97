/**
 * Reading a report in pieces: the pieces make the file, grow when asked, and refuse what the whole read
 * refuses; a report read so gives what its whole text gives.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PIECE_BYTES, readPiecesInsideWorkspace } from '../../src/io/files.js';
import { readReport } from '../../src/io/read-report.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { parseJunit } from '../../src/junit/parse-junit.js';

const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pieces-')));
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

async function collect(file: string, atLeast?: () => number): Promise<{ bytes: Buffer; sizes: number[] }> {
  const parts: Buffer[] = [];
  const sizes: number[] = [];
  // Each piece is copied: its memory is read into again once the next is asked for.
  for await (const piece of readPiecesInsideWorkspace(file, workspace, 'the report', atLeast)) {
    parts.push(Buffer.from(piece));
    sizes.push(piece.length);
  }
  return { bytes: Buffer.concat(parts), sizes };
}

describe('readPiecesInsideWorkspace', () => {
  const data = crypto.randomBytes(5 * PIECE_BYTES + 123);
  fs.writeFileSync(path.join(workspace, 'big.xml'), data);
  fs.writeFileSync(path.join(workspace, 'empty.xml'), '');
  fs.mkdirSync(path.join(workspace, 'folder.xml'));

  it('gives the file, in order, in pieces of the usual size', async () => {
    const { bytes, sizes } = await collect('big.xml');
    expect(bytes.equals(data)).toBe(true);
    expect(sizes).toEqual([PIECE_BYTES, PIECE_BYTES, PIECE_BYTES, PIECE_BYTES, PIECE_BYTES, 123]);
  });

  it('reads larger pieces when the reader asks for them', async () => {
    const { bytes, sizes } = await collect('big.xml', () => 3 * PIECE_BYTES);
    expect(bytes.equals(data)).toBe(true);
    expect(sizes[0]).toBe(3 * PIECE_BYTES);
  });

  it('gives nothing for an empty file, and refuses a folder or a file outside the workspace, naming it', async () => {
    expect((await collect('empty.xml')).sizes).toEqual([]);
    await expect(collect('folder.xml')).rejects.toThrow('the report is a folder, not a file');
    await expect(collect('../outside.xml')).rejects.toThrow(/not found|outside the workspace/);
  });

  it('closes the file when the reader stops early', async () => {
    for await (const piece of readPiecesInsideWorkspace('big.xml', workspace, 'the report')) {
      expect(piece.length).toBe(PIECE_BYTES);
      break;
    }
    // Nothing holds it open (on Linux, /proc lists a process's open files).
    const link = (fd: string): string => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`, { encoding: 'utf8' });
      } catch {
        return ''; // the folder's own descriptor, closed by now
      }
    };
    const open = fs.readdirSync('/proc/self/fd').map(link).filter((l) => l.endsWith('big.xml'));
    expect(open).toEqual([]);
  });
});

describe('readReport', () => {
  it('reads a report of many pieces whose characters of every UTF-8 width fall across the pieces, as the whole text reads', async () => {
    // Names of 1- to 4-byte characters, so that piece boundaries cut characters at every place.
    const cases = Array.from({ length: 6000 }, (_, i) => `  <testcase classname="c" name="SRS-${i} µ€𝄞 ${'é'.repeat(i % 7)}"/>\n`).join('');
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="s">\n${cases}</testsuite>\n`;
    fs.writeFileSync(path.join(workspace, 'wide.xml'), text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * PIECE_BYTES);
    const report = await readReport(path.join(workspace, 'wide.xml'), 'wide.xml', workspace);
    expect(report).toStrictEqual(parseJunit('wide.xml', text));
    expect(report.cases).toHaveLength(6000);
  });

  it('refuses a bad byte far into the file with its offset and line, as the whole file is refused', async () => {
    const head = Buffer.from(`<testsuite name="s">\n${'  <testcase name="µ"/>\n'.repeat(20_000)}`);
    const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('</testsuite>')]);
    fs.writeFileSync(path.join(workspace, 'bad.xml'), bytes);
    let whole: unknown;
    try {
      decodeReport('bad.xml', bytes);
    } catch (e) {
      whole = e;
    }
    await expect(readReport(path.join(workspace, 'bad.xml'), 'bad.xml', workspace)).rejects.toStrictEqual(whole);
  });
});
