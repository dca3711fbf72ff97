/**
 * How tests link to requirements, through the bundled action: sub-IDs, a case-insensitive pattern and
 * invisible characters in names; cases that share a name; the hint for loosely written IDs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const listOf = (ids: readonly string[]) =>
  `# Software requirements\n\n| ID | Description |\n| --- | --- |\n${ids.map((id) => `| ${id} | Requirement ${id} |`).join('\n')}\n`;

const reportOf = (cases: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="dose">\n${cases}\n  </testsuite>\n</testsuites>\n`;

interface Evidence {
  verdict: string;
  totals: Record<string, number>;
  requirements: { id: string; status: string }[];
  unknownIds: unknown[];
  reasons: { code: string; message: string }[];
  tests: { name: string; status: string; flaky?: boolean }[];
}

async function gate(node: string, ids: readonly string[], cases: string, inputs: Record<string, string> = {}) {
  const ws = makeWorkspace({ 'requirements.md': listOf(ids), 'reports/junit.xml': reportOf(cases) });
  commitAll(ws);
  const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false', ...inputs } });
  removeLater(run.runnerTemp);
  const evidence = JSON.parse(fs.readFileSync(path.join(ws, 'release-gate-evidence', 'traceability.json'), 'utf8')) as Evidence;
  const statuses = Object.fromEntries(evidence.requirements.map((r) => [r.id, r.status]));
  return { run, evidence, statuses };
}

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

describe.each(nodes)('linking through the bundled action on %s', (_label, node) => {
  it('a sub-ID verifies itself, not its parent: the gate fails with SRS-010 named by no test', async () => {
    const { run, evidence, statuses } = await gate(node, ['SRS-010', 'SRS-010.1', 'SRS-010-A'], '<testcase classname="dose" name="SRS-010.1 rounds"/>\n<testcase classname="dose" name="SRS-010-A clamps"/>');
    expect(run.outputs['passed']).toBe('false');
    expect(statuses).toEqual({ 'SRS-010': 'uncovered', 'SRS-010.1': 'verified', 'SRS-010-A': 'verified' });
    expect(evidence.reasons).toEqual([{ code: 'requirement-uncovered', message: 'SRS-010 (Requirement SRS-010) is not verified: no test names it' }]);
  });

  it('a case-insensitive pattern links srs-001 to SRS-001, and an invisible character does not split SRS-0012', async () => {
    const cases = '<testcase classname="dose" name="srs-001 computes"/>\n<testcase classname="dose" name="SRS-001&#x200B;2 rounds"/>';
    const { run, evidence, statuses } = await gate(node, ['SRS-001', 'SRS-0012'], cases, { 'requirement-pattern': '/\\bsrs-[0-9]+\\b/i' });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(statuses).toEqual({ 'SRS-001': 'verified', 'SRS-0012': 'verified' });
    expect(evidence.unknownIds).toEqual([]);
  });

  it('cases that share a name, one failing, are distinct tests: the requirement fails, nothing is flaky', async () => {
    const cases = ['', '', '<failure message="Expected: System.String"/>']
      .map((failure) => `<testcase classname="GenericTests" name="SRS-001 ShouldBeString">${failure}</testcase>`)
      .join('\n');
    const { run, evidence, statuses } = await gate(node, ['SRS-001'], cases);
    expect(run.outputs['passed']).toBe('false');
    expect(evidence.totals).toEqual({ tests: 3, passed: 2, failed: 1, errored: 0, skipped: 0, attempts: 3 });
    expect(statuses).toEqual({ 'SRS-001': 'failed' });
    expect(evidence.tests.some((t) => t.flaky === true)).toBe(false);
  });

  it('attempts of one test (same file and line) that failed, then passed are one failed test', async () => {
    const attempt = (failure: string) => `<testcase classname="test_dose" name="test_srs_001" file="tests/test_dose.py" line="4">${failure}</testcase>`;
    const { run, evidence, statuses } = await gate(node, ['SRS-001'], [attempt('<failure message="timeout"/>'), attempt('')].join('\n'), { 'id-variants': 'loose' });
    expect(run.outputs['passed']).toBe('false');
    expect(evidence.totals).toEqual({ tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0, attempts: 2 });
    expect(statuses).toEqual({ 'SRS-001': 'failed' });
  });

  it('in exact mode, the reason for untraced tests suggests id-variants: loose when it would link them', async () => {
    const { run } = await gate(node, ['SRS-001', 'SRS-004'], '<testcase classname="Dose" name="SRS_001_Computes"/>\n<testcase classname="pump" name="TestSRS004Alarm"/>');
    expect(run.outputs['passed']).toBe('false');
    expect(run.summary).toContain('2 tests name no requirement ID');
    expect(run.summary).toContain('id-variants: loose');
  });
});
