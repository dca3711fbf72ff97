/**
 * The gate over reports held in memory, through the path the action runs (GateRun, the reports phase,
 * the evidence writer) with in-memory sinks: the outcome and the text of every evidence file.
 */
import type { UserError } from '../../src/errors.js';
import { GateRun, type GateOutcome, type GateSetup } from '../../src/evaluate.js';
import { EvidenceInMemory } from '../../src/io/memory-sinks.js';
import type { RunLog } from '../../src/io/run-log.js';
import type { Evidence, Report, TracedTest } from '../../src/model/index.js';
import { EvidenceWriter, type EvidenceFileName } from '../../src/report/evidence-writer.js';
import { traceReports } from '../../src/run-gate.js';
import { compareText } from '../../src/trace/trace.js';

export interface GateInput extends GateSetup {
  readonly reports: readonly Report[];
  /** Inputs that could not be read, each naming its file and line. */
  readonly problems: readonly UserError[];
}

export const QUIET_LOG: RunLog = { group: (_name, work) => work(), info: () => undefined, untrusted: () => undefined };

export interface GateRunResult extends GateOutcome {
  /** Each evidence file's text, by its name. */
  readonly files: ReadonlyMap<EvidenceFileName, string>;
}

export async function evaluate(input: GateInput): Promise<GateRunResult> {
  const gate = new GateRun(input, input.problems);
  const sinks = new EvidenceInMemory();
  const writer = await EvidenceWriter.open(sinks);
  // Each report by its place in the input, shown (and sorted) by its file.
  const files = input.reports.map((r, i) => ({ file: String(i), shown: r.file })).sort((a, b) => compareText(a.shown, b.shown));
  await traceReports([], files, (file) => Promise.resolve(input.reports[Number(file)]!), gate, writer, QUIET_LOG);
  const outcome = gate.finish();
  await writer.finish(outcome.evidence, { anomalies: (input.anomalyLists ?? []).length > 0 });
  return { ...outcome, files: sinks.files };
}

/** The evidence files the writer makes of an outcome and its tests, traced elsewhere (factories' runGate). */
export async function writeEvidence(gate: { readonly evidence: Evidence; readonly tests: readonly TracedTest[] }, anomalies = false): Promise<ReadonlyMap<EvidenceFileName, string>> {
  const sinks = new EvidenceInMemory();
  const writer = await EvidenceWriter.open(sinks);
  await writer.addTests(gate.tests);
  await writer.endTests();
  await writer.finish(gate.evidence, { anomalies });
  return sinks.files;
}

/** traceability.json as the writer writes it. */
export async function evidenceJson(gate: { readonly evidence: Evidence; readonly tests: readonly TracedTest[] }): Promise<string> {
  return (await writeEvidence(gate)).get('traceability.json') ?? '';
}

/** tests.csv as the writer writes it. */
export async function testsCsv(gate: { readonly evidence: Evidence; readonly tests: readonly TracedTest[] }): Promise<string> {
  return (await writeEvidence(gate)).get('tests.csv') ?? '';
}
