import fs from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { anomaliesFromIssues } from './catalogue/issue-anomalies.js';
import { readAnomalies } from './catalogue/read-anomalies.js';
import { readRequirements } from './catalogue/read-requirements.js';
import { isUserError, UserError, UserErrors } from './errors.js';
import { GateRun, type GateOutcome } from './evaluate.js';
import { findReports } from './io/collect-reports.js';
import { displayPath, evidenceFolder } from './io/files.js';
import { readListFile } from './io/read-list.js';
import { readReport } from './io/read-report.js';
import { runInWorker } from './io/worker.js';
import { annotate, appendStepSummary, logUntrusted, makeScratchFolder, runnerFault } from './io/runner.js';
import { closeAll, TextSink, writeChunks, writeNew } from './io/write-chunks.js';
import { fetchLabelledIssues } from './io/github-issues.js';
import type { AnomalyList, Report, RequirementList } from './model/index.js';
import { compareText } from './trace/trace.js';
import { renderAnomaliesCsv, renderAnomaliesMarkdown } from './report/anomaly-list.js';
import { EVIDENCE_FILES, evidenceJsonEnd, evidenceJsonHeadChunks, TestRecordLines, TEST_LINE_SEPARATOR } from './report/evidence.js';
import { TestCsvRows, TESTS_CSV_HEADER } from './report/tests-csv.js';
import { evidenceHtmlChunks } from './report/html.js';
import { matrixCsvChunks } from './report/matrix-csv.js';
import { countsLine, renderSummary } from './report/summary.js';
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

/** Reports of this many bytes in all, or more, are read in a worker thread (`RunOptions.entry`). */
export const WORKER_BYTES = 16 * 1024 * 1024;

export interface RunOptions {
  /**
   * URL of the entry script the run started from. With it, a run whose reports hold `WORKER_BYTES` or
   * more goes on in a worker thread started from that script (`runInWorker`), whose bounded young
   * generation keeps the memory of a large run down; a small run stays here, sparing the worker's
   * start-up time.
   */
  readonly entry?: string;
  /** The report files, already collected: the run of a worker thread. */
  readonly reports?: readonly string[];
}

/** What a worker thread is given. */
export interface WorkerData {
  readonly reports: readonly string[];
}

/**
 * settings -> load -> trace and judge -> report. The one place that catches: whatever goes wrong,
 * the step fails (a user's mistake with its message, anything else as a bug with its stack).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, options: RunOptions = {}): Promise<void> {
  try {
    const workspace = path.resolve(env['GITHUB_WORKSPACE'] ?? process.cwd());
    const settings = readSettings((name) => core.getInput(name), workspace);
    if (settings.githubToken !== '') core.setSecret(settings.githubToken);
    const releaseSettings = readReleaseSettings((name) => core.getInput(name));
    const collected = options.reports !== undefined ? { files: options.reports, problems: [] } : await findReports(settings.reports, workspace);
    if (options.entry !== undefined && collected.problems.length === 0) {
      const bytes = await totalBytes(collected.files);
      if (bytes >= WORKER_BYTES) {
        core.info(`${collected.files.length} ${collected.files.length === 1 ? 'report' : 'reports'} of ${(bytes / 1e6).toFixed(1)} MB: read in a worker thread`);
        const data: WorkerData = { reports: collected.files };
        const code = await runInWorker(options.entry, env, data);
        if (code !== 0) process.exitCode = code;
        return;
      }
    }
    await gate(settings, releaseSettings, workspace, env, collected);
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

/** The report files the `reports` input matches, and each match or line that is no report. */
interface Collected {
  readonly files: readonly string[];
  readonly problems: readonly UserError[];
}

/** Bytes of the files in all; a file that cannot be looked at counts 0 (reading it says why). */
async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map((f) => fs.stat(f).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

async function gate(settings: Settings, releaseSettings: ReleaseSettings, workspace: string, env: NodeJS.ProcessEnv, collected: Collected): Promise<void> {
  const problems: UserError[] = [];
  const keep = (e: unknown, into: (p: UserError) => void = (p) => problems.push(p)): void => {
    if (!isUserError(e)) throw e;
    e.problems.forEach(into);
  };

  const list = await core.group('Requirements list', async () => {
    try {
      const read = readRequirements(await readListFile(settings.requirements, workspace, 'the requirements list'), { pattern: settings.requirementPattern });
      core.info(`${read.requirements.length} requirements in ${read.file}`);
      return read;
    } catch (e) {
      keep(e);
      return undefined as RequirementList | undefined;
    }
  });

  // The anomalies come before the reports: each failing test is matched against them as it is read.
  const anomalyLists = await core.group('Known anomalies', async () => {
    const out: AnomalyList[] = [];
    if (settings.anomalies !== undefined) {
      try {
        out.push(readAnomalies(await readListFile(settings.anomalies, workspace, 'the anomaly list')));
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

  const run = new GateRun(
    {
      list,
      anomalyLists,
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
      today: new Date().toISOString().slice(0, 10),
    },
    problems,
  );

  // Reports are read one at a time, and each report's tests are written to the evidence before the
  // next is read: memory is bounded by the largest report, not by the sum of them.
  const evidenceDir = await evidenceFolder(settings.evidenceDir, workspace);
  const jsonPath = path.join(evidenceDir, EVIDENCE_FILES.json);
  const scratch = await makeScratchFolder(env);
  const testLines = path.join(scratch, 'tests.jsonl');
  let written = 0;
  const reportFiles = collected.files;
  try {
    const testsCsv = await TextSink.create(path.join(evidenceDir, EVIDENCE_FILES.tests));
    const jsonTests = await TextSink.create(testLines, 'the spool file of the test record in RUNNER_TEMP').catch(async (e: unknown) => {
      await testsCsv.discard();
      throw e;
    });
    try {
      await testsCsv.write(TESTS_CSV_HEADER);
      await core.group('Test reports', async () => {
        for (const problem of collected.problems) run.problem(problem);
        const files = reportFiles.map((file) => ({ file, shown: displayPath(file, workspace) })).sort((a, b) => compareText(a.shown, b.shown));
        for (const { file, shown } of files) {
          let report: Report;
          try {
            report = await readReport(file, shown, workspace);
          } catch (e) {
            keep(e, (p) => run.problem(p));
            continue;
          }
          const rows = new TestCsvRows();
          const lines = new TestRecordLines();
          let tests = 0;
          for (const t of run.add(report)) {
            tests++;
            const full = testsCsv.add(rows.row(t));
            if (jsonTests.add(`${written++ === 0 ? '\n    ' : TEST_LINE_SEPARATOR}${lines.line(t)}`) || full) {
              await jsonTests.flush();
              await testsCsv.flush();
            }
          }
          // Tests as every count of the evidence counts them; the test cases too when retries were merged.
          const attempts = report.cases.length === tests ? '' : ` (from ${report.cases.length} test cases: attempts of a retried test merged)`;
          logUntrusted(`${shown}: ${tests} ${tests === 1 ? 'test' : 'tests'}${attempts}`);
        }
      });
    } catch (e) {
      // A partial tests.csv must not stay behind as if it listed every test.
      await Promise.all([jsonTests.discard(), testsCsv.discard()]);
      throw e;
    }
    await closeAll([jsonTests, testsCsv]);

    const outcome = run.finish();
    const json = await TextSink.create(jsonPath);
    try {
      for (const chunk of evidenceJsonHeadChunks(outcome.evidence)) await json.write(chunk);
      await json.append(testLines);
      await json.write(evidenceJsonEnd(written));
    } catch (e) {
      await json.discard();
      throw e;
    }
    await json.close();
    await report(outcome, settings, releaseSettings, { workspace, env, evidenceDir, jsonPath, reportFiles });
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

interface Place {
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
  readonly evidenceDir: string;
  readonly jsonPath: string;
  readonly reportFiles: readonly string[];
}

/** The readable evidence, summary, annotations and outputs; then the release archive when the gate passed. */
async function report(outcome: GateOutcome, settings: Settings, releaseSettings: ReleaseSettings, place: Place): Promise<void> {
  const { workspace, env, evidenceDir, jsonPath } = place;
  await writeChunks(path.join(evidenceDir, EVIDENCE_FILES.html), evidenceHtmlChunks(outcome.evidence));
  await writeNew(path.join(evidenceDir, EVIDENCE_FILES.markdown), renderSummary(outcome.evidence, { budgetBytes: Number.POSITIVE_INFINITY }));
  await writeChunks(path.join(evidenceDir, EVIDENCE_FILES.csv), matrixCsvChunks(outcome.evidence));
  if (settings.anomalies !== undefined || settings.anomalyLabel !== undefined) {
    await writeNew(path.join(evidenceDir, EVIDENCE_FILES.anomaliesMarkdown), renderAnomaliesMarkdown(outcome.evidence));
    await writeNew(path.join(evidenceDir, EVIDENCE_FILES.anomaliesCsv), renderAnomaliesCsv(outcome.evidence));
  }

  const evidencePath = displayPath(jsonPath, workspace);
  core.setOutput('coverage', String(outcome.verdict.coverage));
  core.setOutput('report-json', jsonPath);
  core.setOutput('evidence-dir', evidenceDir);

  if (!outcome.verdict.passed) {
    await appendStepSummary(env, renderSummary(outcome.evidence, { evidencePath }));
    annotate(outcome.annotations);
    core.setOutput('passed', 'false');
    core.setFailed(failureMessage(outcome.verdict.reasons.map((r) => r.message), evidencePath));
    return;
  }

  // The gate passed: the release is done only once its archive is built and uploaded. `passed` is
  // written last, and true only when all of it succeeded; the summary waits to say how it ended.
  const released = await releaseArchive(outcome, settings, releaseSettings, place);
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

/** How the release after a passing gate ended: the outputs about the archive, the summary's paragraph, and what failed. */
interface Released {
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly failure?: string;
}

async function releaseArchive(outcome: GateOutcome, settings: Settings, releaseSettings: ReleaseSettings, place: Place): Promise<Released> {
  const { workspace, env, evidenceDir } = place;
  // The archive is built only now; the release code and its clients load only on this path.
  const releasing = await import('./release/run-release.js');
  const { renderReleaseFailure } = await import('./release/summary.js');
  try {
    const archived = await core.group('Release archive', () =>
      releasing.release({
        settings: releaseSettings,
        evidence: outcome.evidence,
        passed: outcome.verdict.passed,
        workspace,
        evidenceDir,
        reports: place.reportFiles,
        lists: [settings.requirements, ...(settings.anomalies !== undefined ? [settings.anomalies] : [])],
        env,
        now: new Date(),
        actionVersion: packageJson.version,
        token: settings.githubToken,
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
