import type { IssueData } from '../catalogue/issue-anomalies.js';
import { UserError } from '../errors.js';
import { describeHttpFailure } from '../system-faults.js';

/**
 * Every issue of the repository with the label, open and closed, all pages (pull requests dropped).
 * Octokit is loaded here, on first use, so a run without an anomaly label never pays for it. Every
 * known failure of the API is a UserError that says what to fix; the token never appears in a message.
 */
export async function fetchLabelledIssues(token: string, repository: string, label: string): Promise<IssueData[]> {
  if (token.trim() === '') {
    throw new UserError('input "github-token" is empty, so the issues labelled as anomalies cannot be read; pass `github-token: ${{ github.token }}` and grant `issues: read`');
  }
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new UserError(`the repository "${repository}" is not of the form owner/name (GITHUB_REPOSITORY)`);
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token);
  try {
    const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'all', per_page: 100 })) as IssueData[];
    return issues.filter((i) => i.pull_request === undefined || i.pull_request === null);
  } catch (e) {
    const failure = describeHttpFailure(e, 'issues: read', 'the repository was not found (404), or the token cannot see it');
    if (failure === undefined) throw e;
    throw new UserError(`the issues labelled "${label}" in ${repository} could not be read: ${failure}`);
  }
}
