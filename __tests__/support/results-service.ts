/**
 * The artifact service of GitHub Actions, for tests of @actions/artifact with real parts:
 *
 * - Azurite (the Azure Storage emulator, started on loopback) is the blob store; it checks SAS
 *   signatures for real, signed with its well-known development account key.
 * - A small HTTP server of ours speaks the twirp endpoints the client calls (CreateArtifact,
 *   FinalizeArtifact): CreateArtifact answers a service SAS URL (permissions `cw`) for one blob in
 *   Azurite; FinalizeArtifact reads that blob back and checks its size and SHA-256.
 *
 * A test can make the next calls of a method fail with a status, to see retries and errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Azurite's development storage account (public, documented, the same in every installation). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const SAS_VERSION = '2025-01-05';
const CONTAINER = 'actions-results';
const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts azurite-blob on loopback on a port it chooses, in memory; resolves when it listens. */
export async function startAzurite(timeoutMs = 30_000): Promise<Azurite> {
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const child = spawn(process.execPath, [main, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--silent'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const close = async (): Promise<void> => {
    await stop(child);
    fs.rmSync(cwd, { recursive: true, force: true });
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${timeoutMs} ms: ${out}`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        out += chunk.toString('utf8');
        const m = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited with ${code}: ${out}`));
      });
    });
    const azurite = { endpoint: `${origin}/${DEV_ACCOUNT}`, close };
    await createContainer(azurite, CONTAINER);
    return azurite;
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Ends Azurite. It keeps its data in memory only, and a graceful close waits for the clients'
 * keep-alive connections, so it is killed outright; resolves when it has exited.
 */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function sign(stringToSign: string): string {
  return createHmac('sha256', Buffer.from(DEV_ACCOUNT_KEY, 'base64')).update(stringToSign, 'utf8').digest('base64');
}

function expiry(): string {
  return new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A service SAS URL for one blob (signed resource `b`), as the artifact service hands out: the string
 * to sign of version 2020-12-06 and later, HMAC-SHA256 with the account key.
 */
export function blobSasUrl(azurite: Azurite, container: string, blob: string, permissions: string): string {
  const se = expiry();
  const stringToSign = [
    permissions, // sp
    '', // st
    se, // se
    `/blob/${DEV_ACCOUNT}/${container}/${blob}`, // canonicalized resource
    '', // si
    '', // sip
    'https,http', // spr
    SAS_VERSION, // sv
    'b', // sr
    '', // snapshot time
    '', // ses
    '', // rscc
    '', // rscd
    '', // rsce
    '', // rscl
    '', // rsct
  ].join('\n');
  const query = new URLSearchParams({ sv: SAS_VERSION, spr: 'https,http', se, sr: 'b', sp: permissions, sig: sign(stringToSign) });
  return `${azurite.endpoint}/${container}/${blob.split('/').map(encodeURIComponent).join('/')}?${query.toString()}`;
}

/** Creates a container with an account SAS (a service SAS cannot). */
async function createContainer(azurite: Azurite, container: string): Promise<void> {
  const se = expiry();
  const stringToSign = [DEV_ACCOUNT, 'c', 'b', 'c', '', se, '', 'https,http', SAS_VERSION, '', ''].join('\n');
  const query = new URLSearchParams({ sv: SAS_VERSION, ss: 'b', srt: 'c', sp: 'c', se, spr: 'https,http', sig: sign(stringToSign) });
  const res = await fetch(`${azurite.endpoint}/${container}?restype=container&${query.toString()}`, { method: 'PUT', headers: { 'x-ms-version': SAS_VERSION } });
  if (res.status !== 201) throw new Error(`creating the container answered ${res.status}: ${await res.text()}`);
}

/** Reads a blob back from Azurite (service SAS with permission `r`), or undefined when it does not exist. */
export async function readBlob(azurite: Azurite, blob: string, container = CONTAINER): Promise<Buffer | undefined> {
  const res = await fetch(blobSasUrl(azurite, container, blob, 'r'), { headers: { 'x-ms-version': SAS_VERSION } });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`reading blob ${blob} answered ${res.status}: ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** An unsigned JWT whose `scp` claim gives the run and job, as @actions/artifact reads it. */
export function runtimeToken(runId: string, jobId: string): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead:${runId} Actions.Results:${runId}:${jobId}` })}.`;
}

export interface Call {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface FinalizedArtifact {
  readonly id: string;
  readonly name: string;
  readonly blob: string;
  readonly size: number;
  readonly sha256: string;
  readonly expiresAt?: string;
  readonly mimeType?: string;
}

export interface ResultsService {
  /** Origin for ACTIONS_RESULTS_URL. */
  readonly url: string;
  readonly calls: Call[];
  readonly artifacts: FinalizedArtifact[];
  /** The next `times` calls of `method` answer `status` with a twirp error body. */
  fail(method: string, status: number, times?: number, error?: { code: string; msg: string }): void;
  /** Environment a step of `uses:` gets: runtime token and results URL (plus the run identity). */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startResultsService(azurite: Azurite, ids = { runId: 'c4d2a6f1-run', jobId: '9b1e3d77-job' }): Promise<ResultsService> {
  const calls: Call[] = [];
  const artifacts: FinalizedArtifact[] = [];
  const failures: { method: string; status: number; left: number; error: { code: string; msg: string } }[] = [];
  const created = new Map<string, { blob: string; expiresAt?: string; mimeType?: string }>();
  let nextId = 4711;

  const handle = async (method: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> => {
    const failure = failures.find((f) => f.method === method && f.left > 0);
    if (failure) {
      failure.left--;
      return { status: failure.status, body: failure.error };
    }
    if (body['workflow_run_backend_id'] !== ids.runId || body['workflow_job_run_backend_id'] !== ids.jobId) {
      return { status: 400, body: { code: 'invalid_argument', msg: 'backend IDs do not match the token' } };
    }
    const name = String(body['name'] ?? '');
    if (method === 'CreateArtifact') {
      if (artifacts.some((a) => a.name === name)) return { status: 409, body: { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' } };
      const blob = `${ids.runId}/${ids.jobId}/${name}`;
      created.set(name, {
        blob,
        ...(typeof body['expires_at'] === 'string' ? { expiresAt: body['expires_at'] } : {}),
        ...(typeof body['mime_type'] === 'string' ? { mimeType: body['mime_type'] } : {}),
      });
      return { status: 200, body: { ok: true, signed_upload_url: blobSasUrl(azurite, CONTAINER, blob, 'cw') } };
    }
    if (method === 'FinalizeArtifact') {
      const entry = created.get(name);
      if (entry === undefined) return { status: 404, body: { code: 'not_found', msg: 'artifact not created' } };
      const bytes = await readBlob(azurite, entry.blob);
      if (bytes === undefined) return { status: 400, body: { code: 'failed_precondition', msg: 'no blob uploaded' } };
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (String(body['size']) !== String(bytes.length)) return { status: 400, body: { code: 'invalid_argument', msg: `size ${String(body['size'])} is not ${bytes.length}` } };
      if (body['hash'] !== undefined && body['hash'] !== `sha256:${sha256}`) return { status: 400, body: { code: 'invalid_argument', msg: 'hash mismatch' } };
      const id = String(nextId++);
      artifacts.push({ id, name, blob: entry.blob, size: bytes.length, sha256, ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {}), ...(entry.mimeType ? { mimeType: entry.mimeType } : {}) });
      return { status: 200, body: { ok: true, artifact_id: id } };
    }
    return { status: 404, body: { code: 'bad_route', msg: `no handler for ${method}` } };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = url.pathname.startsWith(TWIRP_PREFIX) ? url.pathname.slice(TWIRP_PREFIX.length) : '';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const answer = req.method !== 'POST' || method === '' ? Promise.resolve({ status: 404, body: { code: 'bad_route', msg: 'not found' } }) : handle(method, body);
      answer.then(
        (a) => {
          calls.push({ method, body, authorization: req.headers.authorization, status: a.status });
          res.writeHead(a.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(a.body));
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'internal', msg: String(e) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls,
    artifacts,
    fail(method, status, times = 1, error = { code: status === 409 ? 'already_exists' : 'internal', msg: status === 409 ? 'an artifact with this name already exists on the workflow run' : 'internal error' }) {
      failures.push({ method, status, left: times, error });
    },
    env: () => ({ ACTIONS_RUNTIME_TOKEN: runtimeToken(ids.runId, ids.jobId), ACTIONS_RESULTS_URL: `${url}/` }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
