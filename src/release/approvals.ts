/**
 * Who approved the deployment of this run (IEC 62304 §5.8: how the release was created): the reviews
 * of the environments with required reviewers, from `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`.
 * Octokit loads only here. A run in no such environment has none; an answer that cannot be read is
 * recorded as unread with its reason, never as "no approval". The token never appears in a message.
 */
import { describeHttpFailure } from '../system-faults.js';

/** One review of a pending deployment, as GitHub reports it (the API gives no time of the review). */
export interface Review {
  readonly environments: readonly string[];
  readonly reviewer: string;
  /** `approved` or `rejected`. */
  readonly state: string;
  readonly comment: string;
}

export interface ApprovalRecord {
  /** `approved`: at least one approving review; `none`: no review (no environment with required reviewers); `unread`: see `reason`. */
  readonly status: 'approved' | 'none' | 'unread';
  readonly reason: string | null;
  readonly reviews: readonly Review[];
}

/** Longest comment kept from a review. */
const MAX_COMMENT = 2000;

export async function readApprovals(token: string, env: NodeJS.ProcessEnv): Promise<ApprovalRecord> {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const runId = Number(env['GITHUB_RUN_ID']);
  if (!owner || !repo || !Number.isSafeInteger(runId) || runId <= 0) return unread('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set, so there is no run to read approvals of');
  if (token.trim() === '') return unread('input "github-token" is empty, so the approvals of the run could not be read; pass `github-token: ${{ github.token }}` and grant `actions: read`');
  const { getOctokit } = await import('@actions/github');
  const api = env['GITHUB_API_URL'] ?? '';
  const octokit = getOctokit(token, api === '' ? {} : { baseUrl: api.replace(/\/+$/, '') });
  let data: unknown;
  try {
    data = (await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })).data;
  } catch (e) {
    const failure = describeHttpFailure(e, 'actions: read', 'the run was not found (404), or the token cannot see it');
    if (failure === undefined) throw e;
    return unread(`the approvals of run ${runId} could not be read: ${failure}`);
  }
  if (!Array.isArray(data)) return unread('GitHub answered the approvals request with something other than a list');
  const reviews = data.map(toReview);
  if (reviews.some((r) => r === undefined)) return unread('GitHub answered the approvals request with a review of an unknown shape');
  const known = reviews as Review[];
  if (known.length === 0) return { status: 'none', reason: null, reviews: [] };
  if (known.some((r) => r.state === 'approved')) return { status: 'approved', reason: null, reviews: known };
  return { status: 'unread', reason: 'no review approved the deployment', reviews: known };
}

function toReview(item: unknown): Review | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const r = item as { environments?: unknown; user?: { login?: unknown } | null; state?: unknown; comment?: unknown };
  if (!Array.isArray(r.environments) || typeof r.state !== 'string') return undefined;
  const environments = r.environments.map((e) => (typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined));
  if (environments.some((e) => e === undefined)) return undefined;
  const login = typeof r.user?.login === 'string' ? r.user.login : '(unknown user)';
  const comment = typeof r.comment === 'string' ? r.comment.slice(0, MAX_COMMENT) : '';
  return { environments: environments as string[], reviewer: login, state: r.state, comment };
}

function unread(reason: string): ApprovalRecord {
  return { status: 'unread', reason, reviews: [] };
}
