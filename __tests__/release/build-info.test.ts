import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInfo, renderBuildJson, renderBuildMarkdown, runUrl, type BuildInputs } from '../../src/release/build-info.js';
import { artifactUrl, isGhes } from '../../src/release/platform.js';
import { renderReleaseSummary } from '../../src/release/summary.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/infusion-pump',
  GITHUB_REF: 'refs/tags/v2.4.0',
  GITHUB_SHA: COMMIT,
  GITHUB_WORKFLOW: 'Release | *pump*',
  GITHUB_WORKFLOW_REF: 'acme/infusion-pump/.github/workflows/release.yml@refs/tags/v2.4.0',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '987654321',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  GITHUB_ACTION_REPOSITORY: 'acme/iec62304-release-gate',
  GITHUB_ACTION_REF: 'v1',
};

function inputs(env: NodeJS.ProcessEnv = ENV): BuildInputs {
  const gate = runGate([requirement('SRS-001'), requirement('SRS-002')], [report('reports/unit.xml', [testCase({ name: 'SRS-001 a' }), testCase({ name: 'SRS-002 b' })])]);
  return {
    env,
    commit: COMMIT,
    version: { version: 'v2.4.0', source: 'tag' },
    archive: 'infusion-pump-v2.4.0.tar.gz',
    time: { date: new Date('2026-11-20T10:00:00Z'), source: 'SOURCE_DATE_EPOCH' },
    nodeVersion: 'v24.1.0',
    actionVersion: '0.1.0',
    evidence: gate.evidence,
    approval: { status: 'none', reason: null, reviews: [] },
  };
}

describe('buildInfo', () => {
  it('records the source, the run, the runner, the tools, the time and the verdict', () => {
    expect(buildInfo(inputs())).toEqual({
      schema: 'iec62304-release-gate/build@2',
      archive: 'infusion-pump-v2.4.0.tar.gz',
      version: 'v2.4.0',
      versionSource: 'tag',
      created: '2026-11-20T10:00:00.000Z',
      timeSource: 'SOURCE_DATE_EPOCH',
      source: { repository: 'acme/infusion-pump', ref: 'refs/tags/v2.4.0', commit: COMMIT, eventCommit: null },
      workflow: {
        name: 'Release | *pump*',
        ref: 'acme/infusion-pump/.github/workflows/release.yml@refs/tags/v2.4.0',
        event: 'push',
        runId: '987654321',
        runAttempt: '2',
        runUrl: 'https://github.com/acme/infusion-pump/actions/runs/987654321',
        actor: 'octocat',
      },
      runner: { os: 'Linux', arch: 'X64', node: 'v24.1.0' },
      approval: { status: 'none', reason: null, reviews: [] },
      action: { name: 'iec62304-release-gate', version: '0.1.0', repository: 'acme/iec62304-release-gate', ref: 'v1' },
      gate: { verdict: 'pass', coverage: 100, requirements: 2, tests: 2, evidenceSchema: 'iec62304-release-gate/evidence@3' },
    });
  });

  it('gives null for what the environment does not say, and notes a GITHUB_SHA that is not the commit archived', () => {
    const info = buildInfo(inputs({ GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98' }));
    expect(info.source).toEqual({ repository: null, ref: null, commit: COMMIT, eventCommit: 'fedcba9876543210fedcba9876543210fedcba98' });
    expect(info.workflow.runUrl).toBeNull();
    expect(renderBuildMarkdown(info)).toContain('| Commit of the event (GITHUB_SHA) | `fedcba9876543210fedcba9876543210fedcba98` |');
    expect(renderBuildMarkdown(info)).toContain('| Repository | (not set) |');
  });

  it('builds the run URL on GHES servers too, without a doubled slash', () => {
    expect(runUrl({ GITHUB_SERVER_URL: 'https://ghes.example.org/', GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '7' })).toBe('https://ghes.example.org/a/b/actions/runs/7');
  });

  it('renders JSON and Markdown the same way every time', () => {
    const info = buildInfo(inputs());
    expect(renderBuildJson(info)).toBe(`${JSON.stringify(info, null, 2)}\n`);
    expect(renderBuildJson(buildInfo(inputs()))).toBe(renderBuildJson(info));
    expect(renderBuildMarkdown(buildInfo(inputs()))).toBe(renderBuildMarkdown(info));
  });

  it('renders BUILD.md as a table whose user text cannot break it', () => {
    const md = renderBuildMarkdown(buildInfo(inputs()));
    expect(md).toMatch(/^# Release v2\.4\.0\n/);
    expect(md).toContain('| Run | <https://github.com/acme/infusion-pump/actions/runs/987654321> |');
    expect(md).toContain('| Run attempt | `2` |');
    expect(md).toContain('| Built by | `iec62304-release-gate` `0.1.0` (`acme/iec62304-release-gate@v1`) |');
    expect(md).toContain('| Workflow | Release \\| \\*pump\\* |');
    expect(md).toContain('| Time (UTC) | `2026-11-20T10:00:00.000Z` (from SOURCE_DATE_EPOCH) |');
    expect(md).toContain('| Requirements verified | 100 % of 2 |');
    expect(md).toContain('sha256sum -c MANIFEST.sha256');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) expect(line.split(/(?<!\\)\|/).length).toBe(4);
  });
});

describe('platform', () => {
  it.each([
    [undefined, false],
    ['https://github.com', false],
    ['https://GitHub.com/', false],
    ['https://acme.ghe.com', false],
    ['http://gh.localhost', false],
    ['http://localhost', true],
    ['https://github.example-hospital.org', true],
    ['https://github.com.evil.org', true],
    ['not a url', true],
  ])('isGhes(%j) is %s', (url, ghes) => expect(isGhes(url)).toBe(ghes));

  it('links the artifact on the run page', () => {
    expect(artifactUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '7' }, 42)).toBe('https://github.com/a/b/actions/runs/7/artifacts/42');
    expect(artifactUrl({}, 42)).toBeUndefined();
  });
});

describe('renderReleaseSummary', () => {
  const base = { archive: 'pump-v1.tar.gz', sha256: 'a'.repeat(64), path: '/runner/temp/release-archive/pump-v1.tar.gz' };
  it('names the archive, its hash and the artifact, and says that artifacts expire', () => {
    const text = renderReleaseSummary({ ...base, artifact: { id: 42, name: 'pump-v1.tar.gz', url: 'https://github.com/a/b/actions/runs/7/artifacts/42' }, retentionDays: 30 });
    expect(text).toBe(
      [
        '### Release archive',
        '',
        `\`pump-v1.tar.gz\` · SHA-256 \`${'a'.repeat(64)}\``,
        '',
        'Uploaded as the workflow artifact [`pump-v1.tar.gz`](https://github.com/a/b/actions/runs/7/artifacts/42) (ID 42), kept for 30 days.',
        '',
        'An artifact expires (after at most 90 days on public repositories and 400 on private ones), while the release archive of a medical device must be kept as long as the device is supported: attach it to a GitHub Release with the input `release-tag`, or copy it to your records system.',
        '',
      ].join('\n'),
    );
  });
  it('says where the archive lies when it was not uploaded', () => {
    expect(renderReleaseSummary(base)).toContain('Not uploaded as an artifact (`upload: false`); it lies on the runner at `/runner/temp/release-archive/pump-v1.tar.gz`');
  });
  it('links the release asset', () => {
    const text = renderReleaseSummary({ ...base, releaseAsset: { tag: 'v1', url: 'https://github.com/a/b/releases/download/v1/pump-v1.tar.gz' } });
    expect(text).toContain('Attached to the GitHub Release `v1`: <https://github.com/a/b/releases/download/v1/pump-v1.tar.gz>.');
    expect(text).not.toContain('expires');
  });
});

describe('the pure parts', () => {
  // The release folder may do I/O (lint allows it there); these files must not.
  const pure = ['archive-time.ts', 'build-info.ts', 'manifest.ts', 'platform.ts', 'settings.ts', 'summary.ts', 'version.ts'];
  it.each(pure)('%s imports no file system, process, runner or network module and reads no clock', (file) => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../src/release', file), 'utf8');
    const imports = [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
    for (const i of imports) expect(i).toMatch(/^\.\.?\//);
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)|process\.(env|cwd|version)|\bimport\(/);
  });
});
