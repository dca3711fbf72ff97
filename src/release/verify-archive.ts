/**
 * Checks a release archive years after it was built, with nothing but the archive: every regular file
 * against MANIFEST.sha256. Lists what differs: files whose bytes changed, files the manifest lists that
 * are not in the archive (or are no longer regular files), files in the archive it does not list, and
 * every line of the manifest that does not parse. The archive is read without being extracted (see
 * tar-reader.ts): nothing is written but one temporary uncompressed copy, removed afterwards.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { UserError } from '../errors.js';
import { fileSystemReason } from '../system-faults.js';
import { sha256File } from './archive.js';
import { compareByteOrder, MANIFEST_FILE } from './manifest.js';
import { readTarEntries } from './tar-reader.js';
import type { TarEntry } from './tar-writer.js';

export interface ManifestProblem {
  /** 1-based line of MANIFEST.sha256. */
  readonly line: number;
  readonly message: string;
}

export interface Verification {
  /** Regular files the manifest lists and whose SHA-256 matches. */
  readonly matched: number;
  readonly changed: readonly { readonly path: string; readonly expected: string; readonly actual: string }[];
  /** Listed, but not in the archive, or there as something other than a regular file. */
  readonly missing: readonly { readonly path: string; readonly why: string }[];
  /** Regular files in the archive the manifest does not list. */
  readonly extra: readonly string[];
  /** Lines of the manifest that do not parse; the manifest itself when it is absent. */
  readonly manifestProblems: readonly ManifestProblem[];
  readonly ok: boolean;
}

/** Verifies `archive` (.tar.gz as the gate writes it, or a plain .tar). */
export async function verifyArchive(archive: string, scratch: string = os.tmpdir()): Promise<Verification> {
  const stat = await fs.stat(archive).catch((e: unknown) => {
    throw new UserError(`the archive ${archive} cannot be read: ${fileSystemReason(e) ?? String(e)}`, { file: archive });
  });
  if (!stat.isFile()) throw new UserError(`${archive} is not a file; give the path of a release archive (.tar.gz)`, { file: archive });
  const folder = await fs.mkdtemp(path.join(scratch, 'release-gate-verify-'));
  try {
    const tar = path.join(folder, 'archive.tar');
    await unpack(archive, tar);
    let entries: TarEntry[];
    try {
      entries = await readTarEntries(tar);
    } catch (e) {
      // A damaged archive is the auditor's finding, not a bug of the gate.
      throw new UserError(`${archive} is not a readable tar archive: ${e instanceof Error ? e.message : String(e)}`, { file: archive });
    }
    return await compare(entries);
  } finally {
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** gunzip when the file starts with the gzip magic bytes, else a plain tar copied as it is. */
async function unpack(archive: string, tar: string): Promise<void> {
  const head = Buffer.alloc(2);
  const handle = await fs.open(archive, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  try {
    if (gzip) await pipeline(createReadStream(archive), createGunzip(), createWriteStream(tar));
    else await fs.copyFile(archive, tar);
  } catch (e) {
    if (fileSystemReason(e) !== undefined) throw new UserError(`the archive ${archive} could not be unpacked to a temporary file: ${(e as Error).message}`);
    throw new UserError(`${archive} is not a readable gzip file: ${e instanceof Error ? e.message : String(e)}`, { file: archive });
  }
}

async function compare(entries: readonly TarEntry[]): Promise<Verification> {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const manifestEntry = byPath.get(MANIFEST_FILE);
  const manifestProblems: ManifestProblem[] = [];
  let listed = new Map<string, string>();
  if (manifestEntry === undefined || manifestEntry.type !== 'file') {
    manifestProblems.push({ line: 0, message: `the archive holds no ${MANIFEST_FILE} file at its root, so nothing in it can be verified` });
  } else {
    const text = await readEntry(manifestEntry);
    const parsed = parseManifest(text);
    listed = parsed.entries;
    manifestProblems.push(...parsed.problems);
  }
  const changed: { path: string; expected: string; actual: string }[] = [];
  const missing: { path: string; why: string }[] = [];
  let matched = 0;
  for (const [file, expected] of [...listed].sort(([a], [b]) => compareByteOrder(a, b))) {
    const entry = byPath.get(file);
    if (entry === undefined) missing.push({ path: file, why: 'not in the archive' });
    else if (entry.type !== 'file') missing.push({ path: file, why: `in the archive as a ${entry.type === 'symlink' ? 'symbolic link' : 'folder'}, not a file` });
    else {
      const actual = await sha256File(entry.source!, { offset: entry.offset ?? 0, size: entry.size ?? 0 });
      if (actual === expected) matched++;
      else changed.push({ path: file, expected, actual });
    }
  }
  const extra = entries
    .filter((e) => e.type === 'file' && e.path !== MANIFEST_FILE && !listed.has(e.path))
    .map((e) => e.path)
    .sort(compareByteOrder);
  const ok = manifestProblems.length === 0 && changed.length === 0 && missing.length === 0 && extra.length === 0 && matched > 0;
  return { matched, changed, missing, extra, manifestProblems, ok };
}

async function readEntry(entry: TarEntry): Promise<string> {
  const handle = await fs.open(entry.source!, 'r');
  try {
    const buffer = Buffer.alloc(entry.size ?? 0);
    await handle.read(buffer, 0, buffer.length, entry.offset ?? 0);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

const UNESCAPE: Readonly<Record<string, string>> = { '\\\\': '\\', '\\n': '\n', '\\r': '\r' };

/**
 * MANIFEST.sha256 as `sha256sum` writes it: `<64 hex>  <path>`, or, for a name holding a backslash or
 * a line break, a leading backslash and the name escaped. Any other line, a path listed twice, or a
 * path that is not relative is a problem with its line number: a manifest the reader half understands
 * could hide a changed file.
 */
export function parseManifest(text: string): { entries: Map<string, string>; problems: ManifestProblem[] } {
  const entries = new Map<string, string>();
  const problems: ManifestProblem[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else problems.push({ line: lines.length, message: 'the last line does not end with a line feed (the file may be cut short)' });
  if (lines.length === 0) problems.push({ line: 1, message: 'the manifest lists no file' });
  lines.forEach((raw, i) => {
    const line = i + 1;
    const m = /^(\\?)([0-9a-f]{64}) [ *](.+)$/.exec(raw);
    if (m === null) {
      problems.push({ line, message: `not a line of sha256sum ("<64 lower-case hex digits>  <path>"): ${JSON.stringify(raw.slice(0, 120))}` });
      return;
    }
    let file = m[3]!;
    if (m[1] === '\\') {
      if (/\\/.test(file.replace(/\\[\\nr]/g, ''))) {
        problems.push({ line, message: `an escaped name holds an unknown escape: ${JSON.stringify(file)}` });
        return;
      }
      file = file.replace(/\\[\\nr]/g, (c) => UNESCAPE[c]!);
    }
    if (file.startsWith('/') || file.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      problems.push({ line, message: `not a relative path inside the archive: ${JSON.stringify(file)}` });
      return;
    }
    if (entries.has(file)) {
      problems.push({ line, message: `${JSON.stringify(file)} is listed twice` });
      return;
    }
    entries.set(file, m[2]!);
  });
  return { entries, problems };
}
