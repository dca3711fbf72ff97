/** What the release checks read from real Git repositories built here: tags (annotated too), status, tracked files, times. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatus, readIdentity } from '../../../src/release/identity/read-identity.js';
import { commitAll, git } from '../../support/git-repo.js';
import { makeWorkspace } from '../../support/workspace.js';

function repo(): { ws: string; head: string } {
  const ws = makeWorkspace({ 'requirements.md': '| ID |\n| --- |\n| SRS-1 |\n', 'src/a.c': 'a\n', 'src/b.c': 'b\n', 'reports/r.xml': '<testsuite/>' });
  return { ws, head: commitAll(ws, { tag: null }) };
}
const read = async (ws: string, env: NodeJS.ProcessEnv = {}) => {
  const r = await readIdentity({ workspace: ws, env, lists: ['requirements.md', 'missing.md'], reports: ['reports/r.xml'] });
  if (!('facts' in r)) throw new Error(r.notCheckout);
  return r.facts;
};

describe('readIdentity', () => {
  it('reads the commit, lightweight and annotated tags on it (peeled), and a ref tag on another commit', async () => {
    const { ws, head } = repo();
    git(ws, 'tag', 'v1.0.0');
    git(ws, 'tag', '-a', '-m', 'Release 1.0.1', 'v1.0.1');
    git(ws, 'commit', '-q', '--allow-empty', '-m', 'next');
    git(ws, 'tag', '-a', '-m', 'later', 'v2.0.0');
    git(ws, 'checkout', '-q', head);
    const facts = await read(ws, { GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: head });
    expect(facts.head).toBe(head);
    expect([...facts.tagsAtHead].sort()).toEqual(['v1.0.0', 'v1.0.1']);
    expect(facts.refTag).toEqual({ name: 'v2.0.0', commit: git(ws, 'rev-parse', 'v2.0.0^{commit}') });
    expect((await read(ws, { GITHUB_REF: 'refs/tags/v1.0.1' })).refTag).toEqual({ name: 'v1.0.1', commit: head });
    expect((await read(ws, { GITHUB_REF: 'refs/tags/nope' })).refTag).toEqual({ name: 'nope' });
    expect(facts.shallow).toBe(false);
    expect(facts.eventCommit).toBe(head);
  });

  it('reads changed tracked files but not untracked ones, which lists and reports git tracks, and the newest checked-out file', async () => {
    const { ws } = repo();
    fs.writeFileSync(path.join(ws, 'src/a.c'), 'changed\n');
    git(ws, 'mv', 'src/b.c', 'src/c.c');
    fs.writeFileSync(path.join(ws, 'untracked.txt'), 'x\n');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(ws, 'requirements.md'), later, later);
    const facts = await read(ws);
    expect(facts.changes).toEqual([
      { path: 'src/a.c', index: ' ', worktree: 'M' },
      { path: 'src/c.c', index: 'R', worktree: ' ' },
    ]);
    expect(facts.inputs.map((i) => [i.shown, i.tracked])).toEqual([
      ['requirements.md', true],
      ['missing.md', false],
    ]);
    expect(facts.reports.map((r) => [r.shown, r.tracked])).toEqual([['reports/r.xml', false]]);
    // File times are kept in microseconds or finer; as milliseconds they may carry a rounding error.
    expect(facts.checkout?.newest).toBe('requirements.md');
    expect(facts.checkout?.mtimeMs).toBeCloseTo(later.getTime(), 1);
  });

  it('does not rewrite the index', async () => {
    const { ws } = repo();
    const index = path.join(ws, '.git/index');
    const before = fs.statSync(index).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(path.join(ws, 'src/a.c'), 'a\n'); // same content, new time: git would refresh the index
    await read(ws);
    expect(fs.statSync(index).mtimeMs).toBe(before);
  });

  it('says when the workspace is not a checkout', async () => {
    const ws = makeWorkspace({ 'a.txt': 'x' });
    expect(await readIdentity({ workspace: ws, env: {}, lists: [], reports: [] })).toMatchObject({ notCheckout: expect.stringContaining('not a git repository') });
  });
});

describe('parseStatus', () => {
  it('reads porcelain v1 -z entries, skipping the old path of a rename', () => {
    expect(parseStatus('R  new.c\0old.c\0 M a b.c\0D  gone\0')).toEqual([
      { path: 'new.c', index: 'R', worktree: ' ' },
      { path: 'a b.c', index: ' ', worktree: 'M' },
      { path: 'gone', index: 'D', worktree: ' ' },
    ]);
  });
});
