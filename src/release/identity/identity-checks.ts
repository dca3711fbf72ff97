/**
 * The release-identity checks (tag, commit, clean tree, fresh reports, version file) as pure decisions
 * over the facts git and the file system gave: which findings, and their messages. Nothing here reads
 * git or files, so every branch is tested with plain data.
 */
import type { Finding, IdentityFacts, ReasonCode, TreeChange } from '../../model/index.js';
import { compareVersionTags, isVersionTag, tagVersion, type TagScheme } from '../version-tag.js';

/** What the checks decided: every finding, and the version tag of the release when there is one. */
export interface IdentityVerdict {
  readonly findings: readonly Finding[];
  readonly tag?: string;
}

/** Files named in one message at most; the rest are counted. */
export const FILES_IN_MESSAGE = 10;

const FETCH_TAGS = 'actions/checkout fetches no tags in its default shallow clone of a branch: give it `fetch-tags: true` (or `fetch-depth: 0`)';

export function checkIdentity(facts: IdentityFacts, scheme: TagScheme, blocking: boolean): IdentityVerdict {
  const findings: Finding[] = [];
  const add = (code: ReasonCode, message: string, file?: string, line?: number): void => {
    findings.push({ code, message, blocking, ...(file === undefined ? {} : { file }), ...(file === undefined || line === undefined ? {} : { line }) });
  };
  const tag = checkTag(facts, scheme, add);
  checkCommit(facts, add);
  checkTree(facts, add);
  checkReports(facts, add);
  checkVersion(facts, tag, add);
  return { findings, ...(tag === undefined ? {} : { tag }) };
}

type Add = (code: ReasonCode, message: string, file?: string, line?: number) => void;

/** The version tag on HEAD: the ref's tag when the ref is one, else the highest version tag there. */
function checkTag(facts: IdentityFacts, scheme: TagScheme, add: Add): string | undefined {
  const head = short(facts.head);
  const shallowHint = facts.shallow ? ` The clone is shallow: ${FETCH_TAGS}.` : '';
  const { refTag } = facts;
  if (refTag !== undefined) {
    if (refTag.commit === undefined) {
      add('release-tag-mismatch', `the ref is the tag ${refTag.name}, but the checkout has no tag ${refTag.name}, so it cannot be shown to name commit ${head}; push the tag, or check it out with actions/checkout (\`fetch-tags: true\`).${shallowHint}`);
    } else if (refTag.commit !== facts.head) {
      add('release-tag-mismatch', `the ref is the tag ${refTag.name}, which names commit ${short(refTag.commit)}, but the checked-out commit is ${head}: the tag was moved, or another commit was checked out; release the commit the tag names (check out the ref without \`ref:\`), or tag this commit with a new version`);
    }
  }
  const versionTags = facts.tagsAtHead.filter((t) => isVersionTag(t, scheme)).sort(compareVersionTags);
  const wanted = scheme.kind === 'default' ? 'a version (v1.2.3, 1.2.3, v1.2 or v1.2.3-rc.1)' : `the input tag-pattern "${scheme.glob}"`;
  if (refTag?.commit === facts.head && isVersionTag(refTag.name, scheme)) return refTag.name;
  if (versionTags.length > 0) return versionTags[versionTags.length - 1];
  const others = facts.tagsAtHead.length === 0 ? 'no tag' : `only tags that do not name a version (${listed(facts.tagsAtHead)})`;
  add('release-untagged', `commit ${head} carries ${others}; a release is a commit tagged with ${wanted}: tag it (\`git tag v1.2.3 ${head} && git push origin v1.2.3\`) and run the release from that tag, or set tag-pattern to your scheme.${shallowHint}`);
  return undefined;
}

function checkCommit(facts: IdentityFacts, add: Add): void {
  const event = facts.eventCommit?.toLowerCase();
  if (event === undefined || event === '') {
    add('release-commit-mismatch', `GITHUB_SHA is not set, so the checked-out commit ${short(facts.head)} cannot be shown to be the commit the workflow ran for; run the gate in a GitHub Actions job`);
    return;
  }
  if (event === facts.head) return;
  const pr = facts.eventName?.startsWith('pull_request') ? ' (on pull_request that is the merge commit actions/checkout checks out by default)' : '';
  add('release-commit-mismatch', `the workflow ran for commit ${short(event)} (GITHUB_SHA)${pr}, but the checkout is at ${short(facts.head)}: a \`ref:\` of actions/checkout or a later step changed what is checked out; release the commit the workflow ran for, without \`ref:\``);
}

function checkTree(facts: IdentityFacts, add: Add): void {
  const tracked = new Map(facts.changes.map((c) => [c.path, c]));
  if (facts.changes.length > 0) {
    const shown = facts.changes.slice(0, FILES_IN_MESSAGE).map((c) => `${c.path} (${describeChange(c)})`);
    const more = facts.changes.length > FILES_IN_MESSAGE ? ` and ${facts.changes.length - FILES_IN_MESSAGE} more` : '';
    add('release-dirty-tree', `${facts.changes.length} tracked ${facts.changes.length === 1 ? 'file differs' : 'files differ'} from commit ${short(facts.head)}: ${shown.join(', ')}${more}; the archive holds the commit, so what was built and tested is not what is released: commit the change (and tag the new commit), or make the workflow leave tracked files alone (\`git status\` shows them)`);
  }
  for (const input of facts.inputs) {
    if (!input.tracked) {
      add('release-input-uncommitted', `${input.shown} is not committed, so the release cannot be traced to the list it was judged by; commit it and tag the new commit`, input.file);
      continue;
    }
    const change = input.repoPath === undefined ? undefined : tracked.get(input.repoPath);
    if (change !== undefined) {
      add('release-input-uncommitted', `${input.shown} is ${describeChange(change)} against commit ${short(facts.head)}, so the gate judged by a list that is not the one released; commit the change and tag the new commit, or restore it (\`git checkout -- ${input.shown}\`)`, input.file);
    }
  }
}

function checkReports(facts: IdentityFacts, add: Add): void {
  for (const report of facts.reports) {
    if (report.tracked) {
      add('report-not-fresh', `${report.shown} is committed to the repository, so it was not produced by this run from this commit; remove it from git (\`git rm --cached ${report.shown}\`, then ignore it) and let the workflow write it`, report.file);
    } else if (facts.checkout !== undefined && report.mtimeMs !== undefined && report.mtimeMs < facts.checkout.mtimeMs) {
      add(
        'report-not-fresh',
        `${report.shown} was written at ${iso(report.mtimeMs)}, before the checkout (${iso(facts.checkout.mtimeMs)}, when ${facts.checkout.newest} was checked out), so it is not from this run; run the tests after actions/checkout, or download this run's reports (actions/download-artifact), and leave no reports of earlier runs in the workspace`,
        report.file,
      );
    }
  }
}

function checkVersion(facts: IdentityFacts, tag: string | undefined, add: Add): void {
  const file = facts.versionFile;
  if (tag !== undefined && facts.versionInput !== undefined && facts.versionInput !== tag && facts.versionInput !== tagVersion(tag)) {
    add('version-mismatch', `the input version is "${facts.versionInput}", but the release is tagged ${tag}; leave version unset (the tag names the archive), or tag the commit with the version`);
  }
  if (file === undefined) return;
  if ('problem' in file) {
    add('version-mismatch', `${file.shown}${file.line === undefined ? '' : `:${file.line}`}: ${file.problem}`, file.file, file.line);
    return;
  }
  if (tag === undefined) return;
  const wanted = tagVersion(tag);
  if (file.version !== wanted) {
    add('version-mismatch', `${file.shown}${file.line === undefined ? '' : `:${file.line}`} states version ${file.version}, but the release is tagged ${tag} (version ${wanted}); set the version in ${file.shown} to ${wanted} and tag that commit, or tag the commit with v${file.version}`, file.file, file.line);
  }
}

/** What `git status` letters mean, in words. */
export function describeChange(c: TreeChange): string {
  const words: string[] = [];
  const staged: Record<string, string> = { M: 'staged change', A: 'staged as added', D: 'staged as deleted', R: 'staged as renamed', C: 'staged as copied', T: 'staged type change', U: 'unmerged' };
  const worktree: Record<string, string> = { M: 'modified', D: 'deleted', T: 'type changed', U: 'unmerged' };
  if (c.index !== ' ' && c.index !== '?') words.push(staged[c.index] ?? `status ${c.index}`);
  if (c.worktree !== ' ' && c.worktree !== '?' && !(c.index === 'U' && c.worktree === 'U')) words.push(worktree[c.worktree] ?? `status ${c.worktree}`);
  return words.join(', ') || 'changed';
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, FILES_IN_MESSAGE).join(', ');
  return items.length > FILES_IN_MESSAGE ? `${shown} and ${items.length - FILES_IN_MESSAGE} more` : shown;
}
