/**
 * Attaching the archive to a GitHub Release through the real octokit of @actions/github:
 *
 * - against recorded real GitHub traffic (@octokit/fixtures-server, scenarios release-assets and
 *   release-assets-conflict), called with the recorded asset (name, label, content type, bytes),
 *   since the recording only answers requests of exactly that shape;
 * - the whole release with release-tag against a loopback server of ours that answers with those
 *   recorded responses, to see the archive's own bytes, name and content type arrive;
 * - the errors a workflow meets (no such release, no permission, no token).
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { attachToRelease } from '../../src/release/release-asset.js';
import { release, type ReleaseArgs } from '../../src/release/run-release.js';
import { readReleaseSettings } from '../../src/release/settings.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';
import { makeRepo } from '../support/git-repo.js';
import { startFixturesServer, type FixturesServer } from '../support/octokit-fixtures.js';

const require = createRequire(import.meta.url);
/** The token, repository, tag and asset of the recordings. */
const RECORDED = {
  token: '0000000000000000000000000000000000000001',
  tag: 'v1.0.0',
  name: 'test-upload.txt',
  label: 'test',
  contentType: 'text/plain',
  data: Buffer.from('Hello, world!\n'),
};

let fixtures: FixturesServer;
beforeAll(async () => {
  fixtures = await startFixturesServer();
}, 30_000);
afterAll(async () => {
  await fixtures?.close();
});

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('attachToRelease against recorded GitHub traffic', () => {
  it('finds the release by its tag and uploads the asset to its upload_url', async () => {
    const api = await fixtures.load('release-assets');
    const asset = await attachToRelease({ ...RECORDED, apiUrl: api, repository: 'octokit-fixture-org/release-assets' });
    expect(asset).toMatchObject({ id: 1000, name: 'test-upload.txt', replaced: false });
    expect(asset.url).toMatch(/\/octokit-fixture-org\/release-assets\/releases\/download\/v1\.0\.0\/test-upload\.txt$/);
  });

  it('replaces an asset of the same name: 422 already_exists, list, delete, upload again', async () => {
    const api = await fixtures.load('release-assets-conflict');
    const asset = await attachToRelease({ ...RECORDED, apiUrl: api, repository: 'octokit-fixture-org/release-assets-conflict' });
    expect(asset).toMatchObject({ id: 1001, name: 'test-upload.txt', replaced: true });
    // Every recorded request was made: the scenario is used up.
    const res = await fetch(`${api}/repos/octokit-fixture-org/release-assets-conflict/releases/tags/v1.0.0`, { headers: { accept: 'application/vnd.github.v3+json' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Fixture ".*" not found$/);
  });
});

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The recorded responses of release-assets-conflict, from a server of ours that records what it is sent. */
async function recordedReleaseServer(options: { releaseStatus?: number; uploadStatus?: number; releaseBody?: string } = {}): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const recorded = JSON.parse(fs.readFileSync(require.resolve('@octokit/fixtures/scenarios/api.github.com/release-assets-conflict/normalized-fixture.json'), 'utf8')) as {
    method: string;
    status: number;
    response: unknown;
  }[];
  const seen: Seen[] = [];
  let uploads = 0;
  let url = '';
  const rewrite = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/https:\/\/(api|uploads)\.github\.com/g, url));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', url);
      const query = u.searchParams.toString();
      seen.push({ method: req.method ?? '', path: u.pathname + (query === '' ? '' : `?${query}`), headers: req.headers, body: Buffer.concat(chunks) });
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(status === 204 ? undefined : JSON.stringify(body));
      };
      if (req.method === 'GET' && u.pathname.endsWith('/releases/tags/v2.4.0')) {
        if (options.releaseStatus !== undefined) return reply(options.releaseStatus, { message: 'Not Found' });
        const found = rewrite(recorded[0]!.response) as Record<string, unknown>;
        return reply(200, options.releaseBody === undefined ? found : { ...found, body: options.releaseBody });
      }
      if (req.method === 'PATCH' && u.pathname.endsWith('/releases/1000')) return reply(200, rewrite(recorded[0]!.response));
      if (req.method === 'POST' && u.pathname.endsWith('/releases/1000/assets')) {
        if (options.uploadStatus !== undefined) return reply(options.uploadStatus, { message: 'Resource not accessible by integration' });
        uploads++;
        if (uploads === 1) return reply(recorded[1]!.status, recorded[1]!.response);
        const asset = rewrite(recorded[4]!.response) as Record<string, unknown>;
        const name = u.searchParams.get('name')!;
        return reply(201, { ...asset, name, label: null, browser_download_url: `${url}/acme/infusion-pump/releases/download/v2.4.0/${name}` });
      }
      if (req.method === 'GET' && u.pathname.endsWith('/releases/1000/assets')) {
        const list = rewrite(recorded[2]!.response) as Record<string, unknown>[];
        return reply(200, list.map((a) => ({ ...a, name: 'infusion-pump-v2.4.0.tar.gz' })));
      }
      if (req.method === 'DELETE' && u.pathname.endsWith('/releases/assets/1000')) return reply(204, undefined);
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the release with release-tag', () => {
  const repo = makeRepo();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'release-asset-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function args(api: string, overrides: Partial<ReleaseArgs> = {}): ReleaseArgs {
    const gate = runGate([requirement('SRS-001')], [report('reports/unit/junit.xml', [testCase({ name: 'SRS-001 dose' })])]);
    return {
      settings: readReleaseSettings((n) => ({ upload: 'false', 'release-tag': 'v2.4.0' })[n] ?? ''),
      evidence: gate.evidence,
      passed: true,
      workspace: repo.dir,
      evidenceDir: path.join(repo.dir, 'release-gate-evidence'),
      reports: ['reports/unit/junit.xml'],
      lists: ['requirements.md'],
      env: { GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/infusion-pump', GITHUB_REF: 'refs/tags/v2.4.0', RUNNER_TEMP: scratch, SOURCE_DATE_EPOCH: '1795000000' },
      actionVersion: '0.1.0',
      token: 'ghs_releaseToken123',
      outputDir: fs.mkdtempSync(path.join(scratch, 'out-')),
      ...overrides,
    };
  }

  it('uploads the archive itself as application/gzip, replacing the asset an earlier attempt left', async () => {
    const server = await recordedReleaseServer();
    try {
      const r = await release(args(server.url));
      const bytes = fs.readFileSync(r.archivePath);
      expect(server.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
        'GET /repos/acme/infusion-pump/releases/tags/v2.4.0',
        'POST /repos/octokit-fixture-org/release-assets-conflict/releases/1000/assets?name=infusion-pump-v2.4.0.tar.gz',
        'GET /repos/acme/infusion-pump/releases/1000/assets',
        'DELETE /repos/acme/infusion-pump/releases/assets/1000',
        'POST /repos/octokit-fixture-org/release-assets-conflict/releases/1000/assets?name=infusion-pump-v2.4.0.tar.gz',
      ]);
      for (const upload of server.seen.filter((s) => s.method === 'POST')) {
        expect(upload.headers['content-type']).toBe('application/gzip');
        expect(upload.headers['content-length']).toBe(String(bytes.length));
        expect(upload.headers.authorization).toBe('token ghs_releaseToken123');
        expect(upload.body.equals(bytes)).toBe(true);
      }
      expect(r.releaseAsset).toMatchObject({ id: 1001, name: 'infusion-pump-v2.4.0.tar.gz', replaced: true });
      expect(r.summary).toContain(`Attached to the GitHub Release \`v2.4.0\`: <${server.url}/acme/infusion-pump/releases/download/v2.4.0/infusion-pump-v2.4.0.tar.gz>`);
      expect(r.summary).not.toContain('An artifact expires');
    } finally {
      await server.close();
    }
  });

  it('writes release-notes.md as the body of a release that has none, and never replaces a written body', async () => {
    const evidenceDir = fs.mkdtempSync(path.join(scratch, 'evidence-'));
    fs.writeFileSync(path.join(evidenceDir, 'release-notes.md'), '# Release notes: acme/infusion-pump 2.4.0\n\n## Changes\n');
    const empty = await recordedReleaseServer({ releaseBody: '' });
    try {
      const r = await release(args(empty.url, { evidenceDir }));
      const patch = empty.seen.find((s) => s.method === 'PATCH');
      expect(patch?.path).toBe('/repos/acme/infusion-pump/releases/1000');
      expect(JSON.parse(patch!.body.toString('utf8'))).toEqual({ body: '# Release notes: acme/infusion-pump 2.4.0\n\n## Changes\n' });
      expect(r.releaseAsset?.notesWritten).toBe(true);
    } finally {
      await empty.close();
    }
    const written = await recordedReleaseServer();
    try {
      const r = await release(args(written.url, { evidenceDir }));
      expect(written.seen.some((s) => s.method === 'PATCH')).toBe(false);
      expect(r.releaseAsset?.notesWritten).toBe(false);
    } finally {
      await written.close();
    }
  });

  it('says to create the release when there is none with the tag, and keeps the archive', async () => {
    const server = await recordedReleaseServer({ releaseStatus: 404 });
    try {
      const a = args(server.url);
      const e = await failure(release(a));
      expect(e.message).toMatch(/^there is no published GitHub Release with the tag "v2\.4\.0" in acme\/infusion-pump \(input release-tag\): create it before this step/);
      expect(e.message).toMatch(/still on the runner at .*infusion-pump-v2\.4\.0\.tar\.gz$/);
      expect(fs.existsSync(path.join(a.outputDir!, 'infusion-pump-v2.4.0.tar.gz'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('asks for contents: write when the upload is refused, without showing the token', async () => {
    const server = await recordedReleaseServer({ uploadStatus: 403 });
    try {
      const e = await failure(release(args(server.url)));
      expect(e.message).toMatch(/could not be attached to the GitHub Release "v2\.4\.0" of acme\/infusion-pump: access denied \(403\): give the workflow `permissions: contents: write`/);
      expect(e.message).not.toContain('ghs_releaseToken123');
    } finally {
      await server.close();
    }
  });

  it('needs a token, and says so before building anything', async () => {
    const a = args('http://127.0.0.1:9', { token: '' });
    const e = await failure(release(a));
    expect(e.message).toMatch(/^input "github-token" is empty, so the release archive cannot be attached to the GitHub Release "v2\.4\.0"/);
    expect(fs.readdirSync(a.outputDir!)).toEqual([]);
  });
});
