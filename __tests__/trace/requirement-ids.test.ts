import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  buildVariantMatcher,
  compareIds,
  compileRequirementPattern,
  idsOfTest,
  matchIds,
  splitIdList,
} from '../../src/trace/requirement-ids.js';
import { exactMatcher, looseMatcher, requirement, testCase, thrown } from '../support/factories.js';

const idsOf = (fields: Parameters<typeof testCase>[0]) => idsOfTest(testCase(fields), exactMatcher());

describe('RG-001 the default requirement pattern', () => {
  it('finds SRS-012 in a test name', () => {
    expect(idsOf({ name: 'SRS-012: rejects a negative weight' })).toEqual(['SRS-012']);
  });

  it('finds SRS-012 in a classname', () => {
    expect(idsOf({ classname: 'tests.dose.SRS-012.WeightTest', name: 'rejects a negative weight' })).toEqual(['SRS-012']);
  });

  it('finds SRS-012 in the name of an enclosing suite, at any depth', () => {
    expect(idsOf({ suites: ['dose calculator', 'SRS-012 weight checks'], name: 'rejects a negative weight' })).toEqual(['SRS-012']);
  });

  it('finds SRS-012 in the JUnit Platform display name', () => {
    expect(idsOf({ name: 'rejectsNegativeWeight()', displayName: 'SRS-012: rejects a negative weight' })).toEqual(['SRS-012']);
  });

  it('finds every documented prefix: REQ, SWR, SWRS, SYS, URS, PRS', () => {
    expect(idsOf({ name: 'REQ-7 SWR-0042 SWRS-1 SYS-2 URS-3 PRS-4' })).toEqual(['PRS-4', 'REQ-7', 'SWR-0042', 'SWRS-1', 'SYS-2', 'URS-3']);
  });

  it.each(['UTF-8', 'ISO-8601', 'SHA-256'])('does not take %s for a requirement ID', (text) => {
    expect(idsOf({ name: `decodes ${text} input`, classname: `${text}Test`, suites: [text] })).toEqual([]);
  });

  it('is case-sensitive: srs-12 is not an ID', () => {
    expect(idsOf({ name: 'srs-12 rejects a negative weight' })).toEqual([]);
  });
});

describe('compileRequirementPattern', () => {
  it('accepts the /pattern/flags form: /srs-\\d+/i matches any case', () => {
    const re = compileRequirementPattern('/srs-\\d+/i');
    expect(matchIds(re, 'srs-12 and SRS-3 and Srs-40')).toEqual(['srs-12', 'SRS-3', 'Srs-40']);
  });

  it('reads a bare pattern case-sensitively', () => {
    const re = compileRequirementPattern('srs-\\d+');
    expect(matchIds(re, 'srs-12 and SRS-3')).toEqual(['srs-12']);
  });

  it('takes capturing group 1 as the ID: \\[(SRS-\\d+)\\]', () => {
    const re = compileRequirementPattern('\\[(SRS-\\d+)\\]');
    expect(matchIds(re, 'dose [SRS-012] rounds, [SRS-013] logs, SRS-014 is not bracketed')).toEqual(['SRS-012', 'SRS-013']);
  });

  it('finds the same IDs when called again with the same compiled pattern', () => {
    const re = compileRequirementPattern('SRS-\\d+');
    expect(matchIds(re, 'SRS-1 SRS-2')).toEqual(['SRS-1', 'SRS-2']);
    expect(matchIds(re, 'SRS-1 SRS-2')).toEqual(['SRS-1', 'SRS-2']);
  });

  it.each([
    ['an invalid regular expression', '(SRS-\\d+', 'not a valid JavaScript regular expression'],
    ['an empty pattern', '', 'is empty'],
    ['a blank pattern', '   ', 'is empty'],
    ['an empty pattern in slashes', '//i', 'is empty'],
    ['a pattern that can match an empty string', 'SRS-\\d*|', 'can match an empty string'],
    ['an optional pattern', '(SRS-\\d+)?', 'can match an empty string'],
    ['the unsupported flag g', '/SRS-\\d+/g', 'flag "g" is not supported'],
    ['the unsupported flag y', '/SRS-\\d+/y', 'flag "y" is not supported'],
    ['the incompatible flags u and v together', '/SRS-\\d+/uv', 'not a valid JavaScript regular expression'],
  ])('rejects %s with a UserError naming the input', (_what, source, says) => {
    const e = thrown(() => compileRequirementPattern(source));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toContain('input "requirement-pattern"');
    expect((e as UserError).message).toContain(says);
  });

  // BUG: the empty-string check only tries the whole empty input (`^(?:\b)$` does not match ''), so a
  // zero-width pattern such as `\b` or `(?=SRS-)` is accepted although it matches only empty strings and
  // can never yield an ID: every test then shows up as untraced instead of the input being refused.
  it.each(['\\b', '(?=SRS-\\d)'])('rejects the zero-width pattern %s, which can never yield an ID', (source) => {
    const e = thrown(() => compileRequirementPattern(source));
    expect(e).toBeInstanceOf(UserError);
  });

  it('names the input it was given when one is passed', () => {
    const e = thrown(() => compileRequirementPattern('(', 'my-pattern'));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toContain('input "my-pattern"');
  });
});

describe('requirement properties', () => {
  it('splits a property value on commas, semicolons and whitespace', () => {
    expect(splitIdList('SRS-001, SRS-002;SRS-003  SRS-004\tSRS-005\nSRS-006 ;, ')).toEqual([
      'SRS-001',
      'SRS-002',
      'SRS-003',
      'SRS-004',
      'SRS-005',
      'SRS-006',
    ]);
  });

  it('adds the IDs of every property to those found in the names', () => {
    const ids = idsOf({
      name: 'SRS-001 computes the dose',
      properties: [
        { name: 'requirements', value: 'SRS-003; SRS-002' },
        { name: 'verifies', value: 'SRS-004' },
      ],
    });
    expect(ids).toEqual(['SRS-001', 'SRS-002', 'SRS-003', 'SRS-004']);
  });
});

describe('order of IDs', () => {
  it('sorts IDs numerically: SRS-2 before SRS-10', () => {
    expect(['SRS-10', 'SRS-2', 'REQ-1', 'SRS-1', 'SRS-100'].sort(compareIds)).toEqual(['REQ-1', 'SRS-1', 'SRS-2', 'SRS-10', 'SRS-100']);
  });

  it('lists the IDs of a test sorted and once each, wherever they were found', () => {
    const ids = idsOf({
      name: 'SRS-10 and SRS-2 and SRS-10 again',
      classname: 'SRS-2',
      suites: ['SRS-10'],
      properties: [{ name: 'requirements', value: 'SRS-2, SRS-1' }],
    });
    expect(ids).toEqual(['SRS-1', 'SRS-2', 'SRS-10']);
  });
});

describe('RG-003 loose ID variants (id-variants: loose)', () => {
  const list = ['SRS-004', 'SRS-006', 'SRS-007', 'SRS-008', 'SRS-012'].map((id) => requirement(id));
  const variants = buildVariantMatcher(list);

  it.each([
    ['SRS_004', ['SRS-004']],
    ['srs004_', ['SRS-004']],
    ['TestSRS004', ['SRS-004']],
    ['test_srs_4', ['SRS-004']],
    ['TestSRS006SRS007', ['SRS-006', 'SRS-007']],
    ['Srs008Bolus', ['SRS-008']],
    ['SRS_012_RejectsNegativeWeight', ['SRS-012']],
  ])('maps %s onto %j of the list', (text, expected) => {
    expect(variants.find(text)).toEqual(expected);
  });

  it.each(['classrs_12', 'XSRS004', 'TESTSRS004'])('does not match %s, where the letters are inside a word', (text) => {
    expect(variants.find(text)).toEqual([]);
  });

  it.each(['SRS_999', 'TestSRS005', 'srs_0', 'REQ_004'])('never invents an ID that is not in the list from %s', (text) => {
    expect(variants.find(text)).toEqual([]);
  });

  it('links a googletest name and a Go test name through idsOfTest', () => {
    const matcher = looseMatcher(list);
    expect(idsOfTest(testCase({ classname: 'Dose', name: 'SRS_012_Rejects' }), matcher)).toEqual(['SRS-012']);
    expect(idsOfTest(testCase({ classname: 'pump', name: 'TestSRS006SRS007RateLimit' }), matcher)).toEqual(['SRS-006', 'SRS-007']);
  });

  it('is off unless opted in: the exact pattern does not read SRS_004', () => {
    expect(idsOf({ name: 'SRS_004_Alarm', classname: 'TestSRS004' })).toEqual([]);
  });

  it('refuses a list whose IDs are equal when written loosely (SRS-4 and SRS-004)', () => {
    const e = thrown(() => buildVariantMatcher([requirement('SRS-4'), requirement('SRS-004')]));
    expect(e).toBeInstanceOf(UserError);
    const message = (e as UserError).message;
    expect(message).toContain('"SRS-4"');
    expect(message).toContain('"SRS-004"');
    expect(message).toContain('id-variants');
  });

  it('finds nothing when no ID of the list has the letters-and-number form', () => {
    expect(buildVariantMatcher([requirement('Dose limit'), requirement('A.1.2')]).find('TestSRS004 Dose limit')).toEqual([]);
  });

  // BUG: in loose mode the exact pattern still reports the literal spelling "SRS-4" next to the list ID
  // it was mapped onto, so a test named "SRS-4 ..." both verifies SRS-004 and names the unknown ID SRS-4.
  it('in loose mode, a test naming SRS-4 names only SRS-004 of the list', () => {
    expect(idsOfTest(testCase({ name: 'SRS-4 raises the occlusion alarm' }), looseMatcher(list))).toEqual(['SRS-004']);
  });
});
