import { isUserError, type UserError } from './errors.js';
import { GateRun, type GateOutcome, type RunContext } from './evaluate.js';
import type { FoundReports } from './io/collect-reports.js';
import { displayPath } from './io/files.js';
import { readLists } from './io/read-lists.js';
import { readReport } from './io/read-report.js';
import { checkSoupPhase } from './io/read-soup.js';
import type { RunLog } from './io/run-log.js';
import type { Finding, Report } from './model/index.js';
import { EvidenceWriter, type EvidenceSinks } from './report/evidence-writer.js';
import { readRecord, rewordedRequirements, withSuspects } from './release/release-record.js';
import type { Settings } from './settings.js';
import { matrixLegs } from './trace/matrix-legs.js';
import { compareText } from './trace/trace.js';

/** Reads one report file, shown in messages as `shown`. */
export type ReadReport = (file: string, shown: string) => Promise<Report>;

/**
 * The gate from validated settings and the collected reports: lists, reports, verdict, evidence. The
 * evidence goes to `sinks`; what to say about it (outputs, summary, annotations) is the caller's.
 * `findings` are those of the checks outside the trace (the release's identity), made before.
 */
export async function runGate(
  settings: Settings,
  reports: FoundReports,
  sinks: EvidenceSinks,
  context: RunContext,
  log: RunLog,
  findings: readonly Finding[] = [],
): Promise<GateOutcome> {
  const problems: UserError[] = [];
  const lists = await readLists(settings, context.workspace, context.repository ?? '', (e) => keepUserErrors(e, (p) => problems.push(p)), log);
  const read = await log.group('Release record', () => readRecord(settings, context.workspace, context.today, lists, log));
  const files = reports.files.map((file) => ({ file, shown: displayPath(file, context.workspace) })).sort((a, b) => compareText(a.shown, b.shown));
  // Reports downloaded from the jobs of a matrix, one folder each: every test is labelled with its leg.
  const gate = GateRun.start(settings, lists, { ...context, legs: matrixLegs(files.map((f) => f.shown)) }, problems);
  for (const f of findings) gate.finding(f);
  gate.watchTestFiles(rewordedRequirements(read.record));
  try {
    if (settings.soup !== undefined) await checkSoupPhase(settings.soup, context.workspace, gate, log);
    const writer = await EvidenceWriter.open(sinks);
    await traceReports(reports.problems, files, (file, shown) => readReport(file, shown, context.workspace), gate, writer, log);
    const record = await withSuspects(read, gate.testFiles(), settings, context.workspace);
    for (const f of record.findings) gate.finding(f);
    const outcome = gate.finish();
    await writer.finish(outcome.evidence, {
      anomalies: settings.anomalies !== undefined || settings.anomalyLabel !== undefined,
      record: record.record,
      anomalyList: lists.anomalies.flatMap((l) => l.anomalies),
    });
    return outcome;
  } finally {
    await sinks.dispose();
  }
}

/**
 * The reports phase, over `files` in evidence order (by the path shown). Reports are read one at a time,
 * and each report's tests are written before the next is read: memory is bounded by the largest
 * report, not by their sum.
 */
export async function traceReports(
  problems: readonly UserError[],
  files: readonly { readonly file: string; readonly shown: string }[],
  read: ReadReport,
  gate: GateRun,
  writer: EvidenceWriter,
  log: RunLog,
): Promise<void> {
  try {
    await log.group('Test reports', async () => {
      for (const problem of problems) gate.problem(problem);
      for (const { file, shown } of files) {
        let report: Report;
        try {
          report = await read(file, shown);
        } catch (e) {
          keepUserErrors(e, (p) => gate.problem(p));
          continue;
        }
        const tests = await writer.addTests(gate.add(report));
        // Tests as every count of the evidence counts them; the test cases too when retries were merged.
        const attempts = report.cases.length === tests ? '' : ` (from ${report.cases.length} test cases: attempts of a retried test merged)`;
        log.untrusted(`${shown}: ${tests} ${tests === 1 ? 'test' : 'tests'}${attempts}`);
      }
    });
  } catch (e) {
    await writer.abort();
    throw e;
  }
  await writer.endTests();
}

/** The run's context from where the CI says it runs (GitHub, GitLab, Jenkins; nothing on a laptop) and the clock. */
export function contextOf(workspace: string, ci: { readonly repository: string | null; readonly commit: string | null; readonly ref: string | null }, now: Date): RunContext {
  return {
    workspace,
    today: now.toISOString().slice(0, 10),
    ...(ci.repository ? { repository: ci.repository } : {}),
    ...(ci.commit ? { commit: ci.commit } : {}),
    ...(ci.ref ? { ref: ci.ref } : {}),
  };
}

/** A user's mistake is kept (each of several); anything else is a bug and goes on up. */
function keepUserErrors(e: unknown, into: (p: UserError) => void): void {
  if (!isUserError(e)) throw e;
  e.problems.forEach(into);
}
