/**
 * Uploading the release archive through the real @actions/artifact client: its twirp calls go to a
 * results service on loopback, its bytes to Azurite, which checks the SAS signature. The blob read
 * back is the archive, byte for byte; a 5xx on finalize is retried; a 409 is a clear error and the
 * archive stays on the runner; on GitHub Enterprise Server or without the runtime token no request is
 * made and nothing is built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { release, type ReleaseArgs } from '../../src/release/run-release.js';
import { readReleaseSettings } from '../../src/release/settings.js';
import { uploadArtifact } from '../../src/release/upload-artifact.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';
import { makeRepo } from '../support/git-repo.js';
import { readBlob, startAzurite, startResultsService, type Azurite, type ResultsService } from '../support/results-service.js';

let azurite: Azurite;
let service: ResultsService;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'release-upload-'));
const repo = makeRepo();

beforeAll(async () => {
  azurite = await startAzurite();
  service = await startResultsService(azurite);
}, 45_000);
afterAll(async () => {
  await service?.close();
  await azurite?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}, 10_000);
beforeEach(() => {
  service.calls.length = 0;
});

function settings(inputs: Record<string, string> = {}) {
  return readReleaseSettings((n) => inputs[n] ?? '');
}

function args(overrides: Partial<ReleaseArgs> = {}, env: NodeJS.ProcessEnv = {}): ReleaseArgs {
  const gate = runGate([requirement('SRS-001')], [report('reports/unit/junit.xml', [testCase({ name: 'SRS-001 dose' })])]);
  return {
    settings: settings(),
    evidence: gate.evidence,
    passed: gate.verdict.passed,
    workspace: repo.dir,
    evidenceDir: path.join(repo.dir, 'release-gate-evidence'),
    reports: ['reports/unit/junit.xml'],
    lists: ['requirements.md'],
    env: {
      ...service.env(),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/infusion-pump',
      GITHUB_REF: 'refs/tags/v2.4.0',
      GITHUB_RUN_ID: '123456',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: scratch,
      SOURCE_DATE_EPOCH: '1795000000',
      ...env,
    },
    actionVersion: '0.1.0',
    outputDir: fs.mkdtempSync(path.join(scratch, 'out-')),
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('uploading the release archive as an artifact', () => {
  it('uploads the .tar.gz itself, and the blob in the store is the archive, byte for byte', async () => {
    const r = await release(args());
    const bytes = fs.readFileSync(r.archivePath);
    expect(service.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['CreateArtifact 200', 'FinalizeArtifact 200']);
    const create = service.calls[0]!;
    expect(create.authorization).toBe(`Bearer ${service.env()['ACTIONS_RUNTIME_TOKEN']}`);
    expect(create.body).toMatchObject({ name: 'infusion-pump-v2.4.0.tar.gz', mime_type: 'application/gzip', version: 7 });
    expect(create.body['expires_at']).toBeUndefined();
    expect(service.calls[1]!.body).toMatchObject({ size: String(bytes.length), hash: `sha256:${r.sha256}` });

    const artifact = service.artifacts.find((a) => a.name === 'infusion-pump-v2.4.0.tar.gz')!;
    const blob = await readBlob(azurite, artifact.blob);
    expect(blob?.equals(bytes)).toBe(true);
    expect(r.artifact).toEqual({ id: Number(artifact.id), name: 'infusion-pump-v2.4.0.tar.gz', url: `https://github.com/acme/infusion-pump/actions/runs/123456/artifacts/${artifact.id}`, size: bytes.length });
    expect(r.outputs['artifact-id']).toBe(artifact.id);
    expect(r.outputs['artifact-url']).toBe(r.artifact!.url);
    expect(r.summary).toContain(`[\`infusion-pump-v2.4.0.tar.gz\`](${r.artifact!.url})`);
    expect(r.summary).toMatch(/expires.*90 days on public repositories and 400 on private ones.*release-tag/s);
  });

  it('uses artifact-name and retention-days', async () => {
    const r = await release(args({ settings: settings({ 'artifact-name': 'pump-release', 'retention-days': '30' }) }));
    const create = service.calls.find((c) => c.method === 'CreateArtifact')!;
    expect(create.body['name']).toBe('pump-release.tar.gz');
    const expires = Date.parse(String(create.body['expires_at']));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
    const artifact = service.artifacts.find((a) => a.name === 'pump-release.tar.gz')!;
    expect((await readBlob(azurite, artifact.blob))?.equals(fs.readFileSync(r.archivePath))).toBe(true);
    // The link made to give the file the artifact's name is gone.
    expect(fs.readdirSync(path.dirname(r.archivePath))).toEqual([path.basename(r.archivePath)]);
  });

  it('retries a 5xx on finalize and succeeds', async () => {
    const built = await release(args({ settings: settings({ upload: 'false' }) }));
    service.fail('FinalizeArtifact', 503, 1);
    const env = args().env;
    const uploaded = await uploadArtifact(built.archivePath, { name: 'retried.tar.gz', env });
    expect(service.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['CreateArtifact 200', 'FinalizeArtifact 503', 'FinalizeArtifact 200']);
    const artifact = service.artifacts.find((a) => a.name === 'retried.tar.gz')!;
    expect(uploaded.id).toBe(Number(artifact.id));
    expect((await readBlob(azurite, artifact.blob))?.equals(fs.readFileSync(built.archivePath))).toBe(true);
  });

  it('turns a 409 on CreateArtifact into a clear error, and the archive stays on disk', async () => {
    service.fail('CreateArtifact', 409, 1);
    const a = args();
    const e = await failure(release(a));
    const archive = path.join(a.outputDir!, 'infusion-pump-v2.4.0.tar.gz');
    expect(e.message).toMatch(/^an artifact named "infusion-pump-v2\.4\.0\.tar\.gz" already exists in this workflow run \(409 Conflict\).*different `artifact-name`/);
    expect(e.message).toContain(`it is still on the runner at ${archive}`);
    expect(fs.existsSync(archive)).toBe(true);
    expect(service.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['CreateArtifact 409']);
  });

  it('refuses on GitHub Enterprise Server before any request, and builds nothing', async () => {
    const a = args({}, { GITHUB_SERVER_URL: 'https://github.example-hospital.org' });
    const e = await failure(release(a));
    expect(e.message).toMatch(/not supported on GitHub Enterprise Server \(https:\/\/github\.example-hospital\.org\).*set `upload: false`.*release-tag/);
    expect(service.calls).toEqual([]);
    expect(fs.readdirSync(a.outputDir!)).toEqual([]);
    // The same check in the upload itself, for a caller that skips release().
    const e2 = await failure(uploadArtifact(path.join(repo.dir, 'README.md'), { name: 'README.md', env: { ...a.env, GITHUB_SERVER_URL: 'http://localhost' } }));
    expect(e2.message).toMatch(/GitHub Enterprise Server \(http:\/\/localhost\)/);
    expect(service.calls).toEqual([]);
  });

  it('accepts GHE.com and *.localhost hosts as artifact hosts', async () => {
    const file = path.join(fs.mkdtempSync(path.join(scratch, 'host-')), 'notes.tar.gz');
    fs.writeFileSync(file, 'any bytes');
    for (const server of ['https://acme.ghe.com', 'http://gh.localhost']) {
      service.calls.length = 0;
      const uploaded = await uploadArtifact(file, { name: `host-${server.replace(/\W/g, '-')}.tar.gz`, env: { ...args().env, GITHUB_SERVER_URL: server } });
      expect(service.calls.map((c) => c.method)).toEqual(['CreateArtifact', 'FinalizeArtifact']);
      expect(uploaded.url?.startsWith(`${server}/acme/infusion-pump/actions/runs/123456/artifacts/`)).toBe(true);
    }
  });

  it('explains the missing runtime token of a run: step, before any request', async () => {
    const a = args({}, { ACTIONS_RUNTIME_TOKEN: '', ACTIONS_RESULTS_URL: '' });
    const e = await failure(release(a));
    expect(e.message).toMatch(/^ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set.*only to steps that run the action with `uses:`.*`upload: false`/);
    expect(service.calls).toEqual([]);
  });
});
