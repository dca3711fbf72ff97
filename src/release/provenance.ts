/**
 * Where a run comes from, as the CI that runs it tells it in its environment: GitHub Actions, GitLab
 * CI or Jenkins, in the same fields, so that the evidence and BUILD.md record the same provenance
 * whichever CI ran the gate (and none on a laptop). Pure: the environment comes in as an argument.
 */

export type CiSystem = 'github' | 'gitlab' | 'jenkins' | 'none';

export interface CiProvenance {
  readonly system: CiSystem;
  /** `owner/name` (GitHub), the project's path (GitLab); null when the CI does not say. */
  readonly repository: string | null;
  /** `refs/tags/<tag>` or `refs/heads/<branch>`. */
  readonly ref: string | null;
  /** The commit the CI ran for. */
  readonly commit: string | null;
  /** Workflow, pipeline job or Jenkins job. */
  readonly workflow: string | null;
  readonly runId: string | null;
  readonly runAttempt: string | null;
  /** Web address of the run (workflow run, pipeline, Jenkins build). */
  readonly runUrl: string | null;
  readonly actor: string | null;
}

/**
 * The CI of this environment, then its fields. GitHub when it says so (GITHUB_ACTIONS, GITHUB_SHA, ...),
 * else GitLab (GITLAB_CI, CI_COMMIT_SHA), else Jenkins (JENKINS_URL, BUILD_URL, GIT_COMMIT).
 */
export function ciProvenance(env: NodeJS.ProcessEnv): CiProvenance {
  const v = (name: string): string | null => value(env, name);
  if (v('GITHUB_ACTIONS') === 'true' || v('GITHUB_SHA') !== null || v('GITHUB_REPOSITORY') !== null || v('GITHUB_REF') !== null) {
    return {
      system: 'github',
      repository: v('GITHUB_REPOSITORY'),
      ref: v('GITHUB_REF'),
      commit: v('GITHUB_SHA'),
      workflow: v('GITHUB_WORKFLOW'),
      runId: v('GITHUB_RUN_ID'),
      runAttempt: v('GITHUB_RUN_ATTEMPT'),
      runUrl: githubRunUrl(env),
      actor: v('GITHUB_ACTOR'),
    };
  }
  if (v('GITLAB_CI') !== null || v('CI_COMMIT_SHA') !== null) {
    return {
      system: 'gitlab',
      repository: v('CI_PROJECT_PATH'),
      ref: refOf(v('CI_COMMIT_TAG'), v('CI_COMMIT_BRANCH')),
      commit: v('CI_COMMIT_SHA'),
      workflow: v('CI_JOB_NAME'),
      runId: v('CI_PIPELINE_ID'),
      runAttempt: null,
      runUrl: v('CI_PIPELINE_URL'),
      actor: v('GITLAB_USER_LOGIN'),
    };
  }
  if (v('JENKINS_URL') !== null || v('BUILD_URL') !== null || v('GIT_COMMIT') !== null) {
    return {
      system: 'jenkins',
      repository: null,
      ref: refOf(v('TAG_NAME'), v('BRANCH_NAME')),
      commit: v('GIT_COMMIT'),
      workflow: v('JOB_NAME'),
      runId: v('BUILD_NUMBER'),
      runAttempt: null,
      runUrl: v('BUILD_URL'),
      actor: null,
    };
  }
  return { system: 'none', repository: null, ref: null, commit: null, workflow: null, runId: null, runAttempt: null, runUrl: null, actor: null };
}

/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`, or null when one is missing. */
export function githubRunUrl(env: NodeJS.ProcessEnv): string | null {
  const server = value(env, 'GITHUB_SERVER_URL');
  const repository = value(env, 'GITHUB_REPOSITORY');
  const run = value(env, 'GITHUB_RUN_ID');
  if (server === null || repository === null || run === null) return null;
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}`;
}

/** A tag wins over a branch: a tag pipeline is the release. */
function refOf(tag: string | null, branch: string | null): string | null {
  if (tag !== null) return `refs/tags/${tag}`;
  if (branch !== null) return `refs/heads/${branch}`;
  return null;
}

function value(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}
