/**
 * A bug, through the bundled action: a TypeError while a report is read is no user's mistake. The step
 * fails with passed=false, says it stopped on an internal error and prints the error's stack; it is
 * never reported as a report that could not be read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
if (node24 !== undefined) nodes.push(['Node 24', node24]);

/** Loaded before the bundle: every read of a .xml file fails with a TypeError, as a bug in reading code would. */
const PRELOAD = `import fs from 'node:fs/promises';
const open = fs.open;
fs.open = async function (file, ...rest) {
  const handle = await open.call(this, file, ...rest);
  if (String(file).endsWith('.xml')) handle.read = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'length')"));
  return handle;
};
`;

describe.each(nodes)('a bug while a report is read, through the bundled action on %s', (_label, node) => {
  it('fails the step with passed=false as an internal error, with the stack', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-bug-'));
    removeLater(scratch);
    const preload = path.join(scratch, 'bug.mjs');
    fs.writeFileSync(preload, PRELOAD);
    const workspace = makeWorkspace({
      'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n',
      'reports/unit.xml': '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"/></testsuite>',
    });
    const run = await runAction({ workspace, node, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md' }, env: { NODE_OPTIONS: `--import=${preload}` } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.outputs['passed']).toBe('false');
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'))?.replace(/%0A/g, '\n') ?? '';
    expect(error).toMatch(/^::error::the release gate stopped on an internal error, so the release is not approved: TypeError: Cannot read properties of undefined \(reading 'length'\)\n\s+at /);
    expect(error).not.toContain('could not be read');
  });
});
