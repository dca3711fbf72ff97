/**
 * `npm run example`: runs the example project's tests with the JUnit reporter, then the bundled action
 * on the report, as a workflow runner would, and prints the job summary and the outputs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, runAction } from './run-action.js';

const workspace = path.join(repoRoot, 'examples', 'infusion-pump');
fs.mkdirSync(path.join(workspace, 'reports'), { recursive: true });
const tests = spawnSync(process.execPath, ['--test', '--test-reporter=junit', '--test-reporter-destination=reports/junit.xml', 'test/'], {
  cwd: workspace,
  stdio: 'inherit',
});
console.log(`example tests exited with ${tests.status}; running the gate on reports/junit.xml\n`);

// No artifact service runs outside a workflow: the release archive is built, not uploaded. The example
// lives in this repository, whose checkout is not a tagged release: the identity checks only warn, as
// in a pull request's dry run (release-checks: warn).
const run = await runAction({ workspace, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'untraced-tests': 'warn', upload: 'false', 'release-checks': 'warn' } });
console.log(run.summary);
console.log('outputs:', run.outputs);
console.log(`the action exited with ${run.status}`);
process.exitCode = run.status ?? 1;
