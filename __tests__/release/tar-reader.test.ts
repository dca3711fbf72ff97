/**
 * Reading a tar without extracting it: files as places in the tar, links with their targets exactly
 * as stored (pax values with any byte), and a damaged tar refused with a message.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Header, Pax, type HeaderData } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommit } from '../../src/release/git-source.js';
import { readTarEntries } from '../../src/release/tar-reader.js';
import { git } from '../support/git-repo.js';

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

/** Recomputes a header's checksum after a test changed its bytes. */
function checksum(h: Buffer): Buffer {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function withField(h: Buffer, offset: number, value: string): Buffer {
  h.write(value, offset, 'latin1');
  return checksum(h);
}

/** A pax extended header of one record whose value is any bytes, padded to whole blocks. */
function paxHeader(key: string, value: Buffer): Buffer {
  const tail = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')]);
  let length = tail.length + 1;
  while (String(length).length + tail.length > length) length++;
  const record = Buffer.concat([Buffer.from(String(length)), tail]);
  return Buffer.concat([header({ path: 'PaxHeader/x', type: 'ExtendedHeader', size: record.length }), record, Buffer.alloc((512 - (record.length % 512)) % 512)]);
}

function bytesAt(file: string, offset: number, size: number): string {
  return fs.readFileSync(file).subarray(offset, offset + size).toString();
}

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
    ['a tar cut in a header', [header({ path: 'a', type: 'File', size: 3 }), body('abc'), header({ path: 'b', type: 'File' }).subarray(0, 200)], /ends at byte 1224 without its end marker/],
    ['a pax header cut short', [header({ path: 'PaxHeader/a', type: 'ExtendedHeader', size: 2000 }), body('12 path=abc\n')], /the entry at byte 0 runs past the end of the tar/],
    ['a pax header describing nothing', [new Pax({ path: 'a' }).encode(), END], /ends with a pax extended header that describes no entry/],
    ['a pax record without its line break', [header({ path: 'PaxHeader/a', type: 'ExtendedHeader', size: 9 }), body('9 path=xA'), header({ path: 'a', type: 'File' }), END], /pax extended header at byte 0 is malformed/],
    ['a pax size that is no number', [header({ path: 'PaxHeader/a', type: 'ExtendedHeader', size: 11 }), body('11 size=x3\n'), header({ path: 'a', type: 'File' }), END], /holds the size "x3"/],
    ['a FIFO', [header({ path: 'source/fifo', type: 'FIFO' }), END], /^source\/fifo is an entry of tar type '6'/],
    ['a character device', [header({ path: 'source/tty', type: 'CharacterDevice' }), END], /^source\/tty is an entry of tar type '3'/],
    ['a GNU long name', [header({ path: '././@LongLink', type: 'NextFileHasLongPath', size: 2 }), body('b\0'), header({ path: 'a', type: 'File' }), END], /^\.\/\.\/@LongLink is an entry of tar type 'L'/],
    ['a number that is no octal', [withField(header({ path: 'a', type: 'File' }), 124, '0000000003x\0'), END], /holds "0000000003x" where a number belongs/],
  ])('refuses %s with a message', async (name, parts, message) => {
    await expect(readTarEntries(tarFile(`${name}.tar`, ...parts))).rejects.toThrow(message);
  });

  it('refuses a name that is not UTF-8 rather than storing another one', async () => {
    const h = header({ path: 'source/x', type: 'File' });
    h[8] = 0xff;
    checksum(h);
    await expect(readTarEntries(tarFile('latin1.tar', h, END))).rejects.toThrow(/the entry at byte 0 has a name or link target that is not UTF-8/);
  });

  it('keeps long, non-ASCII and line-breaking names and link targets byte for byte, and honours a pax size', async () => {
    const deep = `source/${'level/'.repeat(20)}dosé.txt`; // over 100 bytes: split into ustar prefix and name
    const paxName = `source/${'ü'.repeat(120)}\nsecond line\r\n= and equals.txt`; // over 255 bytes: pax only
    const paxTarget = `/opt/${'firmware-'.repeat(15)}\r\n/current`;
    const file = tarFile(
      'names.tar',
      header({ path: deep, type: 'File', size: 4 }),
      body('deep'),
      header({ path: 'source/dosé ü.txt', type: 'File', size: 2 }), // UTF-8 in the ustar name, as git writes it
      body('ok'),
      header({ path: 'source/cr\r\nlf', type: 'File', mode: 0o744, size: 0 }),
      paxHeader('path', Buffer.from(paxName)),
      header({ path: 'placeholder.data', type: 'File', size: 5 }),
      body('hello'),
      paxHeader('linkpath', Buffer.from(paxTarget)),
      header({ path: 'source/long-link', type: 'SymbolicLink', linkpath: 'see.paxheader', mode: 0o777 }),
      paxHeader('size', Buffer.from('3')),
      header({ path: 'source/sized', type: 'File', size: 0 }),
      body('xyz'),
      header({ path: 'source/after', type: 'SymbolicLink', linkpath: '../..', mode: 0o777 }),
      END,
    );
    const entries = await readTarEntries(file);
    expect(entries.map(({ source: _source, offset: _offset, ...rest }) => rest)).toEqual([
      { path: deep, type: 'file', size: 4, executable: false },
      { path: 'source/dosé ü.txt', type: 'file', size: 2, executable: false },
      { path: 'source/cr\r\nlf', type: 'file', size: 0, executable: true },
      { path: paxName, type: 'file', size: 5, executable: false },
      { path: 'source/long-link', type: 'symlink', linkpath: paxTarget },
      { path: 'source/sized', type: 'file', size: 3, executable: false },
      { path: 'source/after', type: 'symlink', linkpath: '../..' },
    ]);
    const contents = entries.filter((e) => e.type === 'file' && e.size! > 0).map((e) => bytesAt(e.source!, e.offset!, e.size!));
    expect(contents).toEqual(['deep', 'ok', 'hello', 'xyz']);
  });

  it('refuses a pax path or link target that is not UTF-8', async () => {
    const latin1 = Buffer.from('source/dos\xe9', 'latin1');
    await expect(readTarEntries(tarFile('pax-latin1.tar', paxHeader('path', latin1), header({ path: 'x', type: 'File' }), END))).rejects.toThrow(/not UTF-8 \("source\/dos\\xe9"\)/);
    await expect(readTarEntries(tarFile('pax-link-latin1.tar', paxHeader('linkpath', latin1), header({ path: 'x', type: 'SymbolicLink', linkpath: 'y' }), END))).rejects.toThrow(/not UTF-8/);
  });

  it('reads the output of git archive: names and targets with line breaks, beyond 100 bytes, not ASCII, exactly as committed', async () => {
    // The tree is written with git's plumbing, so names no file system could hold are committed too.
    const repo = fs.mkdtempSync(path.join(dir, 'repo-'));
    git(repo, 'init', '-q', '-b', 'main');
    const blob = (text: string): string => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: text, encoding: 'utf8' }).trim();
    const tree = (rows: [mode: string, name: string, id: string][]): string =>
      execFileSync('git', ['mktree', '-z'], { cwd: repo, input: rows.map(([mode, name, id]) => `${mode} ${mode === '040000' ? 'tree' : 'blob'} ${id}\t${name}\0`).join(''), encoding: 'utf8' }).trim();
    const longName = `${'n'.repeat(110)}\nsecond line.txt`;
    const longTarget = `/opt/${'firmware-'.repeat(15)}\ncurrent`;
    const deepDir = 'ü'.repeat(60);
    const inner = tree([['100644', 'f.txt', blob('deep\n')]]);
    const root = tree([
      ['100755', 'build.sh', blob('#!/bin/sh\n')],
      ['100644', 'cr\r\nlf.txt', blob('crlf\n')],
      ['100644', 'dosé.txt', blob('dosé\n')],
      ['100644', longName, blob('long\n')],
      ['120000', 'abs', blob('/etc/passwd')],
      ['120000', 'up', blob('../../outside/b.xml')],
      ['120000', 'dangling', blob('missing/file')],
      ['120000', 'long-link', blob(longTarget)],
      ['040000', deepDir, tree([['040000', deepDir, inner]])],
    ]);
    const commit = git(repo, 'commit-tree', root, '-m', 'names');
    const tarPath = path.join(dir, 'git.tar');
    await exportCommit(repo, commit, 'source/', tarPath);

    const entries = await readTarEntries(tarPath);
    const stored = git(repo, 'ls-tree', '-r', '-t', '-z', '--name-only', commit).split('\0').filter((n) => n !== '');
    expect(entries.map((e) => e.path)).toEqual(['source', ...stored.map((n) => `source/${n}`)]);
    const byPath = new Map(entries.map((e) => [e.path.slice('source/'.length), e]));
    expect(byPath.get('abs')).toEqual({ path: 'source/abs', type: 'symlink', linkpath: '/etc/passwd' });
    expect(byPath.get('up')).toMatchObject({ type: 'symlink', linkpath: '../../outside/b.xml' });
    expect(byPath.get('dangling')).toMatchObject({ type: 'symlink', linkpath: 'missing/file' });
    expect(byPath.get('long-link')).toMatchObject({ type: 'symlink', linkpath: longTarget });
    expect(byPath.get(`${deepDir}/${deepDir}`)).toEqual({ path: `source/${deepDir}/${deepDir}`, type: 'directory' });
    const read = (name: string): [string, boolean | undefined] => {
      const e = byPath.get(name)!;
      return [bytesAt(e.source!, e.offset!, e.size!), e.executable];
    };
    expect(read('build.sh')).toEqual(['#!/bin/sh\n', true]);
    expect(read('cr\r\nlf.txt')).toEqual(['crlf\n', false]);
    expect(read('dosé.txt')).toEqual(['dosé\n', false]);
    expect(read(longName)).toEqual(['long\n', false]);
    expect(read(`${deepDir}/${deepDir}/f.txt`)).toEqual(['deep\n', false]);
  });
});
