/**
 * The version and name of the release archive. Pure: everything comes in as arguments.
 */

export interface ResolvedVersion {
  readonly version: string;
  /** Where it came from: the `version` input, the version tag on the commit, the tag of the ref, or the commit. */
  readonly source: 'input' | 'version-tag' | 'tag' | 'commit';
}

/** Length of the short commit SHA used when there is neither a version input nor a tag. */
export const SHORT_SHA_LENGTH = 7;

/**
 * The `version` input when given, else the version tag the release-identity checks found on the commit
 * (`versionTag`), else the tag of the ref (`refs/tags/v1.2.0` -> `v1.2.0`), else the
 * short commit SHA. A tag is made safe for a file name: characters other than letters, digits, `.`,
 * `_`, `+` and `-` become `-` (`release/2.0` -> `release-2.0`).
 */
export function resolveVersion(input: string | undefined, ref: string | undefined, commit: string, versionTag?: string): ResolvedVersion {
  if (input !== undefined && input !== '') return { version: input, source: 'input' };
  if (versionTag !== undefined && versionTag !== '') return { version: safeNamePart(versionTag), source: 'version-tag' };
  const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
  if (tag !== '') return { version: safeNamePart(tag), source: 'tag' };
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) throw new Error(`not a commit SHA: "${commit}"`);
  return { version: commit.slice(0, SHORT_SHA_LENGTH).toLowerCase(), source: 'commit' };
}

/** The `archive-name` input when given, else the repository's name (`acme/pump` -> `pump`), else the fallback. */
export function resolveArchiveName(input: string | undefined, repository: string | undefined, fallback: string): string {
  if (input !== undefined && input !== '') return input;
  const name = repository?.split('/')[1] ?? '';
  return safeNamePart(name !== '' ? name : fallback);
}

/** `<archive-name>-<version>.tar.gz` */
export function archiveFileName(archiveName: string, version: string): string {
  return `${archiveName}-${version}.tar.gz`;
}

/** Text made safe as part of a file name (and an artifact name). */
export function safeNamePart(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._+-]/g, '-').replace(/^[.-]+/, '');
  return safe === '' ? 'release' : safe;
}
