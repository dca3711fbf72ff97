/**
 * Reads the entries of an uncompressed tar (the one `git archive` writes) without extracting it:
 * folders, files (as the place of their bytes in the tar) and symbolic links with their targets
 * exactly as stored, absolute, climbing out with `..` or dangling alike. Nothing is written to disk,
 * so no link is ever followed, resolved or rewritten. Understands ustar headers and pax extended
 * headers (`path`, `linkpath`, `size`); pax global headers (git's commit comment) are skipped. Any
 * other entry type or a damaged header is an error (a bug: git writes neither), a name that is not
 * UTF-8 a UserError.
 *
 * node-tar's parser (tar 7) is not used here: it drops pax records whose value holds a line break
 * (keeping git's placeholder name or link target instead), skips malformed pax records and replaces
 * bytes that are no UTF-8, all without a warning, even when strict. It also reads every byte of the tar.
 */
import fs from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { TarEntry } from './tar-writer.js';

const BLOCK = 512;
/** Upper bound of a pax extended header's size: git writes a few hundred bytes. */
const MAX_PAX = 1024 * 1024;
/** Refuses bytes that are no UTF-8 rather than replacing them; keeps a leading byte order mark. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The entries of `file` in the order stored, paths without a trailing slash. Files point into
 * `file` (`source`, `offset`, `size`) and are executable when any execute bit of their mode is set.
 */
export async function readTarEntries(file: string): Promise<TarEntry[]> {
  const handle = await fs.open(file, 'r');
  try {
    const total = (await handle.stat()).size;
    const out: TarEntry[] = [];
    const block = Buffer.alloc(BLOCK);
    let pos = 0;
    let pax: Map<string, Buffer> | undefined;
    for (;;) {
      if (pos + BLOCK > total) throw new Error(`the tar ends at byte ${total} without its end marker`);
      await readExactly(handle, block, pos);
      if (block.every((b) => b === 0)) break;
      const h = parseHeader(block, pos);
      const extension = h.type === 'x' || h.type === 'g';
      const sizeText = extension ? undefined : pax?.get('size');
      const size = sizeText === undefined ? h.size : decimal(sizeText, pos);
      const data = pos + BLOCK;
      if (data + size > total) throw new Error(`the entry at byte ${pos} runs past the end of the tar`);
      const next = data + Math.ceil(size / BLOCK) * BLOCK;

      if (h.type === 'x') {
        if (pax !== undefined) throw new Error(`two pax extended headers in a row at byte ${pos}`);
        if (size > MAX_PAX) throw new Error(`the pax extended header at byte ${pos} is ${size} bytes long`);
        const body = Buffer.alloc(size);
        await readExactly(handle, body, data);
        pax = parsePax(body, pos);
      } else if (extension) {
        // A global header (git: the commit's ID as a comment) sets nothing this reader uses.
      } else {
        const stored = text(pax?.get('path') ?? h.path, pos);
        const name = h.type === '5' ? stored.replace(/\/+$/, '') : stored;
        const linkpath = text(pax?.get('linkpath') ?? h.linkpath, pos);
        pax = undefined;
        if (h.type === '0' || h.type === '\0') {
          out.push({ path: name, type: 'file', source: file, offset: data, size, executable: (h.mode & 0o111) !== 0 });
        } else if (h.type === '5') {
          out.push({ path: name, type: 'directory' });
        } else if (h.type === '2') {
          out.push({ path: name, type: 'symlink', linkpath });
        } else {
          throw new Error(`${name} is an entry of tar type '${printable(h.type)}', neither a file, a folder nor a symbolic link`);
        }
      }
      pos = next;
    }
    if (pax !== undefined) throw new Error('the tar ends with a pax extended header that describes no entry');
    return out;
  } finally {
    await handle.close();
  }
}

async function readExactly(handle: fs.FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error(`the tar ends at byte ${position + done}, in the middle of an entry`);
    done += bytesRead;
  }
}

interface RawHeader {
  readonly path: Buffer;
  readonly linkpath: Buffer;
  readonly type: string;
  readonly mode: number;
  readonly size: number;
}

function parseHeader(block: Buffer, pos: number): RawHeader {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  if (number(block, 148, 8, pos) !== sum) throw new Error(`the header at byte ${pos} has a wrong checksum; this is no intact tar`);
  const name = field(block, 0, 100);
  const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? field(block, 345, 155) : Buffer.alloc(0);
  return {
    path: prefix.length > 0 ? Buffer.concat([prefix, Buffer.from('/'), name]) : name,
    linkpath: field(block, 157, 100),
    type: String.fromCharCode(block[156]!),
    mode: number(block, 100, 8, pos),
    size: number(block, 124, 12, pos),
  };
}

/** The bytes of a NUL-terminated (or full-width) header field. */
function field(block: Buffer, off: number, len: number): Buffer {
  const f = block.subarray(off, off + len);
  const end = f.indexOf(0);
  return end < 0 ? f : f.subarray(0, end);
}

/** A numeric header field: octal digits (padded with spaces or NULs), or base-256 when its top bit is set. */
function number(block: Buffer, off: number, len: number, pos: number): number {
  const f = block.subarray(off, off + len);
  if ((f[0]! & 0x80) !== 0) {
    if ((f[0]! & 0x40) !== 0) throw new Error(`a negative number in the header at byte ${pos}`);
    let n = f[0]! & 0x7f;
    for (let i = 1; i < f.length; i++) n = n * 256 + f[i]!;
    if (!Number.isSafeInteger(n)) throw new Error(`a number too large in the header at byte ${pos}`);
    return n;
  }
  const digits = f.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(digits)) throw new Error(`the header at byte ${pos} holds "${printable(digits)}" where a number belongs; this is no intact tar`);
  return parseInt(digits, 8);
}

function decimal(value: Buffer, pos: number): number {
  const s = value.toString('latin1');
  if (!/^[0-9]+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new Error(`the pax extended header before byte ${pos} holds the size "${printable(s)}"`);
  return Number(s);
}

/** pax records `<length> <key>=<value>\n`; values are bytes and may hold any byte, line breaks too. */
function parsePax(body: Buffer, pos: number): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const lengthText = space < 0 ? '' : body.toString('latin1', at, space);
    const length = /^[0-9]{1,7}$/.test(lengthText) ? Number(lengthText) : NaN;
    const end = at + length;
    if (!(end > space + 1 && end <= body.length && body[end - 1] === 0x0a)) throw new Error(`the pax extended header at byte ${pos} is malformed`);
    const record = body.subarray(space + 1, end - 1);
    const eq = record.indexOf(0x3d);
    if (eq <= 0) throw new Error(`the pax extended header at byte ${pos} is malformed`);
    out.set(record.toString('latin1', 0, eq), record.subarray(eq + 1));
    at = end;
  }
  return out;
}

function text(bytes: Buffer, pos: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UserError(`the entry at byte ${pos} has a name or link target that is not UTF-8 ("${printable(bytes.toString('latin1'))}"); the release archive stores names as UTF-8, so rename it`);
  }
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
