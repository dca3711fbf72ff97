import * as core from '@actions/core';
import { publish } from './action/publish.js';
import { readActionSettings, type ActionSettings } from './action/settings.js';
import { checkWorkerMessage, type WorkerMessage } from './action/worker-message.js';
import { isUserError } from './errors.js';
import type { RunContext } from './evaluate.js';
import { findReports, type FoundReports } from './io/collect-reports.js';
import { EvidenceFiles } from './io/evidence-sinks.js';
import { runnerFault } from './io/runner.js';
import { runnerLog } from './io/run-log.js';
import { runInWorker, totalBytes, WORKER_BYTES } from './io/worker.js';
import { ciProvenance } from './release/provenance.js';
import { contextOf, runGate } from './run-gate.js';
import type { IdentityVerdict } from './release/identity/identity-checks.js';
import { checkReleaseIdentity } from './release/identity/release-identity.js';

/**
 * Which thread runs: the main thread (with `entry`, the URL of the script it started from, a large run
 * goes on in a worker thread started from it), or a worker thread with the message it was given.
 */
export type Thread = { readonly thread: 'main'; readonly entry?: string } | { readonly thread: 'worker'; readonly message: unknown };

/**
 * The release process: settings, collect, then the gate (lists, reports, verdict, evidence), then
 * outputs, summary and release; a worker thread is handed the first two. The one place that catches:
 * whatever goes wrong, the step fails (a user's mistake with its message, anything else as a bug with
 * its stack).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, thread: Thread = { thread: 'main' }): Promise<void> {
  try {
    if (thread.thread === 'worker') {
      const handed = checkWorkerMessage(thread.message);
      await gateAndRelease(handed.settings, { files: handed.reports, problems: [] }, env);
      return;
    }
    const settings = await runnerLog.group('Settings', async () => {
      const read = readActionSettings(env);
      runnerLog.untrusted(`requirements: ${read.gate.requirements}; reports: ${read.gate.reports.join(', ')}; evidence: ${read.gate.evidenceDir}`);
      return read;
    });
    const reports = await runnerLog.group('Collect reports', async () => {
      const found = await findReports(settings.gate.reports, settings.workspace);
      runnerLog.info(`${found.files.length} ${found.files.length === 1 ? 'report file' : 'report files'} matched`);
      return found;
    });
    if (thread.entry !== undefined && (await wentOnInWorker(thread.entry, env, settings, reports))) return;
    await gateAndRelease(settings, reports, env);
  } catch (e) {
    // A fault of the runner's files (GITHUB_OUTPUT a folder, a full disk) is said as such, not as a bug.
    const known = isUserError(e) ? e : runnerFault(e, env);
    try {
      core.setOutput('passed', 'false');
    } catch {
      // GITHUB_OUTPUT itself cannot be written; the step still fails below, which is what counts.
    }
    if (known !== undefined) {
      core.setFailed(known.toString());
    } else {
      core.setFailed(`the release gate stopped on an internal error, so the release is not approved: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}

/** The gate (lists, reports, verdict, evidence), then outputs, summary, annotations and the release. */
async function gateAndRelease(settings: ActionSettings, reports: FoundReports, env: NodeJS.ProcessEnv): Promise<void> {
  const identity = await runnerLog.group('Release identity', () => releaseIdentity(settings, reports, env));
  const evidence = new EvidenceFiles(settings.gate.evidenceDir, settings.workspace, env);
  const context = { ...runContext(settings.workspace, env), ...(identity.tag === undefined ? {} : { tag: identity.tag }) };
  const outcome = await runGate(settings.gate, reports, evidence, context, runnerLog, identity.findings);
  await publish(outcome, settings, { env, evidenceDir: await evidence.folder(), reportFiles: reports.files });
}

/** The release-identity phase: tag, commit, clean tree, fresh reports and version file, logged as found. */
async function releaseIdentity(settings: ActionSettings, reports: FoundReports, env: NodeJS.ProcessEnv): Promise<IdentityVerdict> {
  const verdict = await checkReleaseIdentity({
    settings: settings.gate,
    workspace: settings.workspace,
    env,
    reports: reports.files,
    ...(settings.release.version === undefined ? {} : { versionInput: settings.release.version }),
  });
  runnerLog.untrusted(verdict.tag === undefined ? 'No version tag on the commit' : `Version tag ${verdict.tag}`);
  for (const f of verdict.findings) runnerLog.untrusted(`${f.blocking ? 'Failed' : 'Warning'} (${f.code}): ${f.message}`);
  if (verdict.findings.length === 0) runnerLog.info('The commit is tagged, checked out as the workflow ran for it, clean, and every report is from this run');
  return verdict;
}

/**
 * A run whose reports hold `WORKER_BYTES` or more goes on in a worker thread, whose bounded young
 * generation keeps the memory of a large run down; a small run stays here, sparing its start-up time.
 */
async function wentOnInWorker(entry: string, env: NodeJS.ProcessEnv, settings: ActionSettings, reports: FoundReports): Promise<boolean> {
  if (reports.problems.length > 0) return false;
  const bytes = await totalBytes(reports.files);
  if (bytes < WORKER_BYTES) return false;
  core.info(`${reports.files.length} ${reports.files.length === 1 ? 'report' : 'reports'} of ${(bytes / 1e6).toFixed(1)} MB: read in a worker thread`);
  const message: WorkerMessage = { settings, reports: reports.files };
  const code = await runInWorker(entry, env, message);
  if (code !== 0) process.exitCode = code;
  return true;
}

/** What the runner says about this run: where, when, and which commit. */
function runContext(workspace: string, env: NodeJS.ProcessEnv): RunContext {
  return contextOf(workspace, ciProvenance(env), new Date());
}
