/**
 * SOUP end to end, through the bundled action on Node 24: SBOMs of real producers (npm sbom in both
 * formats, cdxgen on Python) against a SOUP list, and hostile SBOMs that must fail closed in bounded time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { repoRoot } from '../support/corpus.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites><testsuite name="dose" tests="1"><testcase classname="dose" name="SRS-1: computes the dose"/></testsuite></testsuites>
`;
const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-1 | Dose |\n';
const fixture = (name: string): string => fs.readFileSync(path.join(repoRoot, '__fixtures__/sbom', name), 'utf8');

const HEADER = '| ID | Software System | Package Name | Programming Language | Version | Website | Last verified at | Risk Level | Requirements | Verification Reasoning |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';
const IS_NUMBER = '| SOUP-1 | UI | is-number | JavaScript | 7.0.0 | https://github.com/jonschlinkert/is-number | 2026-11-01 | Low | | |\n';
const MS = '| SOUP-2 | UI | ms | JavaScript | 2.1.3 | https://github.com/vercel/ms | 2026-11-01 | Medium | Parses alarm durations | Unit tests of SRS-1 cover every duration format used |\n';
const DOCUMENTED = `${HEADER}${IS_NUMBER}${MS}`;

interface Evidence {
  reasons: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
  soup?: { components: { name: string; version: string; notShipped?: string; missing: string[] }[] };
}

async function gate(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/junit.xml': REPORT, ...files });
  commitAll(ws);
  const started = performance.now();
  const run = await runAction({
    node: node24!,
    workspace: ws,
    inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'soup-list': 'docs/soup.md', sbom: 'sbom/*.json', upload: 'false', ...inputs },
  });
  const seconds = (performance.now() - started) / 1000;
  removeLater(run.runnerTemp);
  const dir = path.join(ws, 'release-gate-evidence');
  const json = path.join(dir, 'traceability.json');
  const evidence = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Evidence) : undefined;
  const read = (name: string): string | undefined => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : undefined);
  return { run, evidence, seconds, soupMd: read('soup.md'), soupCsv: read('soup.csv'), codes: (evidence?.reasons ?? []).map((r) => r.code) };
}

/** Warnings other than the release record's (these workspaces give no significant-change decision). */
function notRecord(warnings: readonly { code: string; message: string }[] | undefined): { code: string; message: string }[] {
  return (warnings ?? []).filter((w) => w.code !== 'change-decision');
}

describe.skipIf(node24 === undefined)('SOUP through the bundled action on Node 24', () => {
  it.each([
    ['npm sbom CycloneDX', 'npm-cyclonedx.json'],
    ['npm sbom SPDX', 'npm-spdx.json'],
  ])('a documented SBOM passes (%s); the development-only components need no row', async (_label, sbom) => {
    const { run, evidence, soupMd, soupCsv } = await gate({ 'docs/soup.md': DOCUMENTED, [`sbom/${sbom}`]: fixture(sbom) });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(notRecord(evidence?.warnings)).toEqual([]);
    expect(evidence?.soup?.components.map((c) => [c.name, c.version, c.notShipped === undefined])).toEqual([
      ['is-number', '6.0.0', false],
      ['is-number', '7.0.0', true],
      ['is-odd', '3.0.1', false],
      ['ms', '2.1.3', true],
    ]);
    expect(soupMd).toContain('4 components');
    expect(soupCsv?.split('\r\n')[0]).toBe('Component,Version,purl,Shipped,In SOUP list,Row,Row Version,Risk Level,Missing,SBOM');
    expect(run.summary).toMatch(/### SOUP: 2 of 2 shipped components documented/);
    // The SOUP list and the SBOM are in the archive's evidence, with soup.md and soup.csv.
    const listing = execFileSync('tar', ['-tzf', run.outputs['archive-path']!], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['evidence/soup.md', 'evidence/soup.csv', 'evidence/inputs/docs/soup.md', `evidence/inputs/sbom/${sbom}`]));
  });

  it('cdxgen on a Python requirements file, documented with PyPI rows, passes', async () => {
    const list = `${HEADER}| 1 | API | requests | Python | 2.32.3 | https://requests.readthedocs.io | 2026-11-01 | Low | | |\n| 2 | API | urllib3 | PyPI | 2.2.3 | https://urllib3.readthedocs.io | 2026-11-01 | Low | | |\n`;
    const { run } = await gate({ 'docs/soup.md': list, 'sbom/python.json': fixture('cdxgen-python.json') });
    expect(run.status, run.stdout).toBe(0);
  });

  it('an undocumented component fails, naming it, the SBOM and the list', async () => {
    const { run, evidence, codes } = await gate({ 'docs/soup.md': `${HEADER}${IS_NUMBER}`, 'sbom/app.json': fixture('npm-cyclonedx.json') });
    expect(run.status).toBe(1);
    expect(codes).toEqual(['soup-undocumented']);
    expect(evidence?.reasons[0]?.message).toMatch(/^ms 2\.1\.3 \(pkg:npm\/ms@2\.1\.3\), shipped according to sbom\/app\.json, has no row/);
    expect(run.stdout).toMatch(/::error title=Release check failed,file=docs\/soup\.md::ms 2\.1\.3/);
  });

  it('a version drift fails at the row', async () => {
    const { run, evidence, codes } = await gate({ 'docs/soup.md': DOCUMENTED.replace('| 2.1.3 |', '| ^2.1.0 |'), 'sbom/app.json': fixture('npm-spdx.json') });
    expect(run.status).toBe(1);
    expect(codes).toEqual(['soup-version']);
    expect(evidence?.reasons[0]?.message).toMatch(/ms 2\.1\.3 .*line 4 \(SOUP-2\) gives version "\^2\.1\.0" \(not one exact version\), but sbom\/app\.json ships 2\.1\.3/);
    expect(run.stdout).toMatch(/::error title=Release check failed,file=docs\/soup\.md,line=4::ms 2\.1\.3/);
  });

  it('a missing risk level fails', async () => {
    const { run, evidence, codes } = await gate({ 'docs/soup.md': DOCUMENTED.replace('| Low |', '| TBD |'), 'sbom/app.json': fixture('npm-cyclonedx.json') });
    expect(run.status).toBe(1);
    expect(codes).toEqual(['soup-incomplete']);
    expect(evidence?.reasons[0]?.message).toMatch(/is-number 7\.0\.0 .*line 3 \(SOUP-1\) lacks a risk level, requirements, verification reasoning/);
  });

  it('a stale row is a warning; the gate passes', async () => {
    const stale = '| SOUP-3 | UI | left-pad | JavaScript | 1.3.0 | https://github.com/left-pad/left-pad | 2026-11-01 | Low | | |\n';
    const { run, evidence, soupMd } = await gate({ 'docs/soup.md': `${DOCUMENTED}${stale}`, 'sbom/app.json': fixture('npm-cyclonedx.json') });
    expect(run.status, run.stdout).toBe(0);
    expect(notRecord(evidence?.warnings).map((w) => w.code)).toEqual(['soup-stale']);
    expect(run.stdout).toMatch(/::warning title=Release check,file=docs\/soup\.md,line=5::the SOUP row on line 5 \(SOUP-3\) documents left-pad/);
    expect(soupMd).toContain('| 5 | SOUP-3 | left-pad | 1\\.3.0 |');
  });

  it('soup-policy warn: an undocumented component is a warning', async () => {
    const { run, evidence } = await gate({ 'docs/soup.md': `${HEADER}${IS_NUMBER}`, 'sbom/app.json': fixture('npm-cyclonedx.json') }, { 'soup-policy': 'warn' });
    expect(run.status, run.stdout).toBe(0);
    expect(notRecord(evidence?.warnings).map((w) => w.code)).toEqual(['soup-undocumented']);
  });

  it('a development dependency documented nowhere passes; the same components shipped fail', async () => {
    const shipped = fixture('npm-cyclonedx.json').replace(/"name": "cdx:npm:package:development",\s*"value": "true"/g, '"name": "x", "value": "y"');
    const documented = await gate({ 'docs/soup.md': DOCUMENTED, 'sbom/app.json': fixture('npm-cyclonedx.json') });
    expect(documented.run.status).toBe(0);
    const failing = await gate({ 'docs/soup.md': DOCUMENTED, 'sbom/app.json': shipped });
    // is-number 6.0.0 has a row for another version (7.0.0): a drift; is-odd has none.
    expect(failing.codes).toEqual(['soup-version', 'soup-undocumented']);
    expect(failing.evidence?.reasons.map((r) => r.message.split(':')[0])).toEqual(['is-number 6.0.0 (pkg', 'is-odd 3.0.1 (pkg']);
  });

  describe('hostile SBOMs fail closed, naming the file', () => {
    const hostile: [string, () => string, RegExp][] = [
      ['100,000 components', () => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: Array.from({ length: 100_000 }, (_, i) => ({ name: `p${i}`, version: '1.0.0', purl: `pkg:npm/p${i}@1.0.0` })) }), /more than 50000 components/],
      ['deep nesting', () => `{"bomFormat":"CycloneDX","specVersion":"1.5","components":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /deeper than 64 levels/],
      ['a wrong bomFormat', () => fixture('npm-cyclonedx.json').replace('"bomFormat": "CycloneDX"', '"bomFormat": "CycloneDx"'), /bomFormat is "CycloneDx", not "CycloneDX"/],
      ['not JSON', () => '{ "bomFormat": "CycloneDX", components: [', /not valid JSON/],
    ];
    it.each(hostile)('%s', async (_label, text, message) => {
      const { run, evidence, codes, seconds, soupMd } = await gate({ 'docs/soup.md': DOCUMENTED, 'sbom/app.json': text() });
      expect(run.status).toBe(1);
      expect(run.outputs['passed']).toBe('false');
      expect(codes).toEqual(['unreadable-input']);
      expect(evidence?.reasons[0]?.message).toMatch(new RegExp(`^sbom/app\\.json(:\\d+)?: .*${message.source}`));
      expect(soupMd).toBeUndefined();
      expect(seconds).toBeLessThan(15);
    });
  });
});
