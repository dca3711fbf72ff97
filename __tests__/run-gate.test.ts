import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkerMessage, type WorkerMessage } from '../src/action/worker-message.js';
import { findReports } from '../src/io/collect-reports.js';
import { EvidenceFiles } from '../src/io/evidence-sinks.js';
import { EvidenceInMemory } from '../src/io/memory-sinks.js';
import { readReleaseSettings } from '../src/release/settings.js';
import { EVIDENCE_FILES } from '../src/report/evidence.js';
import { runGate } from '../src/run-gate.js';
import { readSettings } from '../src/settings.js';
import { QUIET_LOG } from './support/gate-run.js';
import { makeWorkspace } from './support/workspace.js';

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n| SRS-002 | Reject a negative weight |\n';
const ANOMALIES =
  '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
  '| ANOM-1 | Rounding | Low | Deferred | SRS-002 rejects | below resolution | Yes | J. Doe | 2026-11-20 |\n';
const report = (cases: string) => `<?xml version="1.0"?>\n<testsuite name="s">${cases}</testsuite>\n`;

function project(): string {
  return makeWorkspace({
    'requirements.md': REQUIREMENTS,
    'anomalies.md': ANOMALIES,
    'soup.md': '| Package Name | Version | Website | Risk Level |\n| --- | --- | --- | --- |\n| ms | 2.1.3 | https://github.com/vercel/ms | Low |\n',
    'sbom/app.cdx.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'ms', version: '2.1.3', purl: 'pkg:npm/ms@2.1.3' }] }),
    'reports/b.xml': report('<testcase classname="dose" name="SRS-002 rejects"><failure message="no"/></testcase>'),
    'reports/a.xml': report(Array.from({ length: 300 }, (_, i) => `<testcase classname="dose" name="SRS-001 computes #${i}" time="0.01"/>`).join('')),
  });
}

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const INPUTS = { reports: 'reports/*.xml', requirements: 'requirements.md', anomalies: 'anomalies.md', 'untraced-tests': 'warn', 'soup-list': 'soup.md', sbom: 'sbom/*.json' };

async function gateOf(workspace: string, sinks: EvidenceFiles | EvidenceInMemory) {
  const settings = readSettings(inputs(INPUTS), workspace);
  const reports = await findReports(settings.reports, workspace);
  return await runGate(settings, reports, sinks, { workspace, today: '2026-12-01', repository: 'acme/pump' }, QUIET_LOG);
}

describe('runGate', () => {
  it('writes the same bytes to in-memory sinks as to the evidence folder, every file of it', async () => {
    const workspace = project();
    const inMemory = new EvidenceInMemory();
    const held = await gateOf(workspace, inMemory);
    const files = new EvidenceFiles('release-gate-evidence', workspace, { RUNNER_TEMP: workspace });
    const written = await gateOf(workspace, files);
    expect(held.verdict).toEqual(written.verdict);
    expect(held.verdict.passed).toBe(true);
    const folder = await files.folder();
    expect([...inMemory.files.keys()].sort()).toEqual(Object.values(EVIDENCE_FILES).sort());
    for (const [name, text] of inMemory.files) expect(fs.readFileSync(path.join(folder, name), 'utf8'), name).toBe(text);
    expect(JSON.parse(inMemory.files.get('traceability.json')!).tests).toHaveLength(301);
    // The spool's scratch folder is gone once the evidence is written.
    expect(fs.readdirSync(workspace).filter((f) => f.startsWith('release-gate-') && f !== 'release-gate-evidence')).toEqual([]);
  });

  it('takes the date it is given as today: an assessment dated later fails the gate', async () => {
    const workspace = project();
    const settings = readSettings(inputs(INPUTS), workspace);
    const reports = await findReports(settings.reports, workspace);
    const outcome = await runGate(settings, reports, new EvidenceInMemory(), { workspace, today: '2026-11-19' }, QUIET_LOG);
    expect(outcome.verdict.passed).toBe(false);
    expect(outcome.verdict.reasons.map((r) => r.message).join('\n')).toContain('2026-11-20 is in the future');
  });
});

describe('the worker message', () => {
  const message = (): WorkerMessage => ({
    settings: { workspace: '/ws', gate: readSettings(inputs(INPUTS), '/ws'), release: readReleaseSettings(inputs({ 'retention-days': '7' })) },
    reports: ['/ws/reports/a.xml'],
  });

  it('is taken as sent, through the structured clone a worker thread receives', () => {
    const cloned = structuredClone(message());
    const checked = checkWorkerMessage(cloned);
    expect(checked).toBe(cloned);
    expect(checked.settings.gate.requirementPattern.source).toBe(message().settings.gate.requirementPattern.source);
    expect(checked.settings.gate.requirementPattern.flags).toBe(message().settings.gate.requirementPattern.flags);
  });

  it('of another shape is an internal error naming the field', () => {
    const m = message();
    expect(() => checkWorkerMessage(undefined)).toThrow('internal error: the worker thread was started with a message whose reports is missing');
    expect(() => checkWorkerMessage({ ...m, reports: 'a.xml' })).toThrow('whose reports is of the wrong kind (string)');
    expect(() => checkWorkerMessage({ ...m, settings: { ...m.settings, gate: { ...m.settings.gate, requirementPattern: 'SRS-\\d+' } } })).toThrow(
      'whose settings.gate.requirementPattern is of the wrong kind',
    );
    expect(() => checkWorkerMessage({ ...m, settings: { ...m.settings, gate: { ...m.settings.gate, untracedTests: 'ignore' } } })).toThrow('settings.gate.untracedTests');
    expect(() => checkWorkerMessage({ ...m, settings: { ...m.settings, release: { ...m.settings.release, retentionDays: '7' } } })).toThrow('settings.release.retentionDays');
    const withoutFolder: Record<string, unknown> = { ...m.settings.gate };
    delete withoutFolder['evidenceDir'];
    expect(() => checkWorkerMessage({ ...m, settings: { ...m.settings, gate: withoutFolder } })).toThrow('whose settings.gate.evidenceDir is missing');
  });
});
