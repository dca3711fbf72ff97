/**
 * Reading a tar without extracting it: files as places in the tar, links with their targets exactly
 * as stored (pax values with any byte), and a damaged tar refused with a message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Header, Pax, type HeaderData } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { readTarEntries } from '../../src/release/tar-reader.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function header(data: HeaderData): Buffer {
  const h = new Header({ mode: 0o644, uid: 0, gid: 0, size: 0, mtime: new Date(0), uname: '', gname: '', ...data });
  h.encode();
  return h.block!;
}

function body(text: string): Buffer {
  const b = Buffer.from(text);
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
}

function tarFile(name: string, ...parts: Buffer[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

const END = Buffer.alloc(1024);

describe('readTarEntries', () => {
  it('lists folders, files by their place in the tar, and links with their targets untouched', async () => {
    const odd = '/abs/with\nline break/and=equals';
    const file = tarFile(
      'ok.tar',
      new Pax({ comment: 'global' }, true).encode(),
      header({ path: 'source/', type: 'Directory', mode: 0o755 }),
      header({ path: 'source/run.sh', type: 'File', mode: 0o755, size: 3 }),
      body('abc'),
      header({ path: 'source/abs', type: 'SymbolicLink', linkpath: '/tmp/outside', mode: 0o777 }),
      header({ path: 'source/up', type: 'SymbolicLink', linkpath: '../../outside/b.xml', mode: 0o777 }),
      new Pax({ path: 'source/odd', linkpath: odd }).encode(),
      header({ path: 'source/odd', type: 'SymbolicLink', linkpath: 'truncated', mode: 0o777 }),
      header({ path: 'source/empty', type: 'File', size: 0 }),
      END,
    );
    const entries = await readTarEntries(file);
    expect(entries).toEqual([
      { path: 'source', type: 'directory' },
      { path: 'source/run.sh', type: 'file', source: file, offset: 512 * 4, size: 3, executable: true },
      { path: 'source/abs', type: 'symlink', linkpath: '/tmp/outside' },
      { path: 'source/up', type: 'symlink', linkpath: '../../outside/b.xml' },
      { path: 'source/odd', type: 'symlink', linkpath: odd },
      { path: 'source/empty', type: 'file', source: file, offset: expect.any(Number) as number, size: 0, executable: false },
    ]);
    expect(fs.readFileSync(file).subarray(512 * 4, 512 * 4 + 3).toString()).toBe('abc');
  });

  it.each([
    ['a tar without its end marker', [header({ path: 'a', type: 'File', size: 3 }), body('abc')], /ends at byte 1024 without its end marker/],
    ['an entry cut short', [header({ path: 'a', type: 'File', size: 3000 }), body('abc')], /the entry at byte 0 runs past the end of the tar/],
    ['a damaged header', [Buffer.concat([header({ path: 'a', type: 'File' }).subarray(0, 10), Buffer.from('X'), header({ path: 'a', type: 'File' }).subarray(11)]), END], /wrong checksum/],
    ['a hard link', [header({ path: 'a', type: 'Link', linkpath: 'b' }), END], /^a is an entry of tar type '1', neither a file, a folder nor a symbolic link$/],
    ['a malformed pax header', [header({ path: 'PaxHeader/a', type: 'ExtendedHeader', size: 9 }), body('99 path=a'), header({ path: 'a', type: 'File' }), END], /pax extended header at byte 0 is malformed/],
  ])('refuses %s with a message', async (name, parts, message) => {
    await expect(readTarEntries(tarFile(`${name}.tar`, ...parts))).rejects.toThrow(message);
  });

  it('refuses a name that is not UTF-8 rather than storing another one', async () => {
    const h = header({ path: 'source/x', type: 'File' });
    h[8] = 0xff;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    await expect(readTarEntries(tarFile('latin1.tar', h, END))).rejects.toThrow(/the entry at byte 0 has a name or link target that is not UTF-8/);
  });
});
