/**
 * Which failures of the system around the gate are the user's to fix: the known file-system failures
 * (by their `code`) and the known failures of GitHub's services (by their HTTP status, or as a network
 * failure). Each is said in words; anything not listed here is a bug and keeps its stack. Pure: it
 * looks at error objects only.
 */
import { UserError } from './errors.js';

/** What each known file-system failure means, in words. */
const FILE_SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this process may write',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'something else already stands at that path',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the runner',
  EIO: 'an input/output error of the device',
  EBUSY: 'the file or device is busy',
  ETXTBSY: 'the file is in use by a running program',
};

/** Network failures as Node reports them (`code` of a failed request). */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The reason of a known file-system failure, in words (`no space left on the device`), or undefined
 * for any other error, a bug included.
 */
export function fileSystemReason(e: unknown): string | undefined {
  const code = codeOf(e);
  return code === undefined ? undefined : FILE_SYSTEM_REASONS[code];
}

/** What the user can do about a known failure to write in `folder`, as a clause to append ('' when nothing general helps). */
export function fileSystemFix(e: unknown, folder: string): string {
  const code = codeOf(e);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `; make ${folder} writable for the runner's user, or write elsewhere in the workspace`;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return `; free space on the runner's disk (or raise its limit) and run the job again`;
  return '';
}

/**
 * A known file-system failure as a UserError: `what` (which names the file), the reason in words,
 * and `fix`; undefined for any other error.
 */
export function fileSystemFault(e: unknown, what: string, fix = '', where: { file?: string } = {}): UserError | undefined {
  const reason = fileSystemReason(e);
  return reason === undefined ? undefined : new UserError(`${what}: ${reason}${fix}`, where);
}

/** The HTTP status of a failed request to GitHub's API (octokit's RequestError), or undefined. */
export function httpStatus(e: unknown): number | undefined {
  if (!(e instanceof Error)) return undefined;
  const status = (e as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether `e` is a failed network connection (refused, reset, timed out, host not found). */
export function isNetworkFailure(e: unknown): boolean {
  const code = codeOf(e) ?? codeOf((e as { cause?: unknown } | null | undefined)?.cause);
  return code !== undefined && NETWORK_CODES.has(code);
}

/**
 * A failed request to GitHub's REST API, in words with what to fix (`permission` is what the
 * workflow must grant, such as `issues: read`), or undefined for an error that is no HTTP failure.
 * octokit reports a network failure as status 500 with the network's message.
 */
export function describeHttpFailure(e: unknown, permission: string, notFound: string): string | undefined {
  const status = httpStatus(e);
  if (status === undefined) return isNetworkFailure(e) ? `GitHub could not be reached (${(e as Error).message}); run the job again` : undefined;
  const headers = (e as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  if (status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0')) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return `GitHub's API rate limit is exhausted${when}; run again later`;
  }
  if (status === 401) return 'the token was refused (401 Bad credentials)';
  if (status === 403) return `access denied (403): give the workflow \`permissions: ${permission}\``;
  if (status === 404) return notFound;
  const message = (e as Error).message;
  if (status === 422) return `GitHub refused the request as invalid (422): ${message}`;
  // octokit gives a request that never got an answer (a network failure) status 500 too.
  if (status >= 500) return `GitHub answered ${status} (${message}); run the job again later`;
  return `GitHub answered ${status}: ${message}`;
}
