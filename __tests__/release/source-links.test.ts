/**
 * Committed symbolic links in the release archive: each one stays a link with its target exactly as
 * committed (absolute, climbing out with `..`, to a folder, dangling), is never followed, is not
 * hashed, and the archive stays reproducible. What cannot be archived faithfully is refused with a
 * message naming it, never as an internal error, and the staging folder is always removed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readReleaseSettings } from '../../src/release/settings.js';
import { release, type ReleaseArgs } from '../../src/release/run-release.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';
import { commitAll, git } from '../support/git-repo.js';
import { makeWorkspace } from '../support/workspace.js';

const EPOCH = 1_795_000_000;
const LONG_TARGET = `/opt/${'firmware-'.repeat(12)}/dosé/current`;

/** A repository root holding `repo/` (the checkout) and `outside/` (a folder next to it, with a failing report). */
function repoWithLinks(): { ws: string; outside: string; temp: string; targets: Record<string, string> } {
  const root = makeWorkspace({
    'repo/requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n',
    'repo/reports/unit/junit.xml': '<testsuite name="unit"><testcase name="SRS-001 dose"/></testsuite>\n',
    'repo/docs/guide.md': '# Guide\n',
    'outside/b.xml': '<testsuite><testcase name="SRS-001 dose"><failure/></testcase></testsuite>\n',
    'temp/.keep': '',
  });
  const ws = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  const targets: Record<string, string> = {
    'reports/linked': outside, // absolute, to a folder outside
    'reports/up': '../../outside/b.xml', // relative, climbing out of the checkout
    'docs-link': 'docs', // to a folder inside
    'docs/self': '../docs/./guide.md', // `..` and `.` kept as written
    dangling: '/nonexistent/release-gate/target',
    long: LONG_TARGET, // over 100 bytes and not ASCII: a pax header
  };
  for (const [link, target] of Object.entries(targets)) fs.symlinkSync(target, path.join(ws, link));
  commitAll(ws, { untracked: [] }); // the links under reports/ are part of the commit
  return { ws, outside, temp: path.join(root, 'temp'), targets };
}

function args(ws: string, temp: string): ReleaseArgs {
  const gate = runGate([requirement('SRS-001', 'Dose is computed')], [report('reports/unit/junit.xml', [testCase({ name: 'SRS-001 dose' })])]);
  expect(gate.evidence.verdict).toBe('pass');
  return {
    settings: readReleaseSettings((name) => (name === 'upload' ? 'false' : '')),
    evidence: gate.evidence,
    passed: true,
    workspace: ws,
    evidenceDir: path.join(ws, 'release-gate-evidence'),
    reports: ['reports/unit/junit.xml'],
    lists: ['requirements.md'],
    env: { GITHUB_REPOSITORY: 'acme/infusion-pump', GITHUB_REF: 'refs/tags/v2.4.0', RUNNER_TEMP: temp, SOURCE_DATE_EPOCH: String(EPOCH) },
    actionVersion: '0.1.0',
    nodeVersion: 'v24.0.0',
    outputDir: fs.mkdtempSync(path.join(temp, 'out-')),
  };
}

function stagingLeft(temp: string): string[] {
  return fs.readdirSync(temp).filter((n) => n.startsWith('release-archive-'));
}

describe('committed symbolic links in the release archive', () => {
  it('keeps every link with its target exactly as committed, follows none, hashes none, and stays reproducible', async () => {
    const { ws, outside, temp, targets } = repoWithLinks();
    const first = await release(args(ws, temp));
    expect(stagingLeft(temp)).toEqual([]);

    const listing = execFileSync('tar', ['--numeric-owner', '-tvzf', first.archivePath], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' } });
    for (const [link, target] of Object.entries(targets)) {
      const line = listing.split('\n').find((l) => l.includes(` source/${link} -> `));
      expect(line, link).toMatch(/^lrwxrwxrwx 0\/0 /);
      expect(line!.endsWith(` source/${link} -> ${target}`), `${line}`).toBe(true);
    }
    // Not followed: nothing of the folder outside or behind the folder link is in the archive.
    const names = execFileSync('tar', ['-tzf', first.archivePath], { encoding: 'utf8' }).trim().split('\n');
    expect(names.filter((n) => n.startsWith('source/reports/linked/') || n.startsWith('source/docs-link/'))).toEqual([]);
    expect(names.filter((n) => n.endsWith('b.xml'))).toEqual([]);
    expect(fs.readdirSync(outside)).toEqual(['b.xml']);

    const x = fs.mkdtempSync(path.join(temp, 'x-'));
    execFileSync('tar', ['-xzf', first.archivePath, '-C', x]);
    for (const [link, target] of Object.entries(targets)) {
      expect(fs.lstatSync(path.join(x, 'source', link)).isSymbolicLink(), link).toBe(true);
      expect(fs.readlinkSync(path.join(x, 'source', link)), link).toBe(target);
    }
    // The same tree as git's own export of the commit.
    const exported = fs.mkdtempSync(path.join(temp, 'git-'));
    execFileSync('sh', ['-c', `git -C "${ws}" archive --format=tar HEAD | tar -x -C "${exported}"`]);
    expect(spawnSync('diff', ['-r', '--no-dereference', exported, path.join(x, 'source')], { encoding: 'utf8' }).stdout).toBe('');

    // The manifest verifies and lists files only, never a link.
    const check = spawnSync('sha256sum', ['--strict', '-c', 'MANIFEST.sha256'], { cwd: x, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const listed = fs.readFileSync(path.join(x, 'MANIFEST.sha256'), 'utf8').trimEnd().split('\n').map((l) => l.slice(66));
    expect(listed).toContain('source/docs/guide.md');
    for (const link of Object.keys(targets)) expect(listed).not.toContain(`source/${link}`);

    // Sorted, and byte for byte the same when built again.
    const bare = names.map((n) => n.replace(/\/$/, ''));
    expect(bare).toEqual([...bare].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const again = await release(args(ws, temp));
    expect(fs.readFileSync(again.archivePath).equals(fs.readFileSync(first.archivePath))).toBe(true);
  });

  it('refuses, naming it, a crafted commit holding a link and a folder of the same name (the archive would write through the link)', async () => {
    const ws = makeWorkspace({
      'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n',
      'reports/unit/junit.xml': '<testsuite/>\n',
      'temp/.keep': '',
    });
    commitAll(ws);
    const blob = (content: string): string => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: ws, input: content, encoding: 'utf8' }).trim();
    const target = blob('/tmp/outside');
    const inner = execFileSync('git', ['mktree'], { cwd: ws, input: `100644 blob ${blob('written through the link\n')}\tb\n`, encoding: 'utf8' }).trim();
    const tree = execFileSync('git', ['mktree'], { cwd: ws, input: `120000 blob ${target}\ta\n040000 tree ${inner}\ta\n`, encoding: 'utf8' }).trim();
    const commit = git(ws, 'commit-tree', tree, '-m', 'crafted');
    git(ws, 'update-ref', 'refs/heads/main', commit);

    const temp = path.join(ws, 'temp');
    const a = args(ws, temp);
    const e = await release(a).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(new RegExp(`^commit ${commit} holds "a" twice, as a symbolic link and as a folder; .*no release archive was written`));
    expect(fs.readdirSync(a.outputDir!)).toEqual([]);
    expect(stagingLeft(temp)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('refuses a committed name that is not UTF-8 with a message, rather than storing a mangled name', async () => {
    const ws = makeWorkspace({
      'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n',
      'reports/unit/junit.xml': '<testsuite/>\n',
    });
    fs.symlinkSync(Buffer.from([0x2f, 0x74, 0x6d, 0x70, 0x2f, 0xff]), Buffer.concat([Buffer.from(`${ws}/latin1-`), Buffer.from([0xe9])]));
    commitAll(ws);
    const temp = fs.mkdtempSync(path.join(ws, '..', path.basename(ws) + '-temp-'));
    try {
      const e = await release(args(ws, temp)).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toMatch(/^the tree of commit [0-9a-f]{40} could not be read from the output of git archive: .*not UTF-8.*no release archive was written/);
      expect(stagingLeft(temp)).toEqual([]);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});
