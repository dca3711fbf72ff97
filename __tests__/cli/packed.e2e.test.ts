/**
 * The command from the package as a user installs it: `npm pack`, the tarball installed into a folder
 * of its own, its `release-gate` bin run with no GitHub variables, as on a laptop, in GitLab CI and in
 * Jenkins; BUILD.md and build.json record the same provenance the action records on GitHub.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { git } from '../support/git-repo.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';
import { committedWorkspace, extract, read } from './support.js';

let bin: string;
let packed: { size: number; unpackedSize: number; files: string[] };

beforeAll(() => {
  const where = makeWorkspace({});
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', where], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' } });
  const [info] = JSON.parse(out) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  packed = { size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files.map((f) => f.path) };
  const prefix = path.join(where, 'prefix');
  execFileSync('npm', ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--no-package-lock', path.join(where, info!.filename)], { encoding: 'utf8' });
  bin = path.join(prefix, 'node_modules', '.bin', 'release-gate');
}, 180_000);

/** The environment of a CI other than GitHub, or of a laptop: no GITHUB_* variable at all. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...extra };
}

function run(cwd: string, args: string[], extra: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd, env: env(extra), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CHECK = ['check', '--reports', 'reports/*.xml', '--requirements', 'requirements.md'];

interface BuildJson {
  source: { repository: string | null; ref: string | null; commit: string; eventCommit: string | null };
  workflow: { name: string | null; runId: string | null; runUrl: string | null };
  version: string;
}

describe('RG-043 release-gate runs from the packed package with no GitHub variables', () => {
  it('the package holds the command bundle and no sources or tests, and stays small', () => {
    expect(packed.files).toContain('dist/cli/index.js');
    expect(packed.files.some((f) => f.startsWith('src/') || f.startsWith('__tests__/') || f === 'dist/index.js')).toBe(false);
    // README gives the size; this bound keeps it honest.
    expect(packed.size).toBeLessThan(3_000_000);
  });

  it('check passes, verify verifies the archive, and no workflow command reaches the output', () => {
    const { dir } = committedWorkspace();
    const r = run(dir, [...CHECK, '--archive']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('PASSED: the release gate passed');
    expect(`${r.stdout}${r.stderr}`).not.toContain('::');
    const archive = /^Release archive: (.+)$/m.exec(r.stdout)![1]!;
    expect(path.dirname(archive)).toBe(path.join(dir, 'release-archive'));
    const v = run(dir, ['verify', archive]);
    expect(v.status, v.stdout).toBe(0);
    // The installed version validates itself.
    const validation = run(dir, ['validate', '--output-dir', 'validation']);
    expect(validation.status, validation.stdout).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'validation', 'validation-record.md'), 'utf8')).toContain('**VALIDATED**');
    expect(run(dir, ['--version']).stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  }, 60_000);
});

describe('RG-044 GitLab CI and Jenkins: BUILD.md records the same provenance the action records on GitHub', () => {
  const archiveOf = (stdout: string): string => /^Release archive: (.+)$/m.exec(stdout)![1]!;

  it('the same commit, tag, repository and run address from GitLab, Jenkins and GitHub variables', async () => {
    const { dir, commit } = committedWorkspace();
    git(dir, 'tag', 'v1.2.0');

    const gitlab = run(dir, [...CHECK, '--archive'], {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: commit,
      CI_COMMIT_TAG: 'v1.2.0',
      CI_PIPELINE_URL: 'https://gitlab.example.com/devices/pump/-/pipelines/4711',
      CI_PIPELINE_ID: '4711',
      CI_PROJECT_PATH: 'devices/pump',
      CI_JOB_NAME: 'release-gate',
    });
    expect(gitlab.status, gitlab.stderr).toBe(0);
    const gl = extract(archiveOf(gitlab.stdout));
    const glJson = JSON.parse(read(gl, 'build.json')) as BuildJson;
    expect(glJson.source).toEqual({ repository: 'devices/pump', ref: 'refs/tags/v1.2.0', commit, eventCommit: null });
    expect(glJson.workflow).toMatchObject({ name: 'release-gate', runId: '4711', runUrl: 'https://gitlab.example.com/devices/pump/-/pipelines/4711' });
    expect(glJson.version).toBe('v1.2.0');
    const glMd = read(gl, 'BUILD.md');
    expect(glMd).toContain('| Ref | `refs/tags/v1.2.0` |');
    expect(glMd).toContain(`| Commit | \`${commit}\` |`);
    expect(glMd).toContain('| Run | <https://gitlab.example.com/devices/pump/-/pipelines/4711> |');
    expect(glMd).toContain('| Repository | `devices/pump` |');
    const glEvidence = JSON.parse(read(gl, 'evidence/traceability.json')) as { provenance: Record<string, string> };
    expect(glEvidence.provenance).toMatchObject({ repository: 'devices/pump', commit, ref: 'refs/tags/v1.2.0' });

    fs.rmSync(path.join(dir, 'release-archive'), { recursive: true });
    const jenkins = run(dir, [...CHECK, '--archive'], {
      JENKINS_URL: 'https://jenkins.example.com/',
      GIT_COMMIT: commit,
      TAG_NAME: 'v1.2.0',
      BUILD_URL: 'https://jenkins.example.com/job/pump/job/v1.2.0/7/',
      BUILD_NUMBER: '7',
      JOB_NAME: 'pump/v1.2.0',
    });
    expect(jenkins.status, jenkins.stderr).toBe(0);
    const jk = extract(archiveOf(jenkins.stdout));
    const jkJson = JSON.parse(read(jk, 'build.json')) as BuildJson;
    expect(jkJson.source).toEqual({ repository: null, ref: 'refs/tags/v1.2.0', commit, eventCommit: null });
    expect(jkJson.workflow).toMatchObject({ name: 'pump/v1.2.0', runId: '7', runUrl: 'https://jenkins.example.com/job/pump/job/v1.2.0/7/' });
    expect(read(jk, 'BUILD.md')).toContain('| Run | <https://jenkins.example.com/job/pump/job/v1.2.0/7/> |');

    // The action on GitHub, on the same commit and tag: the same fields, from GitHub's variables.
    const action = await runAction({
      workspace: dir,
      inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' },
      env: { GITHUB_SHA: commit, GITHUB_REF: 'refs/tags/v1.2.0', GITHUB_REPOSITORY: 'devices/pump', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '99', GITHUB_WORKFLOW: 'release-gate' },
    });
    removeLater(action.runnerTemp);
    expect(action.status, action.stdout).toBe(0);
    const gh = JSON.parse(read(extract(action.outputs['archive-path']!), 'build.json')) as BuildJson;
    expect(gh.source).toEqual(glJson.source);
    expect(gh.version).toBe(glJson.version);
    expect(gh.workflow).toMatchObject({ name: 'release-gate', runId: '99', runUrl: 'https://github.com/devices/pump/actions/runs/99' });
  }, 120_000);

  it('a GitLab pipeline on a branch records the branch, and a commit of the CI other than the checkout is recorded apart', () => {
    const { dir, commit } = committedWorkspace();
    const other = 'f'.repeat(40);
    const ci = { CI_COMMIT_SHA: other, CI_COMMIT_BRANCH: 'main', CI_PROJECT_PATH: 'devices/pump' };
    // By default that fails the release: what the CI ran for is not what is checked out.
    const refused = run(dir, [...CHECK, '--archive'], ci);
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/the workflow ran for commit ffffffffffff/);
    // A dry run (release-checks: warn) still builds the archive, which records both commits.
    const r = run(dir, [...CHECK, '--archive', '--release-checks', 'warn'], ci);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(read(extract(archiveOf(r.stdout)), 'build.json')) as BuildJson;
    expect(json.source).toEqual({ repository: 'devices/pump', ref: 'refs/heads/main', commit, eventCommit: other });
  }, 60_000);
});
