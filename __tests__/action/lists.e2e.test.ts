/**
 * Requirements lists of other shapes end to end, through the bundled action: every requirement a list
 * holds must be verified, however its table is headed or its entries nested, with the project's own
 * `requirement-pattern`; what is commented out is not a requirement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="dose" tests="1">
    <testcase classname="dose" name="DOSE-1: computes the dose from the weight"/>
  </testsuite>
</testsuites>
`;

const MAIN_TABLE = '# Software requirements\n\n| ID | Title |\n| --- | --- |\n| DOSE-1 | Dose from weight |\n';

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

async function gate(node: string, file: string, list: string): Promise<{ status: number | null; passed: string | undefined; requirements: string[]; stdout: string }> {
  const ws = makeWorkspace({ [file]: list, 'reports/junit.xml': REPORT });
  commitAll(ws);
  const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: file, 'requirement-pattern': 'DOSE-[0-9]+', upload: 'false' } });
  removeLater(run.runnerTemp);
  const json = path.join(ws, 'release-gate-evidence', 'traceability.json');
  const evidence = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as { requirements: { id: string; status: string }[] }) : { requirements: [] };
  return { status: run.status, passed: run.outputs['passed'], requirements: evidence.requirements.map((r) => `${r.id}:${r.status}`), stdout: run.stdout };
}

describe.each(nodes)('the bundled action on %s', (_label, node) => {
  it('fails for a requirement in a later table whose ID column is headed "Requirement"', async () => {
    const run = await gate(node, 'requirements.md', `${MAIN_TABLE}\n## Alarms\n\n| Requirement | Text |\n| --- | --- |\n| DOSE-2 | Occlusion alarm |\n`);
    expect(run.status).toBe(1);
    expect(run.passed).toBe('false');
    expect(run.requirements).toEqual(['DOSE-1:verified', 'DOSE-2:uncovered']);
  });

  it('fails for a requirement nested under another in YAML', async () => {
    const run = await gate(node, 'requirements.yaml', 'requirements:\n  - id: DOSE-1\n    children:\n      - id: DOSE-2\n        title: Occlusion alarm\n');
    expect(run.status).toBe(1);
    expect(run.passed).toBe('false');
    expect(run.requirements).toEqual(['DOSE-1:verified', 'DOSE-2:uncovered']);
  });

  it('passes when the only other table is commented out', async () => {
    const run = await gate(node, 'requirements.md', `${MAIN_TABLE}\n<!--\n| ID | Title |\n| --- | --- |\n| DOSE-2 | retired |\n-->\n`);
    expect(run.status, run.stdout).toBe(0);
    expect(run.passed).toBe('true');
    expect(run.requirements).toEqual(['DOSE-1:verified']);
  });
});
