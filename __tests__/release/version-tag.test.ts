import { describe, expect, it } from 'vitest';
import { compareVersionTags, isVersionTag, tagScheme, tagVersion } from '../../src/release/version-tag.js';

describe('RG-070 version tags', () => {
  const byDefault = tagScheme(undefined);
  it.each(['v1.2.3', '1.2.3', 'v1.2', 'v1.2.3-rc.1', '0.1.0+build.5'])('%s names a version by default', (tag) => {
    expect(isVersionTag(tag, byDefault)).toBe(true);
  });
  it.each(['latest', 'v1', 'release-1.2', 'v01.2.3', 'v1.2.3.', '1.2.3 ', 'v1.2.x'])('%s does not name a version by default', (tag) => {
    expect(isVersionTag(tag, byDefault)).toBe(false);
  });
  it('a tag-pattern glob sets the scheme; other characters stand for themselves', () => {
    const scheme = tagScheme('release-*.*');
    expect(isVersionTag('release-2.0', scheme)).toBe(true);
    expect(isVersionTag('release-20', scheme)).toBe(false);
    expect(isVersionTag('xrelease-2.0', scheme)).toBe(false);
    expect(isVersionTag('pump/v1.0', tagScheme('pump/v?.?'))).toBe(true);
  });
  it('the version is the tag without a leading v', () => {
    expect(tagVersion('v1.2.0')).toBe('1.2.0');
    expect(tagVersion('1.2.0')).toBe('1.2.0');
    expect(tagVersion('vendor-1')).toBe('vendor-1');
  });
  it('orders by numbers, a pre-release before its release', () => {
    expect(['v1.10.0', 'v1.9.0', 'v1.10.0-rc.1', 'v0.9'].sort(compareVersionTags)).toEqual(['v0.9', 'v1.9.0', 'v1.10.0-rc.1', 'v1.10.0']);
  });
});
