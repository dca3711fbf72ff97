import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { archiveTime } from '../../src/release/archive-time.js';
import { archiveFileName, resolveArchiveName, resolveVersion } from '../../src/release/version.js';
import { thrown } from '../support/factories.js';

const SHA = '0123456789ABCDEF0123456789abcdef01234567';

describe('resolveVersion', () => {
  it('takes the input first', () => {
    expect(resolveVersion('2.4.0', 'refs/tags/v9', SHA)).toEqual({ version: '2.4.0', source: 'input' });
  });
  it('then the tag of the ref', () => {
    expect(resolveVersion(undefined, 'refs/tags/v1.2.0', SHA)).toEqual({ version: 'v1.2.0', source: 'tag' });
    expect(resolveVersion('', 'refs/tags/v1.2.0', SHA)).toEqual({ version: 'v1.2.0', source: 'tag' });
    // The version tag found on the commit wins over the ref (a branch push of a tagged commit).
    expect(resolveVersion(undefined, 'refs/heads/main', SHA, 'v2.0.1')).toEqual({ version: 'v2.0.1', source: 'version-tag' });
    expect(resolveVersion('2.4.0', 'refs/heads/main', SHA, 'v2.0.1').source).toBe('input');
  });
  it('makes a tag safe for a file name', () => {
    expect(resolveVersion(undefined, 'refs/tags/release/2.0 final', SHA).version).toBe('release-2.0-final');
  });
  it('else the short commit SHA, in lower case', () => {
    expect(resolveVersion(undefined, 'refs/heads/main', SHA)).toEqual({ version: '0123456', source: 'commit' });
    expect(resolveVersion(undefined, undefined, SHA)).toEqual({ version: '0123456', source: 'commit' });
    expect(resolveVersion(undefined, 'refs/pull/7/merge', SHA).source).toBe('commit');
  });
  it('needs a commit SHA for that', () => {
    expect(() => resolveVersion(undefined, undefined, 'HEAD')).toThrow(/not a commit SHA/);
  });
});

describe('the archive name', () => {
  it('is the input, else the repository name, else the fallback', () => {
    expect(resolveArchiveName('fw', 'acme/pump', 'x')).toBe('fw');
    expect(resolveArchiveName(undefined, 'acme/infusion-pump', 'x')).toBe('infusion-pump');
    expect(resolveArchiveName(undefined, undefined, 'checkout dir')).toBe('checkout-dir');
  });
  it('is <archive-name>-<version>.tar.gz', () => {
    expect(archiveFileName('infusion-pump', 'v1.2.0')).toBe('infusion-pump-v1.2.0.tar.gz');
  });
});

describe('archiveTime', () => {
  const now = new Date('2026-11-20T10:11:12.345Z');
  it('is SOURCE_DATE_EPOCH when set', () => {
    expect(archiveTime({ SOURCE_DATE_EPOCH: '1700000000' }, now)).toEqual({ date: new Date(1_700_000_000_000), source: 'SOURCE_DATE_EPOCH' });
    expect(archiveTime({ SOURCE_DATE_EPOCH: '0' }, now).date.getTime()).toBe(0);
  });
  it('else the time given, in whole seconds', () => {
    expect(archiveTime({}, now)).toEqual({ date: new Date('2026-11-20T10:11:12.000Z'), source: 'commit' });
    expect(archiveTime({ SOURCE_DATE_EPOCH: '' }, now).source).toBe('commit');
  });
  it.each(['1.5', '-1', ' 1700000000', '0x10', 'yesterday', '4294967296'])('refuses SOURCE_DATE_EPOCH %j', (v) => {
    const e = thrown(() => archiveTime({ SOURCE_DATE_EPOCH: v }, now));
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toContain(`SOURCE_DATE_EPOCH is "${v}"`);
  });
});
