/**
 * Uploads the release archive as one workflow artifact, the .tar.gz itself (`skipArchive`), not a zip
 * around it. @actions/artifact is loaded here, on first use, so a run that uploads nothing never pays
 * for it. Every known failure of the service is a UserError that names the archive left on the runner.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { fileSystemReason, isNetworkFailure } from '../system-faults.js';
import { artifactUrl, isGhes } from './platform.js';

export interface UploadedArtifact {
  readonly id: number;
  readonly name: string;
  readonly url?: string;
  readonly size?: number;
}

export interface ArtifactOptions {
  /** Name of the artifact (with skipArchive, the name of the file uploaded). */
  readonly name: string;
  readonly retentionDays?: number;
  readonly env: NodeJS.ProcessEnv;
}

/** Environment variables @actions/artifact reads from process.env. */
const ARTIFACT_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
] as const;

/**
 * The checks made before any request: not on GitHub Enterprise Server (no artifact service of this
 * kind there), and the runtime token and results URL present (the runner gives them only to steps
 * that run an action with `uses:`, never to `run:` steps).
 */
export function checkArtifactService(env: NodeJS.ProcessEnv): void {
  if (isGhes(env['GITHUB_SERVER_URL'])) {
    throw new UserError(
      `workflow artifacts of this kind are not supported on GitHub Enterprise Server (${env['GITHUB_SERVER_URL']}), so the release archive cannot be uploaded as one: set \`upload: false\`, and keep the archive with \`release-tag\` (a GitHub Release) or a step of your own that reads the output archive-path`,
    );
  }
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((n) => !env[n]);
  if (missing.length > 0) {
    throw new UserError(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set, so the release archive cannot be uploaded as an artifact: the runner gives ${missing.length === 1 ? 'it' : 'them'} only to steps that run the action with \`uses:\`, not to \`run:\` steps or scripts started by them; run the action with \`uses:\`, or set \`upload: false\``,
    );
  }
}

export async function uploadArtifact(file: string, options: ArtifactOptions): Promise<UploadedArtifact> {
  const { name, env } = options;
  checkArtifactService(env);
  // With skipArchive the artifact takes the file's name: upload a link named as the artifact.
  let upload = file;
  let linkDir: string | undefined;
  try {
    if (path.basename(file) !== name) {
      linkDir = await fs.mkdtemp(path.join(path.dirname(file), '.artifact-'));
      upload = path.join(linkDir, name);
      await fs.link(file, upload).catch(() => fs.copyFile(file, upload));
    }
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const response = await withEnv(env, () =>
      new DefaultArtifactClient().uploadArtifact(name, [upload], path.dirname(upload), {
        skipArchive: true,
        ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      }),
    );
    if (response.id === undefined) throw new UserError(`the upload of the artifact "${name}" failed: the artifact service returned no artifact ID. The release archive was not uploaded; it is still on the runner at ${file}`);
    const url = artifactUrl(env, response.id);
    return { id: response.id, name, ...(url !== undefined ? { url } : {}), ...(response.size !== undefined ? { size: response.size } : {}) };
  } catch (e) {
    if (isUserError(e) || !isServiceFailure(e)) throw e;
    throw new UserError(`${describe(e, name)}. The release archive was not uploaded; it is still on the runner at ${file}`);
  } finally {
    if (linkDir !== undefined) await fs.rm(linkDir, { recursive: true, force: true });
  }
}

/** Error names of @actions/artifact and of the blob storage client it uploads with. */
const SERVICE_ERRORS = new Set(['NetworkError', 'UsageError', 'InvalidResponseError', 'FilesNotFoundError', 'GHESNotSupportedError', 'RestError', 'AbortError']);

/**
 * Whether `e` is a failure of the artifact service as @actions/artifact reports it: one of its errors,
 * a request it gave up on (its Twirp client says `Failed to <method>: ...`), a stalled upload, the
 * network, or the archive's file. Anything else is a bug.
 */
function isServiceFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (SERVICE_ERRORS.has(e.name)) return true;
  if (/^Failed to \w+: /.test(e.message) || e.message === 'Upload progress stalled.') return true;
  return isNetworkFailure(e) || fileSystemReason(e) !== undefined;
}

function describe(e: unknown, name: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const errorName = e instanceof Error ? e.name : '';
  if (/\(409\)/.test(message)) {
    return `an artifact named "${name}" already exists in this workflow run (409 Conflict): every artifact of a run needs its own name, so give this step a different \`artifact-name\` (in a matrix, include the matrix values)`;
  }
  if (errorName === 'UsageError') return `the artifact storage quota of the account is used up (${message.split('\n')[0]})`;
  if (/\((401|403)\)/.test(message)) return `the artifact service refused the upload of "${name}" (${message})`;
  if (errorName === 'NetworkError') return `the artifact service could not be reached (${message.split('\n')[0]})`;
  return `the upload of the artifact "${name}" failed: ${message}`;
}

/**
 * @actions/artifact reads its settings from process.env. When the caller's environment is another
 * object, its values for those settings are put in place for the call and restored afterwards.
 */
async function withEnv<T>(env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> {
  if (env === process.env) return run();
  const saved = ARTIFACT_ENV.map((k) => [k, process.env[k]] as const);
  for (const k of ARTIFACT_ENV) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return await run();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
