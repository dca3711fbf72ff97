import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { readSettings, type InputSource } from '../src/settings.js';
import { matchIds, DEFAULT_REQUIREMENT_PATTERN } from '../src/trace/requirement-ids.js';
import { thrown } from './support/factories.js';

/** Inputs as the runner gives them: '' for every input that is not set. */
const inputs =
  (values: Record<string, string>): InputSource =>
  (name) =>
    values[name] ?? '';

const REQUIRED = { reports: 'reports/**/*.xml', requirements: 'docs/requirements.md' };

function refusal(values: Record<string, string>): UserError {
  const e = thrown(() => readSettings(inputs(values)));
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('readSettings: defaults', () => {
  it('uses the documented defaults when only the required inputs are set', () => {
    const s = readSettings(inputs(REQUIRED));
    expect(s).toMatchObject({
      reports: ['reports/**/*.xml'],
      requirements: 'docs/requirements.md',
      requirementPatternSource: DEFAULT_REQUIREMENT_PATTERN,
      idVariants: 'exact',
      untracedTests: 'fail',
      evidenceDir: 'release-gate-evidence',
    });
    expect(s).not.toHaveProperty('anomalies');
    expect(matchIds(s.requirementPattern, 'SRS-012 and UTF-8')).toEqual(['SRS-012']);
  });

  it('takes the given values, trimmed', () => {
    const s = readSettings(
      inputs({
        ...REQUIRED,
        requirements: '  docs/srs.csv  ',
        'requirement-pattern': ' /srs-\\d+/i ',
        'id-variants': 'loose',
        'untraced-tests': 'warn',
        anomalies: ' docs/anomalies.md ',
        'evidence-dir': ' out/evidence ',
      }),
    );
    expect(s).toMatchObject({
      requirements: 'docs/srs.csv',
      requirementPatternSource: '/srs-\\d+/i',
      idVariants: 'loose',
      untracedTests: 'warn',
      anomalies: 'docs/anomalies.md',
      evidenceDir: 'out/evidence',
    });
    expect(matchIds(s.requirementPattern, 'srs-1 SRS-2')).toEqual(['srs-1', 'SRS-2']);
  });

  it('accepts the choices in any case and with spaces around them', () => {
    const s = readSettings(inputs({ ...REQUIRED, 'id-variants': ' Loose ', 'untraced-tests': 'WARN' }));
    expect(s.idVariants).toBe('loose');
    expect(s.untracedTests).toBe('warn');
  });
});

describe('readSettings: reports', () => {
  it('keeps one trimmed pattern a line, dropping blank lines and # comments, with Windows line ends', () => {
    const s = readSettings(
      inputs({
        ...REQUIRED,
        reports: '  reports/**/*.xml  \r\n\r\n# unit tests only\n   # an indented comment\n\t!reports/**/coverage*.xml\nbuild/test-results/**/TEST-*.xml\n   \n',
      }),
    );
    expect(s.reports).toEqual(['reports/**/*.xml', '!reports/**/coverage*.xml', 'build/test-results/**/TEST-*.xml']);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n \n'],
    ['only comments', '# reports/**/*.xml\n'],
    ['only exclusions', '!reports/coverage.xml\n!reports/lint.xml'],
  ])('rejects reports that are %s, naming the input', (_what, reports) => {
    const e = refusal({ ...REQUIRED, reports });
    expect(e.message).toContain('input "reports"');
    expect(e.message).toContain('glob pattern');
  });
});

describe('readSettings: requirements', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('rejects a requirements input that is %s, naming the input', (_what, requirements) => {
    const e = refusal({ ...REQUIRED, requirements });
    expect(e.message).toContain('input "requirements"');
  });
});

describe('RG-024 readSettings: choices', () => {
  it('rejects an unknown untraced-tests value, listing the allowed values', () => {
    const e = refusal({ ...REQUIRED, 'untraced-tests': 'ignore' });
    expect(e.message).toContain('input "untraced-tests"');
    expect(e.message).toContain('"ignore"');
    expect(e.message).toContain('fail, warn');
  });

  it('rejects an unknown id-variants value, listing the allowed values', () => {
    const e = refusal({ ...REQUIRED, 'id-variants': 'fuzzy' });
    expect(e.message).toContain('input "id-variants"');
    expect(e.message).toContain('"fuzzy"');
    expect(e.message).toContain('exact, loose');
  });

  it('rejects an invalid requirement pattern, naming the input', () => {
    const e = refusal({ ...REQUIRED, 'requirement-pattern': '(SRS-\\d+' });
    expect(e.message).toContain('input "requirement-pattern"');
  });

  it('falls back to the default pattern when the pattern is blank', () => {
    expect(readSettings(inputs({ ...REQUIRED, 'requirement-pattern': '  ' })).requirementPatternSource).toBe(DEFAULT_REQUIREMENT_PATTERN);
  });
});

describe('readSettings: SOUP inputs', () => {
  it('no SOUP check without soup-list and sbom', () => {
    expect(readSettings(inputs(REQUIRED)).soup).toBeUndefined();
  });

  it('reads the list, the SBOM globs, the policy and the threshold', () => {
    const s = readSettings(inputs({ ...REQUIRED, 'soup-list': 'docs/soup.md', sbom: 'sbom/*.json\n# comment\n!sbom/old.json\n', 'soup-policy': 'Warn', 'soup-risk-threshold': 'Medium' }));
    expect(s.soup).toEqual({ list: 'docs/soup.md', sboms: ['sbom/*.json', '!sbom/old.json'], policy: 'warn', riskThreshold: 2, riskThresholdName: 'Medium' });
    expect(readSettings(inputs({ ...REQUIRED, 'soup-list': 'soup.csv', sbom: 'bom.json' })).soup).toMatchObject({ policy: 'enforce', riskThreshold: 1 });
  });

  it('refuses one without the other, an unknown policy or threshold', () => {
    expect(refusal({ ...REQUIRED, sbom: 'bom.json' }).message).toMatch(/"soup-list" is not/);
    expect(refusal({ ...REQUIRED, 'soup-list': 'soup.md' }).message).toMatch(/"sbom" is empty/);
    expect(refusal({ ...REQUIRED, 'soup-list': 'soup.md', sbom: '!x.json' }).message).toMatch(/"sbom" is empty/);
    expect(refusal({ ...REQUIRED, 'soup-list': 'soup.md', sbom: 'x.json', 'soup-policy': 'off' }).message).toMatch(/"soup-policy" is "off"; it must be one of: enforce, warn/);
    expect(refusal({ ...REQUIRED, 'soup-risk-threshold': 'Yellow' }).message).toMatch(/"soup-risk-threshold" is "Yellow"/);
  });
});

describe('readSettings: release checks', () => {
  it('enforces the release checks by default, with the default tag scheme and no version file', () => {
    const s = readSettings(inputs(REQUIRED), '/ws');
    expect(s.releaseChecks).toBe('enforce');
    expect(s.tagPattern).toBeUndefined();
    expect(s.versionFile).toBeUndefined();
  });

  it('reads release-checks, tag-pattern and version-file', () => {
    const s = readSettings(inputs({ ...REQUIRED, 'release-checks': 'WARN', 'tag-pattern': ' release-* ', 'version-file': 'package.json' }), '/ws');
    expect(s).toMatchObject({ releaseChecks: 'warn', tagPattern: 'release-*', versionFile: 'package.json' });
  });

  it('refuses an unknown policy, a tag-pattern of wildcards only, and a version file outside the workspace', () => {
    expect(refusal({ ...REQUIRED, 'release-checks': 'off' }).message).toBe('input "release-checks" is "off"; it must be one of: enforce, warn');
    expect(refusal({ ...REQUIRED, 'tag-pattern': '*' }).message).toContain('input "tag-pattern" is "*"');
    expect(thrown(() => readSettings(inputs({ ...REQUIRED, 'version-file': '../package.json' }), '/ws'))).toMatchObject({ message: expect.stringContaining('input "version-file" is "../package.json", which lies outside the workspace') });
  });
});
