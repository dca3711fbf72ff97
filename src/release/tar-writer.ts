/**
 * A reproducible .tar.gz of a folder: entries in byte order of their paths, owner and group 0 with
 * empty names, modes normalised (0644 files, 0755 executables and folders, 0777 symbolic links), one
 * time for every entry and for the gzip header, no atime, ctime, device or inode numbers. The headers
 * are node-tar's (ustar, with a pax header for long or non-ASCII paths); the bytes depend only on the
 * entries given, never on the umask, the owner or the file times on disk.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { UserError } from '../errors.js';
import { compareByteOrder } from './manifest.js';

export interface TarEntry {
  /** Path inside the archive, `/`-separated, no trailing slash. */
  readonly path: string;
  readonly type: 'file' | 'directory' | 'symlink';
  /** Where a file's bytes are read from. */
  readonly source?: string;
  /** Where in `source` a file's `size` bytes start (another tar, say); when not given, `source` is the whole file. */
  readonly offset?: number;
  /** Size of a file in bytes. */
  readonly size?: number;
  /** Target of a symbolic link, as stored. */
  readonly linkpath?: string;
  /** For files: stored as 0755 rather than 0644. */
  readonly executable?: boolean;
}

const BLOCK = 512;
/** Operating system byte of the gzip header: Unix, whichever system wrote it. */
const GZIP_OS_UNIX = 3;

/** Lists a folder as tar entries (every folder, file and symbolic link below it), in archive order. */
export async function listEntries(root: string, isExecutable: (relative: string) => boolean): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    for (const name of await fs.readdir(dir)) {
      const abs = path.join(dir, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = await fs.lstat(abs);
      if (st.isDirectory()) {
        out.push({ path: r, type: 'directory' });
        await walk(abs, r);
      } else if (st.isSymbolicLink()) {
        out.push({ path: r, type: 'symlink', linkpath: await fs.readlink(abs) });
      } else if (st.isFile()) {
        out.push({ path: r, type: 'file', source: abs, size: st.size, executable: isExecutable(r) });
      } else {
        throw new Error(`${r} is neither a file, a folder nor a symbolic link`);
      }
    }
  }
  await walk(root, '');
  return out.sort((a, b) => compareByteOrder(a.path, b.path));
}

/** Writes the entries, in the order given, as a gzip-compressed tar to `file`. */
export async function writeTarGz(entries: readonly TarEntry[], file: string, mtime: Date): Promise<void> {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const time = new Date(seconds * 1000);
  await pipeline(blocks(entries, time), createGzip({ level: 9 }), createWriteStream(file));
  // zlib leaves the gzip header's time at 0 and its OS byte to the platform: set both.
  const handle = await fs.open(file, 'r+');
  try {
    const header = Buffer.alloc(6);
    header.writeUInt32LE(seconds, 0);
    const current = Buffer.alloc(6);
    await handle.read(current, 0, 6, 4);
    header[4] = current[4]!; // XFL, as zlib set it for the level
    header[5] = GZIP_OS_UNIX;
    await handle.write(header, 0, 6, 4);
  } finally {
    await handle.close();
  }
}

async function* blocks(entries: readonly TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  for (const e of entries) {
    const size = e.type === 'file' ? (e.size ?? 0) : 0;
    const name = e.type === 'directory' ? `${e.path}/` : e.path;
    const header = new Header({
      path: name,
      mode: e.type === 'directory' ? 0o755 : e.type === 'symlink' ? 0o777 : e.executable ? 0o755 : 0o644,
      uid: 0,
      gid: 0,
      size,
      mtime,
      type: e.type === 'directory' ? 'Directory' : e.type === 'symlink' ? 'SymbolicLink' : 'File',
      ...(e.type === 'symlink' ? { linkpath: e.linkpath ?? '' } : {}),
      uname: '',
      gname: '',
    });
    if (header.encode()) {
      yield new Pax({ path: name, ...(e.type === 'symlink' ? { linkpath: e.linkpath ?? '' } : {}), mtime, uid: 0, gid: 0 }).encode();
    }
    yield header.block!;
    if (e.type !== 'file' || size === 0) continue;
    let read = 0;
    const range = e.offset === undefined ? {} : { start: e.offset, end: e.offset + size - 1 };
    for await (const chunk of createReadStream(e.source!, range)) {
      const b = chunk as Buffer;
      read += b.length;
      if (read > size) break;
      yield b;
    }
    if (read !== size) {
      throw new UserError(`${e.path} changed while it was archived (${size} bytes expected, ${read} read): something else on the runner wrote to the gate's temporary files; run the job again`);
    }
    if (size % BLOCK !== 0) yield Buffer.alloc(BLOCK - (size % BLOCK));
  }
  yield Buffer.alloc(2 * BLOCK);
}
