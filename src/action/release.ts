import * as core from '@actions/core';
import { isUserError } from '../errors.js';
import type { GateOutcome } from '../evaluate.js';
import { logUntrusted } from '../io/runner.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { ActionSettings } from './settings.js';

/** Where the run's files are. */
export interface Place {
  readonly env: NodeJS.ProcessEnv;
  /** Real path of the evidence folder. */
  readonly evidenceDir: string;
  readonly reportFiles: readonly string[];
}

/** How the release after a passing gate ended: the outputs about the archive, the summary's paragraph, and what failed. */
export interface Released {
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly failure?: string;
}

/** The release phase, after a passing gate: the archive built, uploaded and attached as the settings ask. */
export async function releaseArchive(outcome: GateOutcome, settings: ActionSettings, place: Place): Promise<Released> {
  const { env, evidenceDir } = place;
  // The archive is built only now; the release code and its clients load only on this path.
  const releasing = await import('../release/run-release.js');
  const { renderReleaseFailure } = await import('../release/summary.js');
  try {
    const archived = await core.group('Release archive', () =>
      releasing.release({
        settings: settings.release,
        evidence: outcome.evidence,
        passed: outcome.verdict.passed,
        workspace: settings.workspace,
        evidenceDir,
        reports: place.reportFiles,
        lists: releasing.archivedLists(settings.gate, outcome.evidence),
        env,
        actionVersion: packageJson.version,
        token: settings.gate.githubToken,
        log: (line) => logUntrusted(line),
      }),
    );
    return { outputs: archived.outputs, summary: archived.summary };
  } catch (e) {
    if (!isUserError(e)) throw e;
    // An archive written before the failure stays on disk, and the outputs name it.
    const outputs: Readonly<Record<string, string>> = e instanceof releasing.ReleaseIncomplete ? e.outputs : {};
    const archive = outputs['archive-path'] ? { path: outputs['archive-path'], sha256: outputs['archive-sha256'] ?? '' } : undefined;
    return {
      outputs,
      failure: e.message,
      summary: renderReleaseFailure({ message: e.message, ...(archive !== undefined ? { archive } : {}), ...(outputs['artifact-id'] ? { artifactId: outputs['artifact-id'] } : {}) }),
    };
  }
}
