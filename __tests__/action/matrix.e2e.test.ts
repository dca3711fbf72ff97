/**
 * Reports from several jobs of a matrix, downloaded into one folder per leg (actions/download-artifact
 * with `pattern: reports-*`), gated once: a requirement is verified only when its tests passed in every
 * leg; a report's leg is its first folder under the folder the reports share, and every test's label
 * names it: the reasons, the summary, the annotations and the evidence say which leg failed.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n| SRS-002 | Negative weight is refused |\n';
const report = (failing: boolean): string =>
  `<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 refuses">${failing ? '<failure message="accepted -1 kg">expected an error</failure>' : ''}</testcase></testsuite>\n`;

describe('reports of a three-leg matrix through the bundled action', () => {
  it('fails when one leg fails, naming that leg; passes when every leg passes', async () => {
    const ws = makeWorkspace({
      'requirements.md': REQUIREMENTS,
      'artifacts/reports-ubuntu-latest/junit.xml': report(false),
      'artifacts/reports-windows-latest/junit.xml': report(true),
      'artifacts/reports-macos-latest/junit.xml': report(false),
    });
    commitAll(ws, { untracked: ['artifacts'] });
    const run = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { reports: 'artifacts/reports-*/*.xml', requirements: 'requirements.md', upload: 'false' } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout).toBe(1);
    const evidence = JSON.parse(fs.readFileSync(run.outputs['report-json']!, 'utf8')) as {
      reasons: { code: string; message: string }[];
      requirements: { id: string; status: string; failing: number[] }[];
      tests: { report: string; name: string; leg?: string }[];
    };
    expect(evidence.reasons.map((r) => r.code)).toEqual(['requirement-failed']);
    expect(evidence.requirements.map((r) => [r.id, r.status])).toEqual([
      ['SRS-001', 'verified'],
      ['SRS-002', 'failed'],
    ]);
    expect(evidence.requirements[1]!.failing.map((i) => evidence.tests[i]!.report)).toEqual(['artifacts/reports-windows-latest/junit.xml']);
    // The leg of the failing test is named in the reason, the annotation, the summary and the evidence.
    expect(evidence.reasons[0]!.message).toContain('"dose › SRS-002 refuses [reports-windows-latest]"');
    expect(run.stdout).toContain('::error title=SRS-002%3A test failed::dose › SRS-002 refuses [reports-windows-latest]: accepted -1 kg');
    expect(run.summary).toContain('❌ dose › SRS-002 refuses \\[reports-windows-latest\\]');
    expect(evidence.tests.map((t) => [t.report, t.name, t.leg])).toContainEqual(['artifacts/reports-windows-latest/junit.xml', 'SRS-002 refuses', 'reports-windows-latest']);
    expect(new Set(evidence.tests.map((t) => t.leg))).toEqual(new Set(['reports-ubuntu-latest', 'reports-windows-latest', 'reports-macos-latest']));

    fs.writeFileSync(`${ws}/artifacts/reports-windows-latest/junit.xml`, report(false));
    const passed = await runAction({ node: node24 ?? process.execPath, workspace: ws, inputs: { reports: 'artifacts/reports-*/*.xml', requirements: 'requirements.md', upload: 'false' } });
    removeLater(passed.runnerTemp);
    expect(passed.status, passed.stdout).toBe(0);
  });
});
