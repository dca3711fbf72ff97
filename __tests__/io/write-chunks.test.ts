import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { TextSink, writeChunks } from '../../src/io/write-chunks.js';
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
    await writeChunks(file, ['{}\n']);
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
