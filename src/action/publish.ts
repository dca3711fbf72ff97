import path from 'node:path';
import * as core from '@actions/core';
import type { GateOutcome } from '../evaluate.js';
import { displayPath } from '../io/files.js';
import { annotate, appendStepSummary } from '../io/runner.js';
import { EVIDENCE_FILES } from '../report/evidence.js';
import { countsLine, renderSummary } from '../report/summary.js';
import { releaseArchive, type Place } from './release.js';
import type { ActionSettings } from './settings.js';

/** Reasons listed in the step's failure message; the rest are counted (all are in the summary and evidence). */
export const REASONS_IN_MESSAGE = 20;
/** Longest reason in the failure message. */
const REASON_LENGTH = 500;

/** The step's failure message: every reason up to a bound, then how many more and where they are. */
export function failureMessage(reasons: readonly string[], evidence: string): string {
  const listed = reasons.slice(0, REASONS_IN_MESSAGE).map((r) => `- ${r.length > REASON_LENGTH ? `${r.slice(0, REASON_LENGTH - 1)}…` : r}`);
  const more = reasons.length - listed.length;
  if (more > 0) listed.push(`- … and ${more} more: see the job summary and ${evidence}`);
  return `The release gate failed (${reasons.length} ${reasons.length === 1 ? 'reason' : 'reasons'}):\n${listed.join('\n')}`;
}

/**
 * Outputs, summary and annotations; the release phase when the gate passed. The release is done only
 * once its archive is built and uploaded: `passed` is written last, and true only when all of it
 * succeeded; the summary waits to say how it ended.
 */
export async function publish(outcome: GateOutcome, settings: ActionSettings, place: Place): Promise<void> {
  const { env, evidenceDir } = place;
  const jsonPath = path.join(evidenceDir, EVIDENCE_FILES.json);
  const evidencePath = displayPath(jsonPath, settings.workspace);
  core.setOutput('coverage', String(outcome.verdict.coverage));
  core.setOutput('report-json', jsonPath);
  core.setOutput('evidence-dir', evidenceDir);
  // The release record is written pass or fail; its paths are outputs either way.
  core.setOutput('change-summary', path.join(evidenceDir, EVIDENCE_FILES.changeSummary));
  core.setOutput('release-notes', path.join(evidenceDir, EVIDENCE_FILES.releaseNotes));
  core.setOutput('release-checklist', path.join(evidenceDir, EVIDENCE_FILES.releaseChecklist));

  if (!outcome.verdict.passed) {
    await appendStepSummary(env, renderSummary(outcome.evidence, { evidencePath }));
    annotate(outcome.annotations);
    core.setOutput('passed', 'false');
    core.setFailed(failureMessage(outcome.verdict.reasons.map((r) => r.message), evidencePath));
    return;
  }

  const released = await releaseArchive(outcome, settings, place);
  for (const [name, value] of Object.entries(released.outputs)) core.setOutput(name, value);
  const summary = renderSummary(outcome.evidence, { evidencePath, ...(released.failure !== undefined ? { releaseFailure: released.failure } : {}) });
  await appendStepSummary(env, `${summary}\n${released.summary}`);
  annotate(outcome.annotations);
  const counts = countsLine(outcome.evidence);
  if (released.failure !== undefined) {
    core.setOutput('passed', 'false');
    core.setFailed(`The release gate passed, but the release archive failed: ${released.failure}`);
    return;
  }
  core.info(`Release gate passed: ${counts.requirements}; ${counts.rest}.`);
  core.setOutput('passed', 'true');
}
