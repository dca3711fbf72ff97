/**
 * `release-gate validate`: the built-in validation cases (src/validation/cases.ts) run against this
 * installed version, each in a workspace of its own through the same settings and `runGate` as
 * `check`; then the record (validation-record.md) and a JUnit report of it. Exit 0 only when every
 * case gave its expected verdict (and, for a failing case, its expected reason).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { settingsFromInputs } from '../action/settings.js';
import { isUserError, UserError } from '../errors.js';
import { findReports } from '../io/collect-reports.js';
import { EvidenceInMemory } from '../io/memory-sinks.js';
import type { RunLog } from '../io/run-log.js';
import { contextOf, runGate } from '../run-gate.js';
import { fileSystemReason } from '../system-faults.js';
import { VALIDATION_CASES, type ValidationCase } from '../validation/cases.js';
import { allAgree, JUNIT_FILE, RECORD_FILE, renderJunit, renderRecord, type CaseResult, type ValidationRun } from '../validation/record.js';
import { EXIT } from './check.js';
import { inert, paint, type Terminal } from './terminal.js';

const SILENT: RunLog = { group: (_name, work) => work(), info: () => undefined, untrusted: () => undefined };

export async function validate(options: { readonly outputDir: string; readonly version: string }, term: Terminal, cases: readonly ValidationCase[] = VALIDATION_CASES): Promise<number> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'release-gate-validate-'));
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const result = await runCase(c, path.join(scratch, c.id));
      results.push(result);
      const mark = result.agrees ? paint(term, 'green', 'ok  ') : paint(term, 'red', 'FAIL');
      term.out(`${mark} ${c.id} ${c.kind}: ${c.title}: expected ${c.expected}, got ${result.actual}${result.detail.length > 0 ? ` (${inert(result.detail.join(', '))})` : ''}`);
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
  const run: ValidationRun = {
    version: options.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    results,
  };
  const folder = path.resolve(options.outputDir);
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, RECORD_FILE), renderRecord(run));
    await fs.writeFile(path.join(folder, JUNIT_FILE), renderJunit(run));
  } catch (e) {
    const reason = fileSystemReason(e);
    if (reason === undefined) throw e;
    throw new UserError(`the validation record cannot be written to ${folder}: ${reason}; give a writable folder with --output-dir`, { file: folder });
  }
  const agreed = results.filter((r) => r.agrees).length;
  term.out('');
  term.out(allAgree(run) ? paint(term, 'green', `VALIDATED: all ${results.length} cases gave their expected verdict`) : paint(term, 'red', `NOT VALIDATED: ${results.length - agreed} of ${results.length} cases did not give their expected verdict`));
  term.out(`Record: ${path.join(folder, RECORD_FILE)}`);
  term.out(`JUnit report: ${path.join(folder, JUNIT_FILE)}`);
  return allAgree(run) ? EXIT.passed : EXIT.failed;
}

/** One case in its own workspace; a user error stopping the gate is an `error`, never agreement. */
export async function runCase(c: ValidationCase, workspace: string): Promise<CaseResult> {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  for (const [file, content] of Object.entries(c.files)) {
    const full = path.join(workspace, file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
  await fs.mkdir(workspace, { recursive: true });
  try {
    const settings = settingsFromInputs((name) => (c.inputs[name] ?? '').trim(), workspace);
    const reports = await findReports(settings.gate.reports, workspace);
    const outcome = await runGate(settings.gate, reports, new EvidenceInMemory(), contextOf(workspace, { repository: null, commit: null, ref: null }, new Date()), SILENT);
    const actual = outcome.verdict.passed ? 'pass' : 'fail';
    const codes = [...new Set(outcome.verdict.reasons.map((r) => r.code))];
    const agrees = actual === c.expected && (c.reason === undefined || codes.includes(c.reason));
    return { case: c, actual, detail: codes, agrees, time: seconds() };
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { case: c, actual: 'error', detail: [e.toString()], agrees: false, time: seconds() };
  }
}
