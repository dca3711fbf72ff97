/**
 * The SOUP part of the release record: the components the SOUP list documents at the previous tag
 * against today's, in change-summary.md, with major upgrades marked; the §8.1.2 row of the checklist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReports } from '../../src/io/collect-reports.js';
import { EvidenceInMemory } from '../../src/io/memory-sinks.js';
import { runGate } from '../../src/run-gate.js';
import { readSettings } from '../../src/settings.js';
import { git } from '../support/git-repo.js';
import { QUIET_LOG } from '../support/gate-run.js';
import { makeReleaseRepo } from '../support/release-repo.js';

const HEAD = '| ID | Package Name | Programming Language | Version | Website | Risk Level | Requirements | Verification Reasoning |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n';
const row = (id: string, name: string, version: string) => `| ${id} | ${name} | JavaScript | ${version} | https://www.npmjs.com/package/${name} | Low | | |\n`;

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

describe('RG-090 the release record lists SOUP changed since the previous release', () => {
  it('added, removed and upgraded components, a major upgrade marked, and the §8.1.2 row', async () => {
    const repo = makeReleaseRepo();
    write(repo.dir, 'docs/soup.md', `${HEAD}${row('SOUP-1', 'ms', '2.1.3')}${row('SOUP-2', 'left-pad', '1.3.0')}${row('SOUP-3', 'is-number', '6.0.0')}`);
    git(repo.dir, 'add', '-A');
    git(repo.dir, 'commit', '-q', '-m', 'SOUP list');
    git(repo.dir, 'tag', 'v1.2.0');
    write(repo.dir, 'docs/soup.md', `${HEAD}${row('SOUP-1', 'ms', '2.1.4')}${row('SOUP-3', 'is-number', '7.0.0')}${row('SOUP-4', 'yaml', '2.9.1')}`);
    git(repo.dir, 'add', '-A');
    git(repo.dir, 'commit', '-q', '-m', 'Upgrade SOUP');
    git(repo.dir, 'tag', 'v1.3.0');
    fs.copyFileSync(path.resolve('__fixtures__/sbom/npm-cyclonedx-omit-dev.json'), path.join(repo.dir, 'sbom.json'));

    const values: Record<string, string> = { reports: 'reports/*.xml', requirements: 'requirements.md', 'soup-list': 'docs/soup.md', sbom: 'sbom.json', 'soup-policy': 'warn' };
    const settings = readSettings((name) => values[name] ?? '', repo.dir);
    const sinks = new EvidenceInMemory();
    await runGate(settings, await findReports(settings.reports, repo.dir), sinks, { workspace: repo.dir, today: '2026-12-01' }, QUIET_LOG);

    const summary = sinks.files.get('change-summary.md')!;
    expect(summary).toContain('## SOUP');
    expect(summary).toContain('| added | yaml | | 2.9.1 |');
    expect(summary).toContain('| upgrade | ms | 2.1.3 | 2.1.4 |');
    expect(summary).toContain('| **major upgrade** | is-number | 6.0.0 | 7.0.0 |');
    expect(summary).toContain('| removed | left-pad | 1.3.0 | |');
    // The first significant-change question shows the major upgrade as a signal.
    expect(summary).toContain('major SOUP upgrades: is-number 6.0.0 → 7.0.0');
    const checklist = sinks.files.get('release-checklist.md')!;
    expect(checklist).toMatch(/\| 8\.1\.2 \| Identify SOUP[^\n]*1 major SOUP upgrade since the previous release/);
  });

  it('without SOUP inputs, the record says SOUP was not checked', async () => {
    const repo = makeReleaseRepo();
    const values: Record<string, string> = { reports: 'reports/*.xml', requirements: 'requirements.md' };
    const settings = readSettings((name) => values[name] ?? '', repo.dir);
    const sinks = new EvidenceInMemory();
    await runGate(settings, await findReports(settings.reports, repo.dir), sinks, { workspace: repo.dir, today: '2026-12-01' }, QUIET_LOG);
    expect(sinks.files.get('change-summary.md')).not.toContain('## SOUP');
    expect(sinks.files.get('release-checklist.md')).toMatch(/\| 8\.1\.2 \| [^\n]*SOUP not checked: no SOUP input/);
  });
});
