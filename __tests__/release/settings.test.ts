import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readReleaseSettings } from '../../src/release/settings.js';
import { thrown } from '../support/factories.js';

const read = (inputs: Record<string, string>) => readReleaseSettings((n) => inputs[n] ?? '');
const refusal = (inputs: Record<string, string>): UserError => {
  const e = thrown(() => read(inputs));
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
};

describe('readReleaseSettings', () => {
  it('uploads by default and leaves every name to be derived', () => {
    expect(read({})).toEqual({ upload: true });
  });

  it('reads every input', () => {
    expect(
      read({ upload: 'False', 'artifact-name': 'pump-release.tar.gz', 'retention-days': '400', version: '2.4.0-rc.1+b7', 'archive-name': 'pump_fw', 'release-tag': 'release/2.4' }),
    ).toEqual({ upload: false, artifactName: 'pump-release.tar.gz', retentionDays: 400, version: '2.4.0-rc.1+b7', archiveName: 'pump_fw', releaseTag: 'release/2.4' });
  });

  it.each(['true', 'True', 'TRUE', ' true '])('reads upload "%s" as true', (v) => expect(read({ upload: v }).upload).toBe(true));
  it.each(['false', 'False', 'FALSE'])('reads upload "%s" as false', (v) => expect(read({ upload: v }).upload).toBe(false));
  it.each(['yes', '1', 'no', 'tru'])('refuses upload "%s"', (v) => expect(refusal({ upload: v }).message).toBe(`input "upload" is "${v}"; it must be true or false`));

  it('adds .tar.gz to an artifact name without it (the artifact is the .tar.gz file)', () => {
    expect(read({ 'artifact-name': 'pump-release' }).artifactName).toBe('pump-release.tar.gz');
  });

  it.each(['a"b', 'a:b', 'a<b', 'a>b', 'a|b', 'a*b', 'a?b', 'a\rb', 'a\nb', 'a\\b', 'a/b'])('refuses the artifact name %j, naming the character', (name) => {
    const e = refusal({ 'artifact-name': name });
    expect(e.message).toMatch(/^input "artifact-name" contains .+, which artifact names may not contain \(" : < > \| \* \? \\r \\n \\ \/\)/);
    const shown = name[1] === '\r' ? '\\r' : name[1] === '\n' ? '\\n' : name[1]!;
    expect(e.message).toContain(`contains ${shown},`);
  });

  it.each(['0', '401', '-1', '1.5', '30d', 'ninety'])('refuses retention-days "%s"', (v) => {
    expect(refusal({ 'retention-days': v }).message).toBe(`input "retention-days" is "${v}"; it must be a whole number of days from 1 to 400, or empty for the repository's setting`);
  });
  it.each([['1', 1], ['90', 90], ['400', 400]] as const)('reads retention-days "%s"', (v, n) => expect(read({ 'retention-days': v }).retentionDays).toBe(n));

  it.each(['v1/2', '../x', '.hidden', '-rf', 'with space', 'a:b', 'x'.repeat(129)])('refuses version %j that cannot be part of a file name', (v) => {
    expect(refusal({ version: v }).message).toMatch(/^input "version" is ".*"; it becomes part of the archive's file name/);
  });
  it('refuses such an archive-name too', () => {
    expect(refusal({ 'archive-name': 'my pump' }).message).toMatch(/^input "archive-name" is "my pump"; it becomes part of the archive's file name/);
  });

  it.each(['refs/tags/v1', 'v 1', 'v1~1', 'v1:x'])('refuses release-tag %j', (v) => {
    expect(refusal({ 'release-tag': v }).message).toMatch(/^input "release-tag" is ".*", which is not a Git tag name/);
  });
});
