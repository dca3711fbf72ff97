/**
 * What the pattern finds is mapped onto the IDs of the list: the longest ID of the list that a text
 * names wins (sub-IDs), a case-insensitive pattern finds the list's spelling, and names are matched
 * as they display (no invisible characters).
 */
import { describe, expect, it } from 'vitest';
import type { Requirement, TestCase } from '../../src/model/index.js';
import { buildListIds, compileRequirementPattern, idsOfTest } from '../../src/trace/requirement-ids.js';
import { trace } from '../support/trace-in-memory.js';
import { exactMatcher, looseMatcher, requirement, testCase } from '../support/factories.js';

const statuses = (t: ReturnType<typeof trace>) => Object.fromEntries(t.requirements.map((r) => [r.requirement.id, r.status]));
const unknown = (t: ReturnType<typeof trace>) => t.unknownIds.map((u) => u.id);

function traceOne(ids: readonly string[], fields: Partial<TestCase>, pattern?: string) {
  const list: Requirement[] = ids.map((id) => requirement(id));
  return trace(list, [testCase(fields)], pattern === undefined ? exactMatcher() : exactMatcher(compileRequirementPattern(pattern)));
}

describe('RG-002 sub-IDs: the longest ID of the list that the text names wins', () => {
  it.each([
    ['SRS-010.1', 'SRS-010.1 rounds the dose'],
    ['SRS-010.1', 'rounds the dose [SRS-010.1]'],
    ['SRS-010-A', 'SRS-010-A rounds the dose'],
    ['SRS-010.1.2', 'SRS-010.1.2: rounds'],
    ['SRS-010-2', 'SRS-010-2 rounds'],
  ])('with SRS-010 and %s in the list, "%s" verifies only the sub-ID', (sub, name) => {
    const t = traceOne(['SRS-010', sub], { name });
    expect(statuses(t)).toEqual({ 'SRS-010': 'uncovered', [sub]: 'verified' });
    expect(unknown(t)).toEqual([]);
  });

  it('finds the sub-ID in a classname, a suite and the display name too', () => {
    for (const fields of [{ classname: 'dose.SRS-010.1.Test' }, { suites: ['SRS-010.1 rounding'] }, { displayName: 'SRS-010.1: rounds' }]) {
      const t = traceOne(['SRS-010', 'SRS-010.1'], { name: 'rounds', ...fields });
      expect(statuses(t), JSON.stringify(fields)).toEqual({ 'SRS-010': 'uncovered', 'SRS-010.1': 'verified' });
    }
  });

  it('a test naming both verifies both', () => {
    const t = traceOne(['SRS-010', 'SRS-010.1'], { name: 'SRS-010 and SRS-010.1' });
    expect(statuses(t)).toEqual({ 'SRS-010': 'verified', 'SRS-010.1': 'verified' });
  });

  it('a pattern that stops short of the sub-ID still links the longer ID of the list written there', () => {
    const t = traceOne(['SRS-010', 'SRS-010.1', 'SRS-010-AB'], { name: 'SRS-010.1 and SRS-010-AB' }, 'SRS-\\d+');
    expect(statuses(t)).toEqual({ 'SRS-010': 'uncovered', 'SRS-010.1': 'verified', 'SRS-010-AB': 'verified' });
  });

  it('a sub-ID the list lacks names the longest ID of the list it starts with, as before', () => {
    const t = traceOne(['SRS-010'], { name: 'SRS-010.3 rounds' });
    expect(statuses(t)).toEqual({ 'SRS-010': 'verified' });
    expect(unknown(t)).toEqual([]);
  });

  it('a sub-ID neither the list nor its parent is in is unknown, written in full', () => {
    expect(unknown(traceOne(['SRS-010'], { name: 'SRS-011.2 rounds' }))).toEqual(['SRS-011.2']);
  });

  it('does not take the next word or the next ID for a sub-ID', () => {
    const t = traceOne(['SRS-001', 'SRS-002'], { name: 'SRS-001-SRS-002 SRS-001-Alarm SRS-002.' });
    expect(statuses(t)).toEqual({ 'SRS-001': 'verified', 'SRS-002': 'verified' });
    expect(unknown(t)).toEqual([]);
  });

  it('does not read SRS-0101 as SRS-010.1 or SRS-010', () => {
    expect(unknown(traceOne(['SRS-010', 'SRS-010.1'], { name: 'SRS-0101' }))).toEqual(['SRS-0101']);
  });
});

describe('a case-insensitive pattern (/pattern/i) maps what it finds onto the list', () => {
  it.each(['srs-001 doses', 'Srs-001 doses', 'checks SRS-001'])('"%s" verifies SRS-001 and names no unknown ID', (name) => {
    const t = traceOne(['SRS-001'], { name }, '/\\bsrs-\\d+\\b/i');
    expect(statuses(t)).toEqual({ 'SRS-001': 'verified' });
    expect(unknown(t)).toEqual([]);
  });

  it('maps a lower-case sub-ID onto the list, longest first', () => {
    const t = traceOne(['SRS-010', 'SRS-010.1'], { name: 'srs-010.1 rounds' }, '/\\bsrs-\\d+(?:\\.\\d+)*\\b/i');
    expect(statuses(t)).toEqual({ 'SRS-010': 'uncovered', 'SRS-010.1': 'verified' });
  });

  it('an ID in other case that the list lacks is still unknown', () => {
    expect(unknown(traceOne(['SRS-001'], { name: 'srs-002' }, '/\\bsrs-\\d+\\b/i'))).toEqual(['srs-002']);
  });

  it('two list IDs that differ only in case are told apart only when written exactly', () => {
    const list = buildListIds([requirement('SRS-001'), requirement('srs-001')], true);
    expect(list.resolve('SRS-001', 0, 'SRS-001')).toBe('SRS-001');
    expect(list.resolve('srs-001', 0, 'srs-001')).toBe('srs-001');
    expect(list.resolve('Srs-001', 0, 'Srs-001')).toBeUndefined();
  });

  it('a case-sensitive pattern does not fold case', () => {
    expect(buildListIds([requirement('SRS-001')], false).resolve('srs-001', 0, 'srs-001')).toBeUndefined();
  });
});

describe('names are matched as they display: invisible (format and default-ignorable) characters are removed first', () => {
  const invisible = [
    ['zero-width space', '\u200b'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00ad'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left override', '\u202e'],
    ['zero-width no-break space', '\ufeff'],
    ['combining grapheme joiner', '\u034f'],
    ['variation selector 16', '\ufe0f'],
    ['variation selector 1', '\ufe00'],
    ['Hangul choseong filler', '\u115f'],
    ['Hangul jungseong filler', '\u1160'],
    ['Hangul filler', '\u3164'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['Khmer vowel inherent', '\u17b4'],
    ['Mongolian free variation selector', '\u180b'],
    ['tag character', '\u{e0041}'],
    ['variation selector 17', '\u{e0100}'],
    ['reserved default-ignorable', '\u{e0fff}'],
  ];

  it.each(invisible)('a %s inside "SRS-0012" does not make it SRS-001', (_, c) => {
    const t = traceOne(['SRS-001', 'SRS-0012'], { name: `SRS-001${c}2 doses` });
    expect(statuses(t)).toEqual({ 'SRS-001': 'uncovered', 'SRS-0012': 'verified' });
  });

  it.each(invisible)('a %s that splits an ID in a classname, suite, display name or property is removed', (_, c) => {
    for (const fields of [
      { classname: `SRS-00${c}2.Test` },
      { suites: [`S${c}RS-002 suite`] },
      { displayName: `SRS-${c}002: doses` },
      { properties: [{ name: 'requirements', value: `SRS-00${c}2` }] },
    ]) {
      const t = traceOne(['SRS-002'], { name: 'doses', ...fields });
      expect(statuses(t), JSON.stringify(fields)).toEqual({ 'SRS-002': 'verified' });
      expect(unknown(t)).toEqual([]);
    }
  });

  it('in loose mode too', () => {
    const list = [requirement('SRS-004')];
    expect(idsOfTest(testCase({ name: 'TestSRS\u200b004' }), looseMatcher(list))).toEqual(['SRS-004']);
  });
});
