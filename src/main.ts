import fs from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { anomaliesFromIssues } from './catalogue/issue-anomalies.js';
import { readAnomalies } from './catalogue/read-anomalies.js';
import { readRequirements } from './catalogue/read-requirements.js';
import { UserError, UserErrors } from './errors.js';
import { evaluate } from './evaluate.js';
import { collectReports } from './io/collect-reports.js';
import { displayPath, evidenceFolder, readInsideWorkspace } from './io/files.js';
import { annotate, logUntrusted } from './io/runner.js';
import { writeChunks, writeNew } from './io/write-chunks.js';
import { decodeReport } from './junit/decode-report.js';
import { parseJunit } from './junit/parse-junit.js';
import { fetchLabelledIssues } from './io/github-issues.js';
import type { AnomalyList, Report, RequirementList } from './model.js';
import { renderAnomaliesCsv, renderAnomaliesMarkdown } from './report/anomaly-list.js';
import { EVIDENCE_FILES, evidenceJsonChunks } from './report/evidence.js';
import { renderEvidenceHtml } from './report/html.js';
import { matrixCsvChunks } from './report/matrix-csv.js';
import { renderSummary } from './report/summary.js';
import packageJson from '../package.json' with { type: 'json' };
import { readReleaseSettings, type ReleaseSettings } from './release/settings.js';
import { readSettings, type Settings } from './settings.js';

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
 * settings -> load -> trace and judge -> report. The one place that catches: whatever goes wrong,
 * the step fails (a user's mistake with its message, anything else as a bug with its stack).
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name));
    if (settings.githubToken !== '') core.setSecret(settings.githubToken);
    const releaseSettings = readReleaseSettings((name) => core.getInput(name));
    const workspace = path.resolve(env['GITHUB_WORKSPACE'] ?? process.cwd());
    await gate(settings, releaseSettings, workspace, env);
  } catch (e) {
    core.setOutput('passed', 'false');
    if (e instanceof UserError || e instanceof UserErrors) {
      core.setFailed(e.toString());
    } else {
      core.setFailed(`the release gate stopped on an internal error, so the release is not approved: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}

async function gate(settings: Settings, releaseSettings: ReleaseSettings, workspace: string, env: NodeJS.ProcessEnv): Promise<void> {
  const problems: UserError[] = [];
  const keep = (e: unknown): void => {
    if (e instanceof UserErrors) problems.push(...e.errors);
    else if (e instanceof UserError) problems.push(e);
    else throw e;
  };

  const list = await core.group('Requirements list', async () => {
    try {
      const bytes = await readInsideWorkspace(settings.requirements, workspace, 'the requirements list');
      const read = readRequirements(displayPath(path.resolve(workspace, settings.requirements), workspace), new TextDecoder().decode(bytes));
      core.info(`${read.requirements.length} requirements in ${read.file}`);
      return read;
    } catch (e) {
      keep(e);
      return undefined as RequirementList | undefined;
    }
  });

  let reportFiles: string[] = [];
  const reports = await core.group('Test reports', async () => {
    const out: Report[] = [];
    let files: string[] = [];
    try {
      files = await collectReports(settings.reports, workspace);
      reportFiles = files;
    } catch (e) {
      keep(e);
    }
    for (const file of files) {
      const shown = displayPath(file, workspace);
      try {
        const report = parseJunit(shown, decodeReport(shown, await readInsideWorkspace(file, workspace, 'the report')));
        out.push(report);
        logUntrusted(`${shown}: ${report.cases.length} test cases`);
      } catch (e) {
        keep(e);
      }
    }
    return out;
  });

  const anomalyLists = await core.group('Known anomalies', async () => {
    const out: AnomalyList[] = [];
    if (settings.anomalies !== undefined) {
      try {
        const bytes = await readInsideWorkspace(settings.anomalies, workspace, 'the anomaly list');
        out.push(readAnomalies(displayPath(path.resolve(workspace, settings.anomalies), workspace), new TextDecoder().decode(bytes)));
      } catch (e) {
        keep(e);
      }
    }
    if (settings.anomalyLabel !== undefined) {
      try {
        const issues = await fetchLabelledIssues(settings.githubToken, env['GITHUB_REPOSITORY'] ?? '', settings.anomalyLabel);
        out.push(anomaliesFromIssues(settings.anomalyLabel, issues));
      } catch (e) {
        keep(e);
      }
    }
    for (const l of out) logUntrusted(`${l.anomalies.length} known anomalies in ${l.file}`);
    return out;
  });

  const outcome = evaluate({
    list,
    reports,
    anomalyLists,
    problems,
    pattern: settings.requirementPattern,
    idVariants: settings.idVariants,
    policy: { untracedTests: settings.untracedTests },
    provenance: {
      requirementsFile: list?.file ?? settings.requirements,
      requirementPattern: settings.requirementPatternSource,
      ...(env['GITHUB_REPOSITORY'] ? { repository: env['GITHUB_REPOSITORY'] } : {}),
      ...(env['GITHUB_SHA'] ? { commit: env['GITHUB_SHA'] } : {}),
      ...(env['GITHUB_REF'] ? { ref: env['GITHUB_REF'] } : {}),
    },
    workspace,
  });

  const evidenceDir = await evidenceFolder(settings.evidenceDir, workspace);
  const jsonPath = path.join(evidenceDir, EVIDENCE_FILES.json);
  await writeChunks(jsonPath, evidenceJsonChunks(outcome.evidence));
  await writeNew(path.join(evidenceDir, EVIDENCE_FILES.html), renderEvidenceHtml(outcome.evidence));
  await writeNew(path.join(evidenceDir, EVIDENCE_FILES.markdown), renderSummary(outcome.evidence, { budgetBytes: Number.POSITIVE_INFINITY }));
  await writeChunks(path.join(evidenceDir, EVIDENCE_FILES.csv), matrixCsvChunks(outcome.evidence));
  if (settings.anomalies !== undefined || settings.anomalyLabel !== undefined) {
    await writeNew(path.join(evidenceDir, EVIDENCE_FILES.anomaliesMarkdown), renderAnomaliesMarkdown(outcome.evidence));
    await writeNew(path.join(evidenceDir, EVIDENCE_FILES.anomaliesCsv), renderAnomaliesCsv(outcome.evidence));
  }

  const summary = renderSummary(outcome.evidence, { evidencePath: displayPath(jsonPath, workspace) });
  if (env['GITHUB_STEP_SUMMARY']) await fs.appendFile(env['GITHUB_STEP_SUMMARY'], summary);
  annotate(outcome.annotations);

  core.setOutput('passed', String(outcome.verdict.passed));
  core.setOutput('coverage', String(outcome.verdict.coverage));
  core.setOutput('report-json', jsonPath);
  core.setOutput('evidence-dir', evidenceDir);

  if (outcome.verdict.passed) {
    core.info(`Release gate passed: ${outcome.evidence.requirements.length} requirements verified.`);
    // The archive is built only now; the release code and its clients load only on this path.
    try {
      const { release } = await import('./release/run-release.js');
      const archived = await core.group('Release archive', () =>
        release({
          settings: releaseSettings,
          evidence: outcome.evidence,
          passed: outcome.verdict.passed,
          workspace,
          evidenceDir,
          reports: reportFiles,
          lists: [settings.requirements, ...(settings.anomalies !== undefined ? [settings.anomalies] : [])],
          env,
          now: new Date(),
          actionVersion: packageJson.version,
          token: settings.githubToken,
          log: (line) => logUntrusted(line),
        }),
      );
      for (const [name, value] of Object.entries(archived.outputs)) core.setOutput(name, value);
      if (env['GITHUB_STEP_SUMMARY']) await fs.appendFile(env['GITHUB_STEP_SUMMARY'], `\n${archived.summary}`);
    } catch (e) {
      if (!(e instanceof UserError || e instanceof UserErrors)) throw e;
      core.setFailed(`The release gate passed, but the release archive failed: ${e.message}`);
    }
  } else {
    core.setFailed(failureMessage(outcome.verdict.reasons.map((r) => r.message), displayPath(jsonPath, workspace)));
  }
}
