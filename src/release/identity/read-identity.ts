/**
 * Reads what the release-identity checks decide from: the checked-out commit, its tags, the tracked
 * files that differ from it, which input lists and reports git tracks, and when the checkout was
 * written. Uses only what the clone holds (nothing is fetched), and never rewrites the index.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import type { FileFact, IdentityFacts, TreeChange, VersionFileFact } from '../../model/index.js';
import { pathInside } from '../../workspace-path.js';
import { dubious, firstLine, git } from '../git-source.js';
import { readStatedVersion } from './version-file.js';

/** Files stat'ed at once when finding the newest checked-out file. */
const STAT_CONCURRENCY = 32;
/** Largest version file read. */
const MAX_VERSION_FILE_BYTES = 4 * 1024 * 1024;

export interface IdentityInputs {
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
  /** Input lists (requirements, anomalies), absolute or relative to the workspace. */
  readonly lists: readonly string[];
  /** The reports the gate reads, absolute or relative to the workspace. */
  readonly reports: readonly string[];
  readonly versionFile?: string;
  readonly versionInput?: string;
}

/** The facts, or why the workspace is not a checkout at all. */
export type IdentityReading = { readonly facts: IdentityFacts } | { readonly notCheckout: string };

export async function readIdentity(inputs: IdentityInputs): Promise<IdentityReading> {
  const { workspace, env } = inputs;
  const top = await git(workspace, ['rev-parse', '--show-toplevel', '--verify', 'HEAD^{commit}']);
  const out = top.stdout.replace(/\n$/, '');
  const cut = out.lastIndexOf('\n');
  if (top.exitCode !== 0 || cut === -1) {
    return { notCheckout: `${firstLine(top.stderr)}${dubious(top.stderr)}` };
  }
  const root = out.slice(0, cut).trim();
  const head = out.slice(cut + 1).trim().toLowerCase();
  const shallow = (await must(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const tagsAtHead = (await must(root, ['tag', '--points-at', 'HEAD'])).split('\n').map((t) => t.trim()).filter((t) => t !== '');
  const ref = env['GITHUB_REF'] ?? '';
  let refTag: IdentityFacts['refTag'];
  if (ref.startsWith('refs/tags/')) {
    const name = ref.slice('refs/tags/'.length);
    const r = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    refTag = r.exitCode === 0 ? { name, commit: r.stdout.trim().toLowerCase() } : { name };
  }
  const changes = parseStatus(await must(root, ['status', '--porcelain=v1', '-z', '--untracked-files=no', '--ignore-submodules=none']));
  const tracked = new Set((await must(root, ['ls-files', '-z'])).split('\0').filter((p) => p !== ''));
  const fact = async (file: string): Promise<FileFact> => {
    const absolute = path.resolve(workspace, file);
    const real = await fs.realpath(absolute).catch(() => absolute);
    const repoPath = pathInside(root, real);
    const mtimeMs = await fs.stat(absolute).then((s) => s.mtimeMs, () => undefined);
    return {
      file: absolute,
      shown: pathInside(workspace, absolute) ?? absolute,
      tracked: repoPath !== undefined && tracked.has(repoPath),
      ...(repoPath === undefined ? {} : { repoPath }),
      ...(mtimeMs === undefined ? {} : { mtimeMs }),
    };
  };
  const listFiles = [...inputs.lists, ...(inputs.versionFile === undefined ? [] : [inputs.versionFile])];
  const lists = await Promise.all(listFiles.map(fact));
  const reports: FileFact[] = [];
  for (const r of inputs.reports) reports.push(await fact(r));
  const versionFile = inputs.versionFile === undefined ? undefined : await readVersionFile(workspace, inputs.versionFile);
  return {
    facts: {
      head,
      shallow,
      tagsAtHead,
      ...(refTag === undefined ? {} : { refTag }),
      ...(env['GITHUB_SHA'] ? { eventCommit: env['GITHUB_SHA'] } : {}),
      ...(env['GITHUB_EVENT_NAME'] ? { eventName: env['GITHUB_EVENT_NAME'] } : {}),
      changes,
      inputs: lists,
      reports,
      checkout: await newestCheckedOut(root, [...tracked]),
      ...(versionFile === undefined ? {} : { versionFile }),
      ...(inputs.versionInput === undefined ? {} : { versionInput: inputs.versionInput }),
    },
  };
}

/** The entries of `git status --porcelain=v1 -z`: `XY path`, a rename followed by its old path. */
export function parseStatus(out: string): TreeChange[] {
  const fields = out.split('\0');
  const changes: TreeChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    const index = f[0]!;
    const worktree = f[1]!;
    changes.push({ path: f.slice(3), index, worktree });
    if (index === 'R' || index === 'C') i++;
  }
  return changes;
}

/**
 * When the checkout was written: the newest modification time among the tracked files (git writes
 * every file it checks out, and keeps no times of its own). A report older than it was there before
 * this checkout. Symbolic links count by their own time; files missing from the tree are skipped.
 */
async function newestCheckedOut(root: string, files: readonly string[]): Promise<{ mtimeMs: number; newest: string } | undefined> {
  let best: { mtimeMs: number; newest: string } | undefined;
  for (let i = 0; i < files.length; i += STAT_CONCURRENCY) {
    const batch = files.slice(i, i + STAT_CONCURRENCY);
    const times = await Promise.all(batch.map((f) => fs.lstat(path.join(root, f)).then((s) => s.mtimeMs, () => undefined)));
    times.forEach((t, k) => {
      if (t !== undefined && (best === undefined || t > best.mtimeMs)) best = { mtimeMs: t, newest: batch[k]! };
    });
  }
  return best;
}

async function readVersionFile(workspace: string, file: string): Promise<VersionFileFact> {
  const absolute = path.resolve(workspace, file);
  const shown = pathInside(workspace, absolute) ?? absolute;
  let text: string;
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return { file: absolute, shown, problem: 'is not a file; give the path of the file that states the version (input version-file)' };
    if (stat.size > MAX_VERSION_FILE_BYTES) return { file: absolute, shown, problem: `is ${stat.size} bytes, more than a version file can be (${MAX_VERSION_FILE_BYTES})` };
    text = await fs.readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { file: absolute, shown, problem: code === 'ENOENT' ? 'does not exist; check the input version-file (a path relative to the workspace)' : `cannot be read (${code ?? (e as Error).message})` };
  }
  return { file: absolute, shown, ...readStatedVersion(absolute, text) };
}

async function must(cwd: string, args: string[]): Promise<string> {
  const r = await git(cwd, args);
  if (r.exitCode !== 0) throw new UserError(`git ${args[0]} failed in ${cwd}, so the release cannot be checked: ${firstLine(r.stderr)}${dubious(r.stderr)}`);
  return r.stdout;
}
