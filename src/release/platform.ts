/**
 * Facts about where the action runs, from the environment alone. Pure.
 */

/**
 * True on GitHub Enterprise Server, where the artifact service of @actions/artifact does not exist:
 * the host of GITHUB_SERVER_URL is not github.com, a GHE.com data-residency host (`*.ghe.com`) or a
 * `*.localhost` development host. The same rule as @actions/artifact's own check.
 */
export function isGhes(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl === undefined || serverUrl === '' ? 'https://github.com' : serverUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

/** The artifact's page: `<server>/<owner>/<repo>/actions/runs/<run>/artifacts/<id>`, or undefined. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const repository = env['GITHUB_REPOSITORY'];
  const run = env['GITHUB_RUN_ID'];
  if (!repository || !run) return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}/artifacts/${id}`;
}
