/**
 * Builds the release archive on disk: `source/` (the commit, by git archive), `evidence/` (the gate's
 * evidence, the test record, the reports and lists it read), the generated files at the root, and
 * MANIFEST.sha256 over all of them; then one reproducible .tar.gz (see tar-writer.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { x as extract, type ReadEntry } from 'tar';
import { UserError } from '../errors.js';
import { exportCommit, type Checkout } from './git-source.js';
import { MANIFEST_FILE, renderManifest } from './manifest.js';
import { listEntries, writeTarGz } from './tar-writer.js';

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
    if (e instanceof UserError) throw new UserError(`${e.message}; no release archive was written (it would be ${target})`, e.file === undefined ? {} : { file: e.file });
    throw new UserError(`the release archive ${target} could not be built: ${reason(e)}`);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  const stat = await fs.stat(target);
  return { path: target, sha256: await sha256File(target), size: stat.size, files };
}

/** Lays the archive out in `root`, writes it to `file`; returns the number of files in the manifest. */
async function stage(contents: ArchiveContents, root: string, sourceTar: string, file: string): Promise<number> {
  await fs.mkdir(root);
  const executables = await stageSource(contents.checkout, root, sourceTar);
  await stageEvidence(contents, root);
  for (const [name, text] of Object.entries(contents.generated)) await writeText(root, name, text);

  const files = (await listEntries(root, () => false)).filter((e) => e.type === 'file');
  const hashed = [];
  for (const e of files) hashed.push({ path: e.path, sha256: await sha256File(e.source!) });
  await writeText(root, MANIFEST_FILE, renderManifest(hashed));

  await writeTarGz(await listEntries(root, (rel) => executables.has(rel)), file, contents.time);
  return files.length;
}

/** Extracts `git archive` of the commit into `root/source`; returns the paths git marks executable. */
async function stageSource(checkout: Checkout, root: string, tarFile: string): Promise<Set<string>> {
  await exportCommit(checkout.root, checkout.commit, `${SOURCE_DIR}/`, tarFile);
  const executables = new Set<string>();
  await fs.mkdir(path.join(root, SOURCE_DIR));
  await extract({
    file: tarFile,
    cwd: root,
    preserveOwner: false,
    strict: true,
    filter: (p: string, entry: unknown) => {
      const e = entry as ReadEntry;
      if (e.type === 'File' && typeof e.mode === 'number' && (e.mode & 0o111) !== 0) executables.add(p.replace(/^\.\//, ''));
      return true;
    },
  });
  return executables;
}

async function stageEvidence(c: ArchiveContents, root: string): Promise<void> {
  const copies = new Map<string, string>();
  for (const name of c.evidenceFiles) {
    const from = path.join(c.evidenceDir, name);
    const st = await fs.stat(from).catch(() => undefined);
    if (st?.isFile()) copies.set(`${EVIDENCE_DIR}/${toPosix(name)}`, from);
  }
  for (const report of c.reports) copies.set(`${EVIDENCE_DIR}/reports/${inWorkspace(report, c.workspace, 'test report')}`, path.resolve(c.workspace, report));
  for (const list of c.lists) copies.set(`${EVIDENCE_DIR}/inputs/${inWorkspace(list, c.workspace, 'list')}`, path.resolve(c.workspace, list));
  await fs.mkdir(path.join(root, EVIDENCE_DIR), { recursive: true });
  for (const [to, from] of copies) {
    const dest = path.join(root, ...to.split('/'));
    await fs.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fs.copyFile(from, dest);
    } catch (e) {
      throw new UserError(`${from} could not be copied into the release archive: ${reason(e)}`);
    }
  }
}

/** The path of a workspace file relative to the workspace, `/`-separated. */
function inWorkspace(file: string, workspace: string, what: string): string {
  const rel = path.relative(workspace, path.resolve(workspace, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UserError(`the ${what} ${file} lies outside the workspace ${workspace}; the release archive holds only files of the workspace`);
  }
  return toPosix(rel);
}

async function writeText(root: string, file: string, text: string | Iterable<string>): Promise<void> {
  const dest = path.join(root, ...file.split('/'));
  await fs.mkdir(path.dirname(dest), { recursive: true });
  if (typeof text === 'string') await fs.writeFile(dest, text);
  else await pipeline(Readable.from(text), createWriteStream(dest));
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const message = e instanceof Error ? e.message : String(e);
  return code === 'ENOSPC' ? 'no space left on the device' : message;
}
