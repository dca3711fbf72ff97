/**
 * The release archive through the bundled action, with real parts: Azurite (Azure's blob emulator) on
 * loopback as the blob store behind a results service speaking the endpoints @actions/artifact calls.
 * The uploaded bytes are read back from Azurite and compared with the archive; the archive verifies
 * with `sha256sum -c` after extraction, as an auditor would years later.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { readBlob, startAzurite, startResultsService, type Azurite, type ResultsService } from '../support/results-service.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const example = path.join(repoRoot, 'examples', 'infusion-pump');
const REPORT = `<testsuites><testsuite name="dose">
${['SRS-001: computes dose', 'SRS-002: rejects negative weight', 'SRS-003: rounds', 'SRS-004 caps the rate'].map((n) => `<testcase classname="dose" name="${n}"/>`).join('\n')}
</testsuite></testsuites>
`;

let azurite: Azurite;
let service: ResultsService;
beforeAll(async () => {
  azurite = await startAzurite();
  service = await startResultsService(azurite);
}, 60_000);
afterAll(async () => {
  await service?.close();
  await azurite?.close();
});

function project(): string {
  const ws = makeWorkspace({
    'requirements.md': fs.readFileSync(path.join(example, 'requirements.md'), 'utf8'),
    'src/dose.js': fs.readFileSync(path.join(example, 'src/dose.js'), 'utf8'),
    'reports/junit.xml': REPORT,
  });
  commitAll(ws);
  return ws;
}

const env = (extra: Record<string, string> = {}) => ({
  ...service.env(),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/infusion-pump',
  GITHUB_RUN_ID: '1234',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REF: 'refs/tags/v2.4.0',
  SOURCE_DATE_EPOCH: '1764000000',
  ...extra,
});
const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md' };

describe('the release archive through the bundled action', () => {
  it('uploads the archive itself as the artifact; the bytes in the blob store are the archive', async () => {
    const ws = project();
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, 'artifact-name': 'pump-release' }, env: env() });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const archive = run.outputs['archive-path']!;
    expect(path.basename(archive)).toBe('infusion-pump-v2.4.0.tar.gz');
    const bytes = fs.readFileSync(archive);
    expect(run.outputs['archive-sha256']).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const artifact = service.artifacts.find((a) => a.name === 'pump-release.tar.gz');
    expect(artifact).toBeDefined();
    expect(run.outputs['artifact-id']).toBe(artifact!.id);
    expect(run.outputs['artifact-url']).toBe(`https://github.com/acme/infusion-pump/actions/runs/1234/artifacts/${artifact!.id}`);
    expect(await readBlob(azurite, artifact!.blob)).toEqual(bytes);
    expect(run.summary).toContain(run.outputs['archive-sha256']);
    expect(run.summary).toMatch(/expire/);

    // Checkable without this action: extract and verify every file against the manifest.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-extract-'));
    execFileSync('tar', ['-xzf', archive, '-C', out]);
    expect(execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: out, encoding: 'utf8' })).not.toMatch(/FAILED/);
    const record = ['evidence/change-summary.md', 'evidence/release-notes.md', 'evidence/release-checklist.md'];
    for (const f of ['source/src/dose.js', 'evidence/traceability.json', 'evidence/traceability.html', 'evidence/tests.csv', 'evidence/reports/junit.xml', ...record, 'BUILD.md', 'build.json']) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    }
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('builds the same bytes again for the same commit, inputs and SOURCE_DATE_EPOCH', async () => {
    const ws = project();
    const a = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, upload: 'false' }, env: env() });
    removeLater(a.runnerTemp);
    const first = fs.readFileSync(a.outputs['archive-path']!);
    const b = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, upload: 'false' }, env: env() });
    removeLater(b.runnerTemp);
    expect(fs.readFileSync(b.outputs['archive-path']!).equals(first)).toBe(true);
  });

  it('fails clearly on a name conflict (409) and keeps the archive on disk', async () => {
    const ws = project();
    service.fail('CreateArtifact', 409, 1, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, 'artifact-name': 'conflict' }, env: env() });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    const failure = run.stdout.split('\n').find((l) => l.startsWith('::error::The release gate passed, but the release archive failed')) ?? '';
    expect(failure).not.toBe('');
    const kept = /(\/[^\s]+\.tar\.gz)/.exec(failure)?.[1];
    expect(kept !== undefined && fs.existsSync(kept)).toBe(true);
  });

  it('says passed=false, keeps naming the archive, and says in the summary what failed when the upload fails', async () => {
    const ws = project();
    // A results service that cannot be reached: the archive is built, then the upload fails.
    const unreachable = { ...service.env(), ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' };
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs, env: env(unreachable) });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.outputText).not.toMatch(/^passed<<.*\ntrue$/m);
    const archive = run.outputs['archive-path']!;
    expect(archive).toMatch(/infusion-pump-v2\.4\.0\.tar\.gz$/);
    expect(run.outputs['archive-sha256']).toBe(crypto.createHash('sha256').update(fs.readFileSync(archive)).digest('hex'));
    expect(run.outputs['artifact-id'] ?? '').toBe('');
    expect(run.summary.split('\n')[0]).toBe('## ❌ IEC 62304 release gate passed, but the release failed');
    expect(run.summary).toContain('### ❌ Release archive failed');
    expect(run.summary).toContain('ECONNREFUSED');
    expect(run.summary).toContain('was written; it was not uploaded');
    expect(run.summary).not.toMatch(/^## ✅/m);
    expect(run.stdout).not.toMatch(/^Release gate passed/m);
  }, 120_000);

  it.each([
    ['no runtime token', { ACTIONS_RUNTIME_TOKEN: '' }, /ACTIONS\\_RUNTIME\\_TOKEN is not set/],
    ['git missing from PATH', 'no-git', /git could not be run/],
  ] as const)('says passed=false and writes no archive with %s', async (_label, extra, message) => {
    const ws = project();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-path-'));
    removeLater(empty);
    const more = extra === 'no-git' ? { ...service.env(), PATH: empty } : extra;
    // Without git the release checks cannot run either; as warnings they let the gate pass, to reach the archive.
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: extra === 'no-git' ? { ...inputs, 'release-checks': 'warn' } : inputs, env: env(more) });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    expect(run.outputText).not.toMatch(/^passed<<.*\ntrue$/m);
    expect(run.outputs['archive-path'] ?? '').toBe('');
    expect(run.outputs['coverage']).toBe('100');
    expect(run.stdout).toMatch(/::error::The release gate passed, but the release archive failed: /);
    expect(run.summary.split('\n')[0]).toBe('## ❌ IEC 62304 release gate passed, but the release failed');
    expect(run.summary).toMatch(message);
    expect(run.summary).toContain('No release archive was written: the release is not done.');
  });

  it('says passed=true only as the last output, once the archive is uploaded', async () => {
    const ws = project();
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { ...inputs, 'artifact-name': 'pump-last' }, env: env() });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(0);
    const names = [...run.outputText.matchAll(/^([a-z0-9-]+)<</gm)].map((m) => m[1]);
    expect(names.at(-1)).toBe('passed');
    expect(names.filter((n) => n === 'passed')).toHaveLength(1);
    expect(run.stdout).toMatch(/^Release gate passed: 4 of 4 requirements verified \(100 %\); 4 tests: 4 passed, 0 failed, 0 errored, 0 skipped · 1 report\.$/m);
  });

  it('builds nothing when the gate fails', async () => {
    const ws = makeWorkspace({ 'requirements.md': fs.readFileSync(path.join(example, 'requirements.md'), 'utf8'), 'reports/junit.xml': REPORT.replace('SRS-004 caps', 'caps') });
    commitAll(ws);
    const calls = service.calls.length;
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs, env: env() });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.outputs['archive-path']).toBeUndefined();
    expect(service.calls.length).toBe(calls);
    // The release record is written for a failed release too, and the outputs name it.
    for (const name of ['change-summary', 'release-notes', 'release-checklist']) {
      expect(fs.readFileSync(run.outputs[name]!, 'utf8'), name).toMatch(/^# /);
    }
    expect(fs.readFileSync(run.outputs['release-checklist']!, 'utf8')).toContain('Gate verdict: **failed**');
  });

  it('says plainly that GitHub Enterprise Server has no such artifacts, before uploading', async () => {
    const ws = project();
    const calls = service.calls.length;
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs, env: env({ GITHUB_SERVER_URL: 'https://github.example-hospital.org' }) });
    removeLater(run.runnerTemp);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::The release gate passed, but the release archive failed: .*GitHub Enterprise Server.*upload: false/);
    expect(service.calls.length).toBe(calls);
  });
});
