import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { TextSink } from '../../src/io/write-chunks.js';
import { closeAll, writeWhole } from '../../src/report/evidence-writer.js';
import { removeLater } from '../support/workspace.js';

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-sink-'));
  removeLater(dir);
  return dir;
}

describe('TextSink', () => {
  it('writes every piece in order, across buffer swaps, with pieces longer than a buffer and text of every width', async () => {
    const file = path.join(scratch(), 'out.txt');
    const pieces: string[] = [];
    for (let i = 0; i < 60_000; i++) pieces.push(`line ${i} ≤ → 𝄞 ${'x'.repeat(i % 97)}\n`);
    pieces.splice(30_000, 0, 'ä'.repeat(3 * 1024 * 1024), '\n');
    pieces.push('𝄞'.repeat(2 * 1024 * 1024));
    const sink = await TextSink.create(file);
    for (const p of pieces) if (sink.add(p)) await sink.flush();
    await sink.close();
    expect(fs.readFileSync(file, 'utf8') === pieces.join('')).toBe(true);
  });

  it('appends the whole of another file after what it holds', async () => {
    const dir = scratch();
    const other = path.join(dir, 'other.txt');
    // Bytes that differ throughout, over several of the sink's buffers and a part of one.
    const content = crypto.randomBytes(9 * 1024 * 1024 + 12_345);
    fs.writeFileSync(other, content);
    const file = path.join(dir, 'out.txt');
    const sink = await TextSink.create(file);
    await sink.write('head\n');
    await sink.append(other);
    await sink.write('\ntail');
    await sink.close();
    expect(fs.readFileSync(file).equals(Buffer.concat([Buffer.from('head\n'), content, Buffer.from('\ntail')]))).toBe(true);
  });

  it('replaces a symbolic link at its path instead of writing through it', async () => {
    const dir = scratch();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    const file = path.join(dir, 'traceability.json');
    fs.symlinkSync(victim, file);
    await writeWhole(await TextSink.create(file), ['{}\n']);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
  });

  it('refuses a folder at its path, naming it', async () => {
    const dir = scratch();
    const file = path.join(dir, 'tests.csv');
    fs.mkdirSync(file);
    const error = await TextSink.create(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('tests.csv');
  });

  it('reports a failed write where it is awaited, not as an unhandled rejection', async () => {
    const file = path.join(scratch(), 'out.txt');
    const sink = await TextSink.create(file);
    // The file handle is closed under the sink: its next write fails.
    await (sink as unknown as { handle: fs.promises.FileHandle }).handle.close();
    sink.add('x'.repeat(3 * 1024 * 1024));
    const outcome = await sink
      .flush()
      .then(() => new Promise((resolve) => setTimeout(resolve, 20)))
      .then(() => sink.close())
      .then(
        () => 'written',
        (e: unknown) => e,
      );
    expect(outcome).toBeInstanceOf(Error);
  });
});

/** An error as the file system gives it: a code, no path (a failed write names no file). */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

/**
 * Files opened for writing under `dir` take `room` bytes in all, as on a disk that fills up: the write
 * that reaches the end is cut short, the next fails with `code`.
 */
function diskFillsUp(dir: string, room: number, code = 'ENOSPC'): void {
  const open = fsp.open.bind(fsp);
  let left = room;
  vi.spyOn(fsp, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await open(file, flags, mode);
    if (!String(file).startsWith(dir) || flags === 'r') return handle;
    const write = handle.write.bind(handle) as (data: Uint8Array, offset?: number, length?: number) => Promise<{ bytesWritten: number }>;
    Object.assign(handle, {
      write: async (data: Uint8Array, offset = 0, length = data.length - offset) => {
        if (left === 0) throw systemError(code);
        const taken = Math.min(left, length);
        left -= taken;
        return write(data, offset, taken);
      },
    });
    return handle;
  });
}

describe('TextSink on a runner that fails it', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(['ENOSPC', 'EDQUOT', 'EFBIG'])('a disk that fills up (%s): the failure names the file and what to do, and the partial file is removed', async (code) => {
    const dir = scratch();
    const file = path.join(dir, 'tests.csv');
    diskFillsUp(dir, 3 * 1024 * 1024, code);
    const sink = await TextSink.create(file);
    const outcome = (async () => {
      for (let i = 0; i < 200_000; i++) if (sink.add(`${i},reports/unit.xml,dose,SRS-001 computes the dose ${i},passed\n`)) await sink.flush();
      await sink.close();
    })().then(
      () => 'written',
      (e: unknown) => e,
    );
    const error = await outcome;
    await sink.discard();
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toMatch(new RegExp(`^${file}: the evidence file could not be written whole, so it was removed: .*(space|quota|larger).*; free space on the runner's disk`));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a short last write is not taken for a whole file: the rest is written, or the failure says so', async () => {
    const dir = scratch();
    const file = path.join(dir, 'traceability.json');
    diskFillsUp(dir, 1000);
    const error = await writeWhole(await TextSink.create(file), ['x'.repeat(1500)]).catch((e: unknown) => e);
    expect(String(error)).toContain('no space left on the device');
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EROFS', 'the file system is read-only'],
  ])('a folder it may not write in (%s): the failure names the file and says to make the folder writable', async (code, reason) => {
    const dir = scratch();
    const file = path.join(dir, 'tests.csv');
    vi.spyOn(fsp, 'open').mockRejectedValue(systemError(code));
    const error = await TextSink.create(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toBe(`${file}: the evidence file could not be created: ${reason}; make ${dir} writable for the runner's user, or write elsewhere in the workspace`);
  });

  it('removes the file when what it was written from fails, and when a later file of a set fails to close', async () => {
    const dir = scratch();
    const file = path.join(dir, 'traceability.html');
    function* chunks(): Generator<string> {
      yield 'x'.repeat(5 * 1024 * 1024);
      throw new Error('rendering stopped');
    }
    await expect(writeWhole(await TextSink.create(file), chunks())).rejects.toThrow('rendering stopped');
    expect(fs.existsSync(file)).toBe(false);

    const [a, b, c] = ['a.csv', 'b.jsonl', 'c.csv'].map((n) => path.join(dir, n)) as [string, string, string];
    const sinks = [await TextSink.create(a), await TextSink.create(b), await TextSink.create(c)];
    for (const s of sinks) s.add('row\n');
    // The second file's disk fills up (a closed handle, EBADF, would be a bug of the gate, not a runner fault).
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    (sinks[1] as unknown as { handle: { write: () => Promise<never> } }).handle.write = () => Promise.reject(full);
    await expect(closeAll(sinks)).rejects.toBeInstanceOf(UserError);
    expect([fs.existsSync(a), fs.existsSync(b), fs.existsSync(c)]).toEqual([true, false, false]);
    expect(fs.readFileSync(a, 'utf8')).toBe('row\n');
  });
});
