/**
 * The release-identity phase: reads the facts from git and the files, then decides the findings
 * (`identity-checks.ts`). Each finding blocks under `release-checks: enforce`, and only warns under `warn`.
 */
import { isUserError } from '../../errors.js';
import type { Finding } from '../../model/index.js';
import type { Settings } from '../../settings.js';
import { tagScheme } from '../version-tag.js';
import { checkIdentity, type IdentityVerdict } from './identity-checks.js';
import { readIdentity } from './read-identity.js';

export interface IdentityRun {
  readonly settings: Settings;
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
  /** The report files the gate reads. */
  readonly reports: readonly string[];
  /** The `version` input of the archive, when given. */
  readonly versionInput?: string;
}

export async function checkReleaseIdentity(run: IdentityRun): Promise<IdentityVerdict> {
  const { settings } = run;
  const blocking = settings.releaseChecks === 'enforce';
  let reading: Awaited<ReturnType<typeof readIdentity>>;
  try {
    reading = await readIdentity({
      workspace: run.workspace,
      env: run.env,
      // The committed input lists; SBOMs are left out: they are made from the committed lockfile in the run, like the reports.
      lists: [settings.requirements, ...(settings.anomalies === undefined ? [] : [settings.anomalies]), ...(settings.soup === undefined ? [] : [settings.soup.list])],
      reports: run.reports,
      ...(settings.versionFile === undefined ? {} : { versionFile: settings.versionFile }),
      ...(run.versionInput === undefined ? {} : { versionInput: run.versionInput }),
    });
  } catch (e) {
    // git that cannot run, or a git command that fails: the identity is unproven, a finding like any other.
    if (!isUserError(e)) throw e;
    return { findings: [{ code: 'release-no-checkout', message: e.message, blocking }] };
  }
  if ('notCheckout' in reading) {
    const finding: Finding = {
      code: 'release-no-checkout',
      message: `the workspace ${run.workspace} is not a Git checkout with a commit (${reading.notCheckout}), so the release cannot be shown to be a tagged, committed version; check the repository out with actions/checkout before this step`,
      blocking,
    };
    return { findings: [finding] };
  }
  return checkIdentity(reading.facts, tagScheme(settings.tagPattern), blocking);
}
