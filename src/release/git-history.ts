/**
 * What git says about the release for its record: HEAD and its version tag, the previous release (the
 * newest version tag merged into HEAD other than HEAD's own), the commits and controlled documents
 * changed since, and a file as it was at a tag. Nothing is fetched: a shallow clone is said to be one.
 */
import { execFile } from 'node:child_process';
import { UserError } from '../errors.js';
import type { CommitInfo, DocumentChange, PreviousRelease, ReleaseHistory } from '../model/index.js';
import { compareVersionTags, isVersionTag, type TagScheme } from './version-tag.js';

/** Commits the record lists by subject; more are counted. */
export const COMMITS_LISTED = 500;
/** Largest output read from one git command (a list file at a tag, a long history). */
const GIT_OUTPUT_BYTES = 64 * 1024 * 1024;

export interface HistoryOptions {
  readonly scheme: TagScheme;
  /** Input `previous-release`: the tag to compare with; undefined: the newest version tag before HEAD. */
  readonly previous?: string;
  /** Input `controlled-documents`: git pathspec globs relative to the workspace. */
  readonly documentGlobs: readonly string[];
}

/** The workspace is no Git checkout with a commit: there is no history to record. */
export class NotACheckout extends UserError {}

const SHALLOW_HELP = 'check the repository out with its whole history and tags (actions/checkout with `fetch-depth: 0`)';

/** The release's history as git has it; a `UserError` when git cannot tell (not a checkout, a shallow clone, an unknown tag). */
export async function readHistory(workspace: string, options: HistoryOptions): Promise<ReleaseHistory> {
  const head = await git(workspace, ['rev-parse', '--verify', 'HEAD^{commit}']);
  if (head.code !== 0) {
    throw new NotACheckout(`the workspace is not a Git checkout with a commit, so the release record cannot say what changed since the previous release (${firstLine(head.stderr)}); check the repository out with actions/checkout (\`fetch-depth: 0\`) before this step`);
  }
  const headCommit = head.stdout.trim();
  const atHead = lines((await gitOk(workspace, ['tag', '--points-at', 'HEAD'])).stdout);
  const headTags = atHead.filter((t) => isVersionTag(t, options.scheme)).sort(compareVersionTags);
  const previousTag = options.previous ?? (await newestPreviousTag(workspace, options.scheme, new Set(atHead)));
  const previous = previousTag === undefined ? undefined : await releaseAt(workspace, previousTag, headCommit, options.previous !== undefined);
  const range = previous === undefined ? ['HEAD'] : [`${previous.commit}..HEAD`];
  const log = await gitOk(workspace, ['log', '-z', '--format=%H%x00%s', ...range]);
  const fields = log.stdout.split('\0').filter((_, i, all) => i < all.length - 1 || all[i] !== '');
  const commits: CommitInfo[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) commits.push({ sha: fields[i]!.replace(/^\n/, ''), subject: fields[i + 1]! });
  const pathspecs = options.documentGlobs.map((g) => `:(glob)${g}`);
  const documents = previous === undefined ? await documentsAtHead(workspace, pathspecs) : await documentsSince(workspace, previous.commit, pathspecs);
  return {
    head: headCommit,
    ...(headTags.length > 0 ? { headTag: headTags[headTags.length - 1]! } : {}),
    ...(previous !== undefined ? { previous } : {}),
    commits: commits.slice(0, COMMITS_LISTED),
    moreCommits: Math.max(0, commits.length - COMMITS_LISTED),
    documents,
    documentGlobs: options.documentGlobs,
  };
}

/**
 * A file as it was at `commit` (`path` relative to the workspace), or undefined when it did not exist
 * there. Read from git, never from the working tree.
 */
export async function fileAtCommit(workspace: string, commit: string, path: string): Promise<string | undefined> {
  const shown = `./${path.replace(/^\.\//, '')}`;
  const r = await git(workspace, ['cat-file', '-e', `${commit}:${shown}`]);
  if (r.code !== 0) return undefined;
  return (await gitOk(workspace, ['show', `${commit}:${shown}`])).stdout;
}

/** Which of `files` (repository paths) changed between `from` and HEAD. */
export async function changedSince(workspace: string, from: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const top = (await gitOk(workspace, ['rev-parse', '--show-toplevel'])).stdout.trim();
  const out = (await gitOk(top, ['diff', '--name-only', '-z', '--no-renames', from, 'HEAD', '--', ...files.map((f) => `:(literal)${f}`)])).stdout;
  return new Set(out.split('\0').filter((f) => f !== ''));
}

/** The newest version tag merged into HEAD that does not point at HEAD; undefined for a first release, an error for a shallow clone. */
async function newestPreviousTag(workspace: string, scheme: TagScheme, atHead: ReadonlySet<string>): Promise<string | undefined> {
  const merged = lines((await gitOk(workspace, ['tag', '--merged', 'HEAD'])).stdout).filter((t) => !atHead.has(t) && isVersionTag(t, scheme));
  if (merged.length > 0) return merged.sort(compareVersionTags)[merged.length - 1];
  const shallow = (await gitOk(workspace, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  if (shallow) {
    throw new UserError(`the checkout is a shallow clone without the tags of earlier releases, so the previous release cannot be found and the release record cannot say what changed since it; ${SHALLOW_HELP}, or name the previous release with input "previous-release"`);
  }
  return undefined;
}

/** The previous release named by `tag`: it must exist and be an ancestor of HEAD. */
async function releaseAt(workspace: string, tag: string, head: string, named: boolean): Promise<PreviousRelease> {
  const what = named ? `input "previous-release" is "${tag}", but` : `the previous release ${tag}:`;
  const r = await git(workspace, ['rev-parse', '--verify', '--end-of-options', `refs/tags/${tag}^{commit}`]);
  if (r.code !== 0) {
    const shallow = (await gitOk(workspace, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    throw new UserError(`${what} no such tag is in the checkout${shallow ? ' (it is a shallow clone)' : ''}; ${named ? 'give the tag of the previous release, and ' : ''}${SHALLOW_HELP}`);
  }
  const commit = r.stdout.trim();
  if (commit === head) throw new UserError(`${what} that tag names HEAD itself; give the tag of the release before this one`);
  const ancestor = await git(workspace, ['merge-base', '--is-ancestor', commit, head]);
  if (ancestor.code !== 0) {
    throw new UserError(`${what} tag ${tag} (commit ${commit}) is not an ancestor of HEAD${ancestor.code === 1 ? '' : ` (${firstLine(ancestor.stderr)})`}; give a release this one was built on, and ${SHALLOW_HELP}`);
  }
  const date = (await gitOk(workspace, ['log', '-1', '--format=%cI', commit])).stdout.trim();
  return { tag, commit, date };
}

/** `git diff --name-status -M` between the previous release and HEAD, over the globs. */
async function documentsSince(workspace: string, from: string, pathspecs: readonly string[]): Promise<DocumentChange[]> {
  if (pathspecs.length === 0) return [];
  const out = (await gitOk(workspace, ['diff', '--name-status', '-M', '-z', '--no-ext-diff', from, 'HEAD', '--', ...pathspecs])).stdout.split('\0');
  const changes: DocumentChange[] = [];
  for (let i = 0; i < out.length && out[i] !== ''; ) {
    const status = out[i++]!;
    if (status.startsWith('R')) {
      const fromPath = out[i++]!;
      changes.push({ status: 'renamed', path: out[i++]!, from: fromPath });
    } else if (status.startsWith('C')) {
      i++;
      changes.push({ status: 'added', path: out[i++]! });
    } else {
      changes.push({ status: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified', path: out[i++]! });
    }
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A first release: every controlled document at HEAD is new. */
async function documentsAtHead(workspace: string, pathspecs: readonly string[]): Promise<DocumentChange[]> {
  if (pathspecs.length === 0) return [];
  // The empty tree of the repository's hash (SHA-1 or SHA-256), to diff the whole of HEAD against.
  const empty = (await gitOk(workspace, ['hash-object', '-t', 'tree', '--stdin'], '')).stdout.trim();
  return await documentsSince(workspace, empty, pathspecs);
}

interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A git command that must succeed; its failure is said with git's own words. */
async function gitOk(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  const r = await git(cwd, args, input);
  if (r.code !== 0) throw new UserError(`git ${args[0]} failed in ${cwd}: ${firstLine(r.stderr)}${dubious(r.stderr)}`);
  return r;
}

/** Runs git with `args` (an argument array, never a shell line); `input`, when given, is its standard input. */
function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      { cwd, encoding: 'utf8', maxBuffer: GIT_OUTPUT_BYTES, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ code: 0, stdout, stderr });
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') return resolve({ code, stdout, stderr });
        if (code === 'ENOENT') return reject(new NotACheckout(`git could not be run (not found on PATH), so the release record cannot say what changed since the previous release; the release record needs git on the runner`));
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new UserError(`git ${args[0]} in ${cwd} gave more than ${GIT_OUTPUT_BYTES / 1024 / 1024} MiB of output, more than the release record reads`));
        reject(new UserError(`git could not be run in ${cwd}: ${error.message}`));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] || 'no message';
}

function dubious(stderr: string): string {
  return /dubious ownership|safe\.directory/.test(stderr) ? ' (in a container, run `git config --global --add safe.directory "$GITHUB_WORKSPACE"` first)' : '';
}
