/**
 * The github-token input is never printed: not in the log (also with ACTIONS_STEP_DEBUG and
 * RUNNER_DEBUG), not in the job summary, the outputs, the evidence files or the release archive,
 * whatever GitHub's API answers. Its one allowed appearance is the `::add-mask::` command that tells
 * the runner to hide it, and that command must carry exactly the token, so that the runner masks
 * the right value.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../scripts/run-action.js';
import { commitAll } from '../support/git-repo.js';
import { startGitHub, type FakeGitHub } from '../support/github-api.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace } from '../support/workspace.js';

const node = node24 ?? process.execPath;
/** Holds `%`, `:` and `,`, which workflow commands escape, so that a wrong escape shows. */
const TOKEN = 'ghs_S3cr3t%0A:tok,en_for_hostile_tests_42';
const DEBUG = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n';
const PASSING = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"/></testsuite>';
const FAILING = '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"><failure message="wrong dose"/></testcase></testsuite>';

/** Every place the run wrote text to: log, summary, outputs, evidence files, the release archive. */
function everything(run: ActionRun): { where: string; text: string }[] {
  const out = [
    { where: 'stdout', text: run.stdout },
    { where: 'stderr', text: run.stderr },
    { where: 'summary', text: run.summary },
    { where: 'outputs', text: JSON.stringify(run.outputs) },
  ];
  const dir = run.outputs['evidence-dir'];
  if (dir !== undefined && fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) out.push({ where: `evidence/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') });
  }
  const archive = run.outputs['archive-path'];
  if (archive !== undefined && archive !== '' && fs.existsSync(archive)) {
    out.push({ where: 'release archive', text: zlib.gunzipSync(fs.readFileSync(archive)).toString('latin1') });
  }
  return out;
}

/** The token appears nowhere but in one `::add-mask::` line whose data, unescaped, is the token. */
function expectNeverPrinted(run: ActionRun, masked: boolean): void {
  const maskLines = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  if (masked) {
    expect(maskLines).toHaveLength(1);
    const data = maskLines[0]!.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    expect(data).toBe(TOKEN);
  } else {
    expect(maskLines).toEqual([]);
  }
  const withoutMask = { ...run, stdout: run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') };
  const pieces = [TOKEN, TOKEN.replace(/%/g, '%25'), 'ghs_S3cr3t', 'tok,en_for_hostile'];
  for (const { where, text } of everything(withoutMask)) for (const piece of pieces) expect(text.includes(piece), `${where} holds ${piece}`).toBe(false);
}

describe('the github-token is never printed', () => {
  let github: FakeGitHub;
  let respond: { status: number; body: unknown; headers?: Record<string, string> } = { status: 200, body: [] };
  beforeAll(async () => {
    github = await startGitHub(() => respond);
  });
  afterAll(() => github.close());

  const inputs = { reports: 'reports/*.xml', requirements: 'requirements.md', 'anomaly-label': 'anomaly', 'github-token': TOKEN };
  const env = (): Record<string, string> => ({ GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/pump', ...DEBUG });

  it.each([
    ['the API lists issues', { status: 200, body: [] }],
    ['the API lists an issue that quotes an Authorization header', {
      status: 200,
      body: [{ number: 3, title: 'Authorization: token ghs_…', state: 'open', labels: [{ name: 'anomaly' }], html_url: 'https://github.com/acme/pump/issues/3', body: '### Severity\n\nLow\n' }],
    }],
    ['the token is refused (401)', { status: 401, body: { message: 'Bad credentials' } }],
    ['access is denied (403)', { status: 403, body: { message: 'Resource not accessible by integration' } }],
    ['the rate limit is exhausted', { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' } }],
    ['the API fails (500)', { status: 500, body: { message: 'Server Error' } }],
  ])('with debug logging on, when %s', async (_label, answer) => {
    respond = answer;
    const before = github.requests.length;
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/junit.xml': FAILING });
    const run = await runAction({ node, workspace: ws, inputs, env: env() });
    expect(run.outputs['passed']).toBe('false');
    // The token was used (so it was there to leak), and never shown.
    expect(github.requests.slice(before).some((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expectNeverPrinted(run, true);
  });

  it('with debug logging on, when the API cannot be reached', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/junit.xml': FAILING });
    const run = await runAction({ node, workspace: ws, inputs, env: { ...env(), GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toContain('the issues labelled "anomaly" in acme/pump could not be read');
    expectNeverPrinted(run, true);
  });

  it('with debug logging on, when the gate passes and the release archive is built', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/junit.xml': PASSING });
    commitAll(ws);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', 'github-token': TOKEN, upload: 'false' }, env: { GITHUB_REPOSITORY: 'acme/pump', ...DEBUG } });
    expect(run.outputs['passed']).toBe('true');
    expect(run.outputs['archive-path']).toMatch(/\.tar\.gz$/);
    expectNeverPrinted(run, true);
  });

  it('when an input is refused before anything runs', async () => {
    const ws = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/junit.xml': FAILING });
    const run = await runAction({ node, workspace: ws, inputs: { ...inputs, 'untraced-tests': 'maybe' }, env: env() });
    expect(run.outputs['passed']).toBe('false');
    expect(run.stdout).toContain('input "untraced-tests" is "maybe"');
    const masked = run.stdout.includes('::add-mask::');
    expectNeverPrinted(run, masked);
  });
});
