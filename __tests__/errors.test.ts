/**
 * What is the user's to fix and what is a bug: one check for user errors, and only the known failures
 * of the file system and of GitHub's API are said as the user's.
 */
import { describe, expect, it } from 'vitest';
import { isUserError, UserError, UserErrors } from '../src/errors.js';
import { describeHttpFailure, fileSystemFault, fileSystemReason, isNetworkFailure } from '../src/system-faults.js';

const KNOWN_CODES = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EMFILE', 'ELOOP', 'ENAMETOOLONG', 'EEXIST', 'EDQUOT', 'EFBIG', 'EIO'];

function errno(code: string, file = '/w/reports/unit.xml'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${file}'`), { code, path: file });
}

describe('user errors', () => {
  it('are one class: several problems of a file are a user error too, and each problem stays apart', () => {
    const one = new UserError('no table', { file: 'req.md', line: 3 });
    const two = new UserError('no rows', { file: 'req.md', line: 9 });
    const both = new UserErrors([one, two]);
    expect([isUserError(one), isUserError(both)]).toEqual([true, true]);
    expect(both.problems).toEqual([one, two]);
    expect(one.problems).toEqual([one]);
    expect(both.toString()).toBe('req.md:3: no table\nreq.md:9: no rows');
  });

  it('are never a TypeError, a RangeError, a thrown string or nothing', () => {
    for (const e of [new TypeError('x is undefined'), new RangeError('too deep'), new Error('plain'), 'text', undefined, null, { message: 'like one' }]) {
      expect(isUserError(e)).toBe(false);
    }
  });
});

describe('file-system failures', () => {
  it.each(KNOWN_CODES)('%s is said in words, naming the file', (code) => {
    const reason = fileSystemReason(errno(code));
    expect(reason).toMatch(/^[a-z][a-z /,()'-]+$/);
    const fault = fileSystemFault(errno(code), 'the report could not be read', '', { file: 'reports/unit.xml' });
    expect(isUserError(fault)).toBe(true);
    expect(fault!.toString()).toBe(`reports/unit.xml: the report could not be read: ${reason}`);
  });

  it('an unknown code, a code that is no string, or an error without a code is no file-system failure', () => {
    for (const e of [errno('EWHATEVER'), errno('ERR_INVALID_ARG_TYPE'), Object.assign(new TypeError('bad'), { code: 42 }), new TypeError('bad'), undefined]) {
      expect(fileSystemReason(e)).toBeUndefined();
      expect(fileSystemFault(e, 'x')).toBeUndefined();
    }
  });
});

describe('failures of GitHub\'s API', () => {
  const http = (status: number, headers: Record<string, string> = {}): Error => Object.assign(new Error('answer'), { name: 'HttpError', status, response: { headers } });
  const say = (e: unknown): string | undefined => describeHttpFailure(e, 'issues: read', 'not found (404)');

  it('names what to fix for each known answer', () => {
    expect(say(http(401))).toBe('the token was refused (401 Bad credentials)');
    expect(say(http(403))).toBe('access denied (403): give the workflow `permissions: issues: read`');
    expect(say(http(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' }))).toBe("GitHub's API rate limit is exhausted until 2030-03-17T17:46:40.000Z; run again later");
    expect(say(http(429))).toMatch(/rate limit is exhausted/);
    expect(say(http(404))).toBe('not found (404)');
    expect(say(http(422))).toBe('GitHub refused the request as invalid (422): answer');
    expect(say(http(502))).toBe('GitHub answered 502 (answer); run the job again later');
  });

  it('says a network failure, and nothing of a bug', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    expect(isNetworkFailure(refused)).toBe(true);
    expect(say(refused)).toMatch(/^GitHub could not be reached \(connect ECONNREFUSED/);
    expect(isNetworkFailure(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    for (const e of [new TypeError("Cannot read properties of undefined (reading 'data')"), new RangeError('Invalid array length'), Object.assign({}, { status: 401 })]) {
      expect(say(e)).toBeUndefined();
    }
  });
});
