/**
 * Anomalies recorded as GitHub issues, read through the real octokit of @actions/github from a server
 * on loopback: the pages recorded from GitHub's API (@octokit/fixtures), issues of the documented
 * REST shape, and the errors a workflow meets (no token, 401, 403, rate limit, 404).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anomaliesFromIssues, type IssueData } from '../../src/catalogue/issue-anomalies.js';
import { UserError } from '../../src/errors.js';
import { evaluateAnomaly } from '../../src/gate/anomalies.js';
import { fetchLabelledIssues } from '../../src/io/github-issues.js';
import { recordedIssuePages, recordedPagination, startGitHub, type FakeGitHub, type Responder } from '../support/github-api.js';

const TOKEN = 'ghs_secretTokenValue123';
let server: FakeGitHub;
let respond: Responder;
const savedApiUrl = process.env['GITHUB_API_URL'];

beforeAll(async () => {
  server = await startGitHub((url, req) => respond(url, req));
  process.env['GITHUB_API_URL'] = server.url;
});
afterAll(async () => {
  await server.close();
  if (savedApiUrl === undefined) delete process.env['GITHUB_API_URL'];
  else process.env['GITHUB_API_URL'] = savedApiUrl;
});
afterEach(() => {
  server.requests.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  expect((e as Error).message).not.toContain(TOKEN);
  return e as UserError;
}

describe('fetchLabelledIssues', () => {
  it('reads every page of a real recorded issue listing, with the token and the label', async () => {
    respond = recordedPagination(() => server.url);
    const issues = await fetchLabelledIssues(TOKEN, 'octokit-fixture-org/paginate-issues', 'anomaly');
    const recorded = recordedIssuePages().flatMap((p) => p.response as IssueData[]);
    expect(recorded).toHaveLength(13);
    expect(issues.map((i) => i.number)).toEqual(recorded.map((i) => i.number));
    expect(server.requests).toHaveLength(5);
    const first = new URL(server.requests[0]!.path, server.url);
    expect(first.pathname).toBe('/repos/octokit-fixture-org/paginate-issues/issues');
    expect(Object.fromEntries(first.searchParams)).toEqual({ labels: 'anomaly', state: 'all', per_page: '100' });
    expect(server.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    // The recorded issues carry no assessment: each is a residual anomaly that is not assessed.
    const list = anomaliesFromIssues('anomaly', issues);
    expect(list.anomalies).toHaveLength(13);
    expect(list.anomalies.every((a) => a.status === 'open' && a.severity === '' && a.source.startsWith('https://github.com/'))).toBe(true);
  });

  it('drops pull requests, which the issues endpoint also lists', async () => {
    respond = () => ({ status: 200, body: [issue(1), { ...issue(2), pull_request: { url: 'x' } }] });
    expect((await fetchLabelledIssues(TOKEN, 'o/r', 'anomaly')).map((i) => i.number)).toEqual([1]);
  });

  it('refuses to start without a token, before any request', async () => {
    respond = () => ({ status: 200, body: [] });
    const e = await refusal(fetchLabelledIssues('', 'o/r', 'anomaly'));
    expect(e.message).toMatch(/input "github-token" is empty/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [401, {}, /could not be read: the token was refused \(401 Bad credentials\)/],
    [403, {}, /access denied \(403\): give the workflow `permissions: issues: read`/],
    [403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' }, /rate limit is exhausted until 2030-03-17T17:46:40.000Z/],
    [429, {}, /rate limit is exhausted/],
    [404, {}, /repository was not found \(404\)/],
  ] as const)('turns %i into a clear error', async (status, headers, message) => {
    respond = () => ({ status, body: { message: 'nope' }, headers });
    const e = await refusal(fetchLabelledIssues(TOKEN, 'o/r', 'anomaly'));
    expect(e.message).toMatch(/^the issues labelled "anomaly" in o\/r could not be read: /);
    expect(e.message).toMatch(message);
  });
});

function issue(number: number, fields: Partial<IssueData> = {}): IssueData {
  return { number, title: `Issue ${number}`, body: null, state: 'open', labels: [], html_url: `https://github.com/o/r/issues/${number}`, ...fields };
}

const FORM_BODY = `### Severity

Medium

### Tests

- SRS-003: rounds dose to 0.1 mg
- \`*rounds half*\`

### Justification

Below the clinically relevant resolution.

### Acceptable

Yes

### Assessed by

J. Doe

### Assessment date

2026-11-20

### Benefit-risk

_No response_

### Related risk IDs

R-007, R-009
`;

describe('anomaliesFromIssues', () => {
  it('reads the assessment from the sections an issue form writes', () => {
    const [a] = anomaliesFromIssues('anomaly', [issue(7, { title: 'Dose rounds half-down', body: FORM_BODY })]).anomalies;
    expect(a).toMatchObject({
      id: '#7',
      title: 'Dose rounds half-down',
      status: 'open',
      severity: 'Medium',
      tests: ['SRS-003: rounds dose to 0.1 mg', '*rounds half*'],
      justification: 'Below the clinically relevant resolution.',
      acceptable: 'yes',
      assessedBy: 'J. Doe',
      assessmentDate: { valid: true, date: '2026-11-20' },
      benefitRisk: '',
      relatedRisks: ['R-007', 'R-009'],
      source: 'https://github.com/o/r/issues/7',
    });
  });

  it('reads severity, acceptance and status from labels when the body has no such section', () => {
    const labels = [{ name: 'anomaly' }, { name: 'severity: high' }, 'risk-acceptable', { name: 'deferred' }];
    const [a] = anomaliesFromIssues('anomaly', [issue(3, { labels })]).anomalies;
    expect(a).toMatchObject({ severity: 'High', acceptable: 'yes', status: 'deferred' });
  });

  it('reads an issue closed as not planned as deferred (still in the product), and one closed as completed as fixed', () => {
    const list = anomaliesFromIssues('anomaly', [issue(2, { state: 'closed', state_reason: 'not_planned' }), issue(1, { state: 'closed', state_reason: 'completed' })]);
    expect(list.anomalies.map((a) => [a.id, a.status])).toEqual([
      ['#1', 'fixed'],
      ['#2', 'deferred'],
    ]);
    expect(list.hasAcceptableColumn).toBe(true);
  });

  it('refuses an unknown Acceptable answer and Status word, naming the issue', () => {
    const body = '### Acceptable\n\nmaybe\n';
    expect(() => anomaliesFromIssues('anomaly', [issue(4, { body }), issue(5, { body: '### Status\n\nsleeping\n' })])).toThrow(
      /issue #4: its Acceptable section says "maybe"; write yes or no\nissue #5: unknown status "sleeping"/,
    );
  });
});

describe('anomaliesFromIssues: what an open issue is, and what its body really says', () => {
  const evaluated = (i: IssueData) => evaluateAnomaly(anomaliesFromIssues('anomaly', [i]).anomalies[0]!, { hasAcceptableColumn: true });

  it.each(['verified', 'fixed', 'done', 'resolved', 'closed', 'Fixed', 'status: fixed'])(
    'reads an open issue labelled %j as residual: it still needs an assessment',
    (name) => {
      const e = evaluated(issue(9, { labels: [{ name: 'anomaly' }, { name }] }));
      expect(e.anomaly.status).toBe('open');
      expect(e.residual).toBe(true);
      expect(e.problems).toEqual(['its assessment is incomplete: missing Severity, Justification, Assessed By, Assessment Date, Acceptable']);
    },
  );

  it.each(['Fixed', 'Verified', 'Closed', 'Done', 'Resolved'])('reads an open issue whose Status section says %j as open', (status) => {
    expect(anomaliesFromIssues('anomaly', [issue(9, { body: `### Status\n\n${status}\n` })]).anomalies[0]!.status).toBe('open');
  });

  it('keeps deferred and accepted from labels, and reads a closed issue labelled wontfix as deferred', () => {
    const list = anomaliesFromIssues('anomaly', [
      issue(1, { labels: ['accepted'] }),
      issue(2, { state: 'closed', state_reason: 'completed', labels: ['wontfix'] }),
      issue(3, { state: 'closed', state_reason: 'completed', labels: ['verified'] }),
    ]);
    expect(list.anomalies.map((a) => a.status)).toEqual(['accepted', 'deferred', 'fixed']);
  });

  it.each([
    ['an issue-form hint in a comment', '### Severity\n\n<!-- Low, Medium or High -->\n'],
    ['a comment over several lines', '### Severity\n\n<!--\nLow, Medium\nor High\n-->\n'],
    ['a comment beside _No response_', '### Severity\n\n_No response_ <!-- High -->\n'],
    ['a fenced block', '### Severity\n\n```\nHigh\n```\n'],
    ['a fenced block with an info string', '### Severity\n\n```text\nLow\n```\n'],
    ['a tilde fence', '### Severity\n\n~~~\nLow\n~~~\n'],
    ['an indented fence of four backticks', '### Severity\n\n  ````\n  Low\n  ```\n  ````\n'],
  ])('reads %s as no answer', (_what, body) => {
    const [a] = anomaliesFromIssues('anomaly', [issue(4, { body })]).anomalies;
    expect(a!.severity).toBe('');
  });

  it('reads the answer beside a comment, and keeps inline code', () => {
    const body = '### Severity\n\n<!-- Low, Medium or High -->\nLow\n\n### Tests\n\n- `*rounds*` <!-- a glob -->\n';
    expect(anomaliesFromIssues('anomaly', [issue(4, { body })]).anomalies[0]).toMatchObject({ severity: 'Low', tests: ['*rounds*'] });
  });

  it('finds no section in a comment or a fence, and a comment or fence never closed hides the rest', () => {
    const hidden = [
      '<!--\n### Justification\n\nBelow the resolution\n-->\n',
      '```\n### Justification\n\nBelow the resolution\n```\n',
      '### Severity\n\nLow\n<!-- the rest is a draft\n### Justification\n\nBelow the resolution\n',
      '### Severity\n\nLow\n```\n### Justification\n\nBelow the resolution\n',
    ];
    for (const body of hidden) expect(anomaliesFromIssues('anomaly', [issue(5, { body })]).anomalies[0]!.justification, body).toBe('');
  });

  it('never reads test names from a fenced block', () => {
    const body = '### Tests\n\n```\n*\n```\n';
    expect(anomaliesFromIssues('anomaly', [issue(6, { body })]).anomalies[0]!.tests).toEqual([]);
  });

  it('reads every severity label together (low and high is high), and a not-acceptable label over a yes', () => {
    const [a] = anomaliesFromIssues('anomaly', [
      issue(8, { labels: ['severity: low', 'severity: high', 'risk-not-acceptable'], body: '### Acceptable\n\nYes\n' }),
    ]).anomalies;
    expect(a).toMatchObject({ acceptable: 'no' });
    expect(evaluateAnomaly(a!, { hasAcceptableColumn: true }).high).toBe(true);
  });
});

describe('anomaliesFromIssues: sections and labels that disagree are read the worse way, or refused', () => {
  const evaluated = (i: IssueData) => evaluateAnomaly(anomaliesFromIssues('anomaly', [i]).anomalies[0]!, { hasAcceptableColumn: true });

  it.each([
    ['Acceptable', 'Yes', 'No'],
    ['Acceptable', 'Yes', '_No response_'],
    ['Severity', 'Low', 'High'],
    ['Justification', 'Below the resolution', 'TBD'],
    ['Tests', 'SRS-003: rounds', '*'],
    ['Related risk IDs', 'R-007, R-009', 'R-010'],
  ])('refuses two "### %s" sections that disagree, naming the issue and the section', (heading, first, second) => {
    const body = `${FORM_BODY}\n### ${heading}\n\n${second}\n`.replace(/### Acceptable\n\nYes/, `### Acceptable\n\n${heading === 'Acceptable' ? first : 'Yes'}`);
    expect(() => anomaliesFromIssues('anomaly', [issue(7, { body })])).toThrow(
      new RegExp(`^issue #7: its body has 2 "### ${heading}" sections that disagree \\("[^"]*", "[^"]*"\\); keep one answer$`),
    );
  });

  it('reads a section repeated with the same answer as one answer', () => {
    const body = `${FORM_BODY}\n### Acceptable\n\nYes\n\n### severity\n\nMedium\n`;
    expect(anomaliesFromIssues('anomaly', [issue(7, { body })]).anomalies[0]).toMatchObject({ acceptable: 'yes', severity: 'Medium' });
  });

  it.each([['severity: critical'], ['severity: high'], ['Severity/High'], ['sev: catastrophic'], ['severity_serious']])(
    'reads the label %j together with a Low section: the worse wins',
    (label) => {
      const e = evaluated(issue(8, { labels: ['anomaly', label], body: FORM_BODY.replace('### Severity\n\nMedium', '### Severity\n\nLow') }));
      expect(e.anomaly.severity).toMatch(/^Low, /);
      expect(e.high).toBe(true);
      expect(e.explainsFailures).toBe(false);
      expect(e.problems.join('; ')).toContain('names no benefit-risk analysis');
    },
  );

  it.each([
    'risk: unacceptable', 'risk-unacceptable', 'unacceptable', 'Unacceptable', 'not acceptable', 'Not-Acceptable', 'risk not acceptable',
    'risk/not-acceptable', 'Risk_Not_Acceptable', 'risk::not::acceptable', 'RISK NOT ACCEPTABLE', 'risk-not-acceptable', 'risk: not acceptable',
    'inacceptable', 'nicht akzeptabel', 'no aceptable', 'Acceptable?', 'acceptance pending', 'acceptability: to review', 'risk-acceptable-pending',
    'risk: not\u200b acceptable',
  ])('reads the label %j as not acceptable, over an Acceptable: Yes section', (label) => {
    const e = evaluated(issue(8, { labels: ['anomaly', label], body: FORM_BODY }));
    expect(e.anomaly.acceptable).toBe('no');
    expect(e.explainsFailures).toBe(false);
    expect(e.problems).toContain('its assessment says the residual risk is not acceptable');
  });

  it.each(['risk-acceptable', 'Risk: Acceptable', 'risk_acceptable', 'Residual Risk Acceptable'])('reads the label %j as acceptable, filling an absent answer', (label) => {
    const body = FORM_BODY.replace('### Acceptable\n\nYes\n', '');
    expect(evaluated(issue(8, { labels: [label], body })).anomaly.acceptable).toBe('yes');
  });

  it('a label saying acceptable does not outvote a section saying no', () => {
    const body = FORM_BODY.replace('### Acceptable\n\nYes', '### Acceptable\n\nNo');
    expect(evaluated(issue(8, { labels: ['risk-acceptable', 'accepted'], body })).anomaly.acceptable).toBe('no');
  });

  it.each([
    ['four spaces after a blank line', '### Acceptable\n\n    Yes\n'],
    ['a tab after a blank line', '### Acceptable\n\n\tYes\n'],
    ['four spaces right after the heading', '### Acceptable\n    Yes\n'],
    ['a block of several lines with blank lines between', '### Acceptable\n\n    Yes\n\n    Yes\n'],
  ])('reads an indented code block (%s) as no answer', (_what, body) => {
    expect(anomaliesFromIssues('anomaly', [issue(4, { body })]).anomalies[0]!.acceptable).toBe('unanswered');
  });

  it('ends an indented code block at the first line indented less, and finds no section inside one', () => {
    const body = '### Severity\n\n    ### Acceptable\n    Yes\nLow\n';
    expect(anomaliesFromIssues('anomaly', [issue(4, { body })]).anomalies[0]).toMatchObject({ severity: 'Low', acceptable: 'unanswered' });
  });

  it('keeps indented text that continues a paragraph or a list item', () => {
    const body = '### Justification\n\nBelow the\n    clinically relevant resolution\n\n### Tests\n\n- SRS-003: rounds\n\n    continued\n';
    expect(anomaliesFromIssues('anomaly', [issue(4, { body })]).anomalies[0]).toMatchObject({
      justification: 'Below the clinically relevant resolution',
      tests: ['SRS-003: rounds', 'continued'],
    });
  });
});

describe('anomaliesFromIssues: headings that decide the verdict', () => {
  it.each(['Acceptability', 'Risk acceptable?', 'Acceptable (Y/N)', 'Residual risk acceptable'])('reads "### %s" as the Acceptable answer', (heading) => {
    const body = FORM_BODY.replace('### Acceptable\n\nYes', `### ${heading}\n\nNo`);
    expect(anomaliesFromIssues('anomaly', [issue(7, { body })]).anomalies[0]!.acceptable).toBe('no');
  });

  it.each(['Affected requirements', 'Req IDs', 'Requirement(s)'])('reads "### %s" as the Requirements', (heading) => {
    const body = `${FORM_BODY}\n### ${heading}\n\nSRS-999\n`;
    expect(anomaliesFromIssues('anomaly', [issue(7, { body })]).anomalies[0]!.requirements).toEqual(['SRS-999']);
  });

  it.each([
    ['Risk acceptability decision', 'acceptable'],
    ['Requirements touched', 'requirements'],
  ])('refuses the unknown heading "### %s", which looks like the %s field', (heading, column) => {
    const body = `${FORM_BODY}\n### ${heading}\n\nNo\n`;
    expect(() => anomaliesFromIssues('anomaly', [issue(7, { body })])).toThrow(
      `issue #7: its section "### ${heading}" looks like the ${column} field but is not a heading the reader knows`,
    );
  });
});
