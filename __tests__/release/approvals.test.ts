/** The approvals of the run, from a loopback server answering in the documented shape of GitHub's REST API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApprovals } from '../../src/release/approvals.js';
import { buildInfo, renderBuildJson, renderBuildMarkdown } from '../../src/release/build-info.js';
import { startGitHub, type FakeGitHub } from '../support/github-api.js';
import { report, requirement, runGate, testCase } from '../support/factories.js';

const TOKEN = 'ghs_approvalToken42';
/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`, as documented (environment-approvals). */
const APPROVED = [
  {
    environments: [{ id: 161088068, node_id: 'MDExOkVudmlyb25tZW50MTYxMDg4MDY4', name: 'production', url: 'https://api.github.com/repos/acme/pump/environments/production', html_url: 'https://github.com/acme/pump/deployments/activity_log?environments_filter=production', created_at: '2020-11-23T22:00:40Z', updated_at: '2020-11-23T22:00:40Z' }],
    state: 'approved',
    user: { login: 'quality-lead', id: 1, type: 'User', site_admin: false },
    comment: 'Verified the release record.',
  },
];

let answer: { status: number; body: unknown } = { status: 200, body: APPROVED };
let github: FakeGitHub;
beforeAll(async () => {
  github = await startGitHub(() => answer);
});
afterAll(() => github.close());
const env = () => ({ GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/pump', GITHUB_RUN_ID: '30433642' });

describe('readApprovals', () => {
  it('records who approved which environment, with the comment, asking the run the job belongs to', async () => {
    answer = { status: 200, body: APPROVED };
    const record = await readApprovals(TOKEN, env());
    expect(record).toEqual({ status: 'approved', reason: null, reviews: [{ environments: ['production'], reviewer: 'quality-lead', state: 'approved', comment: 'Verified the release record.' }] });
    expect(github.requests.at(-1)).toEqual({ path: '/repos/acme/pump/actions/runs/30433642/approvals', authorization: `token ${TOKEN}` });
  });

  it('says no approval is recorded when the run has no review (no environment with required reviewers)', async () => {
    answer = { status: 200, body: [] };
    expect(await readApprovals(TOKEN, env())).toEqual({ status: 'none', reason: null, reviews: [] });
  });

  it('records a refused request as unread, asking for actions: read, without the token', async () => {
    answer = { status: 403, body: { message: 'Resource not accessible by integration' } };
    const record = await readApprovals(TOKEN, env());
    expect(record.status).toBe('unread');
    expect(record.reason).toContain('permissions: actions: read');
    expect(JSON.stringify(record)).not.toContain(TOKEN);
  });

  it('records an answer of another shape as unread, and reads nothing without a token or a run', async () => {
    answer = { status: 200, body: [{ state: 'approved' }] };
    expect((await readApprovals(TOKEN, env())).reason).toContain('unknown shape');
    const before = github.requests.length;
    expect((await readApprovals('', env())).reason).toContain('input "github-token" is empty');
    expect((await readApprovals(TOKEN, { GITHUB_REPOSITORY: 'acme/pump' })).reason).toContain('GITHUB_RUN_ID');
    expect(github.requests.length).toBe(before);
  });

  it('puts the approval into build.json and BUILD.md', async () => {
    answer = { status: 200, body: APPROVED };
    const gate = runGate([requirement('SRS-001')], [report('reports/unit.xml', [testCase({ name: 'SRS-001 a' })])]);
    const info = buildInfo({
      env: {},
      commit: '0123456789abcdef0123456789abcdef01234567',
      version: { version: 'v1.0.0', source: 'version-tag' },
      archive: 'pump-v1.0.0.tar.gz',
      time: { date: new Date('2026-11-20T10:00:00Z'), source: 'commit' },
      nodeVersion: 'v24.1.0',
      actionVersion: '0.1.0',
      evidence: gate.evidence,
      approval: await readApprovals(TOKEN, env()),
    });
    expect(JSON.parse(renderBuildJson(info)).approval).toMatchObject({ status: 'approved', reviews: [{ reviewer: 'quality-lead', environments: ['production'] }] });
    const md = renderBuildMarkdown(info);
    expect(md).toContain('| Approval | approved by quality-lead for `production` (Verified the release record.)');
    const none = renderBuildMarkdown({ ...info, approval: { status: 'none', reason: null, reviews: [] } });
    expect(none).toContain('| Approval | no approval recorded: the job ran in no environment with required reviewers |');
  });
});
