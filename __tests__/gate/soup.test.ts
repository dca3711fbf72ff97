import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSoup, SOUP_FINDINGS_PER_KIND } from '../../src/gate/soup.js';
import { diffSoup } from '../../src/gate/soup-diff.js';
import { isExactVersion, riskRank } from '../../src/gate/soup-terms.js';
import type { Sbom, SbomComponent, SoupList, SoupRow } from '../../src/model/index.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { repoRoot } from '../support/corpus.js';

const LOW = riskRank('low')!;
const ENFORCE = { policy: 'enforce', riskThreshold: LOW } as const;

function row(fields: Partial<SoupRow> & Pick<SoupRow, 'name' | 'version'>, line = 3): SoupRow {
  return { id: '', ecosystem: '', manufacturer: '', website: 'https://example.org', riskLevel: 'Low', requirements: '', verification: '', lastVerified: '', line, ...fields };
}
const list = (...rows: SoupRow[]): SoupList => ({ file: 'docs/soup.md', rows });
const sbom = (...components: SbomComponent[]): Sbom => ({ file: 'sbom.json', format: 'CycloneDX', specVersion: '1.5', product: 'app', components });
const npm = (name: string, version: string, notShipped?: string): SbomComponent => ({ name, version, purl: `pkg:npm/${name}@${version}`, ...(notShipped === undefined ? {} : { notShipped }) });

describe('RG-100 checkSoup: every shipped component of the SBOMs has a SOUP row at its exact version, with a manufacturer and a risk level', () => {
  it('passes a documented SBOM of npm sbom, in both formats', () => {
    const fixtures = path.join(repoRoot, '__fixtures__/sbom');
    const soup = list(row({ name: 'is-number', version: '7.0.0', ecosystem: 'JavaScript' }, 3), row({ name: 'ms', version: '2.1.3', ecosystem: 'npm' }, 4));
    for (const file of ['npm-cyclonedx.json', 'npm-spdx.json']) {
      const check = checkSoup(soup, [readSbom(file, fs.readFileSync(path.join(fixtures, file), 'utf8'))], ENFORCE);
      expect(check.findings).toEqual([]);
      expect(check.record.components.map((c) => [c.name, c.version, c.row, c.notShipped === undefined])).toEqual([
        ['is-number', '6.0.0', undefined, false],
        ['is-number', '7.0.0', 3, true],
        ['is-odd', '3.0.1', undefined, false],
        ['ms', '2.1.3', 4, true],
      ]);
    }
  });

  it('an undocumented component fails, naming it, the SBOM and the list', () => {
    const check = checkSoup(list(), [sbom(npm('left-pad', '1.3.0'))], ENFORCE);
    expect(check.findings).toEqual([
      { code: 'soup-undocumented', blocking: true, file: 'docs/soup.md', message: expect.stringMatching(/^left-pad 1\.3\.0 \(pkg:npm\/left-pad@1\.3\.0\), shipped according to sbom\.json, has no row/) },
    ]);
  });

  it('a version drift, a range or latest fail at the row', () => {
    for (const version of ['1.2.0', '^1.3.0', 'latest', '']) {
      const check = checkSoup(list(row({ name: 'left-pad', version }, 7)), [sbom(npm('left-pad', '1.3.0'))], ENFORCE);
      expect(check.findings).toHaveLength(1);
      expect(check.findings[0]).toMatchObject({ code: 'soup-version', blocking: true, line: 7 });
      expect(check.findings[0]!.message).toContain(`gives version "${version}"`);
      expect(check.record.staleRows).toEqual([]);
    }
  });

  it('an SBOM version that is not exact fails', () => {
    const check = checkSoup(list(row({ name: 'x', version: '^2.0.0' })), [sbom(npm('x', '^2.0.0'))], ENFORCE);
    expect(check.findings.map((f) => f.code)).toEqual(['soup-version']);
  });

  it('a missing risk level, manufacturer and website, and above the threshold requirements and reasoning', () => {
    const gaps = (fields: Partial<SoupRow>, threshold = LOW): string => {
      const check = checkSoup(list(row({ name: 'x', version: '1.0.0', ...fields })), [sbom(npm('x', '1.0.0'))], { policy: 'enforce', riskThreshold: threshold });
      return check.record.components[0]!.missing.join(', ');
    };
    expect(gaps({})).toBe('');
    expect(gaps({ riskLevel: '' })).toBe('a risk level, requirements, verification reasoning');
    expect(gaps({ riskLevel: 'TBD' })).toBe('a risk level, requirements, verification reasoning');
    expect(gaps({ riskLevel: 'Yellow' })).toMatch(/^a risk level the gate knows \("Yellow" is none of Negligible, Low, Medium, High, Critical\), requirements/);
    expect(gaps({ website: '', manufacturer: 'N/A' })).toBe('a manufacturer or website');
    expect(gaps({ website: '', manufacturer: 'Jon Schlinkert' })).toBe('');
    expect(gaps({ riskLevel: 'High', requirements: 'Parses durations', verification: 'TBD' })).toBe('verification reasoning');
    expect(gaps({ riskLevel: 'Medium', requirements: 'N/A', verification: 'Covered by SRS-4 tests' })).toBe('requirements');
    expect(gaps({ riskLevel: 'Medium' }, riskRank('medium'))).toBe('');
    const check = checkSoup(list(row({ name: 'x', version: '1.0.0', riskLevel: '' })), [sbom(npm('x', '1.0.0'))], ENFORCE);
    expect(check.findings[0]).toMatchObject({ code: 'soup-incomplete', blocking: true, line: 3 });
  });

  it('a development-only component needs no row; a stale row is a warning', () => {
    const check = checkSoup(list(row({ name: 'gone', version: '0.1.0' }, 9)), [sbom(npm('eslint', '9.0.0', 'scope: optional'))], ENFORCE);
    expect(check.findings).toEqual([{ code: 'soup-stale', blocking: false, file: 'docs/soup.md', line: 9, message: expect.stringMatching(/line 9 documents gone 0\.1\.0, which no SBOM lists/) }]);
    expect(check.record.components[0]).toMatchObject({ name: 'eslint', notShipped: 'scope: optional', missing: [] });
  });

  it('matches the ecosystem where the row gives one, and PyPI names as PEP 503 does', () => {
    const py = { name: 'Zope.Interface', version: '6.0', purl: 'pkg:pypi/zope-interface@6.0' };
    expect(checkSoup(list(row({ name: 'zope_interface', version: '6.0', ecosystem: 'Python' })), [sbom(py)], ENFORCE).findings).toEqual([]);
    expect(checkSoup(list(row({ name: 'zope.interface', version: '6.0', ecosystem: 'npm' })), [sbom(py)], ENFORCE).findings.map((f) => f.code)).toEqual(['soup-undocumented', 'soup-stale']);
    expect(checkSoup(list(row({ name: '@scope/pkg', version: '1.0.0' })), [sbom({ name: 'pkg', version: '1.0.0', purl: 'pkg:npm/%40scope/pkg@1.0.0' })], ENFORCE).findings).toEqual([]);
  });

  it('soup-policy warn: the findings are warnings', () => {
    const check = checkSoup(list(), [sbom(npm('a', '1.0.0'))], { policy: 'warn', riskThreshold: LOW });
    expect(check.findings.map((f) => f.blocking)).toEqual([false]);
  });

  it('a component shipped by one SBOM and development-only in another is shipped', () => {
    const check = checkSoup(list(), [sbom(npm('a', '1.0.0', 'scope: optional')), { ...sbom(npm('a', '1.0.0')), file: 'other.json' }], ENFORCE);
    expect(check.findings.map((f) => f.code)).toEqual(['soup-undocumented']);
    expect(check.record.components[0]!.sboms).toEqual(['sbom.json', 'other.json']);
  });

  it('bounds the findings of one kind, counting the rest', () => {
    const many = Array.from({ length: SOUP_FINDINGS_PER_KIND + 10 }, (_, i) => npm(`p${i}`, '1.0.0'));
    const check = checkSoup(list(), [sbom(...many)], ENFORCE);
    expect(check.findings).toHaveLength(SOUP_FINDINGS_PER_KIND + 1);
    expect(check.findings.at(-1)!.message).toMatch(/^and 10 more SOUP findings/);
    expect(check.record.components).toHaveLength(SOUP_FINDINGS_PER_KIND + 10);
  });
});

describe('isExactVersion', () => {
  it('tells versions from ranges and words', () => {
    for (const v of ['1.2.3', '2.32.3', 'v1.4.0', '1.0.0-rc.1', '2024.1', '1.2.3+build.5']) expect(isExactVersion(v), v).toBe(true);
    for (const v of ['', '^1.2.0', '~1.2', '>=2', '1.x', '1.2 - 1.4', '1 || 2', 'latest', 'NOASSERTION', '*', 'main']) expect(isExactVersion(v), v).toBe(false);
  });
});

describe('diffSoup', () => {
  it('lists added, removed and upgraded components, flagging major upgrades', () => {
    const previous = [npm('a', '1.2.0'), npm('b', '2.0.0'), npm('c', '0.3.1'), npm('gone', '1.0.0'), npm('d', '1.0.0'), npm('dev', '1.0.0', 'scope: optional')];
    const current = [npm('a', '1.3.0'), npm('b', '3.0.0'), npm('c', '0.4.0'), npm('new', '1.0.0'), npm('d', '1.0.0'), npm('dev', '2.0.0', 'scope: optional')];
    expect(diffSoup(previous, current)).toEqual({
      added: [npm('new', '1.0.0')],
      removed: [npm('gone', '1.0.0')],
      upgraded: [
        { name: 'a', purl: 'pkg:npm/a@1.3.0', from: '1.2.0', to: '1.3.0', major: false, downgrade: false },
        { name: 'b', purl: 'pkg:npm/b@3.0.0', from: '2.0.0', to: '3.0.0', major: true, downgrade: false },
        { name: 'c', purl: 'pkg:npm/c@0.4.0', from: '0.3.1', to: '0.4.0', major: true, downgrade: false },
      ],
    });
  });

  it('a downgrade, and several versions of one component', () => {
    expect(diffSoup([npm('a', '1.10.0')], [npm('a', '1.9.0')]).upgraded[0]).toMatchObject({ downgrade: true, major: false });
    const diff = diffSoup([npm('x', '6.0.0'), npm('x', '7.0.0')], [npm('x', '7.0.0'), npm('x', '7.1.0')]);
    expect(diff).toEqual({ added: [npm('x', '7.1.0')], removed: [npm('x', '6.0.0')], upgraded: [] });
  });
});

describe('checkSoup: several versions of one component', () => {
  it('the row of no listed version is the one that drifted', () => {
    const check = checkSoup(list(row({ name: 'x', version: '2.0.0' }, 3), row({ name: 'x', version: '0.9.0' }, 4)), [sbom(npm('x', '1.0.0'), npm('x', '2.0.0'))], ENFORCE);
    expect(check.findings.map((f) => [f.code, f.line])).toEqual([['soup-version', 4]]);
    expect(check.record.staleRows).toEqual([]);
  });
});

describe('checkSoup: bounded', () => {
  it('50,000 components against 50,000 rows in bounded time', () => {
    const components = Array.from({ length: 50_000 }, (_, i) => npm(`p${i}`, '1.0.0'));
    const rows = components.map((c, i) => row({ name: c.name, version: i % 2 === 0 ? '1.0.0' : '0.9.0' }, i + 3));
    const started = performance.now();
    const check = checkSoup(list(...rows), [sbom(...components)], ENFORCE);
    expect(performance.now() - started).toBeLessThan(6000);
    expect(check.findings.filter((f) => f.code === 'soup-version')).toHaveLength(SOUP_FINDINGS_PER_KIND + 1);
  });
});
