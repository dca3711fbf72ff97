/**
 * The release archive built from a real Git repository with a dirty working tree, read back with the
 * system's tar and checked with sha256sum: only the commit, executables and symbolic links kept,
 * export-ignore respected, the manifest verifies, and the bytes are the same build after build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { Evidence } from '../../src/model/index.js';
import { readReleaseSettings } from '../../src/release/settings.js';
import { archivedPaths } from '../../src/release/archive.js';
import { release, type ReleaseArgs } from '../../src/release/run-release.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';
import { COMMITTED, makeRepo } from '../support/git-repo.js';

const EPOCH = 1_795_000_000; // 2026-11-18T...Z
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function passingEvidence(): Evidence {
  const gate = runGate([requirement('SRS-001', 'Dose is computed')], [report('reports/unit/junit.xml', [testCase({ name: 'SRS-001 dose', time: 0.25 })])]);
  expect(gate.evidence.verdict).toBe('pass');
  return gate.evidence;
}

const noUpload = readReleaseSettings((name) => (name === 'upload' ? 'false' : ''));

function args(dir: string, overrides: Partial<ReleaseArgs> = {}, env: NodeJS.ProcessEnv = {}): ReleaseArgs {
  return {
    settings: noUpload,
    evidence: passingEvidence(),
    passed: true,
    workspace: dir,
    evidenceDir: path.join(dir, 'release-gate-evidence'),
    reports: [path.join(dir, 'reports/unit/junit.xml')],
    lists: ['requirements.md'],
    env: {
      GITHUB_REPOSITORY: 'acme/infusion-pump',
      GITHUB_REF: 'refs/tags/v2.4.0',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '123456',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Release',
      GITHUB_ACTOR: 'octocat',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: scratch,
      SOURCE_DATE_EPOCH: String(EPOCH),
      ...env,
    },
    actionVersion: '0.1.0',
    nodeVersion: 'v24.0.0',
    outputDir: fs.mkdtempSync(path.join(scratch, 'out-')),
    ...overrides,
  };
}

function extract(archive: string): string {
  const dir = fs.mkdtempSync(path.join(scratch, 'x-'));
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  return dir;
}

describe('RG-060 the release archive', () => {
  const repo = makeRepo();
  let first: Awaited<ReturnType<typeof release>>;

  it('holds the committed source, the evidence and the build record, and its manifest verifies', async () => {
    first = await release(args(repo.dir));
    expect(path.basename(first.archivePath)).toBe('infusion-pump-v2.4.0.tar.gz');
    expect(first.version).toBe('v2.4.0');
    expect(first.commit).toBe(repo.commit);
    expect(first.outputs).toEqual({ 'archive-path': first.archivePath, 'archive-sha256': first.sha256, 'artifact-id': '', 'artifact-url': '' });
    const sha = execFileSync('sha256sum', [first.archivePath], { encoding: 'utf8' }).split(' ')[0];
    expect(first.sha256).toBe(sha);

    const x = extract(first.archivePath);
    // source/: the commit, not the working tree.
    expect(fs.readFileSync(path.join(x, 'source/src/dose.c'), 'utf8')).toBe(COMMITTED['src/dose.c']);
    expect(fs.existsSync(path.join(x, 'source/untracked.txt'))).toBe(false);
    expect(fs.existsSync(path.join(x, 'source/docs/internal-notes.md'))).toBe(false);
    expect(fs.existsSync(path.join(x, 'source/.gitattributes'))).toBe(true);
    expect(fs.lstatSync(path.join(x, 'source/current-dose')).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(path.join(x, 'source/current-dose'))).toBe('src/dose.c');
    expect(fs.statSync(path.join(x, 'source/build.sh')).mode & 0o111).not.toBe(0);
    const exported = fs.mkdtempSync(path.join(scratch, 'git-'));
    execFileSync('sh', ['-c', `git -C "${repo.dir}" archive --format=tar ${repo.commit} | tar -x -C "${exported}"`]);
    expect(spawnSync('diff', ['-r', '--no-dereference', exported, path.join(x, 'source')], { encoding: 'utf8' }).stdout).toBe('');
    const long = Object.keys(COMMITTED).find((k) => k.length > 100)!;
    expect(fs.readFileSync(path.join(x, 'source', long), 'utf8')).toBe('long name\n');
    // evidence/
    expect(fs.readdirSync(path.join(x, 'evidence')).sort()).toEqual(['inputs', 'reports', 'tests.csv', 'traceability.csv', 'traceability.json', 'traceability.md']);
    // A report's workspace path, without a second reports/ folder.
    expect(fs.readFileSync(path.join(x, 'evidence/reports/unit/junit.xml'), 'utf8')).toContain('SRS-001 dose');
    expect(fs.existsSync(path.join(x, 'evidence/reports/reports'))).toBe(false);
    expect(fs.readFileSync(path.join(x, 'evidence/inputs/requirements.md'), 'utf8')).toContain('SRS-001');
    expect(fs.readFileSync(path.join(x, 'evidence/tests.csv'), 'utf8')).toBe('tests.csv\n');
    // The build record.
    const build = JSON.parse(fs.readFileSync(path.join(x, 'build.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(build['source']).toEqual({ repository: 'acme/infusion-pump', ref: 'refs/tags/v2.4.0', commit: repo.commit, eventCommit: null });
    expect(build['workflow']!['runUrl']).toBe('https://github.com/acme/infusion-pump/actions/runs/123456');
    expect(build['created']).toBe(new Date(EPOCH * 1000).toISOString());
    expect(fs.readFileSync(path.join(x, 'BUILD.md'), 'utf8')).toContain(`| Commit | \`${repo.commit}\` |`);

    // sha256sum -c verifies every file, and every regular file is listed.
    const check = spawnSync('sha256sum', ['--strict', '-c', 'MANIFEST.sha256'], { cwd: x, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const listed = fs.readFileSync(path.join(x, 'MANIFEST.sha256'), 'utf8').trimEnd().split('\n').map((l) => l.slice(66));
    const files = execFileSync('find', ['.', '-type', 'f', '!', '-name', 'MANIFEST.sha256'], { cwd: x, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.slice(2));
    expect([...listed].sort()).toEqual([...files].sort());
    expect(listed).toEqual([...listed].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(first.summary).toContain(first.sha256);
  });

  it('stores sorted entries with owner 0/0, normalised modes and one time, in the gzip header too', () => {
    const listing = execFileSync('tar', ['--numeric-owner', '-tvzf', first.archivePath], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } }).trim().split('\n');
    const names = execFileSync('tar', ['-tzf', first.archivePath], { encoding: 'utf8' }).trim().split('\n');
    const bare = names.map((n) => n.replace(/\/$/, ''));
    expect(bare).toEqual([...bare].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const time = new Date(EPOCH * 1000).toISOString().slice(0, 16).replace('T', ' ');
    for (const line of listing) {
      expect(line).toMatch(/^(-rw-r--r--|-rwxr-xr-x|drwxr-xr-x|lrwxrwxrwx) 0\/0 /);
      expect(line).toContain(time);
    }
    expect(listing.find((l) => l.endsWith('source/build.sh'))).toMatch(/^-rwxr-xr-x/);
    expect(listing.find((l) => l.endsWith('source/README.md'))).toMatch(/^-rw-r--r--/);
    expect(listing.find((l) => l.includes('source/current-dose'))).toMatch(/^lrwxrwxrwx.* source\/current-dose -> src\/dose\.c$/);
    const raw = execFileSync('tar', ['-tvzf', first.archivePath], { encoding: 'utf8' });
    expect(raw).not.toMatch(new RegExp(os.userInfo().username === 'root' ? 'root/' : `${os.userInfo().username}/`));
    const gz = fs.readFileSync(first.archivePath);
    expect(gz.readUInt32LE(4)).toBe(EPOCH);
    expect(gz[9]).toBe(3);
  });

  it('is byte-identical when built again, under another umask, with other file times and modes on disk', async () => {
    const again = await release(args(repo.dir));
    expect(fs.readFileSync(again.archivePath).equals(fs.readFileSync(first.archivePath))).toBe(true);

    for (const f of ['reports/unit/junit.xml', 'requirements.md', 'release-gate-evidence/traceability.json']) {
      fs.utimesSync(path.join(repo.dir, f), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
      fs.chmodSync(path.join(repo.dir, f), 0o600);
    }
    fs.utimesSync(path.join(repo.dir, 'README.md'), new Date(), new Date());
    const old = process.umask(0o077);
    try {
      const third = await release(args(repo.dir));
      expect(third.sha256).toBe(first.sha256);
      expect(fs.readFileSync(third.archivePath).equals(fs.readFileSync(first.archivePath))).toBe(true);
    } finally {
      process.umask(old);
    }
  });

  it('differs when the run differs (the build record names it)', async () => {
    const rerun = await release(args(repo.dir, {}, { GITHUB_RUN_ATTEMPT: '2' }));
    expect(rerun.sha256).not.toBe(first.sha256);
  });

  it("takes the commit's committer time when SOURCE_DATE_EPOCH is not set, and gives the same bytes twice", async () => {
    const r = await release(args(repo.dir, {}, { SOURCE_DATE_EPOCH: '' }));
    const committed = Date.parse('2026-11-20T10:00:00Z') / 1000;
    const gz = fs.readFileSync(r.archivePath);
    expect(gz.readUInt32LE(4)).toBe(committed);
    const x = extract(r.archivePath);
    expect(JSON.parse(fs.readFileSync(path.join(x, 'build.json'), 'utf8'))).toMatchObject({ created: '2026-11-20T10:00:00.000Z', timeSource: 'commit' });
    expect(fs.readFileSync(path.join(x, 'BUILD.md'), 'utf8')).toContain('committer time of the commit');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await release(args(repo.dir, {}, { SOURCE_DATE_EPOCH: '' }));
    expect(fs.readFileSync(again.archivePath)).toEqual(gz);
  });

  it('names the archive after the inputs, or the short SHA when the ref is no tag', async () => {
    const settings = readReleaseSettings((n) => ({ upload: 'false', 'archive-name': 'pump-fw' })[n] ?? '');
    const r = await release(args(repo.dir, { settings }, { GITHUB_REF: 'refs/heads/main' }));
    expect(path.basename(r.archivePath)).toBe(`pump-fw-${repo.commit.slice(0, 7)}.tar.gz`);
  });

  it('builds nothing for a gate that did not pass', async () => {
    const a = args(repo.dir);
    await expect(release({ ...a, passed: false })).rejects.toThrow(/only for a gate that passed/);
    await expect(release({ ...a, evidence: { ...a.evidence, verdict: 'fail' } })).rejects.toThrow(/only for a gate that passed/);
    expect(fs.readdirSync(a.outputDir!)).toEqual([]);
  });

  it('refuses a malformed SOURCE_DATE_EPOCH, naming it', async () => {
    const e = await release(args(repo.dir, {}, { SOURCE_DATE_EPOCH: '2026-11-20' })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/^SOURCE_DATE_EPOCH is "2026-11-20"; it must be the whole number of seconds/);
  });

  it('says to check the repository out when the workspace is no Git repository', async () => {
    const plain = fs.mkdtempSync(path.join(scratch, 'plain-'));
    fs.mkdirSync(path.join(plain, 'reports/unit'), { recursive: true });
    const e = await release(args(plain, { reports: [], lists: [] })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/is not a Git checkout with a commit.*actions\/checkout/);
  });

  it('fails clearly when a report is gone, and leaves no partial archive', async () => {
    const a = args(repo.dir, { reports: ['reports/missing.xml'] });
    const e = await release(a).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/reports\/missing\.xml could not be copied into the release archive.*no release archive was written \(it would be .*infusion-pump-v2\.4\.0\.tar\.gz\)/);
    expect(fs.readdirSync(a.outputDir!)).toEqual([]);
  });
});

describe('archivedPaths: where reports and lists go under evidence/', () => {
  it('keeps the workspace path, less a first folder named like the one they go in', () => {
    expect(archivedPaths(['reports/unit.xml', 'reports/e2e/junit.xml', 'build/test-results/TEST-Dose.xml'], 'reports')).toEqual([
      'reports/unit.xml',
      'reports/e2e/junit.xml',
      'reports/build/test-results/TEST-Dose.xml',
    ]);
    expect(archivedPaths(['docs/requirements.md', 'inputs/anomalies.csv'], 'inputs')).toEqual(['inputs/docs/requirements.md', 'inputs/anomalies.csv']);
  });

  it('keeps every path whole when leaving the folder out would put two files in one place', () => {
    expect(archivedPaths(['reports/a.xml', 'a.xml'], 'reports')).toEqual(['reports/reports/a.xml', 'reports/a.xml']);
    expect(archivedPaths(['reports/reports/a.xml', 'reports/a.xml'], 'reports')).toEqual(['reports/reports/a.xml', 'reports/a.xml']);
  });
});
