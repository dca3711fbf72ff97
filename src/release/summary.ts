/**
 * The paragraph of the job summary about the release archive. Pure.
 */
import { escapeMarkdown, truncate } from '../report/escape.js';
import { MAX_RETENTION_DAYS } from './settings.js';

export interface ReleaseSummaryInput {
  /** File name of the archive. */
  readonly archive: string;
  readonly sha256: string;
  /** Where the archive lies on the runner. */
  readonly path: string;
  readonly artifact?: { readonly name: string; readonly id: number; readonly url?: string };
  readonly retentionDays?: number;
  readonly releaseAsset?: { readonly tag: string; readonly url: string };
}

export function renderReleaseSummary(r: ReleaseSummaryInput): string {
  const lines = [`### Release archive`, '', `\`${r.archive}\` · SHA-256 \`${r.sha256}\``, ''];
  if (r.artifact !== undefined) {
    const name = r.artifact.url === undefined ? `\`${r.artifact.name}\`` : `[\`${r.artifact.name}\`](${r.artifact.url})`;
    const kept = r.retentionDays === undefined ? "for the repository's retention period" : `for ${r.retentionDays} ${r.retentionDays === 1 ? 'day' : 'days'}`;
    lines.push(`Uploaded as the workflow artifact ${name} (ID ${r.artifact.id}), kept ${kept}.`);
  } else {
    lines.push(`Not uploaded as an artifact (\`upload: false\`); it lies on the runner at \`${r.path}\` until the job ends.`);
  }
  if (r.releaseAsset !== undefined) {
    lines.push(`Attached to the GitHub Release \`${r.releaseAsset.tag}\`: <${r.releaseAsset.url}>.`);
  } else {
    lines.push(
      '',
      `An artifact expires (after at most 90 days on public repositories and ${MAX_RETENTION_DAYS} on private ones), while the release archive of a medical device must be kept as long as the device is supported: attach it to a GitHub Release with the input \`release-tag\`, or copy it to your records system.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface ReleaseFailureInput {
  /** What failed, as the step's failure message says it. */
  readonly message: string;
  /** The archive, when it was written before the failure. */
  readonly archive?: { readonly path: string; readonly sha256: string };
  /** The artifact, when it was uploaded before the failure (attaching to a GitHub Release failed). */
  readonly artifactId?: string;
}

/** Longest failure message quoted in the job summary. */
const FAILURE_LENGTH = 4000;

/** The paragraph of the job summary when the release failed after the gate passed: what failed, and what was done. */
export function renderReleaseFailure(r: ReleaseFailureInput): string {
  const lines = ['### ❌ Release archive failed', '', escapeMarkdown(truncate(r.message, FAILURE_LENGTH)), ''];
  if (r.archive === undefined) {
    lines.push('No release archive was written: the release is not done.');
  } else {
    const uploaded = r.artifactId === undefined || r.artifactId === '' ? 'it was not uploaded' : `it was uploaded as the artifact with ID ${escapeMarkdown(r.artifactId)}`;
    lines.push(`The archive \`${r.archive.path.replace(/`/g, "'")}\` (SHA-256 \`${r.archive.sha256}\`) was written; ${uploaded}, and it lies on the runner until the job ends: the release is not done.`);
  }
  return `${lines.join('\n')}\n`;
}
