import { UserError } from '../errors.js';

/** The one time written into the archive: every entry's mtime, the gzip header and the recorded time. */
export interface ArchiveTime {
  /** Whole seconds (tar and gzip store no fraction). */
  readonly date: Date;
  readonly source: 'SOURCE_DATE_EPOCH' | 'commit';
}

/** Largest time the gzip header can hold (unsigned 32-bit seconds: 2106-02-07). */
const MAX_EPOCH = 0xffff_ffff;

/**
 * `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/): a decimal
 * integer of seconds since 1970-01-01 UTC, as `date +%s` prints it. A malformed value is an error, as
 * the specification asks, never silently replaced. Otherwise the commit's committer time, cut to whole
 * seconds: never the clock, so the same commit and inputs give the same bytes in every run.
 */
export function archiveTime(env: NodeJS.ProcessEnv, committed: Date): ArchiveTime {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return { date: new Date(Math.floor(committed.getTime() / 1000) * 1000), source: 'commit' };
  if (!/^[0-9]+$/.test(raw) || Number(raw) > MAX_EPOCH) {
    throw new UserError(
      `SOURCE_DATE_EPOCH is "${raw}"; it must be the whole number of seconds since 1970-01-01 UTC (as \`date +%s\` prints it, up to ${MAX_EPOCH}), for example the commit time: \`git log -1 --format=%ct\`. Unset it to use the commit's committer time.`,
    );
  }
  return { date: new Date(Number(raw) * 1000), source: 'SOURCE_DATE_EPOCH' };
}
