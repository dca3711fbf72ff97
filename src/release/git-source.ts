/**
 * The source of the release: the committed tree of one commit, exported by `git archive` (never the
 * working tree, so uncommitted changes and untracked files stay out, and `.gitattributes`
 * `export-ignore` is respected).
 */
import { getExecOutput } from '@actions/exec';
import { UserError } from '../errors.js';
import { fileSystemReason } from '../system-faults.js';

export interface Checkout {
  /** Top folder of the repository the workspace belongs to. */
  readonly root: string;
  /** The commit checked out (HEAD), 40 or 64 hex digits. */
  readonly commit: string;
  /** The commit's committer time (whole seconds). */
  readonly committed: Date;
}

/** The repository of the workspace and its HEAD commit: what was checked out, built and tested. */
export async function findCheckout(workspace: string): Promise<Checkout> {
  // One process for both: the top folder, then the commit, each on its own line.
  const r = await git(workspace, ['rev-parse', '--show-toplevel', '--verify', 'HEAD^{commit}']);
  const out = r.stdout.replace(/\n$/, '');
  const cut = out.lastIndexOf('\n');
  if (r.exitCode !== 0 || cut === -1) {
    throw new UserError(
      `the workspace ${workspace} is not a Git checkout with a commit, so the source of the release cannot be archived (${firstLine(r.stderr)}); check the repository out with actions/checkout before this step${dubious(r.stderr)}`,
    );
  }
  const root = out.slice(0, cut).trim();
  const commit = out.slice(cut + 1).trim().toLowerCase();
  const time = await git(root, ['show', '-s', '--format=%ct', commit]);
  const seconds = Number(time.stdout.trim());
  if (time.exitCode !== 0 || !/^[0-9]+$/.test(time.stdout.trim())) {
    throw new UserError(`git could not give the committer time of commit ${commit} in ${root} (${firstLine(time.stderr)}); set SOURCE_DATE_EPOCH to the time the archive should carry`);
  }
  return { root, commit, committed: new Date(seconds * 1000) };
}

/**
 * Writes the tree of `commit` as an uncompressed tar to `tarFile`, every path under `prefix`.
 * `tar.umask` is fixed so that the modes do not depend on the user's Git configuration.
 */
export async function exportCommit(root: string, commit: string, prefix: string, tarFile: string): Promise<void> {
  const r = await git(root, ['-c', 'tar.umask=0022', 'archive', '--format=tar', `--prefix=${prefix}`, `--output=${tarFile}`, commit]);
  if (r.exitCode !== 0) {
    throw new UserError(`git archive could not export commit ${commit} from ${root}: ${firstLine(r.stderr)}${dubious(r.stderr)}`);
  }
}

/** Runs git with an argument array; never prompts, never takes optional locks (so the index is not rewritten), messages in English. */
export async function git(cwd: string, args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  try {
    return await getExecOutput('git', args, {
      cwd,
      silent: true,
      ignoreReturnCode: true,
      env: { ...stringEnv(process.env), GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (e) {
    if (!cannotStart(e)) throw e;
    throw new UserError(`git could not be run in ${cwd} (${(e as Error).message}); the release archive needs git on the runner's PATH`);
  }
}

/**
 * Whether git could not be started, as @actions/exec reports it: not found on PATH or not executable
 * (@actions/io's `which`), the folder to run in gone, or the system refusing to start it. Anything else is a bug.
 */
function cannotStart(e: unknown): boolean {
  if (fileSystemReason(e) !== undefined) return true;
  return e instanceof Error && (/^Unable to locate executable file: /.test(e.message) || /^The cwd: .* does not exist!$/s.test(e.message));
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

export function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] || 'no message';
}

export function dubious(stderr: string): string {
  return /dubious ownership|safe\.directory/.test(stderr) ? ' (in a container, run `git config --global --add safe.directory "$GITHUB_WORKSPACE"` first)' : '';
}
