import { UserError } from '../errors.js';

/** The inputs of the release archive, read and checked once. */
export interface ReleaseSettings {
  /** Upload the archive as a workflow artifact. */
  readonly upload: boolean;
  /** Name of the artifact; undefined: the archive's file name. Always ends in `.tar.gz`. */
  readonly artifactName?: string;
  /** Days the artifact is kept; undefined: the repository's setting. */
  readonly retentionDays?: number;
  /** Version in the archive's name; undefined: the tag of the ref, else the short commit SHA. */
  readonly version?: string;
  /** First part of the archive's name; undefined: the repository's name. */
  readonly archiveName?: string;
  /** Tag of a GitHub Release to attach the archive to. */
  readonly releaseTag?: string;
}

/** Characters an artifact name may not contain (the artifact service refuses them). */
export const ARTIFACT_NAME_FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'] as const;

/** Longest retention GitHub allows (private repositories; public ones keep artifacts 90 days at most). */
export const MAX_RETENTION_DAYS = 400;

/** A name that becomes part of a file name: letters, digits, `.`, `_`, `+`, `-`, not starting with `.` or `-`. */
export const FILE_NAME_PART = /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/;

const ARCHIVE_SUFFIX = '.tar.gz';

export function readReleaseSettings(input: (name: string) => string): ReleaseSettings {
  const artifactName = input('artifact-name').trim();
  const retention = input('retention-days').trim();
  const version = input('version').trim();
  const archiveName = input('archive-name').trim();
  const releaseTag = input('release-tag').trim();
  return {
    upload: readBoolean(input, 'upload', true),
    ...(artifactName === '' ? {} : { artifactName: checkArtifactName(artifactName) }),
    ...(retention === '' ? {} : { retentionDays: checkRetention(retention) }),
    ...(version === '' ? {} : { version: checkNamePart('version', version, 'for example "v1.2.0" or "2.4.0-rc.1"') }),
    ...(archiveName === '' ? {} : { archiveName: checkNamePart('archive-name', archiveName, 'for example "infusion-pump-firmware"') }),
    ...(releaseTag === '' ? {} : { releaseTag: checkTag(releaseTag) }),
  };
}

/** The YAML 1.2 booleans, as the runner's own boolean inputs accept them. */
function readBoolean(input: (name: string) => string, name: string, fallback: boolean): boolean {
  const v = input(name).trim();
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new UserError(`input "${name}" is "${v}"; it must be true or false`);
}

function checkArtifactName(name: string): string {
  const bad = ARTIFACT_NAME_FORBIDDEN.filter((c) => name.includes(c));
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : c)).join(' ');
    throw new UserError(`input "artifact-name" contains ${shown}, which artifact names may not contain (" : < > | * ? \\r \\n \\ /); choose a name without them, for example "release-archive"`);
  }
  return name.endsWith(ARCHIVE_SUFFIX) ? name : `${name}${ARCHIVE_SUFFIX}`;
}

function checkRetention(text: string): number {
  const days = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new UserError(`input "retention-days" is "${text}"; it must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or empty for the repository's setting`);
  }
  return days;
}

function checkNamePart(name: string, value: string, example: string): string {
  if (!FILE_NAME_PART.test(value) || value.length > 128) {
    throw new UserError(`input "${name}" is "${value}"; it becomes part of the archive's file name, so use at most 128 letters, digits, dots, hyphens, underscores and plus signs, not starting with a dot or hyphen (${example})`);
  }
  return value;
}

function checkTag(tag: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(tag) || tag.startsWith('refs/')) {
    throw new UserError(`input "release-tag" is "${tag}", which is not a Git tag name; give the tag of an existing GitHub Release, for example "v1.2.0" (without "refs/tags/")`);
  }
  return tag;
}
