/**
 * Builds the release archive: `source/` (the commit, by git archive), `evidence/` (the gate's
 * evidence, the test record, the reports and lists it read), the generated files at the root, and
 * MANIFEST.sha256 over all of them; then one reproducible .tar.gz (see tar-writer.ts). `source/` is
 * never extracted: its entries are read from git's tar and copied from it, so a committed symbolic
 * link stays a link with its target as committed (absolute, climbing out, dangling: data, never
 * followed), and names the file system could not hold side by side stay apart.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isUserError, UserError } from '../errors.js';
import { fileSystemFix, fileSystemReason } from '../system-faults.js';
import { pathInside } from '../workspace-path.js';
import { exportCommit, type Checkout } from './git-source.js';
import { compareByteOrder, MANIFEST_FILE, renderManifest } from './manifest.js';
import { readTarEntries } from './tar-reader.js';
import { listEntries, writeTarGz, type TarEntry } from './tar-writer.js';

export interface ArchiveContents {
  readonly checkout: Checkout;
  readonly workspace: string;
  readonly evidenceDir: string;
  /** Names of the files in `evidenceDir` to include; the ones that do not exist are skipped. */
  readonly evidenceFiles: readonly string[];
  /** Test reports read by the gate (absolute, or relative to the workspace). */
  readonly reports: readonly string[];
  /** Requirement and anomaly lists read by the gate (absolute, or relative to the workspace). */
  readonly lists: readonly string[];
  /** Files written from text: path in the archive -> content, whole or in chunks (BUILD.md, build.json, evidence/tests.csv). */
  readonly generated: Readonly<Record<string, string | Iterable<string>>>;
  /** The time of every entry and of the gzip header. */
  readonly time: Date;
}

export interface BuiltArchive {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  /** Regular files listed in MANIFEST.sha256. */
  readonly files: number;
}

export const SOURCE_DIR = 'source';
export const EVIDENCE_DIR = 'evidence';

/**
 * Writes the archive to `target` (through a temporary name, so a failure leaves no partial archive
 * under the final name). `scratch` is a folder for the staging copy, removed afterwards.
 */
export async function buildArchive(contents: ArchiveContents, target: string, scratch: string): Promise<BuiltArchive> {
  try {
    return await writeArchive(contents, target, scratch);
  } catch (e) {
    if (isUserError(e)) throw new UserError(`${e.message}; no release archive was written (it would be ${target})`, e.file === undefined ? {} : { file: e.file });
    // Only a known failure of the file system is the runner's to fix; anything else is a bug.
    if (fileSystemReason(e) === undefined) throw e;
    throw new UserError(`the release archive ${target} could not be built: ${reason(e)}${fileSystemFix(e, path.dirname(target))}`);
  }
}

async function writeArchive(contents: ArchiveContents, target: string, scratch: string): Promise<BuiltArchive> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.mkdir(scratch, { recursive: true });
  const staging = await fs.mkdtemp(path.join(scratch, 'release-archive-'));
  const partial = `${target}.partial`;
  let files: number;
  try {
    files = await stage(contents, path.join(staging, 'root'), path.join(staging, 'source.tar'), partial);
    await fs.rename(partial, target);
  } catch (e) {
    await fs.rm(partial, { force: true });
    throw e;
  } finally {
    // Every step above is awaited to its end, so nothing writes in the staging folder any more. The
    // runner empties RUNNER_TEMP after the job: a folder left behind must not hide the outcome.
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
  const stat = await fs.stat(target);
  return { path: target, sha256: await sha256File(target), size: stat.size, files };
}

/** Lays the archive out in `root` and `sourceTar`, writes it to `file`; returns the number of files in the manifest. */
async function stage(contents: ArchiveContents, root: string, sourceTar: string, file: string): Promise<number> {
  await fs.mkdir(root);
  const source = await readSource(contents.checkout, sourceTar);
  await stageEvidence(contents, root);
  for (const [name, text] of Object.entries(contents.generated)) await writeText(root, name, text);

  const files = [...source, ...(await listEntries(root, () => false))].filter((e) => e.type === 'file');
  const hashed = [];
  for (const e of files) hashed.push({ path: e.path, sha256: await sha256File(e.source!, e.offset === undefined ? undefined : { offset: e.offset, size: e.size ?? 0 }) });
  await writeText(root, MANIFEST_FILE, renderManifest(hashed));

  const entries = [...source, ...(await listEntries(root, () => false))].sort((a, b) => compareByteOrder(a.path, b.path));
  await writeTarGz(entries, file, contents.time);
  return files.length;
}

/**
 * `git archive` of the commit, every path under `source/`, written to `tarFile` and read as entries
 * that point into it (see tar-reader.ts): files with git's executable bit, folders, and symbolic
 * links exactly as committed.
 */
async function readSource(checkout: Checkout, tarFile: string): Promise<TarEntry[]> {
  await exportCommit(checkout.root, checkout.commit, `${SOURCE_DIR}/`, tarFile);
  let entries: TarEntry[];
  try {
    entries = await readTarEntries(tarFile);
  } catch (e) {
    // A name the archive cannot hold is the user's to fix; a tar git did not write right is a bug.
    if (!isUserError(e)) throw e;
    throw new UserError(`the tree of commit ${checkout.commit} could not be read from the output of git archive: ${e.message}`);
  }
  if (!entries.some((e) => e.path === SOURCE_DIR)) entries.push({ path: SOURCE_DIR, type: 'directory' });
  checkSourcePaths(entries, checkout.commit);
  return entries;
}

const KIND: Record<TarEntry['type'], string> = { file: 'a file', directory: 'a folder', symlink: 'a symbolic link' };

/**
 * Refuses what a crafted tree could make git archive write and no release archive should hold: a
 * path outside `source/`, an empty, `.` or `..` component, a path twice, or an entry below a file or
 * a symbolic link (extracting it would write through the link).
 */
function checkSourcePaths(entries: readonly TarEntry[], commit: string): void {
  const kinds = new Map<string, TarEntry['type']>();
  const committed = (p: string): string => JSON.stringify(p.slice(SOURCE_DIR.length + 1));
  for (const e of entries) {
    const parts = e.path.split('/');
    if (parts[0] !== SOURCE_DIR || parts.some((p) => p === '' || p === '.' || p === '..')) {
      throw new UserError(`commit ${commit} holds the path ${JSON.stringify(e.path)}, which the release archive cannot hold (it must be relative, without empty, "." or ".." parts)`);
    }
    const before = kinds.get(e.path);
    if (before !== undefined) {
      throw new UserError(`commit ${commit} holds ${committed(e.path)} twice, as ${KIND[before]} and as ${KIND[e.type]}; the release archive can hold a path once`);
    }
    kinds.set(e.path, e.type);
  }
  for (const e of entries) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const above = parts.slice(0, i).join('/');
      const kind = kinds.get(above);
      if (kind !== undefined && kind !== 'directory') {
        throw new UserError(
          `commit ${commit} holds ${committed(e.path)} below ${committed(above)}, which is ${KIND[kind]}; the release archive cannot hold both, since extracting it would write through ${KIND[kind]}`,
        );
      }
    }
  }
}

async function stageEvidence(c: ArchiveContents, root: string): Promise<void> {
  const copies = new Map<string, string>();
  for (const name of c.evidenceFiles) {
    const from = path.join(c.evidenceDir, name);
    const st = await fs.stat(from).catch(() => undefined);
    if (st?.isFile()) copies.set(`${EVIDENCE_DIR}/${toPosix(name)}`, from);
  }
  for (const [folder, files, what] of [
    ['reports', c.reports, 'test report'],
    ['inputs', c.lists, 'list'],
  ] as const) {
    const inside = files.map((f) => inWorkspace(f, c.workspace, what));
    archivedPaths(inside, folder).forEach((to, i) => copies.set(`${EVIDENCE_DIR}/${to}`, path.resolve(c.workspace, files[i]!)));
  }
  await fs.mkdir(path.join(root, EVIDENCE_DIR), { recursive: true });
  for (const [to, from] of copies) {
    const dest = path.join(root, ...to.split('/'));
    await fs.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fs.copyFile(from, dest);
    } catch (e) {
      if (fileSystemReason(e) === undefined) throw e;
      throw new UserError(`${from} could not be copied into the release archive: ${reason(e)}`);
    }
  }
}

/**
 * Where workspace files go under `evidence/`: in `folder`, at their workspace paths, less a first
 * folder of the same name, so that `reports/unit.xml` is `reports/unit.xml`, not `reports/reports/unit.xml`.
 * When that would give two files one place (`reports/a.xml` and `a.xml`), every path is kept whole.
 */
export function archivedPaths(files: readonly string[], folder: string): string[] {
  const prefix = `${folder}/`;
  const short = files.map((f) => `${prefix}${f.startsWith(prefix) ? f.slice(prefix.length) : f}`);
  return new Set(short).size === new Set(files).size ? short : files.map((f) => `${prefix}${f}`);
}

/** The path of a workspace file relative to the workspace, `/`-separated. */
function inWorkspace(file: string, workspace: string, what: string): string {
  const rel = pathInside(workspace, file);
  if (rel === undefined || rel === '') {
    throw new UserError(`the ${what} ${file} lies outside the workspace ${workspace}; the release archive holds only files of the workspace`);
  }
  return rel;
}

async function writeText(root: string, file: string, text: string | Iterable<string>): Promise<void> {
  const dest = path.join(root, ...file.split('/'));
  await fs.mkdir(path.dirname(dest), { recursive: true });
  if (typeof text === 'string') await fs.writeFile(dest, text);
  else await pipeline(Readable.from(text), createWriteStream(dest));
}

/** The SHA-256 of a file, or of `range.size` bytes of it from `range.offset` on. */
export async function sha256File(file: string, range?: { readonly offset: number; readonly size: number }): Promise<string> {
  const hash = createHash('sha256');
  if (range === undefined) await pipeline(createReadStream(file), hash);
  else if (range.size > 0) await pipeline(createReadStream(file, { start: range.offset, end: range.offset + range.size - 1 }), hash);
  return hash.digest('hex');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A known file-system failure in words: Node's message, which names the path, or the full disk. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const message = e instanceof Error ? e.message : String(e);
  return code === 'ENOSPC' ? 'no space left on the device' : message;
}
