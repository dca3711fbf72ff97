/**
 * The gate on itself: the project's tests that carry the IDs of docs/requirements.md run with the JUnit
 * reporter, then the bundled action reads that report and this list, and passes: every requirement is
 * verified by a passing test. (This file carries no ID: it is not in the report it reads.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot, runAction } from '../scripts/run-action.js';
import { filesWithIds, runWithJunit, SELF_PATTERN, SELF_REQUIREMENTS } from '../scripts/self-gate.js';
import { commitAll } from './support/git-repo.js';
import { makeWorkspace, removeLater } from './support/workspace.js';

it('the bundled action passes on the project own JUnit report and requirements list', async () => {
  const files = filesWithIds(['__tests__/self-gate.e2e.test.ts']);
  const ids = new Set(fs.readFileSync(path.join(repoRoot, SELF_REQUIREMENTS), 'utf8').match(/^\| RG-[0-9]{3} /gm)!.map((l) => l.slice(2, 8)));
  expect(ids.size).toBeGreaterThan(20);

  // The workspace holds the list and the report, as a release job's checkout would.
  const ws = makeWorkspace({ [SELF_REQUIREMENTS]: fs.readFileSync(path.join(repoRoot, SELF_REQUIREMENTS)) });
  // A passing gate archives the checkout, so the workspace is one.
  commitAll(ws);
  const report = path.join(ws, 'reports', 'vitest.xml');
  const status = runWithJunit(files, report);
  expect(fs.existsSync(report), `vitest wrote no report (status ${status})`).toBe(true);

  const run = await runAction({
    workspace: ws,
    inputs: { reports: 'reports/*.xml', requirements: SELF_REQUIREMENTS, 'requirement-pattern': SELF_PATTERN, 'untraced-tests': 'warn', upload: 'false' },
  });
  removeLater(run.runnerTemp);
  const evidence = JSON.parse(fs.readFileSync(path.join(ws, 'release-gate-evidence', 'traceability.json'), 'utf8')) as { requirements: { id: string; status: string }[] };
  const notVerified = evidence.requirements.filter((r) => r.status !== 'verified');
  expect(notVerified, run.stdout).toEqual([]);
  expect(new Set(evidence.requirements.map((r) => r.id))).toEqual(ids);
  expect(run.outputs['passed'], run.stdout).toBe('true');
  expect(status).toBe(0);
}, 300_000);
