import { describe, expect, it } from 'vitest';
import { checkSoup } from '../../src/gate/soup.js';
import { riskRank } from '../../src/gate/soup-terms.js';
import type { Sbom, SoupRow } from '../../src/model/index.js';
import { renderSoupCsv, renderSoupMarkdown } from '../../src/report/soup.js';
import { renderSummary } from '../../src/report/summary.js';
import { passingRelease } from '../support/chromium-fixtures.js';

const row = (fields: Partial<SoupRow> & Pick<SoupRow, 'name' | 'version' | 'line'>): SoupRow => ({
  id: '', ecosystem: 'npm', manufacturer: '', website: 'https://example.org', riskLevel: 'Low', requirements: '', verification: '', lastVerified: '2026-11-01', ...fields,
});
const sbom: Sbom = {
  file: 'sbom/app.cdx.json',
  format: 'CycloneDX',
  specVersion: '1.5',
  product: 'pump-ui',
  components: [
    { name: 'is-number', version: '7.0.0', purl: 'pkg:npm/is-number@7.0.0' },
    { name: 'ms', version: '2.1.3', purl: 'pkg:npm/ms@2.1.3' },
    { name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' },
    { name: 'is-odd', version: '3.0.1', purl: 'pkg:npm/is-odd@3.0.1', notShipped: 'cdx:npm:package:development: true' },
  ],
};
const record = checkSoup(
  {
    file: 'docs/soup.md',
    rows: [
      row({ id: 'SOUP-1', name: 'is-number', version: '7.0.0', line: 3 }),
      row({ id: 'SOUP-2', name: 'ms', version: '2.0.0', line: 4, riskLevel: 'High', requirements: 'Durations', verification: 'Unit tests, "quoted", =formula' }),
      row({ id: 'SOUP-3', name: 'gone | pipe', version: '0.1.0', line: 5 }),
    ],
  },
  [sbom],
  { policy: 'enforce', riskThreshold: riskRank('low')! },
).record;

describe('soup.md and soup.csv', () => {
  it('golden files', async () => {
    await expect(renderSoupMarkdown(record)).toMatchFileSnapshot('./__golden__/soup.md');
    await expect(renderSoupCsv(record)).toMatchFileSnapshot('./__golden__/soup.csv');
  });

  it('the job summary has a SOUP section, gaps first when it must be cut', () => {
    const summary = renderSummary({ ...passingRelease(), soup: record });
    expect(summary).toContain('### SOUP: 1 of 3 shipped components documented · 1 stale row');
    expect(summary).toContain('| left-pad | 1\\.3.0 | — | ❌ lacks a row |');
    expect(renderSummary(passingRelease())).not.toContain('### SOUP');
  });
});
