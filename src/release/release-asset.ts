/**
 * Attaches the release archive to a GitHub Release, where it stays as long as the release does
 * (artifacts expire). Octokit is loaded here, on first use. A same-name asset (422 already_exists,
 * for example from an earlier attempt of the run) is deleted and the upload repeated.
 */
import { UserError } from '../errors.js';
import { describeHttpFailure, httpStatus } from '../system-faults.js';

export interface ReleaseAssetOptions {
  readonly token: string;
  /** REST API root (GITHUB_API_URL); api.github.com when undefined. */
  readonly apiUrl?: string;
  /** owner/name */
  readonly repository: string;
  readonly tag: string;
  /** File name of the asset. */
  readonly name: string;
  readonly data: Uint8Array;
  readonly contentType: string;
  readonly label?: string;
  /** The release notes: they become the release's body when that body is empty; a written body is never replaced. */
  readonly notes?: string;
}

/** GitHub refuses a release body longer than this (characters). */
export const RELEASE_BODY_LIMIT = 125_000;

export interface AttachedAsset {
  readonly id: number;
  readonly name: string;
  /** Where the asset is downloaded from. */
  readonly url: string;
  /** An asset of the same name was there and was replaced. */
  readonly replaced: boolean;
  /** The release notes were written as the release's body (it was empty). */
  readonly notesWritten: boolean;
}

export async function attachToRelease(o: ReleaseAssetOptions): Promise<AttachedAsset> {
  checkReleaseAccess(o.token, o.repository, o.tag);
  const [owner, repo] = o.repository.split('/') as [string, string];
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(o.token, o.apiUrl !== undefined && o.apiUrl !== '' ? { baseUrl: o.apiUrl.replace(/\/+$/, '') } : {});

  let release: { id: number; upload_url: string; body?: string | null };
  try {
    release = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: o.tag })).data;
  } catch (e) {
    if (httpStatus(e) === 404) {
      throw new UserError(
        `there is no published GitHub Release with the tag "${o.tag}" in ${o.repository} (input release-tag): create it before this step (for example \`gh release create ${o.tag}\`); a draft release is not found by its tag`,
      );
    }
    throw new UserError(`the GitHub Release "${o.tag}" of ${o.repository} could not be read: ${apiFailure(e)}`);
  }

  const upload = () =>
    octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.id,
      url: release.upload_url,
      name: o.name,
      ...(o.label !== undefined ? { label: o.label } : {}),
      // The endpoint takes the raw bytes; octokit's type says string.
      data: o.data as unknown as string,
      headers: { 'content-type': o.contentType, 'content-length': o.data.byteLength },
    });

  let replaced = false;
  let asset: { id: number; name: string; browser_download_url: string };
  try {
    try {
      asset = (await upload()).data;
    } catch (e) {
      if (!alreadyExists(e)) throw e;
      const assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: release.id });
      const old = assets.find((a) => a.name === o.name);
      if (old === undefined) throw e;
      await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: old.id });
      replaced = true;
      asset = (await upload()).data;
    }
  } catch (e) {
    throw new UserError(`the release archive could not be attached to the GitHub Release "${o.tag}" of ${o.repository}: ${apiFailure(e)}`);
  }
  let notesWritten = false;
  if (o.notes !== undefined && (release.body ?? '').trim() === '') {
    const body = o.notes.length <= RELEASE_BODY_LIMIT ? o.notes : `${o.notes.slice(0, RELEASE_BODY_LIMIT - 200)}\n\n… cut to GitHub's limit of a release body: the release archive holds release-notes.md whole.\n`;
    try {
      await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, body });
    } catch (e) {
      throw new UserError(`the release archive was attached, but the release notes could not be written as the body of the GitHub Release "${o.tag}" of ${o.repository}: ${apiFailure(e)}`);
    }
    notesWritten = true;
  }
  return { id: asset.id, name: asset.name, url: asset.browser_download_url, replaced, notesWritten };
}

/** The checks made before any request. */
export function checkReleaseAccess(token: string, repository: string, tag: string): void {
  if (token.trim() === '') {
    throw new UserError(`input "github-token" is empty, so the release archive cannot be attached to the GitHub Release "${tag}" (input release-tag); pass \`github-token: \${{ github.token }}\` and grant \`contents: write\``);
  }
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) throw new UserError(`the repository "${repository}" is not of the form owner/name (GITHUB_REPOSITORY)`);
}

function alreadyExists(e: unknown): boolean {
  if (httpStatus(e) !== 422) return false;
  const errors = (e as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data?.errors ?? [];
  return errors.some((x) => x.code === 'already_exists');
}

/** A known failure of the API in words; any other error (a bug) is rethrown as it is, with its stack. */
function apiFailure(e: unknown): string {
  const failure = describeHttpFailure(e, 'contents: write', 'not found (404), or the token cannot see the repository');
  if (failure === undefined) throw e;
  return failure;
}
