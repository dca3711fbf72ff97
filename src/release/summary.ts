/**
 * The paragraph of the job summary about the release archive. Pure.
 */
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
