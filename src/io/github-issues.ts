import type { IssueData } from '../catalogue/issue-anomalies.js';
import { UserError } from '../errors.js';

/**
 * Every issue of the repository with the label, open and closed, all pages (pull requests dropped).
 * Octokit is loaded here, on first use, so a run without an anomaly label never pays for it. Every
 * failure is a UserError that says what to fix; the token never appears in a message.
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
    throw new UserError(`the issues labelled "${label}" in ${repository} could not be read: ${describe(e)}`);
  }
}

function describe(e: unknown): string {
  const err = e as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  const headers = err.response?.headers ?? {};
  if (err.status === 429 || (err.status === 403 && headers['x-ratelimit-remaining'] === '0')) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return `GitHub's API rate limit is exhausted${when}; run again later`;
  }
  if (err.status === 401) return 'the token was refused (401 Bad credentials)';
  if (err.status === 403) return 'access denied (403): give the workflow `permissions: issues: read`';
  if (err.status === 404) return 'the repository was not found (404), or the token cannot see it';
  if (typeof err.status === 'number') return `GitHub answered ${err.status}`;
  return err.message ?? String(e);
}
