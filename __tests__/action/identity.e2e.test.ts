/**
 * The release-identity checks through the bundled action, on real Git repositories built here: the
 * tag, the commit, the clean tree, fresh reports and the version file, each failing with its own code,
 * and the archive byte-identical across two runs without SOURCE_DATE_EPOCH.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../scripts/run-action.js';
import { commitAll, git, RELEASE_TAG, touchAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n| SRS-002 | Negative weight is refused |\n';
const REPORT = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 refuses"/></testsuite>\n';
const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' };
const baseEnv = { GITHUB_REPOSITORY: 'acme/infusion-pump', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1', GITHUB_REF: `refs/tags/${RELEASE_TAG}` };

/** A project committed and tagged as a release, its report written after the commit. */
function project(files: Record<string, string> = {}, options: Parameters<typeof commitAll>[1] = {}): { ws: string; commit: string } {
  const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'src/dose.c': 'int dose(int mg) { return mg; }\n', 'reports/junit.xml': REPORT, ...files });
  return { ws, commit: commitAll(ws, options) };
}

async function gate(ws: string, extraInputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, ...extraInputs }, env: { ...baseEnv, ...env } });
  removeLater(run.runnerTemp);
  return run;
}

interface Evidence {
  verdict: string;
  reasons: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
  provenance: { tag?: string };
}
const evidenceOf = (run: ActionRun): Evidence => JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8')) as Evidence;

/** Fails with exactly these codes among its reasons, and the job's failure message carries them. */
function expectFailure(run: ActionRun, codes: string[]): Evidence['reasons'] {
  expect(run.status, run.stdout).toBe(1);
  expect(run.outputs['passed']).toBe('false');
  expect(run.outputs['archive-path'] ?? '').toBe('');
  const evidence = evidenceOf(run);
  expect(evidence.reasons.map((r) => r.code)).toEqual(codes);
  for (const r of evidence.reasons) expect(run.stdout).toContain(r.message.slice(0, 60).replace(/%/g, '%25'));
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  return evidence.reasons;
}

describe('the release-identity checks through the bundled action', () => {
  it('passes a tagged, clean commit with fresh reports; the tag names the archive and is in the evidence', async () => {
    const { ws, commit } = project();
    const run = await gate(ws, {}, { GITHUB_REF: 'refs/heads/main' });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(path.basename(run.outputs['archive-path']!)).toBe(`infusion-pump-${RELEASE_TAG}.tar.gz`);
    expect(evidenceOf(run).provenance.tag).toBe(RELEASE_TAG);
    expect(run.stdout).toContain(`Version tag ${RELEASE_TAG}`);
    expect(run.stdout).toContain('::group::Release identity');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-x-'));
    removeLater(out);
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-xzf', run.outputs['archive-path']!, '-C', out]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'build.json'), 'utf8'))).toMatchObject({ version: RELEASE_TAG, versionSource: 'version-tag', source: { commit } });
  });

  it('fails an untagged commit, saying how to tag it', async () => {
    const { ws } = project({}, { tag: null });
    const [reason] = expectFailure(await gate(ws, {}, { GITHUB_REF: 'refs/heads/main' }), ['release-untagged']);
    expect(reason!.message).toMatch(/carries no tag; a release is a commit tagged with a version/);
    expect(reason!.message).toContain('git tag v1.2.3');
  });

  it('fails a commit whose only tags name no version, and accepts them with tag-pattern', async () => {
    const { ws } = project({}, { tag: 'release-7' });
    const [reason] = expectFailure(await gate(ws, {}, { GITHUB_REF: 'refs/heads/main' }), ['release-untagged']);
    expect(reason!.message).toContain('only tags that do not name a version (release-7)');
    const run = await gate(ws, { 'tag-pattern': 'release-*' }, { GITHUB_REF: 'refs/heads/main' });
    expect(run.status, run.stdout).toBe(0);
    expect(path.basename(run.outputs['archive-path']!)).toBe('infusion-pump-release-7.tar.gz');
  });

  it('fails a ref naming a tag that does not exist (v9.9.9)', async () => {
    const { ws } = project();
    const [reason] = expectFailure(await gate(ws, {}, { GITHUB_REF: 'refs/tags/v9.9.9' }), ['release-tag-mismatch']);
    expect(reason!.message).toContain('the checkout has no tag v9.9.9');
  });

  it('fails a ref tag that names another commit', async () => {
    const { ws, commit: first } = project();
    fs.writeFileSync(path.join(ws, 'src/dose.c'), 'int dose(int mg) { return mg + 0; }\n');
    git(ws, 'commit', '-q', '-am', 'Next change');
    git(ws, 'tag', 'v2.5.0');
    touchAll(path.join(ws, 'reports'), new Date(Date.now() + 2000));
    const [reason] = expectFailure(await gate(ws), ['release-tag-mismatch']);
    expect(reason!.message).toContain(`the ref is the tag ${RELEASE_TAG}, which names commit ${first.slice(0, 12)}`);
  });

  it('fails a tag moved after the workflow started: GITHUB_SHA is not the commit checked out', async () => {
    const { ws, commit: first } = project();
    fs.writeFileSync(path.join(ws, 'src/dose.c'), 'int dose(int mg) { return mg + 0; }\n');
    git(ws, 'commit', '-q', '-am', 'Moved');
    git(ws, 'tag', '-f', RELEASE_TAG);
    touchAll(path.join(ws, 'reports'), new Date(Date.now() + 2000));
    const [reason] = expectFailure(await gate(ws, {}, { GITHUB_SHA: first }), ['release-commit-mismatch']);
    expect(reason!.message).toContain(`the workflow ran for commit ${first.slice(0, 12)} (GITHUB_SHA)`);
  });

  it('fails a tracked file changed after the commit, and a staged change', async () => {
    const { ws } = project();
    fs.writeFileSync(path.join(ws, 'src/dose.c'), 'int dose(int mg) { return mg * 2; }\n');
    const [modified] = expectFailure(await gate(ws), ['release-dirty-tree']);
    expect(modified!.message).toContain('1 tracked file differs from commit');
    expect(modified!.message).toContain('src/dose.c (modified)');
    git(ws, 'checkout', '--', 'src/dose.c');
    fs.writeFileSync(path.join(ws, 'src/new.c'), 'int x;\n');
    git(ws, 'add', 'src/new.c');
    const [staged] = expectFailure(await gate(ws), ['release-dirty-tree']);
    expect(staged!.message).toContain('src/new.c (staged as added)');
    git(ws, 'rm', '-q', '--cached', 'src/new.c');
    // An untracked file is allowed.
    const run = await gate(ws);
    expect(run.status, run.stdout).toBe(0);
  });

  it('fails an input list that was changed, or never committed, annotated at the file', async () => {
    const { ws } = project();
    fs.appendFileSync(path.join(ws, 'requirements.md'), '| SRS-003 | Added after the commit |\n');
    const run = await gate(ws);
    const reasons = expectFailure(run, ['release-dirty-tree', 'release-input-uncommitted', 'requirement-uncovered']);
    expect(reasons[1]!.message).toMatch(/^requirements\.md is modified against commit/);
    expect(run.stdout).toMatch(/::error title=Release check failed,file=requirements\.md::requirements\.md is modified/);

    const fresh = project({ 'anomalies.md': '| ID | Title | Status |\n| --- | --- | --- |\n| ANOM-1 | Old | fixed |\n' }, { untracked: ['reports', 'anomalies.md'] });
    const [untracked] = expectFailure(await gate(fresh.ws, { anomalies: 'anomalies.md' }), ['release-input-uncommitted']);
    expect(untracked!.message).toBe('anomalies.md is not committed, so the release cannot be traced to the list it was judged by; commit it and tag the new commit');
  });

  it('fails a report committed to the repository, and a report from before the checkout', async () => {
    const committed = project({}, { untracked: [] });
    const [inGit] = expectFailure(await gate(committed.ws), ['report-not-fresh']);
    expect(inGit!.message).toContain('reports/junit.xml is committed to the repository');

    const old = project();
    const lastYear = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(old.ws, 'reports/junit.xml'), lastYear, lastYear);
    const [stale] = expectFailure(await gate(old.ws), ['report-not-fresh']);
    expect(stale!.message).toContain(`reports/junit.xml was written at ${lastYear.toISOString().slice(0, 10)}`);
    expect(stale!.message).toContain('before the checkout');
  });

  it('in a shallow clone as actions/checkout makes it: without tags says to fetch them; with the tag passes', async () => {
    const origin = project();
    const head = origin.commit;
    const clone = (args: string[]): string => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gate-clone-')));
      removeLater(dir);
      git(os.tmpdir(), 'clone', '-q', '--depth', '1', ...args, `file://${origin.ws}`, dir);
      expect(git(dir, 'rev-parse', '--is-shallow-repository')).toBe('true');
      // The tests of the workflow write their report after the checkout.
      fs.mkdirSync(path.join(dir, 'reports'));
      fs.writeFileSync(path.join(dir, 'reports/junit.xml'), REPORT);
      touchAll(path.join(dir, 'reports'), new Date(Date.now() + 1000));
      return dir;
    };
    const noTags = clone(['--no-tags']);
    // The release record cannot tell the previous release either: both say what to fetch.
    const [reason, history] = expectFailure(await gate(noTags, {}, { GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main' }), ['release-untagged', 'release-history']);
    expect(reason!.message).toContain('The clone is shallow: actions/checkout fetches no tags');
    expect(reason!.message).toContain('fetch-tags: true');
    expect(history!.message).toContain('fetch-depth: 0');

    // With the tag the identity is proven; the release record still needs the history before it.
    const tagged = clone(['--branch', RELEASE_TAG]);
    const [only] = expectFailure(await gate(tagged, {}, { GITHUB_SHA: head }), ['release-history']);
    expect(only!.message).toContain('fetch-depth: 0');
  });

  it('fails a version file that disagrees with the tag, and passes one that agrees', async () => {
    const { ws } = project({ 'package.json': '{\n  "name": "pump",\n  "version": "2.3.9"\n}\n' });
    const run = await gate(ws, { 'version-file': 'package.json' });
    const [reason] = expectFailure(run, ['version-mismatch']);
    expect(reason!.message).toBe(`package.json:3 states version 2.3.9, but the release is tagged ${RELEASE_TAG} (version 2.4.0); set the version in package.json to 2.4.0 and tag that commit, or tag the commit with v2.3.9`);
    expect(run.stdout).toMatch(/::error title=Release check failed,file=package\.json,line=3::package\.json:3 states version 2\.3\.9/);

    const agrees = project({ 'Cargo.toml': '[package]\nname = "pump"\nversion = "2.4.0"\n' });
    const ok = await gate(agrees.ws, { 'version-file': 'Cargo.toml' });
    expect(ok.status, ok.stdout).toBe(0);
  });

  it('with release-checks: warn, reports each finding as a warning and lets the gate decide on the tests', async () => {
    const { ws } = project({}, { tag: null });
    fs.writeFileSync(path.join(ws, 'src/dose.c'), 'int dose(int mg) { return mg * 2; }\n');
    const run = await gate(ws, { 'release-checks': 'warn' }, { GITHUB_REF: 'refs/pull/7/merge', GITHUB_EVENT_NAME: 'pull_request' });
    expect(run.status, run.stdout).toBe(0);
    const evidence = evidenceOf(run);
    expect(evidence.reasons).toEqual([]);
    // The release record's warning follows: no significant-change decision was given.
    expect(evidence.warnings.map((w) => w.code)).toEqual(['release-untagged', 'release-dirty-tree', 'change-decision']);
    expect(run.stdout).toMatch(/::warning title=Release check::commit [0-9a-f]{12} carries no tag/);
  });

  it('builds the same archive bytes twice for the same commit without SOURCE_DATE_EPOCH', async () => {
    const { ws } = project();
    const first = await gate(ws);
    expect(first.status, first.stdout).toBe(0);
    const bytes = fs.readFileSync(first.outputs['archive-path']!);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await gate(ws);
    expect(second.status, second.stdout).toBe(0);
    expect(second.outputs['archive-sha256']).toBe(first.outputs['archive-sha256']);
    expect(crypto.createHash('sha256').update(fs.readFileSync(second.outputs['archive-path']!)).digest('hex')).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.readUInt32LE(4)).toBe(Number(git(ws, 'show', '-s', '--format=%ct', 'HEAD')));
  });
});
