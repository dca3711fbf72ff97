import { describe, expect, it } from 'vitest';
import type { IdentityFacts } from '../../../src/model/index.js';
import { checkIdentity, describeChange, FILES_IN_MESSAGE } from '../../../src/release/identity/identity-checks.js';
import { tagScheme } from '../../../src/release/version-tag.js';

const HEAD = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const CHECKOUT = Date.parse('2026-11-20T10:00:00Z');

function facts(over: Partial<IdentityFacts> = {}): IdentityFacts {
  return {
    head: HEAD,
    shallow: false,
    tagsAtHead: ['v1.2.0'],
    eventCommit: HEAD,
    changes: [],
    inputs: [{ file: '/ws/requirements.md', shown: 'requirements.md', repoPath: 'requirements.md', tracked: true }],
    reports: [{ file: '/ws/reports/a.xml', shown: 'reports/a.xml', repoPath: 'reports/a.xml', tracked: false, mtimeMs: CHECKOUT + 5000 }],
    checkout: { mtimeMs: CHECKOUT, newest: 'src/dose.c' },
    ...over,
  };
}
const codes = (f: IdentityFacts, blocking = true): string[] => checkIdentity(f, tagScheme(undefined), blocking).findings.map((x) => x.code);

describe('RG-071 checkIdentity: an untagged commit, another commit than the workflow ran for, a changed tree, an uncommitted input list, a committed or old report, a disagreeing version file each fail the release', () => {
  it('finds nothing for a tagged, clean commit with fresh reports, and gives its tag', () => {
    expect(checkIdentity(facts(), tagScheme(undefined), true)).toEqual({ findings: [], tag: 'v1.2.0' });
  });

  it('takes the ref tag when it is a version tag on HEAD, else the highest version tag there', () => {
    expect(checkIdentity(facts({ tagsAtHead: ['v1.9.0', 'v1.10.0', 'nightly'] }), tagScheme(undefined), true).tag).toBe('v1.10.0');
    expect(checkIdentity(facts({ tagsAtHead: ['v1.9.0', 'v1.10.0'], refTag: { name: 'v1.9.0', commit: HEAD } }), tagScheme(undefined), true).tag).toBe('v1.9.0');
    expect(checkIdentity(facts({ tagsAtHead: ['release-3'] }), tagScheme('release-*'), true).tag).toBe('release-3');
  });

  it('fails an untagged commit, and says to fetch tags in a shallow clone', () => {
    const [f] = checkIdentity(facts({ tagsAtHead: [], shallow: true }), tagScheme(undefined), true).findings;
    expect(f).toMatchObject({ code: 'release-untagged', blocking: true });
    expect(f!.message).toContain('carries no tag');
    expect(f!.message).toContain('fetch-tags: true');
    expect(codes(facts({ tagsAtHead: ['nightly'] }))).toEqual(['release-untagged']);
  });

  it('fails a ref tag that is missing or names another commit', () => {
    expect(checkIdentity(facts({ refTag: { name: 'v9.9.9' } }), tagScheme(undefined), true).findings[0]!.message).toContain('the checkout has no tag v9.9.9');
    const moved = checkIdentity(facts({ refTag: { name: 'v1.2.0', commit: OTHER } }), tagScheme(undefined), true);
    expect(moved.findings.map((f) => f.code)).toEqual(['release-tag-mismatch']);
    expect(moved.findings[0]!.message).toContain(`names commit ${OTHER.slice(0, 12)}, but the checked-out commit is ${HEAD.slice(0, 12)}`);
  });

  it('fails when GITHUB_SHA is another commit or missing, naming the pull_request merge commit', () => {
    const [pr] = checkIdentity(facts({ eventCommit: OTHER.toUpperCase(), eventName: 'pull_request' }), tagScheme(undefined), true).findings;
    expect(pr).toMatchObject({ code: 'release-commit-mismatch' });
    expect(pr!.message).toContain('the merge commit');
    expect(codes(facts({ eventCommit: HEAD.toUpperCase() }))).toEqual([]);
    const unset: Record<string, unknown> = { ...facts() };
    delete unset['eventCommit'];
    expect(codes(unset as unknown as IdentityFacts)).toEqual(['release-commit-mismatch']);
  });

  it('fails changed tracked files, counting beyond the bound, and names a changed input list at its file', () => {
    const many = Array.from({ length: FILES_IN_MESSAGE + 2 }, (_, i) => ({ path: `f${i}.c`, index: ' ', worktree: 'M' }));
    const [dirty] = checkIdentity(facts({ changes: many }), tagScheme(undefined), true).findings;
    expect(dirty!.message).toContain(`${FILES_IN_MESSAGE + 2} tracked files differ`);
    expect(dirty!.message).toContain('and 2 more');
    const list = checkIdentity(facts({ changes: [{ path: 'requirements.md', index: 'M', worktree: ' ' }] }), tagScheme(undefined), true).findings;
    expect(list.map((f) => f.code)).toEqual(['release-dirty-tree', 'release-input-uncommitted']);
    expect(list[1]).toMatchObject({ file: '/ws/requirements.md' });
    expect(list[1]!.message).toContain('requirements.md is staged change against commit');
  });

  it('fails an input list git does not track', () => {
    const f = checkIdentity(facts({ inputs: [{ file: '/ws/anomalies.md', shown: 'anomalies.md', tracked: false }] }), tagScheme(undefined), true).findings;
    expect(f).toEqual([{ code: 'release-input-uncommitted', blocking: true, file: '/ws/anomalies.md', message: expect.stringContaining('anomalies.md is not committed') }]);
  });

  it('fails a committed report and one written before the checkout; one written after passes', () => {
    const reports = [
      { file: '/ws/r/tracked.xml', shown: 'r/tracked.xml', tracked: true, mtimeMs: CHECKOUT + 1 },
      { file: '/ws/r/old.xml', shown: 'r/old.xml', tracked: false, mtimeMs: CHECKOUT - 1 },
      { file: '/ws/r/same.xml', shown: 'r/same.xml', tracked: false, mtimeMs: CHECKOUT },
    ];
    const f = checkIdentity(facts({ reports }), tagScheme(undefined), true).findings;
    expect(f.map((x) => [x.code, x.file])).toEqual([
      ['report-not-fresh', '/ws/r/tracked.xml'],
      ['report-not-fresh', '/ws/r/old.xml'],
    ]);
    expect(f[1]!.message).toContain('when src/dose.c was checked out');
  });

  it('compares the version file with the tag without its v, and says what it could not read', () => {
    const vf = { file: '/ws/package.json', shown: 'package.json', line: 3 };
    expect(codes(facts({ versionFile: { ...vf, version: '1.2.0' } }))).toEqual([]);
    const [wrong] = checkIdentity(facts({ versionFile: { ...vf, version: '1.1.0' } }), tagScheme(undefined), true).findings;
    expect(wrong).toMatchObject({ code: 'version-mismatch', file: '/ws/package.json', line: 3 });
    const [unread] = checkIdentity(facts({ versionFile: { ...vf, problem: 'has no "version"' } }), tagScheme(undefined), true).findings;
    expect(unread!.message).toBe('package.json:3: has no "version"');
  });

  it('fails a version input that differs from the tag', () => {
    expect(codes(facts({ versionInput: '1.2.0' }))).toEqual([]);
    expect(codes(facts({ versionInput: 'v1.2.0' }))).toEqual([]);
    expect(codes(facts({ versionInput: '9.0.0' }))).toEqual(['version-mismatch']);
  });

  it('makes every finding a warning under warn', () => {
    const f = checkIdentity(facts({ tagsAtHead: [], changes: [{ path: 'x', index: ' ', worktree: 'D' }] }), tagScheme(undefined), false).findings;
    expect(f.map((x) => x.blocking)).toEqual([false, false]);
  });
});

describe('describeChange', () => {
  it.each([
    [' ', 'M', 'modified'],
    ['M', ' ', 'staged change'],
    ['A', ' ', 'staged as added'],
    [' ', 'D', 'deleted'],
    ['D', ' ', 'staged as deleted'],
    ['M', 'M', 'staged change, modified'],
    ['U', 'U', 'unmerged'],
  ])('%j%j is %s', (index, worktree, words) => {
    expect(describeChange({ path: 'p', index, worktree })).toBe(words);
  });
});
